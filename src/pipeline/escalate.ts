/**
 * Escalation, each cycle before dispatch: for open incidents whose route has an escalation policy, `nextEscalation`
 * says whether a level is due; a due level becomes a 'reminder' alert naming the level and who is on call, through
 * the same routes and outbox as any alert. Progress is stored on the incident by compare-and-set, so a restart
 * resumes where it was and two overlapping cycles never page a level twice. Acknowledging stops it; a snooze holds
 * it and, when it ends, re-notifies whoever is on call then.
 */
import { nextEscalation, resolveTargets, type EscalationPolicy, type EscalationStep } from '../core/oncall/index.js';
import { selectRoutes } from '../core/routing/index.js';
import type { Alert } from '../core/types.js';
import { atomically } from '../db/atomic.js';
import { insertEvent } from '../db/queries/incidents.js';
import { advanceEscalation, escalatingIncidents, insertOnCallEvent, type OnCallRow } from '../db/queries/oncall.js';
import type { Deps } from './deps.js';
import { routeAlert } from './route-alert.js';
import { alertLinks } from './alert-links.js';


export interface EscalationOutcome {
  /** Levels paged (including level 1 covered by the opening alert). */
  paged: number;
  reminders: number;
}

type Notify = Extract<EscalationStep, { action: 'notify' }>;

/** The policy that governs an incident (the first primary route for its reminders that names one), and that route. */
function policyFor(deps: Deps, inc: OnCallRow) {
  const routing = deps.config.routing;
  const sel = selectRoutes(routing, { incidentId: inc.id, kind: 'reminder', severity: inc.severity, brand: { id: inc.brandId }, topics: inc.topics });
  const route = sel.primary.find((r) => r.escalation !== null);
  return { policy: route ? routing.escalations[route.escalation!] ?? null : null, route: sel.primary[0] ?? null };
}

/**
 * Without an escalation policy, an unacknowledged incident is re-announced on its route's repeat back-off
 * (e.g. 30 min, then 2 h, then daily) after the last delivered notification; `escalation_steps` counts those reminders.
 */
function repeatDue(repeatMs: readonly number[], inc: OnCallRow, lastAlertAt: number, now: number): { due: boolean; wait: number } {
  if (repeatMs.length === 0) return { due: false, wait: 0 };
  const wait = repeatMs[Math.min(inc.escalationSteps, repeatMs.length - 1)]!;
  return { due: now >= lastAlertAt + wait && (inc.snoozedUntil === null || now >= inc.snoozedUntil), wait };
}

/** The latest step due now: after downtime, levels already overdue are skipped and only the current one is paged. */
function latestDue(policy: EscalationPolicy, inc: OnCallRow, now: number): Notify | null {
  const state = { state: inc.state, startedAt: inc.escalationStartedAt, stepsDone: inc.escalationSteps, snoozedUntil: inc.snoozedUntil };
  let step = nextEscalation(policy, state, now);
  if (step.action !== 'notify') return null;
  while (step.restartedAt === undefined) {
    const after = nextEscalation(policy, { ...state, stepsDone: step.step + 1 }, now);
    if (after.action !== 'notify') break;
    step = after;
  }
  return step;
}

/** A reminder built on the incident's latest alert (numbers, chart, posts, guidance), naming the level and the people. */
function reminderAlert(base: Alert, id: string, now: number, ackUrl: string, line: { en: string; zh: string }, reason: string): Alert {
  const zh = base.lang === 'zh';
  // Channels prefix severity and brand themselves.
  const title = zh ? `事件仍未确认 · ${line.zh}` : `incident still unacknowledged — ${line.en}`;
  return { ...base, id, kind: 'reminder', createdAt: now, title, summary: `${zh ? line.zh : line.en}${zh ? '；最新数据：' : '; latest numbers: '}${base.summary}`, reason, ackUrl };
}

/** Runs escalation for every open (or snoozed) incident at `now`. */
export async function escalateIncidents(deps: Deps, now: number): Promise<EscalationOutcome> {
  const out: EscalationOutcome = { paged: 0, reminders: 0 };
  for (const inc of await escalatingIncidents(deps.db)) {
    const { policy, route } = policyFor(deps, inc);
    if (!policy) {
      if (route && deps.channels.size > 0) out.reminders += await repeatReminder(deps, inc, route.repeatMs, now);
      continue;
    }
    const step = latestDue(policy, inc, now);
    if (!step) continue;
    const { users, reasons } = resolveTargets(step.targets, deps.config.routing.schedules, now);
    const level = `level ${step.level + 1}${step.round > 0 ? `, round ${step.round + 1}` : ''} of ${policy.id}`;
    const who = users.length ? users.join(', ') : 'nobody (no target resolved)';
    const base = (await deps.db.selectFrom('alerts').select('payload').where('incident_id', '=', inc.id).where('kind', '!=', 'reminder').orderBy('created_at', 'desc').executeTakeFirst()) ?? (await deps.db.selectFrom('alerts').select('payload').where('incident_id', '=', inc.id).orderBy('created_at', 'desc').executeTakeFirst());
    // Level 1 at the start of a run is paged by the opening alert itself; a snooze ending pages again.
    const coveredByOpening = step.step === 0 && step.restartedAt === undefined && base !== undefined;
    await atomically(deps.db, async (trx) => {
      const moved = await advanceEscalation(trx, inc.id, { steps: inc.escalationSteps, snoozedUntil: inc.snoozedUntil }, { steps: step.step + 1, restartedAt: step.restartedAt });
      if (!moved) return;
      out.paged++;
      if (step.restartedAt !== undefined) await insertOnCallEvent(trx, { incidentId: inc.id, at: now, type: 'snooze-ended', actor: null, message: `Snooze ended at ${new Date(step.restartedAt).toISOString()}: escalation starts again from level 1 with whoever is on call now (${who})` });
      await insertOnCallEvent(trx, { incidentId: inc.id, at: now, type: 'paged', actor: null, message: `Paged ${level}: ${who}${coveredByOpening ? ' (by the opening alert)' : ''} — ${step.reason}; ${reasons.join('; ')}`, data: { level: step.level + 1, round: step.round + 1, users, policy: policy.id } });
      if (coveredByOpening || base === undefined) return;
      const id = deps.newId();
      const line = { en: `${level[0]!.toUpperCase()}${level.slice(1)}: on call now ${who}`, zh: `第 ${step.level + 1} 级${step.round > 0 ? `（第 ${step.round + 1} 轮）` : ''}（${policy.id}）：当前值班 ${who}` };
      const alert = reminderAlert(JSON.parse(base.payload) as Alert, id, now, (await alertLinks(deps, inc.id, id, now)).ackUrl, line, `${step.reason}. ${reasons.join('; ')}`);
      const routed = await routeAlert(deps, trx, alert, inc.topics, now);
      await insertEvent(trx, { incidentId: inc.id, at: now, type: 'alert-queued', actor: null, message: `Reminder queued (${level}, on call: ${who}) to ${routed.description}`, data: { alertId: id } });
      out.reminders++;
    });
  }
  return out;
}


/** Sends the next back-off reminder of an unacknowledged incident when it is due; returns how many were queued. */
async function repeatReminder(deps: Deps, inc: OnCallRow, repeatMs: readonly number[], now: number): Promise<number> {
  const last = await deps.db.selectFrom('alerts').select(['payload', 'created_at']).where('incident_id', '=', inc.id).orderBy('created_at', 'desc').executeTakeFirst();
  // Timed from the last notification that reached someone: while the outbox is still retrying, no reminder piles on.
  const sent = await deps.db.selectFrom('deliveries as d').innerJoin('alerts as a', 'a.id', 'd.alert_id').select((e) => e.fn.max('d.sent_at').as('at')).where('a.incident_id', '=', inc.id).where('d.status', '=', 'sent').executeTakeFirst();
  if (!last || sent?.at == null) return 0;
  const { due, wait } = repeatDue(repeatMs, inc, Number(sent.at), now);
  if (!due) return 0;
  return atomically(deps.db, async (trx) => {
    if (!(await advanceEscalation(trx, inc.id, { steps: inc.escalationSteps, snoozedUntil: inc.snoozedUntil }, { steps: inc.escalationSteps + 1 }))) return 0;
    const id = deps.newId();
    const mins = Math.round(wait / 60_000);
    const line = { en: `reminder ${inc.escalationSteps + 1}, ${mins >= 60 ? `${+(mins / 60).toFixed(1)} h` : `${mins} min`} after the last alert`, zh: `第 ${inc.escalationSteps + 1} 次提醒（距上次告警 ${mins} 分钟）` };
    const alert = reminderAlert(JSON.parse(last.payload) as Alert, id, now, (await alertLinks(deps, inc.id, id, now)).ackUrl, line, 'nobody has acknowledged this incident yet');
    const routed = await routeAlert(deps, trx, alert, inc.topics, now);
    await insertEvent(trx, { incidentId: inc.id, at: now, type: 'alert-queued', actor: null, message: `Reminder queued (${line.en}) to ${routed.description}`, data: { alertId: id } });
    return 1;
  });
}
