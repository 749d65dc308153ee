/**
 * Text files saved by Windows tools (Notepad, Excel's "CSV UTF-8", PowerShell) begin with a byte-order
 * mark. Node keeps it when decoding UTF-8, and JSON.parse rejects it, so without this the first record
 * of such a file was lost (score-text, lint-reply, imports) or the whole file refused (replay).
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
