/**
 * The Source interface: one file per platform, registered in `registry.ts`.
 * A source turns (config, cursor) into posts, engagement snapshots and the next cursor; the poller stores the posts
 * and only then saves the cursor, so a crash mid-poll loses nothing and duplicates nothing (upsert by source + id).
 */
import type { EngagementSnapshot, SourcePost } from '../core/types.js';
import type { HttpClient } from '../lib/http.js';

/** A classified failure, with the platform's message redacted of secrets. */
export interface SourceError {
  permanent: boolean;
  reason: 'auth' | 'rate-limited' | 'timeout' | 'server-error' | 'bad-response' | 'bad-config' | 'network' | 'not-found';
  /** Human readable, safe to show on the dashboard. */
  detail: string;
  /** When the platform asked us to wait (429 Retry-After / reset headers). */
  retryAfterMs?: number;
}

export interface PollOk {
  ok: true;
  posts: SourcePost[];
  snapshots: EngagementSnapshot[];
  /** Opaque, JSON-serialisable; saved only after the posts are committed. */
  cursor: string | null;
  /** Requests spent this cycle (for the per-cycle budget and the closing note). */
  requests: number;
  /** A cheap volume signal when the platform offers one (e.g. X counts, RSS media pickups). */
  volumeHint?: number;
}

export type PollResult = PollOk | { ok: false; error: SourceError; requests: number };

export interface SourceIO {
  http: HttpClient;
  now(): number;
  /** Reads a local file (replay/import); absent on Workers. */
  readFile?(path: string): Promise<string>;
  /** Waits (backoff); tests inject a fake. */
  sleep(ms: number): Promise<void>;
  /** Random in [0,1) for jitter; tests inject a fixed one. */
  random(): number;
}

export interface PollContext {
  brandId: string;
  /** The brand's search terms (aliases and queries), already expanded per language. */
  terms: string[];
  /** Terms that exclude a post. */
  exclude: string[];
  /** Max requests this cycle. */
  budget: number;
  /** External ids of young posts whose counters should be re-read this cycle (engagement tracking). */
  refresh: string[];
}

/** JSON-schema-like description of a config field, listed by `emberwatch sources --json`. */
export interface FieldSchema {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  required?: boolean;
  secret?: boolean;
  description: string;
  default?: unknown;
}

export interface Source<Cfg> {
  kind: string;
  description: string;
  configSchema: Record<string, FieldSchema>;
  /** Validates raw config (from the brand's YAML, secrets resolved from env); throws an Error naming the field. */
  parseConfig(raw: Record<string, unknown>, env: Record<string, string | undefined>): Cfg;
  poll(cfg: Cfg, cursor: string | null, io: SourceIO, ctx: PollContext): Promise<PollResult>;
}
