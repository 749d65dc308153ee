/** The shape every platform parser returns, and the shared tail of a poll (filter, dedupe, advance, report). */
import type { EngagementSnapshot, SourcePost } from '../core/types.js';
import type { PollContext, PollResult } from './source.js';
import { isExcluded } from './text.js';
import { advanceWatermark, freshItems, writeWatermark, type Watermark } from './watermark.js';

export interface PageItem {
  post: SourcePost;
  /** Counters read with the post, when the platform sends them inline. */
  snapshot?: EngagementSnapshot;
  /** The time the watermark follows (may differ from createdAt, e.g. Bluesky's indexedAt). */
  at: number;
}

export interface Page {
  items: PageItem[];
  /** Platform paging token for the next page; null at the end. */
  next: string | null;
  /** Items dropped because they lacked an id or a time. */
  skipped: number;
}

export interface Gathered {
  items: PageItem[];
  snapshots: EngagementSnapshot[];
  /** Cascade posts (reposts/quotes) found while refreshing; deduped by id, not watermarked. */
  cascade: SourcePost[];
  /** True when paging stopped before reaching the watermark (budget): the watermark must then stay put. */
  incomplete: boolean;
  ext?: Record<string, string>;
  volumeHint?: number;
}

/**
 * Finishes a poll: drops excluded and already-returned items, advances the watermark (or, when paging was cut
 * short, only remembers the returned ids so the gap is re-read next cycle) and reports the requests spent.
 */
export function finishPoll(w: Watermark, since: number, g: Gathered, ctx: PollContext, requests: number, overlapMs: number, now: number): PollResult {
  const stamped = g.items.map((it) => ({ ...it, id: it.post.externalId }));
  const fresh = freshItems(w, stamped, since).filter((it) => !isExcluded(it.post.text, ctx.exclude));
  const ext = g.ext ?? w.ext;
  const next = g.incomplete
    ? { wm: w.wm, seen: [...new Set([...w.seen, ...stamped.map((s) => s.id)])].slice(-5000), ext }
    : advanceWatermark(w, stamped, overlapMs, now, ext);
  const postIds = new Set(fresh.map((f) => f.post.externalId));
  const cascade = dedupeById(g.cascade).filter((p) => !postIds.has(p.externalId) && !isExcluded(p.text, ctx.exclude));
  const snapshots = [...fresh.flatMap((f) => (f.snapshot ? [f.snapshot] : [])), ...g.snapshots];
  const result: PollResult = { ok: true, posts: [...fresh.map((f) => f.post), ...cascade], snapshots: dedupeSnapshots(snapshots), cursor: writeWatermark(next), requests };
  if (g.volumeHint !== undefined) result.volumeHint = g.volumeHint;
  return result;
}

function dedupeById(posts: SourcePost[]): SourcePost[] {
  const m = new Map<string, SourcePost>();
  for (const p of posts) if (!m.has(p.externalId)) m.set(p.externalId, p);
  return [...m.values()];
}

/** One snapshot per post per cycle (the last read wins). */
function dedupeSnapshots(snaps: EngagementSnapshot[]): EngagementSnapshot[] {
  const m = new Map<string, EngagementSnapshot>();
  for (const s of snaps) m.set(s.externalId, s);
  return [...m.values()];
}
