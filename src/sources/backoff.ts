/**
 * Polite request helpers: exponential backoff with full jitter, Retry-After honoured, and a per-cycle request budget.
 * A poll builds one `Caller`; every request of the cycle goes through it, so the budget and the retries are counted once.
 */
import type { HttpRequest, HttpResponse, HttpResult } from '../lib/http.js';
import type { SourceError, SourceIO } from './source.js';
import { asArr, asObj, asStr, htmlTitle, parseJsonBody } from './json.js';
import { redactSecrets } from './redact.js';

/** Delay before retry `attempt` (0-based): full jitter over base·2^attempt, capped. */
export function backoffDelayMs(attempt: number, random: () => number, baseMs = 1000, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/** When a failing source should next be polled: the platform's Retry-After if longer, else the interval doubled per consecutive failure (capped at 1 h). */
export function nextPollDelayMs(intervalMs: number, consecutiveFailures: number, retryAfterMs: number | undefined, random: () => number): number {
  const backed = consecutiveFailures <= 0 ? intervalMs : Math.min(3_600_000, intervalMs * 2 ** Math.min(consecutiveFailures, 10));
  const jittered = Math.round(backed * (0.9 + 0.2 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}

export type CallResult<T> = { ok: true; value: T; response: HttpResponse } | { ok: false; error: SourceError };

export interface CallerOptions {
  platform: string;
  /** Secret values to strip from any message. */
  secrets: (string | undefined)[];
  /** Requests allowed this cycle. */
  budget: number;
  /** Retries of a transient failure within the cycle (default 2). */
  maxRetries?: number;
  /** Longest Retry-After we wait out inside a cycle; longer ones end the cycle with the wait attached (default 30 s). */
  maxWaitMs?: number;
  timeoutMs?: number;
}

export interface Caller {
  /** Sends a request and parses JSON; transient failures are retried with backoff within the budget. */
  json(req: HttpRequest): Promise<CallResult<unknown>>;
  /** Sends a request and returns the raw response (RSS, conditional GET). */
  raw(req: HttpRequest): Promise<CallResult<HttpResponse> | { ok: false; error: SourceError; status?: number; response?: HttpResponse }>;
  /** Requests spent so far. */
  used(): number;
  remaining(): number;
  /** A SourceError with secrets redacted. */
  error(reason: SourceError['reason'], detail: string, permanent: boolean, retryAfterMs?: number): SourceError;
}

/** Builds the per-cycle caller over `io`. */
export function createCaller(io: SourceIO, opts: CallerOptions): Caller {
  let used = 0;
  const maxRetries = opts.maxRetries ?? 2;
  const maxWaitMs = opts.maxWaitMs ?? 30_000;
  const mkError = (reason: SourceError['reason'], detail: string, permanent: boolean, retryAfterMs?: number): SourceError => {
    const e: SourceError = { permanent, reason, detail: redactSecrets(`${opts.platform}: ${detail}`, opts.secrets).slice(0, 400) };
    if (retryAfterMs !== undefined) e.retryAfterMs = retryAfterMs;
    return e;
  };

  async function send(req: HttpRequest): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: SourceError; status?: number; response?: HttpResponse }> {
    for (let attempt = 0; ; attempt++) {
      if (used >= opts.budget) return { ok: false, error: mkError('rate-limited', `request budget of ${opts.budget} per cycle spent`, false) };
      used++;
      const res: HttpResult = await io.http.request({ timeoutMs: opts.timeoutMs, ...req });
      if (res.ok) return res;
      const error = failureToError(res, mkError);
      const retryable = !res.permanent && attempt < maxRetries && used < opts.budget;
      const wait = res.retryAfterMs ?? backoffDelayMs(attempt, io.random);
      if (!retryable || wait > maxWaitMs) return { ok: false, error, status: res.status, response: res.response };
      await io.sleep(wait);
    }
  }

  return {
    async json(req) {
      const res = await send(req);
      if (!res.ok) return { ok: false, error: res.error };
      const parsed = parseJsonBody(res.response.text);
      if (!parsed.ok) return { ok: false, error: mkError('bad-response', parsed.detail, false) };
      return { ok: true, value: parsed.value, response: res.response };
    },
    async raw(req) {
      const res = await send(req);
      if (!res.ok) return res;
      return { ok: true, value: res.response, response: res.response };
    },
    used: () => used,
    remaining: () => Math.max(0, opts.budget - used),
    error: mkError,
  };
}

type MkError = (reason: SourceError['reason'], detail: string, permanent: boolean, retryAfterMs?: number) => SourceError;

/** Maps an HTTP failure to a SourceError with the platform's own message. */
function failureToError(res: Extract<HttpResult, { ok: false }>, mk: MkError): SourceError {
  const msg = res.response ? platformMessage(res.response.text) : res.detail;
  const where = res.status ? `HTTP ${res.status}` : res.reason;
  const detail = `${where}: ${msg}`;
  switch (res.reason) {
    case 'rate-limited': return mk('rate-limited', detail, false, res.retryAfterMs);
    case 'server-error': return mk('server-error', detail, false, res.retryAfterMs);
    case 'timeout': return mk('timeout', res.detail, false);
    case 'network': return mk('network', res.detail, false);
    case 'blocked-address':
    case 'bad-url': return mk('bad-config', res.detail, true);
    case 'client-error':
      if (res.status === 401 || res.status === 403) return mk('auth', detail, true);
      if (res.status === 404 || res.status === 410) return mk('not-found', detail, true);
      if (res.status === 400 || res.status === 422) return mk('bad-config', detail, true);
      return mk('bad-response', detail, true);
  }
}

/** The platform's error message from a JSON error body or an HTML page, shortened. */
export function platformMessage(text: string): string {
  const parsed = parseJsonBody(text);
  if (parsed.ok) {
    const o = asObj(parsed.value);
    const first = asObj(asArr(o?.errors)?.[0]);
    const parts = [asStr(o?.error), asStr(o?.message) ?? asStr(o?.msg) ?? asStr(o?.error_description) ?? asStr(first?.message) ?? asStr(first?.detail)];
    const s = parts.filter(Boolean).join(': ');
    if (s) return s.slice(0, 200);
  }
  if (text.trimStart().startsWith('<')) return `HTML error page${htmlTitle(text)}`;
  return text.replace(/\s+/g, ' ').trim().slice(0, 160) || '(empty body)';
}
