/**
 * On-call state of incidents: escalation progress, snooze and assignee, each changed by compare-and-set with an
 * event row, plus the on-call event types the timeline shows.
 */
import { atomically } from '../atomic.js';
import type { Db } from '../schema.js';

/** Timeline events of routing and on-call, next to the incident's own ('opened', 'acknowledged', ...). */
export type OnCallEventType = 'paged' | 'snoozed' | 'snooze-ended' | 'reassigned' | 'channel-failing' | 'channel-enabled' | 'delivery-held' | 'delivery-suppressed' | 'rerouted';

export interface OnCallEvent {
  incidentId: string;
  at: number;
  type: OnCallEventType;
  /** Who did it; null for the system (escalation, dispatch). */
  actor: string | null;
  message: string;
  data?: Record<string, unknown>;
}

export async function insertOnCallEvent(db: Db, e: OnCallEvent): Promise<void> {
  await db.insertInto('incident_events').values({ incident_id: e.incidentId, at: e.at, type: e.type, actor: e.actor, message: e.message, data: e.data ? JSON.stringify(e.data) : null }).execute();
}

/** What escalation and dispatch read of an incident. */
export interface OnCallRow {
  id: string;
  brandId: string;
  state: 'open' | 'acknowledged' | 'resolved';
  severity: 'warning' | 'critical';
  topics: string[];
  openedAt: number;
  acknowledgedBy: string | null;
  escalationStartedAt: number;
  escalationSteps: number;
  snoozedUntil: number | null;
  assignee: string | null;
}

const COLUMNS = ['id', 'brand_id', 'state', 'severity', 'topics', 'opened_at', 'acknowledged_by', 'escalation_started_at', 'escalation_steps', 'snoozed_until', 'assignee'] as const;

function toRow(r: { id: string; brand_id: string; state: string; severity: string; topics: string; opened_at: number; acknowledged_by: string | null; escalation_started_at: number | null; escalation_steps: number; snoozed_until: number | null; assignee: string | null }): OnCallRow {
  return {
    id: r.id, brandId: r.brand_id, state: r.state as OnCallRow['state'], severity: r.severity as OnCallRow['severity'], topics: JSON.parse(r.topics) as string[],
    openedAt: r.opened_at, acknowledgedBy: r.acknowledged_by, escalationStartedAt: r.escalation_started_at ?? r.opened_at, escalationSteps: r.escalation_steps, snoozedUntil: r.snoozed_until, assignee: r.assignee,
  };
}

export async function onCallRow(db: Db, id: string): Promise<OnCallRow | null> {
  const r = await db.selectFrom('incidents').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

/** Incidents escalation must look at: open ones (snoozed or not). Acknowledging or resolving stops escalation. */
export async function escalatingIncidents(db: Db): Promise<OnCallRow[]> {
  const rows = await db.selectFrom('incidents').select(COLUMNS).where('state', '=', 'open').orderBy('opened_at').execute();
  return rows.map(toRow);
}

/** Open brand-wide incidents (for inhibition). */
export async function openIncidentsByBrand(db: Db): Promise<{ brandId: string; incidentId: string }[]> {
  const rows = await db.selectFrom('incidents').select(['id', 'brand_id']).where('state', '!=', 'resolved').execute();
  return rows.map((r) => ({ brandId: r.brand_id, incidentId: r.id }));
}

/**
 * Records escalation progress if nobody moved it meanwhile (compare-and-set on the step count and snooze), so two
 * overlapping cycles never page the same level twice. `restart` starts a new run (a snooze ended).
 */
export async function advanceEscalation(db: Db, id: string, seen: { steps: number; snoozedUntil: number | null }, next: { steps: number; restartedAt?: number }): Promise<boolean> {
  let q = db.updateTable('incidents').set(next.restartedAt !== undefined ? { escalation_steps: next.steps, escalation_started_at: next.restartedAt, snoozed_until: null } : { escalation_steps: next.steps }).where('id', '=', id).where('escalation_steps', '=', seen.steps);
  q = seen.snoozedUntil === null ? q.where('snoozed_until', 'is', null) : q.where('snoozed_until', '=', seen.snoozedUntil);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

/** Snoozes an open incident until `until`, with an event; false when it is not open any more. */
export async function snoozeIncident(db: Db, id: string, until: number, actor: string, now: number, message: string): Promise<boolean> {
  return atomically(db, async (trx) => {
    const res = await trx.updateTable('incidents').set({ snoozed_until: until, updated_at: now }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await insertOnCallEvent(trx, { incidentId: id, at: now, type: 'snoozed', actor, message, data: { until } });
    return true;
  });
}

/** Sets the assignee of an unresolved incident, with an event; false when it is resolved or missing. */
export async function reassignIncident(db: Db, id: string, assignee: string, actor: string, now: number): Promise<boolean> {
  return atomically(db, async (trx) => {
    const before = await trx.selectFrom('incidents').select('assignee').where('id', '=', id).where('state', '!=', 'resolved').executeTakeFirst();
    if (!before) return false;
    const res = await trx.updateTable('incidents').set({ assignee, updated_at: now }).where('id', '=', id).where('state', '!=', 'resolved').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await insertOnCallEvent(trx, { incidentId: id, at: now, type: 'reassigned', actor, message: before.assignee ? `Reassigned from ${before.assignee} to ${assignee}` : `Assigned to ${assignee}`, data: { from: before.assignee, to: assignee } });
    return true;
  });
}
