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
}

/** Median followers of the brand's recent authors (the stand-in for unknown resharers). */
async function typicalFollowers(db: Db, brandId: string, since: number): Promise<number> {
  const rows = await db.selectFrom('posts').select('author_followers').where('brand_id', '=', brandId).where('created_at', '>=', since).where('author_followers', '>', 0).orderBy('author_followers').execute();
  return rows.length ? rows[Math.floor(rows.length / 2)]!.author_followers : 100;
}

/** Forecasts the `limit` most-reposted negative posts of a brand created in [from, now). */
export async function forecastTopPosts(db: Db, brandId: string, from: number, now: number, limit = 3): Promise<PostForecast[]> {
  const top = await db
    .selectFrom('posts as p')
    .innerJoin('engagement_snapshots as s', (j) => j.onRef('s.source_id', '=', 'p.source_id').onRef('s.external_id', '=', 'p.external_id'))
    .select(['p.id', 'p.source_id', 'p.external_id', 'p.author_handle', 'p.author_followers', 'p.created_at'])
    .select(sql<number>`max(s.reposts + s.quotes)`.as('shares'))
    .where('p.brand_id', '=', brandId)
    .where('p.created_at', '>=', from)
    .where('s.at', '<=', now)
    .where(sql<boolean>`coalesce(p.corrected_negative, p.negative) = 1`)
    .groupBy(['p.id'])
    .orderBy('shares', 'desc')
    .limit(limit)
    .execute();
  const typical = await typicalFollowers(db, brandId, from - 7 * 24 * 3600_000);
  const out: PostForecast[] = [];
  for (const p of top) {
    if (Number(p.shares) < 5) continue;
    const children = await db.selectFrom('posts').select(['created_at', 'author_followers']).where('source_id', '=', p.source_id).where('parent_external_id', '=', p.external_id).where('kind', 'in', ['repost', 'quote']).where('created_at', '<=', now).orderBy('created_at').execute();
    let reshares: { at: number; followers: number }[];
    let basis: PostForecast['basis'] = 'reposts';
    if (children.length >= Number(p.shares) / 2) {
      reshares = children.map((c) => ({ at: c.created_at, followers: c.author_followers || typical }));
    } else {
      basis = 'counters';
      const snaps = await db.selectFrom('engagement_snapshots').select(['at', 'reposts', 'quotes']).where('source_id', '=', p.source_id).where('external_id', '=', p.external_id).where('at', '<=', now).orderBy('at').execute();
      reshares = [];
      let prevAt = p.created_at;
      let prev = 0;
      for (const s of snaps) {
        const n = s.reposts + s.quotes - prev;
        for (let i = 1; i <= n; i++) reshares.push({ at: prevAt + ((s.at - prevAt) * i) / (n + 1), followers: typical });
        if (n > 0) prev += n;
        prevAt = s.at;
      }
    }
    out.push({ ...forecastCascade({ postedAt: p.created_at, authorFollowers: p.author_followers, reshares }, now), postId: p.id, externalId: p.external_id, author: p.author_handle, basis });
  }
  return out;
}
