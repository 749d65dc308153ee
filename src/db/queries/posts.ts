/** Posts, engagement snapshots and source cursors. A poll's posts, snapshots and cursor commit together. */
import { atomically } from '../atomic.js';
import { sql } from 'kysely';
import type { Db } from '../schema.js';
import type { EngagementSnapshot, ScoredPost } from '../../core/types.js';
import { isBrandPost } from '../../core/response/index.js';

export interface PollCommit {
  sourceId: string;
  brandId: string;
  posts: ScoredPost[];
  /** The brand's own accounts (`handle`, `@handle` or `platform:handle`): their posts are responses, not complaints. */
  ownAccounts: string[];
  snapshots: EngagementSnapshot[];
  cursor: string | null;
  now: number;
}

/** Stores the posts (upsert by source + external id), the snapshots and then the cursor, in one transaction. */
export async function commitPoll(db: Db, c: PollCommit): Promise<void> {
  await atomically(db, async (trx) => {
    for (const p of c.posts) {
      await trx
        .insertInto('posts')
        .values({
          source_id: c.sourceId,
          external_id: p.externalId,
          brand_id: c.brandId,
          platform: p.platform,
          kind: p.kind,
          parent_external_id: p.parentExternalId ?? null,
          url: p.url,
          author_handle: p.authorHandle,
          author_name: p.authorName ?? null,
          author_followers: p.authorFollowers,
          author_created_at: p.authorCreatedAt ?? null,
          text: p.text,
          lang: p.score.lang,
          created_at: p.createdAt,
          first_seen_at: c.now,
          negativity: p.score.negativity,
          negative: p.score.negative ? 1 : 0,
          complaint: p.score.complaint ? 1 : 0,
          topics: JSON.stringify(p.score.topics),
          evidence: JSON.stringify(p.score.evidence),
          is_own: isBrandPost(p, c.ownAccounts) ? 1 : 0,
        })
        .onConflict((oc) =>
          oc.columns(['source_id', 'external_id']).doUpdateSet((eb) => ({
            author_followers: eb.ref('excluded.author_followers'),
            text: eb.ref('excluded.text'),
          })),
        )
        .execute();
    }
    for (const s of c.snapshots) {
      await trx
        .insertInto('engagement_snapshots')
        .values({ source_id: c.sourceId, external_id: s.externalId, at: s.at, reposts: s.reposts, quotes: s.quotes, replies: s.replies, likes: s.likes })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .insertInto('source_cursors')
      .values({ source_id: c.sourceId, brand_id: c.brandId, cursor: c.cursor, updated_at: c.now, last_ok_at: c.now, last_error: null, consecutive_failures: 0, next_attempt_at: 0 })
      .onConflict((oc) => oc.column('source_id').doUpdateSet({ cursor: c.cursor, updated_at: c.now, last_ok_at: c.now, last_error: null, consecutive_failures: 0, next_attempt_at: 0 }))
      .execute();
  });
}

/** Records a failed poll: the cursor stays where it was. */
export async function recordSourceFailure(db: Db, sourceId: string, brandId: string, error: string, nextAttemptAt: number, now: number): Promise<void> {
  await db
    .insertInto('source_cursors')
    .values({ source_id: sourceId, brand_id: brandId, cursor: null, updated_at: now, last_ok_at: null, last_error: error, consecutive_failures: 1, next_attempt_at: nextAttemptAt })
    .onConflict((oc) =>
      oc.column('source_id').doUpdateSet((eb) => ({
        updated_at: now,
        last_error: error,
        consecutive_failures: eb('source_cursors.consecutive_failures', '+', 1),
        next_attempt_at: nextAttemptAt,
      })),
    )
    .execute();
}

export async function getSourceState(db: Db, sourceId: string) {
  return db.selectFrom('source_cursors').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
}

export async function listSourceStates(db: Db) {
  return db.selectFrom('source_cursors').selectAll().orderBy('source_id').execute();
}

/** Posts (and how many of them count as negative, corrections applied) each source stored that were created since `since`. */
export async function countPostsBySource(db: Db, since: number): Promise<Map<string, { posts: number; negative: number }>> {
  const rows = await db
    .selectFrom('posts')
    .select(['source_id', sql<number>`count(*)`.as('posts'), sql<number>`sum(coalesce(corrected_negative, negative))`.as('negative')])
    .where('created_at', '>=', since)
    .groupBy('source_id')
    .execute();
  return new Map(rows.map((r) => [r.source_id, { posts: Number(r.posts), negative: Number(r.negative ?? 0) }]));
}

/** Posts of a brand created in [from, to), with the user's correction applied to `negative`. */
export async function postsCreatedIn(db: Db, brandId: string, from: number, to: number) {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .execute();
}

/** Snapshots of a brand's negative posts taken in [from, to), plus the latest one before `from` for each post. */
export async function negativeSnapshotsIn(db: Db, brandId: string, from: number, to: number) {
  return db
    .selectFrom('engagement_snapshots as s')
    .innerJoin('posts as p', (j) => j.onRef('p.source_id', '=', 's.source_id').onRef('p.external_id', '=', 's.external_id'))
    .select(['s.source_id', 's.external_id', 's.at', 's.reposts', 's.quotes', 's.replies', 's.likes'])
    .where('p.brand_id', '=', brandId)
    .where((eb) => eb.or([eb('p.corrected_negative', '=', 1), eb.and([eb('p.corrected_negative', 'is', null), eb('p.negative', '=', 1)])]))
    .where('s.at', '<', to)
    .where('s.at', '>=', from - 24 * 3600_000)
    .orderBy('s.at')
    .execute();
}

/** The most engaged negative posts of a brand since `from`, for alerts and the timeline. */
export async function topNegativePosts(db: Db, brandId: string, from: number, to: number, limit: number) {
  return db
    .selectFrom('posts as p')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('engagement_snapshots')
          .select(['source_id', 'external_id'])
          .select(sql<number>`max(reposts + quotes + replies)`.as('eng'))
          .groupBy(['source_id', 'external_id'])
          .as('e'),
      (j) => j.onRef('e.source_id', '=', 'p.source_id').onRef('e.external_id', '=', 'p.external_id'),
    )
    .selectAll('p')
    .select((e) => e.fn.coalesce('e.eng', e.val(0)).as('engagement'))
    .where('p.brand_id', '=', brandId)
    .where('p.created_at', '>=', from)
    .where('p.created_at', '<', to)
    .where('p.is_own', '=', 0)
    .where((eb) => eb.or([eb('p.corrected_negative', '=', 1), eb.and([eb('p.corrected_negative', 'is', null), eb('p.negative', '=', 1)])]))
    .orderBy('engagement', 'desc')
    .orderBy('p.author_followers', 'desc')
    .limit(limit)
    .execute();
}
