/**
 * Cascade forecasts for a brand's most-spread negative posts. Reshares come from the repost/quote posts a source
 * returned (exact times and followers) or, where a platform only gives counters, from the growth of the post's
 * repost counter between snapshots (spread evenly across each interval, each resharer given the median follower
 * count of the brand's posting authors — an approximation the incident page states).
 */
import { sql } from 'kysely';
import { forecastCascade, type CascadeForecast } from '../core/cascade/index.js';
import type { Db } from '../db/schema.js';

export interface PostForecast extends CascadeForecast {
  postId: number;
  externalId: string;
  author: string;
  /** 'reposts' when built from repost posts, 'counters' when approximated from counter growth. */
  basis: 'reposts' | 'counters';
  postedAt: number;
  /** When the latest reshare was seen (for counters: the snapshot that first showed it), or null if none yet. */
  lastReshareAt: number | null;
}

/** Median followers of the brand's recent authors (the stand-in for unknown resharers). */
async function typicalFollowers(db: Db, brandId: string, since: number): Promise<number> {
  const rows = await db.selectFrom('posts').select('author_followers').where('brand_id', '=', brandId).where('created_at', '>=', since).where('author_followers', '>', 0).orderBy('author_followers').execute();
  return rows.length ? rows[Math.floor(rows.length / 2)]!.author_followers : 100;
}

type TopRow = { id: number; source_id: string; external_id: string; author_handle: string; author_followers: number; created_at: number; shares: number };

/** The reshares of one post as a cascade: its repost/quote posts when we have them, else its counter growth. */
async function forecastOne(db: Db, p: TopRow, typical: number, now: number): Promise<PostForecast> {
  const children = await db.selectFrom('posts').select(['created_at', 'author_followers']).where('source_id', '=', p.source_id).where('parent_external_id', '=', p.external_id).where('kind', 'in', ['repost', 'quote']).where('created_at', '<=', now).orderBy('created_at').execute();
  let reshares: { at: number; followers: number }[];
  let basis: PostForecast['basis'] = 'reposts';
  let lastReshareAt: number | null = null;
  if (children.length >= Number(p.shares) / 2) {
    reshares = children.map((c) => ({ at: c.created_at, followers: c.author_followers || typical }));
    lastReshareAt = children.length ? children[children.length - 1]!.created_at : null;
  } else {
    basis = 'counters';
    const snaps = await db.selectFrom('engagement_snapshots').select(['at', 'reposts', 'quotes']).where('source_id', '=', p.source_id).where('external_id', '=', p.external_id).where('at', '<=', now).orderBy('at').execute();
    reshares = [];
    let prevAt = p.created_at;
    let prev = 0;
    for (const s of snaps) {
      const n = s.reposts + s.quotes - prev;
      for (let i = 1; i <= n; i++) reshares.push({ at: prevAt + ((s.at - prevAt) * i) / (n + 1), followers: typical });
      // Counters only say a repost happened between two snapshots: the later snapshot is when we learned of it.
      if (n > 0) { prev += n; lastReshareAt = s.at; }
      prevAt = s.at;
    }
  }
  return { ...forecastCascade({ postedAt: p.created_at, authorFollowers: p.author_followers, reshares }, now), postId: p.id, externalId: p.external_id, author: p.author_handle, basis, postedAt: p.created_at, lastReshareAt };
}

function topPostsQuery(db: Db, brandId: string, now: number) {
  return db
    .selectFrom('posts as p')
    .innerJoin('engagement_snapshots as s', (j) => j.onRef('s.source_id', '=', 'p.source_id').onRef('s.external_id', '=', 'p.external_id'))
    .select(['p.id', 'p.source_id', 'p.external_id', 'p.author_handle', 'p.author_followers', 'p.created_at'])
    .select(sql<number>`max(s.reposts + s.quotes)`.as('shares'))
    .where('p.brand_id', '=', brandId)
    .where('s.at', '<=', now)
    .groupBy(['p.id']);
}

/** Forecasts the `limit` most-reposted negative posts of a brand created in [from, now). */
export async function forecastTopPosts(db: Db, brandId: string, from: number, now: number, limit = 3): Promise<PostForecast[]> {
  const top = await topPostsQuery(db, brandId, now)
    .where('p.created_at', '>=', from)
    .where(sql<boolean>`coalesce(p.corrected_negative, p.negative) = 1`)
    .orderBy('shares', 'desc')
    .limit(limit)
    .execute();
  const typical = await typicalFollowers(db, brandId, from - 7 * 24 * 3600_000);
  const out: PostForecast[] = [];
  for (const p of top) if (Number(p.shares) >= 5) out.push(await forecastOne(db, p, typical, now));
  return out;
}

/** Forecasts one post (an incident's watched post, whatever its age), or null when it has no engagement yet. */
export async function forecastPost(db: Db, brandId: string, postId: number, now: number): Promise<PostForecast | null> {
  const p = await topPostsQuery(db, brandId, now).where('p.id', '=', postId).executeTakeFirst();
  if (!p) return null;
  return forecastOne(db, p, await typicalFollowers(db, brandId, p.created_at - 7 * 24 * 3600_000), now);
}

/** The peak reposts+quotes of each of the brand's negative posts created in [from, to): its usual reach. */
export async function pastPeaks(db: Db, brandId: string, from: number, to: number): Promise<number[]> {
  const rows = await topPostsQuery(db, brandId, to)
    .where('p.created_at', '>=', from)
    .where('p.created_at', '<', to)
    .where('p.kind', '=', 'post')
    .where(sql<boolean>`coalesce(p.corrected_negative, p.negative) = 1`)
    .execute();
  return rows.map((r) => Number(r.shares));
}
