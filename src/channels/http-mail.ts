/**
 * Email over an HTTP mail API, for runtimes without SMTP (Cloudflare Workers): one JSON POST per message in the
 * shape Resend's `POST /emails` takes ({from, to, subject, text, html, attachments}), with a bearer key and the
 * delivery's idempotency key as `Idempotency-Key`, so a retried send is not delivered twice by the provider.
 * Status classification comes from lib/http.ts (2xx sent; 429/5xx retried; other 4xx permanent).
 */
import type { HttpClient } from '../lib/http.js';
import type { Delivery, MailMessage } from './channel.js';
import { fromHttpFailure, jsonBody } from './outcome.js';

export interface HttpMailOptions {
  /** The provider's send endpoint, e.g. https://api.resend.com/emails. */
  url: string;
  apiKey: string;
  http: HttpClient;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The JSON body for one message (inline images keep their content id, so `cid:` references in the HTML work). */
export function httpMailBody(msg: MailMessage): Record<string, unknown> {
  const body: Record<string, unknown> = { from: msg.from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html };
  if (msg.attachments?.length) body.attachments = msg.attachments.map((a) => ({ filename: a.filename, content: base64(a.content), content_type: a.contentType, content_id: a.cid }));
  return body;
}

/** Creates the `mail` function of ChannelIO over an HTTP mail API. The API key never appears in a Delivery. */
export function createHttpMailer(opts: HttpMailOptions): (msg: MailMessage) => Promise<Delivery> {
  if (!/^https?:\/\//.test(opts.url)) throw new Error('MAIL_API_URL must be an http(s) URL');
  if (!opts.apiKey) throw new Error('MAIL_API_KEY is required with MAIL_API_URL');
  const secrets = [opts.apiKey];
  return async function sendHttpMail(msg) {
    const r = await opts.http.request({
      url: opts.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.apiKey}`, 'idempotency-key': msg.idempotencyKey },
      body: JSON.stringify(httpMailBody(msg)),
      timeoutMs: 15_000,
    });
    if (!r.ok) return fromHttpFailure(r, secrets);
    // A 2xx is accepted even without an id: retrying an accepted message could send it twice.
    const id = jsonBody(r.response.text)?.id;
    return typeof id === 'string' || typeof id === 'number' ? { ok: true, id: String(id) } : { ok: true };
  };
}
