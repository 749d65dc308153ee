/** Turns HTTP results and platform answers into a `Delivery`, with every secret redacted in one place. */
import type { HttpResult } from '../lib/http.js';
import type { ChannelIO, Delivery, FailureReason, Outbound } from './channel.js';
import { redact } from '../lib/redact.js';

export { redact };

const REASON: Record<string, FailureReason> = {
  timeout: 'timeout',
  network: 'network',
  'rate-limited': 'rate-limited',
  'server-error': 'server-error',
  'client-error': 'rejected',
  'blocked-address': 'bad-config',
  'bad-url': 'bad-config',
};

/** A failed Delivery with its detail redacted and clipped. */
export function failure(reason: FailureReason, permanent: boolean, detail: string, secrets: readonly string[], retryAfterMs?: number): Delivery {
  const d: Delivery = { ok: false, permanent, reason, detail: redact(detail, secrets).slice(0, 300) };
  if (retryAfterMs !== undefined) d.retryAfterMs = retryAfterMs;
  return d;
}

/** Maps a transport-level HTTP failure (timeouts, statuses) to a Delivery. */
export function fromHttpFailure(r: Extract<HttpResult, { ok: false }>, secrets: readonly string[]): Delivery {
  return failure(REASON[r.reason] ?? 'network', r.permanent, r.detail, secrets, r.retryAfterMs);
}

/** Parses a JSON body, or undefined when it is not JSON (some platforms answer plain text). */
export function jsonBody(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Chinese IM bots answer HTTP 200 with an error code in the body; a 200 is only success when the code says so.
 * `transientCodes` are rate limits and busy answers worth retrying; every other non-zero code is permanent.
 */
export function fromCodedBody(text: string, codeField: string, msgField: string, transientCodes: readonly number[], secrets: readonly string[], platform: string): Delivery {
  const body = jsonBody(text);
  const code = body?.[codeField] ?? body?.['StatusCode'];
  if (body === undefined || typeof code !== 'number') return failure('platform-error', false, `${platform} answered 200 without a ${codeField}: ${text.slice(0, 120)}`, secrets);
  if (code === 0) return { ok: true };
  const msg = String(body[msgField] ?? body['StatusMessage'] ?? '');
  const transient = transientCodes.includes(code);
  return failure(transient ? 'rate-limited' : 'platform-error', !transient, `${platform} ${codeField} ${code}: ${msg}`, secrets);
}

/** Sends parts in order, stopping at the first failure; the detail says which part failed. */
export async function sendParts<P>(parts: readonly P[], sendOne: (p: P) => Promise<Delivery>): Promise<Delivery> {
  let last: Delivery = { ok: true };
  for (const [i, p] of parts.entries()) {
    last = await sendOne(p);
    if (!last.ok) return parts.length > 1 ? { ...last, detail: `part ${i + 1}/${parts.length}: ${last.detail}` } : last;
  }
  return last;
}

/**
 * Posts each JSON part of a message in order, stopping at the first failure. `prepare` may sign the URL or the body
 * of each part; `answer` reads platforms that report errors inside a 200 body (Feishu `code`, DingTalk `errcode`).
 */
export async function postJsonParts(
  kind: string,
  msg: Outbound,
  io: ChannelIO,
  secrets: readonly string[],
  prepare: (body: unknown) => Promise<{ url: string; body: unknown }>,
  answer?: (text: string) => Delivery,
): Promise<Delivery> {
  return sendParts(msg.parts, async (part) => {
    if (part.kind !== 'json') return { ok: false, permanent: true, reason: 'bad-config', detail: `${kind} sends JSON parts only` };
    const { url, body } = await prepare(part.body);
    const r = await io.http.request({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) return fromHttpFailure(r, secrets);
    return answer ? answer(r.response.text) : { ok: true };
  });
}
