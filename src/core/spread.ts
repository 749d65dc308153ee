/** Spread windows: what a brand's negative posts did in one fixed window, from posts and engagement snapshots. */
import type { EngagementSnapshot, SpreadWindow } from './types.js';

export interface WindowPost {
  key: string;
  createdAt: number;
  negative: boolean;
  authorFollowers: number;
  isOwn: boolean;
}

export interface WindowSnapshot extends EngagementSnapshot {
  key: string;
}

const total = (s: EngagementSnapshot) => s.reposts + s.quotes + s.replies;

/**
 * Aggregates one window [start, end). Engagement velocity is the growth of reposts + quotes + replies on negative
 * posts between `prevTotals` (each post's last total before the window; 0 for posts born inside it) and the last
 * snapshot inside the window. `snapshots` are those taken inside the window.
 */
export function computeSpreadWindow(
  brandId: string,
  start: number,
  end: number,
  posts: WindowPost[],
  snapshots: WindowSnapshot[],
  prevTotals: ReadonlyMap<string, number>,
  complete: boolean,
): SpreadWindow {
  let count = 0;
  let negPosts = 0;
  let reach = 0;
  for (const p of posts) {
    if (p.createdAt < start || p.createdAt >= end || p.isOwn) continue;
    count++;
    if (p.negative) {
      negPosts++;
      reach += p.authorFollowers;
    }
  }
  let negEngagement = 0;
  for (const [key, last] of latestTotals(snapshots)) negEngagement += Math.max(0, last - (prevTotals.get(key) ?? 0));
  const minutes = (end - start) / 60_000;
  return {
    brandId,
    start,
    end,
    posts: count,
    negPosts,
    negEngagement,
    negEngagementPerMin: minutes > 0 ? negEngagement / minutes : 0,
    reach,
    complete,
  };
}

/** The highest reposts + quotes + replies seen per post (counters only grow; a lower reading is a stale replica). */
export function latestTotals(snapshots: WindowSnapshot[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of snapshots) out.set(s.key, Math.max(out.get(s.key) ?? 0, total(s)));
  return out;
}

/** Floors a time to its window start. */
export function windowStart(t: number, windowMs: number): number {
  return Math.floor(t / windowMs) * windowMs;
}
