/**
 * Incident transitions as pure plans. The store applies a plan as a compare-and-set (`where state = from`)
 * plus an event row; alerts come from transitions, never from raw samples.
 */
import type { DetectorDecision, Incident, IncidentEvent, IncidentState, Severity } from './types.js';

export type IncidentPlan =
  | { kind: 'none'; reason: string }
  | { kind: 'open'; incident: Incident; event: IncidentEvent; alert: true }
  | { kind: 'escalate'; incidentId: string; from: IncidentState; severity: Severity; event: IncidentEvent; alert: boolean; takeOver: boolean }
  | { kind: 'resolve'; incidentId: string; from: IncidentState; event: IncidentEvent };

export interface PlanContext {
  brandId: string;
  brandName: string;
  now: number;
  /** Id for a new incident, supplied by the caller (ids are I/O). */
  newId: string;
  topics: string[];
}

/** The title of an incident the detector opened (or took over from a single-post early warning). */
export const spreadTitle = (brandName: string) => `${brandName}: negative posts spreading faster than normal`;

const rank = (s: Severity | null) => (s === 'critical' ? 2 : s === 'warning' ? 1 : 0);

/**
 * Turns the detector's decision for a brand into what should happen to its open incident (if any). An open
 * single-post early warning (`openKind` 'cascade') is taken over by the detector's opening — an escalation that
 * always alerts, since the spread breaking away is worse in kind — and is never resolved by the detector, which did
 * not open it (the early warning resolves itself when its post settles).
 */
export function planFromDecision(open: Incident | null, d: DetectorDecision, ctx: PlanContext, openKind: 'spread' | 'cascade' = 'spread'): IncidentPlan {
  const takeOver = open !== null && openKind === 'cascade';
  const severity: Severity = d.severity ?? 'warning';
  if (d.action === 'open' || d.action === 'escalate') {
    if (!open) {
      const incident: Incident = {
        id: ctx.newId,
        brandId: ctx.brandId,
        state: 'open',
        severity,
        title: spreadTitle(ctx.brandName),
        openedAt: ctx.now,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        reason: d.reason,
        topics: ctx.topics,
        playbookId: null,
      };
      return { kind: 'open', incident, alert: true, event: { incidentId: incident.id, at: ctx.now, type: 'opened', actor: null, message: `Opened: ${d.reason}`, data: { severity, observed: d.observed, expected: d.expected } } };
    }
    const raised = rank(severity) > rank(open.severity);
    // An acknowledged incident is only re-alerted when it gets worse in kind, not merely in number.
    const alert = open.state === 'open' || raised || takeOver;
    const next: Severity = raised ? severity : open.severity;
    return {
      kind: 'escalate',
      incidentId: open.id,
      from: open.state,
      severity: next,
      alert,
      takeOver,
      event: { incidentId: open.id, at: ctx.now, type: 'escalated', actor: null, message: `Escalated${raised ? ` to ${next}` : ''}: ${d.reason}`, data: { severity: next, observed: d.observed, expected: d.expected } },
    };
  }
  if (d.action === 'resolve' && open && !takeOver) {
    return { kind: 'resolve', incidentId: open.id, from: open.state, event: { incidentId: open.id, at: ctx.now, type: 'auto-resolved', actor: null, message: `Auto-resolved: ${d.reason}` } };
  }
  return { kind: 'none', reason: d.reason };
}

export type AckPlan = { ok: true; from: IncidentState; event: IncidentEvent } | { ok: false; status: 404 | 409; reason: string };

/** Acknowledging is allowed only from `open`; a resolved incident stays resolved (no reopen by a late click). */
export function planAck(incident: Incident | null, actor: string, now: number): AckPlan {
  if (!incident) return { ok: false, status: 404, reason: 'no such incident' };
  if (incident.state === 'acknowledged') return { ok: false, status: 409, reason: `already acknowledged by ${incident.acknowledgedBy ?? 'someone'}` };
  if (incident.state === 'resolved') return { ok: false, status: 409, reason: 'incident is already resolved' };
  return { ok: true, from: 'open', event: { incidentId: incident.id, at: now, type: 'acknowledged', actor, message: `Acknowledged by ${actor}` } };
}

/** Resolving by hand is allowed from open or acknowledged. */
export function planResolve(incident: Incident | null, actor: string, now: number): AckPlan {
  if (!incident) return { ok: false, status: 404, reason: 'no such incident' };
  if (incident.state === 'resolved') return { ok: false, status: 409, reason: 'incident is already resolved' };
  return { ok: true, from: incident.state, event: { incidentId: incident.id, at: now, type: 'resolved', actor, message: `Resolved by ${actor}` } };
}
