/** What every alert about a brand's posts shows: the spread against its baseline and the posts that drive it. */
import { TOPICS, type AlertPost, type ChartPoint } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import { topNegativePosts } from '../db/queries/posts.js';
import { windowsBetween, type JudgedWindow } from '../db/queries/windows.js';
import type { Deps } from './deps.js';

/** Rank of a topic by gravity (TOPICS is ordered gravest first); unknown topics last. */
const gravity = (t: string) => {
  const i = (TOPICS as readonly string[]).indexOf(t);
  return i < 0 ? TOPICS.length : i;
};

/** The last 24 h of windows (stored, plus those judged in this cycle) as chart points. */
export async function chartFor(deps: Deps, brand: Brand, judged: JudgedWindow[], end: number): Promise<ChartPoint[]> {
  const from = end - 24 * 3600_000;
  const stored = await windowsBetween(deps.db, brand.id, from, end);
  const points = new Map<number, ChartPoint>();
  for (const w of stored) points.set(w.start, { t: w.start, observed: w.neg_posts, expected: w.expected, lo: w.band_lo, hi: w.band_hi });
  for (const j of judged) if (j.window.start >= from) points.set(j.window.start, { t: j.window.start, observed: j.window.negPosts, expected: j.decision.expected, lo: j.decision.band.lo, hi: j.decision.band.hi });
  return [...points.values()].sort((a, b) => a.t - b.t);
}

/** The brand's most-spread negative posts of the last 6 h, their topics (gravest first) and platforms. */
export async function keyPosts(deps: Deps, brand: Brand, end: number): Promise<{ posts: AlertPost[]; topics: string[]; platforms: string[] }> {
  const rows = await topNegativePosts(deps.db, brand.id, end - 6 * 3600_000, end, 5);
  const topics = new Map<string, number>();
  for (const r of rows) for (const t of JSON.parse(r.topics) as string[]) topics.set(t, (topics.get(t) ?? 0) + 1);
  return {
    posts: rows.map((r) => ({ text: r.text, url: r.url, author: r.author_handle, followers: r.author_followers, negativity: r.negativity, engagement: Number(r.engagement), platform: r.platform })),
    // Gravest first (TOPICS is ordered by gravity), so the playbook and the statement speak to the worst of it.
    topics: [...topics.keys()].sort((a, b) => gravity(a) - gravity(b)),
    platforms: [...new Set(rows.map((r) => r.platform))],
  };
}
