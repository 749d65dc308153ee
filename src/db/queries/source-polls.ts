/** Poll outcomes per source: what health and window completeness are judged from. */
import { sql } from 'kysely';
import type { Db } from '../schema.js';
import type { PollOutcome } from '../../core/source-health.js';

export async function recordPoll(db: Db, sourceId: string, o: PollOutcome & { requests: number }): Promise<void> {
  await db.insertInto('source_polls').values({ source_id: sourceId, at: o.at, ok: o.ok ? 1 : 0, posts: o.posts, requests: o.requests, reason: o.reason ?? null, detail: o.detail ?? null, permanent: o.permanent === undefined ? null : o.permanent ? 1 : 0 }).execute();
}

/** Outcomes of a source since `from`, oldest first. */
export async function pollsSince(db: Db, sourceId: string, from: number): Promise<PollOutcome[]> {
  const rows = await db.selectFrom('source_polls').selectAll().where('source_id', '=', sourceId).where('at', '>=', from).orderBy('at').execute();
  return rows.map((r) => ({ at: r.at, ok: r.ok === 1, posts: r.posts, reason: r.reason ?? undefined, detail: r.detail ?? undefined, permanent: r.permanent === null ? undefined : r.permanent === 1 }));
}

export async function firstPollAt(db: Db, sourceId: string): Promise<number | null> {
  const r = await db.selectFrom('source_polls').select((e) => e.fn.min('at').as('t')).where('source_id', '=', sourceId).executeTakeFirst();
  return r?.t == null ? null : Number(r.t);
}

/** Posts per hour a source normally brings (by post time, over the last week); null while it has under a day of data. */
export async function normalPerHour(db: Db, sourceId: string, now: number): Promise<number | null> {
  const r = await db
    .selectFrom('posts')
    .select([sql<number>`count(*)`.as('n'), sql<number>`min(created_at)`.as('first')])
    .where('source_id', '=', sourceId)
    .where('created_at', '>=', now - 7 * 24 * 3600_000)
    .where('created_at', '<', now)
    .executeTakeFirst();
  if (!r || r.first === null || now - Number(r.first) < 24 * 3600_000) return null;
  return (Number(r.n) * 3600_000) / (now - Number(r.first));
}

/** External ids of the source's youngest posts, negative ones first: whose counters to re-read this cycle. */
export async function youngPosts(db: Db, sourceId: string, since: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('posts')
    .select('external_id')
    .where('source_id', '=', sourceId)
    .where('created_at', '>=', since)
    .orderBy(sql`coalesce(corrected_negative, negative)`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.external_id);
}

/** Keeps a week of outcomes. */
export async function prunePolls(db: Db, before: number): Promise<void> {
  await db.deleteFrom('source_polls').where('at', '<', before).execute();
}
