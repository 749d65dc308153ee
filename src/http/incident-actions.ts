/** Acknowledge, resolve and annotate incidents: one implementation behind the API, the pages and the ack link. */
import { planAck, planResolve } from '../core/incident.js';
import { getIncident, insertEvent, transition } from '../db/queries/incidents.js';
import type { Deps } from '../pipeline/deps.js';

export type ActionResult = { ok: true; message: string } | { ok: false; status: 404 | 409 | 400; error: string };

/** Acknowledges if still open (compare-and-set: a concurrent auto-resolve wins and nothing reopens). */
export async function acknowledge(deps: Deps, id: string, actor: string): Promise<ActionResult> {
  const now = deps.sourceIO.now();
  const plan = planAck(await getIncident(deps.db, id), actor, now);
  if (!plan.ok) return { ok: false, status: plan.status, error: plan.reason };
  const changed = await transition(deps.db, { id, from: plan.from, to: 'acknowledged', patch: { acknowledged_at: now, acknowledged_by: actor }, event: plan.event });
  if (!changed) return { ok: false, status: 409, error: 'the incident changed state meanwhile (it may have just resolved); nothing was changed' };
  return { ok: true, message: `Acknowledged by ${actor}` };
}

export async function resolveIncident(deps: Deps, id: string, actor: string): Promise<ActionResult> {
  const now = deps.sourceIO.now();
  const plan = planResolve(await getIncident(deps.db, id), actor, now);
  if (!plan.ok) return { ok: false, status: plan.status, error: plan.reason };
  const changed = await transition(deps.db, { id, from: plan.from, to: 'resolved', patch: { resolved_at: now }, event: plan.event });
  return changed ? { ok: true, message: `Resolved by ${actor}` } : { ok: false, status: 409, error: 'the incident changed state meanwhile; nothing was changed' };
}

export async function addNote(deps: Deps, id: string, actor: string, note: string): Promise<ActionResult> {
  const text = note.trim();
  if (!text) return { ok: false, status: 400, error: 'the note is empty' };
  if (text.length > 2000) return { ok: false, status: 400, error: 'notes are limited to 2,000 characters' };
  if (!(await getIncident(deps.db, id))) return { ok: false, status: 404, error: 'no such incident' };
  await insertEvent(deps.db, { incidentId: id, at: deps.sourceIO.now(), type: 'note', actor, message: text });
  return { ok: true, message: 'Note added' };
}
