/** Minimal types for mailparser (it ships none), covering what the email tests read. */
declare module 'mailparser' {
  export interface ParsedAttachment {
    filename?: string;
    contentType: string;
    contentId?: string;
    cid?: string;
    content: Buffer;
    related?: boolean;
  }
  export interface ParsedMail {
    subject?: string;
    text?: string;
    html: string | false;
    messageId?: string;
    attachments: ParsedAttachment[];
  }
  export function simpleParser(source: Buffer | string | NodeJS.ReadableStream, options?: { keepCidLinks?: boolean }): Promise<ParsedMail>;
}
