/**
 * Response tracking and inorganic-amplification state of incidents. Every "once" in issue 7 (first response,
 * overdue alert, coordinated verdict) is a compare-and-set on a nullable column, so two processes never do it twice.
 */
import type { Db } from '../schema.js';
import type { Finding } from '../../core/reply-lint/index.js';
import type { IncidentEvent } from '../../core/types.js';
import { insertEvent } from './incidents.js';

/**
 * Spread incidents of a brand that responses may still attach to: unresolved, or resolved since `resolvedSince`.
 * Incidents about a failing source are not the public's business and are left out.
 */
export async function trackedIncidents(db: Db, brandId: string, resolvedSince: number) {
  const rows = await db
    .selectFrom('incidents')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where((eb) => eb.or([eb('state', '!=', 'resolved'), eb('resolved_at', '>=', resolvedSince)]))
    .orderBy('opened_at')
    .execute();
  return rows.filter((r) => r.kind !== 'source');
}

/** The brand's own posts created in [from, to): flagged at ingest, or by one of `handles` (lower-case, no @). */
export async function ownPostsIn(db: Db, brandId: string, from: number, to: number, handles: string[]) {
  return db
    .selectFrom('posts')
    .select(['source_id', 'external_id', 'platform', 'author_handle', 'text', 'url', 'created_at', 'is_own'])
    .where('brand_id', '=', brandId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where((eb) => (handles.length ? eb.or([eb('is_own', '=', 1), eb(eb.fn('lower', ['author_handle']), 'in', handles)]) : eb('is_own', '=', 1)))
    .orderBy('created_at')
    .execute();
}

export interface ResponseRecord {
  incidentId: string;
  sourceId: string;
  externalId: string;
  at: number;
  deflecting: boolean;
  findings: Finding[];
  now: number;
  event: IncidentEvent;
}

/**
 * Records one response with its event; also sets the incident's first response when this one is earlier than any
 * recorded. Returns false (writing nothing) when the post was already recorded for this incident.
 */
export async function recordResponse(trx: Db, r: ResponseRecord): Promise<boolean> {
  const res = await trx
    .insertInto('incident_responses')
    .values({ incident_id: r.incidentId, source_id: r.sourceId, external_id: r.externalId, at: r.at, recorded_at: r.now, deflecting: r.deflecting ? 1 : 0, findings: JSON.stringify(r.findings) })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await trx
    .updateTable('incidents')
    .set({ first_response_at: r.at, first_response_deflecting: r.deflecting ? 1 : 0, updated_at: r.now })
    .where('id', '=', r.incidentId)
    .where((eb) => eb.or([eb('first_response_at', 'is', null), eb('first_response_at', '>', r.at)]))
    .execute();
  await insertEvent(trx, r.event);
  return true;
}

/** Keys ("source\u0000external") of the posts already recorded as responses to an incident. */
export async function recordedResponseKeys(db: Db, incidentId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('incident_responses').select(['source_id', 'external_id']).where('incident_id', '=', incidentId).execute();
  return new Set(rows.map((r) => `${r.source_id}\u0000${r.external_id}`));
}

/** Claims the one "response overdue" alert of an incident; false when it was already claimed. */
export async function claimOverdueAlert(trx: Db, incidentId: string, now: number): Promise<boolean> {
  const res = await trx.updateTable('incidents').set({ response_overdue_at: now, updated_at: now }).where('id', '=', incidentId).where('response_overdue_at', 'is', null).where('first_response_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks an incident possibly coordinated, once; false when it already was. */
export async function markCoordinated(trx: Db, incidentId: string, now: number, coordination: unknown): Promise<boolean> {
  const res = await trx.updateTable('incidents').set({ coordinated_at: now, coordination: JSON.stringify(coordination), updated_at: now }).where('id', '=', incidentId).where('coordinated_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** What the incident page shows: the tracking columns and every recorded response with its post. */
export async function responseTrackingOf(db: Db, incidentId: string) {
  const row = await db
    .selectFrom('incidents')
    .select(['first_response_at', 'first_response_deflecting', 'response_overdue_at', 'coordinated_at', 'coordination'])
    .where('id', '=', incidentId)
    .executeTakeFirst();
  const responses = await db
    .selectFrom('incident_responses as r')
    .leftJoin('posts as p', (j) => j.onRef('p.source_id', '=', 'r.source_id').onRef('p.external_id', '=', 'r.external_id'))
    .select(['r.at', 'r.deflecting', 'r.findings', 'p.text', 'p.url', 'p.platform', 'p.author_handle'])
    .where('r.incident_id', '=', incidentId)
    .orderBy('r.at')
    .execute();
  return { row: row ?? null, responses };
}

/** Candidate posts for the amplification check: the brand's non-own posts created in [from, to). */
export async function amplificationPosts(db: Db, brandId: string, from: number, to: number) {
  return db
    .selectFrom('posts')
    .select(['platform', 'external_id', 'kind', 'parent_external_id', 'author_handle', 'author_followers', 'author_created_at', 'text', 'created_at', 'negative', 'corrected_negative'])
    .where('brand_id', '=', brandId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('is_own', '=', 0)
    .orderBy('created_at')
    .execute();
}

/** Of the given parent ids on one platform, those that are negative posts of the brand (any age). */
export async function negativeParents(db: Db, brandId: string, platform: string, externalIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < externalIds.length; i += 500) {
    const rows = await db
      .selectFrom('posts')
      .select('external_id')
      .where('brand_id', '=', brandId)
      .where('platform', '=', platform)
      .where('external_id', 'in', externalIds.slice(i, i + 500))
      .where((eb) => eb.or([eb('corrected_negative', '=', 1), eb.and([eb('corrected_negative', 'is', null), eb('negative', '=', 1)])]))
      .execute();
    for (const r of rows) out.add(r.external_id);
  }
  return out;
}
