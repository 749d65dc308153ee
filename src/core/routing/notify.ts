/**
 * Should this alert go out on this channel now? A pipeline of small stages in Alertmanager's order
 * (resolved → inhibit → snooze → ack → quiet hours → group wait / interval / repeat → cap). The first stage
 * that decides wins; every decision carries a reason, and `at` says when to ask again if the alert is held.
 */
import type { AlertKind, IncidentState, Severity } from '../types.js';
import type { ChannelInstance, Route } from './types.js';
import type { RoutableAlert } from './match.js';
import { quietUntil } from './quiet-hours.js';

export interface SentRecord {
  at: number;
  kind: AlertKind;
  severity: Severity;
}

/** Everything the decision depends on for one (route, incident, channel) group. */
export interface NotifyState {
  route: Route;
  channel: Pick<ChannelInstance, 'id' | 'cap'>;
  /** When this group first saw an alert: its group-wait clock. */
  firstSeenAt: number;
  /** Notifications already sent in this group, oldest first. */
  sent: readonly SentRecord[];
  /** Send times on this channel across all groups (for the cap). */
  channelSends: readonly number[];
  incident: { state: IncidentState; snoozedUntil: number | null; acknowledgedBy?: string | null };
  /** Open brand-wide incidents, for inhibiting per-post alerts of the same brand. */
  openBrandIncidents: readonly { brandId: string; incidentId: string }[];
  inhibitPostAlerts: boolean;
}

export interface NotifyDecision {
  notify: boolean;
  /** When held: the earliest time to decide again. Absent when dropped for good. */
  at?: number;
  stage: string;
  reason: string;
}

type Stage = (s: NotifyState, a: RoutableAlert, now: number) => NotifyDecision | null;
const iso = (ms: number) => new Date(ms).toISOString();
const mins = (ms: number) => (ms >= 3_600_000 ? `${+(ms / 3_600_000).toFixed(1)} h` : `${Math.round(ms / 60_000)} min`);

const resolved: Stage = (s) => (s.incident.state === 'resolved' ? { notify: false, stage: 'resolved', reason: 'incident is resolved' } : null);

const inhibit: Stage = (s, a) => {
  if (!s.inhibitPostAlerts || (a.scope ?? 'brand') !== 'post') return null;
  const by = s.openBrandIncidents.find((i) => i.brandId === a.brand.id && i.incidentId !== a.incidentId);
  return by ? { notify: false, stage: 'inhibit', reason: `inhibited: brand-wide incident ${by.incidentId} is open for ${a.brand.id}` } : null;
};

const snooze: Stage = (s, _a, now) =>
  s.incident.snoozedUntil !== null && now < s.incident.snoozedUntil ? { notify: false, at: s.incident.snoozedUntil, stage: 'snooze', reason: `snoozed until ${iso(s.incident.snoozedUntil)}` } : null;

const acknowledged: Stage = (s, a) =>
  s.incident.state === 'acknowledged' && a.kind === 'reminder' ? { notify: false, stage: 'ack', reason: `acknowledged${s.incident.acknowledgedBy ? ` by ${s.incident.acknowledgedBy}` : ''}: no reminders` } : null;

const quiet: Stage = (s, a, now) => {
  if (!s.route.quietHours || a.severity === 'critical') return null;
  const until = quietUntil(s.route.quietHours, now);
  return until === null ? null : { notify: false, at: until, stage: 'quiet-hours', reason: `quiet hours of route ${s.route.name} hold this ${a.severity} until ${iso(until)} (critical alerts pass)` };
};

const grouping: Stage = (s, a, now) => {
  const last = s.sent.at(-1);
  if (!last) {
    const due = s.firstSeenAt + s.route.groupWaitMs;
    return now < due ? { notify: false, at: due, stage: 'group-wait', reason: `group wait ${mins(s.route.groupWaitMs)}: held until ${iso(due)} to batch related alerts` } : null;
  }
  if (a.kind === 'reminder') {
    // Back-off: count reminders since the last substantive notification.
    let n = 0;
    for (let i = s.sent.length - 1; i >= 0 && s.sent[i]!.kind === 'reminder'; i--) n++;
    const wait = s.route.repeatMs[Math.min(n, s.route.repeatMs.length - 1)]!;
    const due = last.at + wait;
    return now < due ? { notify: false, at: due, stage: 'repeat', reason: `reminder ${n + 1} waits ${mins(wait)} after the last notification: due ${iso(due)}` } : null;
  }
  const dup = s.sent.find((x) => x.kind === a.kind && x.severity === a.severity);
  if (dup) return { notify: false, stage: 'dedup', reason: `already notified ${a.kind} (${a.severity}) at ${iso(dup.at)}` };
  const due = last.at + s.route.groupIntervalMs;
  return now < due ? { notify: false, at: due, stage: 'group-interval', reason: `group interval ${mins(s.route.groupIntervalMs)}: held until ${iso(due)}` } : null;
};

const cap: Stage = (s, a, now) => {
  const c = s.channel.cap;
  if (!c) return null;
  const recent = s.channelSends.filter((t) => t > now - c.perMs && t <= now).sort((x, y) => x - y);
  if (recent.length < c.max) return null;
  // A cap exists to stop floods of warnings; a capped critical would be a missed crisis.
  if (a.severity === 'critical') return { notify: true, stage: 'cap', reason: `critical passes the cap of ${c.max} per ${mins(c.perMs)} on ${s.channel.id} (${recent.length} sent)` };
  const at = recent[recent.length - c.max]! + c.perMs;
  return { notify: false, at, stage: 'cap', reason: `channel ${s.channel.id} reached its cap of ${c.max} per ${mins(c.perMs)}: held until ${iso(at)}` };
};

/** The stages in order; exported so tests and the dashboard can name them. */
export const STAGES: readonly (readonly [string, Stage])[] = [['resolved', resolved], ['inhibit', inhibit], ['snooze', snooze], ['ack', acknowledged], ['quiet-hours', quiet], ['grouping', grouping], ['cap', cap]];

/** Decides whether an alert goes out on one channel of one route at `now`, and why. */
export function shouldNotify(state: NotifyState, alert: RoutableAlert, now: number): NotifyDecision {
  for (const [, stage] of STAGES) {
    const d = stage(state, alert, now);
    if (d) return d;
  }
  return { notify: true, stage: 'send', reason: `notify ${alert.kind} (${alert.severity}) on ${state.channel.id} via route ${state.route.name}` };
}
