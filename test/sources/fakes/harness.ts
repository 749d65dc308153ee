/**
 * Test harness for the source contract suite: a real local HTTP server per test (Hono on 127.0.0.1, port 0),
 * a fake clock, recorded sleeps and injectable faults keyed by the ordinal of the search request.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createHttpClient } from '../../../src/lib/http.js';
import type { PollContext, Source, SourceIO } from '../../../src/sources/source.js';

export const NOW = Date.parse('2026-11-17T03:00:00Z');
export const MIN = 60_000;

/** A platform-neutral post that each fake renders in its own platform's shape. */
export interface FakeItem {
  id: string;
  at: number;
  text: string;
  author: string;
  followers: number;
  reposts: number;
  likes: number;
  replies: number;
  quotes: number;
}

export type Fault = '429' | '429-long' | '503' | 'html' | 'truncated' | 'malformed' | 'timeout' | 'empty' | '401-echo';

export interface Scenario {
  /** Search result pages, newest first (ascending platforms flatten them). */
  pages: FakeItem[][];
  /** Fault for the n-th search request (0-based), if any. */
  fault?: (n: number) => Fault | undefined;
  /** Counter values served on refresh, by item id. */
  refreshed?: Map<string, Partial<FakeItem>>;
  /** Filled by the fake: how many search requests it answered. */
  searches?: number;
  /** Text a 401 fault echoes back (to check secrets are redacted). */
  echo?: string;
}

export interface PlatformFake {
  name: string;
  source: Source<unknown>;
  config(base: string): Record<string, unknown>;
  env: Record<string, string>;
  /** The secret the config resolves to (checked never to leak), if any. */
  secret?: string;
  paged: boolean;
  app(s: Scenario): Hono;
  /** The externalId the source should give this item. */
  externalId(item: FakeItem): string;
}

let seq = 0;
/** A fake item `minutesAgo` before NOW, mentioning Acme. */
export function makeItem(minutesAgo: number, over: Partial<FakeItem> = {}): FakeItem {
  seq++;
  return { id: String(1000 + seq), at: NOW - minutesAgo * MIN, text: `Acme charged me twice (${seq})`, author: `user${seq}`, followers: 10 * seq, reposts: seq, likes: 2 * seq, replies: 3, quotes: 1, ...over };
}

/** Starts the app on 127.0.0.1 with a random port. */
export async function startFake(app: Hono): Promise<{ base: string; close(): Promise<void> }> {
  return new Promise((resolveStart) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolveStart({
        base: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => {
          const s = server as unknown as { closeAllConnections?: () => void; close(cb: () => void): void };
          s.closeAllConnections?.();
          s.close(() => done());
        }),
      });
    });
  });
}

/** An IO with a loopback-allowed client, a fixed clock, recorded sleeps and mid-range jitter. */
export function makeIO(now = NOW, files: Record<string, string> = {}): SourceIO & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    http: createHttpClient({ allowPrivate: true, now: () => now }),
    now: () => now,
    sleep: async (ms: number) => { sleeps.push(ms); },
    random: () => 0.5,
    readFile: async (p: string) => { if (p in files) return files[p]!; throw new Error(`ENOENT: no such file ${p}`); },
    sleeps,
  };
}

export function makeCtx(over: Partial<PollContext> = {}): PollContext {
  return { brandId: 'acme', terms: ['acme'], exclude: [], budget: 50, refresh: [], ...over };
}

/** Answers a search request: the platform body, unless the scenario injects a fault for this ordinal. */
export async function answer(s: Scenario, body: string, emptyBody: string, contentType = 'application/json'): Promise<Response> {
  const n = s.searches ?? 0;
  s.searches = n + 1;
  const fault = s.fault?.(n);
  const json = { 'content-type': contentType };
  switch (fault) {
    case undefined: return new Response(body, { headers: json });
    case 'empty': return new Response(emptyBody, { headers: json });
    case '429': return new Response('{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}', { status: 429, headers: { ...json, 'retry-after': '2' } });
    case '429-long': return new Response('{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}', { status: 429, headers: { ...json, 'retry-after': '3600' } });
    case '503': return new Response('<html><head><title>503 Service Unavailable</title></head><body>upstream down</body></html>', { status: 503, headers: { 'content-type': 'text/html' } });
    case 'html': return new Response('<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking your browser</body></html>', { headers: { 'content-type': 'text/html' } });
    case 'truncated': return new Response(body.slice(0, Math.floor(body.length / 2)), { headers: json });
    case 'malformed': return new Response(contentType.includes('xml') ? '<?xml version="1.0"?><nonsense><x/></nonsense>' : '{"unexpected":[1,2,3]}', { headers: json });
    case 'timeout': await new Promise((r) => setTimeout(r, 400)); return new Response(body, { headers: json });
    case '401-echo': return new Response(JSON.stringify({ error: 'AuthRequired', message: `token ${s.echo ?? ''} rejected` }), { status: 401, headers: json });
  }
}

/** Items of the requested page (by index), or [] past the end. */
export function pageAt(s: Scenario, index: number): FakeItem[] {
  return s.pages[index] ?? [];
}

/** Every distinct item of the scenario. */
export function allItems(s: Scenario): FakeItem[] {
  const m = new Map<string, FakeItem>();
  for (const p of s.pages) for (const it of p) m.set(it.id, it);
  return [...m.values()];
}

/** An item with its refreshed counters applied. */
export function withRefresh(s: Scenario, it: FakeItem): FakeItem {
  return { ...it, ...(s.refreshed?.get(it.id) ?? {}) };
}

const servers: { close(): Promise<void> }[] = [];

/** Runs one poll of `fake` against a fresh local server for the scenario (close with `closeFakes`). */
export async function pollFake(fake: PlatformFake, s: Scenario, opts: { cursor?: string | null; ctx?: Partial<PollContext>; config?: Record<string, unknown>; app?: Hono } = {}) {
  const server = await startFake(opts.app ?? fake.app(s));
  servers.push(server);
  const io = makeIO();
  const cfg = fake.source.parseConfig({ ...fake.config(server.base), ...opts.config }, fake.env);
  const result = await fake.source.poll(cfg, opts.cursor ?? null, io, makeCtx(opts.ctx));
  return { result, io, base: server.base };
}

/** Closes every server `pollFake` started. */
export async function closeFakes(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}
