/** Incidents and their events. Every state change is a compare-and-set on `state` plus an event row. */
import { atomically } from '../atomic.js';
import type { Db } from '../schema.js';
import type { Incident, IncidentEvent, IncidentState, Severity } from '../../core/types.js';
import type { IncidentsTable } from '../schema.js';
import type { Selectable } from 'kysely';

/** Maps a row to the domain type. */
export function toIncident(r: Selectable<IncidentsTable>): Incident {
  return {
    id: r.id,
    brandId: r.brand_id,
    state: r.state as IncidentState,
    severity: r.severity as Severity,
    title: r.title,
    openedAt: r.opened_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at,
    reason: r.reason,
    topics: JSON.parse(r.topics) as string[],
    playbookId: r.playbook_id,
  };
}

export async function getIncident(db: Db, id: string): Promise<Incident | null> {
  const r = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toIncident(r) : null;
}

/** Kinds of incident about the brand's posts (not about a source): one of them at a time per brand. */
export type PostIncidentKind = 'spread' | 'cascade';

/** The brand's incident about its posts that is not resolved, if any, with its kind and (for 'cascade') its post. */
export async function openPostIncident(db: Db, brandId: string): Promise<{ incident: Incident; kind: PostIncidentKind; postId: number | null } | null> {
  const r = await db.selectFrom('incidents').selectAll().where('brand_id', '=', brandId).where('kind', 'in', ['spread', 'cascade']).where('state', '!=', 'resolved').orderBy('opened_at', 'desc').executeTakeFirst();
  return r ? { incident: toIncident(r), kind: r.kind as PostIncidentKind, postId: r.post_id } : null;
}

/** Whether a post has already had its own early-warning incident (it is warned about once). */
export async function postWarnedBefore(db: Db, postId: number): Promise<boolean> {
  return !!(await db.selectFrom('incidents').select('id').where('post_id', '=', postId).executeTakeFirst());
}

/** The open "source degraded" incident of a source, if any. */
export async function openSourceIncident(db: Db, sourceId: string): Promise<Incident | null> {
  const r = await db.selectFrom('incidents').selectAll().where('kind', '=', 'source').where('source_id', '=', sourceId).where('state', '!=', 'resolved').executeTakeFirst();
  return r ? toIncident(r) : null;
}

export async function listIncidents(db: Db, opts: { brandId?: string; limit?: number } = {}): Promise<Incident[]> {
  let q = db.selectFrom('incidents').selectAll().orderBy('opened_at', 'desc').limit(opts.limit ?? 100);
  if (opts.brandId) q = q.where('brand_id', '=', opts.brandId);
  return (await q.execute()).map(toIncident);
}

export async function insertEvent(db: Db, e: IncidentEvent): Promise<void> {
  await db.insertInto('incident_events').values({ incident_id: e.incidentId, at: e.at, type: e.type, actor: e.actor, message: e.message, data: e.data ? JSON.stringify(e.data) : null }).execute();
}

export async function listEvents(db: Db, incidentId: string): Promise<IncidentEvent[]> {
  const rows = await db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ incidentId: r.incident_id, at: r.at, type: r.type as IncidentEvent['type'], actor: r.actor, message: r.message, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : undefined }));
}

/**
 * Inserts an incident and its first event. `kind` 'source' marks a degraded source rather than spreading posts;
 * 'cascade' one post predicted to outgrow the brand's usual reach.
 */
export async function insertIncident(db: Db, i: Incident, event: IncidentEvent, kind: { kind: PostIncidentKind | 'source'; sourceId?: string; postId?: number } = { kind: 'spread' }): Promise<void> {
  await atomically(db, async (trx) => {
    await trx
      .insertInto('incidents')
      .values({ id: i.id, brand_id: i.brandId, state: i.state, severity: i.severity, title: i.title, opened_at: i.openedAt, acknowledged_at: null, acknowledged_by: null, resolved_at: null, reason: i.reason, topics: JSON.stringify(i.topics), playbook_id: i.playbookId, updated_at: i.openedAt, kind: kind.kind, source_id: kind.sourceId ?? null, post_id: kind.postId ?? null })
      .execute();
    await insertEvent(trx, event);
  });
}

export interface Transition {
  id: string;
  from: IncidentState;
  to: IncidentState;
  patch?: Partial<Pick<IncidentsTable, 'acknowledged_at' | 'acknowledged_by' | 'resolved_at' | 'severity' | 'reason' | 'playbook_id' | 'topics' | 'title'>> & { kind?: PostIncidentKind };
  event: IncidentEvent;
}

/** Applies a transition only if the incident is still in `from`; returns false (and writes nothing) otherwise. */
export async function transition(db: Db, t: Transition): Promise<boolean> {
  return atomically(db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set({ ...t.patch, state: t.to, updated_at: t.event.at })
      .where('id', '=', t.id)
      .where('state', '=', t.from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await insertEvent(trx, t.event);
    return true;
  });
}
