/**
 * The one outbound HTTP seam: timeouts, a redirect limit, status classification and a private-address guard.
 * Sources and channels receive an `HttpClient`; tests point them at real local servers.
 */

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Default 10 s. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export type HttpFailureReason = 'timeout' | 'network' | 'rate-limited' | 'server-error' | 'client-error' | 'blocked-address' | 'bad-url';

/** Outcome of one request: a response with a 2xx status, or a classified failure. Never throws. */
export type HttpResult =
  | { ok: true; response: HttpResponse }
  | { ok: false; reason: HttpFailureReason; permanent: boolean; status?: number; retryAfterMs?: number; response?: HttpResponse; detail: string };

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResult>;
}

export interface HttpClientOptions {
  /** Allow loopback/private targets (tests and self-hosted webhooks); default false. */
  allowPrivate?: boolean;
  maxRedirects?: number;
  fetchImpl?: typeof fetch;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
}

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.0\.0\.0|\[?::1\]?$|\[?f[cd][0-9a-f]{2}:|\[?fe80:)/i;

/** True when a URL targets loopback, link-local or private ranges (a guard for user-set URLs). */
export function isPrivateUrl(url: URL): boolean {
  return PRIVATE_HOST.test(url.hostname);
}

/** Parses Retry-After (seconds or HTTP date) or x-ratelimit-reset (epoch seconds) into milliseconds from now. */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const ra = headers['retry-after'];
  if (ra !== undefined) {
    const secs = Number(ra);
    if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(ra);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = headers['x-ratelimit-reset'] ?? headers['x-rate-limit-reset'] ?? headers['ratelimit-reset'];
  if (reset !== undefined && Number.isFinite(Number(reset))) {
    const n = Number(reset);
    // Large values are epoch seconds (X, Bluesky); small ones are seconds from now (IETF RateLimit-Reset).
    return n > 1e9 ? Math.max(0, n * 1000 - now) : Math.max(0, n * 1000);
  }
  return undefined;
}

/** Classifies a non-2xx status: 429 and 5xx are transient, other 4xx permanent. */
export function classifyStatus(status: number): { reason: HttpFailureReason; permanent: boolean } {
  if (status === 429) return { reason: 'rate-limited', permanent: false };
  if (status >= 500) return { reason: 'server-error', permanent: false };
  if (status === 408) return { reason: 'timeout', permanent: false };
  return { reason: 'client-error', permanent: true };
}

/** Creates the HTTP client over fetch. */
export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const doFetch = opts.fetchImpl ?? fetch;
  const now = opts.now ?? Date.now;
  const maxRedirects = opts.maxRedirects ?? 3;
  return {
    async request(req) {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return { ok: false, reason: 'bad-url', permanent: true, detail: 'not a valid URL' };
      }
      for (let hop = 0; ; hop++) {
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'bad-url', permanent: true, detail: `unsupported scheme ${url.protocol}` };
        if (!opts.allowPrivate && isPrivateUrl(url)) return { ok: false, reason: 'blocked-address', permanent: true, detail: `refusing private address ${url.hostname}` };
        let res: Response;
        try {
          res = await doFetch(url, {
            method: req.method ?? 'GET',
            headers: req.headers,
            body: req.body,
            redirect: 'manual',
            signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
          });
        } catch (err) {
          const e = err as Error;
          const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
          return { ok: false, reason: timedOut ? 'timeout' : 'network', permanent: false, detail: timedOut ? `no answer within ${req.timeoutMs ?? 10_000} ms` : (e.cause as Error | undefined)?.message ?? e.message };
        }
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => { headers[k] = v; });
        if (res.status >= 300 && res.status < 400 && headers.location) {
          await res.body?.cancel();
          if (hop >= maxRedirects) return { ok: false, reason: 'client-error', permanent: true, status: res.status, detail: `more than ${maxRedirects} redirects` };
          url = new URL(headers.location, url);
          continue;
        }
        let text: string;
        try {
          text = await res.text();
        } catch (err) {
          return { ok: false, reason: 'network', permanent: false, status: res.status, detail: `body read failed: ${(err as Error).message}` };
        }
        const response = { status: res.status, headers, text };
        if (res.status >= 200 && res.status < 300) return { ok: true, response };
        const c = classifyStatus(res.status);
        return { ...c, ok: false, status: res.status, retryAfterMs: retryAfterMs(headers, now()), response, detail: `HTTP ${res.status}: ${text.slice(0, 200)}` };
      }
    },
  };
}
