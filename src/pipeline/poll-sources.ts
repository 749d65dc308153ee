/** Step 1 of a cycle: poll every due source, score its posts, commit posts + snapshots + cursor together. */
import { scoreText } from '../core/negativity/index.js';
import type { ScoredPost } from '../core/types.js';
import { brandTerms, type Brand, type SourceInstance } from '../config/brand.js';
import { commitPoll, getSourceState, recordSourceFailure } from '../db/queries/posts.js';
import { recordPoll, youngPosts } from '../db/queries/source-polls.js';
import type { Deps } from './deps.js';
import { checkSourceHealth } from './source-health.js';
import { adaptiveFor } from './adaptive.js';

/** Posts younger than this have their counters re-read each cycle (within the source's request budget). */
const TRACK_ENGAGEMENT_MS = 6 * 3600_000;
const MAX_REFRESH = 100;

export interface SourcePollOutcome {
  sourceId: string;
  ok: boolean;
  posts: number;
  requests: number;
  error?: string;
}

const MAX_BACKOFF_MS = 30 * 60_000;

/** Backoff after `failures` consecutive failures: exponential with full jitter, at least what the platform asked. */
export function backoffMs(failures: number, random: number, retryAfterMs?: number): number {
  const exp = Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, failures - 1));
  return Math.max(retryAfterMs ?? 0, Math.round(exp / 2 + (random * exp) / 2));
}

/** Scores posts for a brand, with its extra/ignored terms and the adaptive layer learned from its corrections. */
export async function scorePosts(deps: Deps, brand: Brand, posts: { text: string }[]): Promise<ScoredPost['score'][]> {
  const adaptive = await adaptiveFor(deps.db, brand.id);
  const overrides = adaptive ? { ...brand.negativity, adaptive } : brand.negativity;
  return posts.map((p) => scoreText(deps.config.negativity, p.text, overrides));
}

async function pollOne(deps: Deps, brand: Brand, src: SourceInstance, now: number): Promise<SourcePollOutcome> {
  const source = deps.sources[src.kind];
  if (!source) return { sourceId: src.id, ok: false, posts: 0, requests: 0, error: `unknown source kind ${src.kind}` };
  const state = await getSourceState(deps.db, src.id);
  if (state && state.next_attempt_at > now) return { sourceId: src.id, ok: true, posts: 0, requests: 0 };
  const terms = brandTerms(brand);
  const exclude = brand.queries.flatMap((q) => q.exclude);
  const refresh = await youngPosts(deps.db, src.id, now - TRACK_ENGAGEMENT_MS, MAX_REFRESH);
  let result;
  try {
    result = await source.poll(src.cfg, state?.cursor ?? null, deps.sourceIO, { brandId: brand.id, terms, exclude, budget: src.budget, refresh });
  } catch (err) {
    // A source that throws is a bug, but it must not stop the other sources or lose the cursor.
    result = { ok: false as const, requests: 0, error: { permanent: false, reason: 'bad-response' as const, detail: `source crashed: ${(err as Error).message}` } };
  }
  if (!result.ok) {
    const failures = (state?.consecutive_failures ?? 0) + 1;
    const wait = backoffMs(failures, deps.sourceIO.random(), result.error.retryAfterMs);
    await recordSourceFailure(deps.db, src.id, brand.id, `${result.error.permanent ? 'permanent' : 'transient'} ${result.error.reason}: ${result.error.detail}`, now + wait, now);
    await recordPoll(deps.db, src.id, { at: now, ok: false, posts: 0, requests: result.requests, reason: result.error.reason, detail: result.error.detail, permanent: result.error.permanent });
    await checkSourceHealth(deps, brand, src, now);
    deps.log(`source ${src.id} failed (${result.error.reason}): ${result.error.detail}; next try in ${Math.round(wait / 1000)} s`);
    return { sourceId: src.id, ok: false, posts: 0, requests: result.requests, error: result.error.detail };
  }
  const scores = await scorePosts(deps, brand, result.posts);
  const posts: ScoredPost[] = result.posts.map((p, i) => ({ ...p, brandId: brand.id, sourceId: src.id, score: scores[i]! }));
  await commitPoll(deps.db, { sourceId: src.id, brandId: brand.id, posts, ownAccounts: brand.ownAccounts, snapshots: result.snapshots, cursor: result.cursor, now });
  await recordPoll(deps.db, src.id, { at: now, ok: true, posts: posts.length, requests: result.requests });
  await checkSourceHealth(deps, brand, src, now);
  return { sourceId: src.id, ok: true, posts: posts.length, requests: result.requests };
}

/** Polls every source of every brand, one at a time (polite, and SQLite has one writer anyway). */
export async function pollSources(deps: Deps, now: number): Promise<SourcePollOutcome[]> {
  const out: SourcePollOutcome[] = [];
  for (const brand of deps.config.brands) for (const src of brand.sources) out.push(await pollOne(deps, brand, src, now));
  return out;
}
