/**
 * SMTP through nodemailer, as `(msg: MailMessage) => Promise<Delivery>` for the email channel.
 * Classifies SMTP errors: refused connections, timeouts and 4xx replies are transient; 5xx and auth failures permanent.
 */
import nodemailer from 'nodemailer';
import type { Delivery, MailMessage } from '../channels/channel.js';
import { failure } from '../channels/outcome.js';

export interface SmtpOptions {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when offered. */
  secure?: boolean;
  user?: string;
  pass?: string;
  /** Accept self-signed certificates (local relays, tests). */
  allowInsecureTls?: boolean;
  /** Connection, greeting and socket timeouts; default 15 s. */
  timeoutMs?: number;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

const NETWORK_CODES = new Set(['ECONNECTION', 'ECONNREFUSED', 'ECONNRESET', 'ESOCKET', 'EDNS', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Classifies a nodemailer error into a Delivery; the SMTP password never appears in the detail. */
export function classifySmtpError(err: unknown, secrets: readonly string[]): Delivery {
  const e = err as SmtpError;
  const code = e?.code ?? '';
  const status = e?.responseCode;
  const detail = `${code ? code + ' ' : ''}${status ? status + ' ' : ''}${e?.response ?? e?.message ?? String(err)}`;
  if (code === 'EAUTH') return failure('bad-config', true, `authentication failed: ${detail}`, secrets);
  if (typeof status === 'number' && status >= 500) return failure('rejected', true, detail, secrets);
  if (typeof status === 'number' && status >= 400) return failure('server-error', false, detail, secrets);
  if (code === 'ETIMEDOUT' || /timeout/i.test(e?.message ?? '')) return failure('timeout', false, detail, secrets);
  if (NETWORK_CODES.has(code) || (e as { errno?: unknown })?.errno !== undefined) return failure('network', false, detail, secrets);
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return failure('bad-config', true, detail, secrets);
  return failure('network', false, detail, secrets);
}

/** Creates the mail sender. The Message-ID derives from the idempotency key, so a resend is recognisable downstream. */
export function createSmtpMailer(opts: SmtpOptions): { send(msg: MailMessage): Promise<Delivery>; close(): void } {
  const timeout = opts.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure ?? false,
    auth: opts.user ? { user: opts.user, pass: opts.pass ?? '' } : undefined,
    tls: opts.allowInsecureTls ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const secrets = opts.pass ? [opts.pass] : [];
  return {
    async send(msg) {
      const domain = msg.from.split('@')[1] ?? 'emberwatch.local';
      try {
        const info = await transport.sendMail({
          from: msg.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          messageId: `<${msg.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}>`,
          attachments: (msg.attachments ?? []).map((a) => ({ filename: a.filename, cid: a.cid, contentType: a.contentType, content: Buffer.from(a.content) })),
        });
        return { ok: true, id: info.messageId };
      } catch (err) {
        return classifySmtpError(err, secrets);
      }
    },
    close() {
      transport.close();
    },
  };
}
