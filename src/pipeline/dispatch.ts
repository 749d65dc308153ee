/**
 * Step 3 of a cycle: deliver due outbox rows. Before each send, noise control runs again (resolved, inhibit, snooze,
 * ack, quiet hours, grouping and back-off, caps) and may hold the row until a time or suppress it with the reason.
 * A row is claimed (pending → sending) before sending and its outcome recorded after; transient failures retry with
 * backoff until a deadline; a permanent one marks the channel failing and sends the alert down its fallback routes.
 */
import { shouldNotify, type NotifyDecision, type Route } from '../core/routing/index.js';
import type { Alert } from '../core/types.js';
import { failingChannels, markChannelFailing } from '../db/queries/channels.js';
import { insertOnCallEvent, onCallRow, openIncidentsByBrand, type OnCallRow } from '../db/queries/oncall.js';
import { channelSendTimes, claimDelivery, deliveryGroup, dueDeliveries, enqueueAlert, getAlert, holdDelivery, markFailed, markSent, suppressDelivery } from '../db/queries/outbox.js';
import { insertEvent } from '../db/queries/incidents.js';
import { redact } from '../lib/redact.js';
import type { Deps } from './deps.js';
import { fallbackTargets } from './route-alert.js';

/** Transient failures are retried for this long after the alert was queued. */
const DELIVERY_DEADLINE_MS = 6 * 3600_000;
/** Holds worth a line on the timeline (group waits of seconds are not). */
const NOTABLE_HOLDS = new Set(['quiet-hours', 'cap', 'snooze']);

export interface DispatchOutcome {
  sent: number;
  failed: number;
  retrying: number;
  /** Held by noise control until a later time. */
  held: number;
  /** Dropped by noise control for good. */
  suppressed: number;
  /** Fallback deliveries created after a permanent failure. */
  rerouted: number;
}

type Row = Awaited<ReturnType<typeof dueDeliveries>>[number];

/** Retry delay after `attempts` attempts: 30 s doubling to 15 min, or what the platform asked. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  return Math.max(retryAfterMs ?? 0, Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1)));
}

/** Noise control for one row. Escalation policies set their own cadence, so their reminders skip the route's back-off. */
async function decide(deps: Deps, row: Row, alert: Alert, route: Route, incident: OnCallRow, now: number): Promise<NotifyDecision> {
  const routing = deps.config.routing;
  const cap = routing.channels[row.channel]?.cap ?? null;
  const group = await deliveryGroup(deps.db, incident.id, route.name, row.channel);
  return shouldNotify(
    {
      route: route.escalation ? { ...route, repeatMs: [0] } : route,
      channel: { id: row.channel, cap },
      firstSeenAt: group.firstSeenAt ?? row.created_at,
      sent: group.sent,
      channelSends: cap ? await channelSendTimes(deps.db, row.channel, now - cap.perMs) : [],
      incident: { state: incident.state, snoozedUntil: incident.snoozedUntil, acknowledgedBy: incident.acknowledgedBy },
      openBrandIncidents: routing.inhibitPostAlertsDuringBrandIncident ? await openIncidentsByBrand(deps.db) : [],
      inhibitPostAlerts: routing.inhibitPostAlertsDuringBrandIncident,
    },
    { incidentId: alert.incidentId, kind: alert.kind, severity: alert.severity, brand: { id: alert.brand.id }, topics: incident.topics },
    now,
  );
}

/** Applies a "not now" decision: hold until `at`, or suppress for good; notable ones go on the timeline. */
async function notNow(deps: Deps, row: Row, alert: Alert, d: NotifyDecision, out: DispatchOutcome): Promise<void> {
  const reason = `${d.stage}: ${d.reason}`;
  const first = !row.decision?.startsWith(`${d.stage}:`);
  if (d.at !== undefined) {
    if (!(await holdDelivery(deps.db, row.id, d.at, reason))) return;
    out.held++;
    if (first && NOTABLE_HOLDS.has(d.stage)) await insertOnCallEvent(deps.db, { incidentId: alert.incidentId, at: deps.sourceIO.now(), type: 'delivery-held', actor: null, message: `${alert.kind} alert to ${row.channel} held — ${d.reason}`, data: { alertId: alert.id, until: d.at } });
    return;
  }
  if (!(await suppressDelivery(deps.db, row.id, reason))) return;
  out.suppressed++;
  await insertOnCallEvent(deps.db, { incidentId: alert.incidentId, at: deps.sourceIO.now(), type: 'delivery-suppressed', actor: null, message: `${alert.kind} alert to ${row.channel} not sent — ${d.reason}`, data: { alertId: alert.id } });
}

/** After a delivery gave up: the fallback routes' working channels get the alert, when no other delivery of it is alive. */
async function reroute(deps: Deps, alert: Alert, incident: OnCallRow | null, now: number, out: DispatchOutcome): Promise<void> {
  const targets = await fallbackTargets(deps, deps.db, alert, incident?.topics ?? []);
  if (targets.length === 0) return;
  await enqueueAlert(deps.db, alert, targets, now, 'pending');
  out.rerouted += targets.length;
  await insertOnCallEvent(deps.db, { incidentId: alert.incidentId, at: now, type: 'rerouted', actor: null, message: `Alert sent down the fallback route: ${targets.map((t) => `${t.channel} (route ${t.route})`).join(', ')}`, data: { alertId: alert.id } });
}

/** Sends every due delivery once. */
export async function dispatchOutbox(deps: Deps, now: number): Promise<DispatchOutcome> {
  const out: DispatchOutcome = { sent: 0, failed: 0, retrying: 0, held: 0, suppressed: 0, rerouted: 0 };
  const failing = await failingChannels(deps.db);
  for (const row of await dueDeliveries(deps.db, now)) {
    const inst = deps.channels.get(row.channel);
    const alert: Alert | null = await getAlert(deps.db, row.alert_id);
    const incident = alert ? await onCallRow(deps.db, alert.incidentId) : null;
    const route = row.route ? deps.config.routing.routes.find((r) => r.name === row.route) : undefined;
    if (inst && alert && route && incident && !failing.has(row.channel)) {
      const d = await decide(deps, row, alert, route, incident, now);
      if (!d.notify) {
        await notNow(deps, row, alert, d, out);
        continue;
      }
    }
    if (!(await claimDelivery(deps.db, row.id, now))) continue;
    if (!inst || !alert || failing.has(row.channel)) {
      const why = !alert ? 'alert payload missing' : !inst ? `channel ${row.channel} is not configured any more` : `channel ${row.channel} is failing since ${new Date(failing.get(row.channel)!.failingSince!).toISOString()}; not sent`;
      await markFailed(deps.db, row.id, why, null);
      out.failed++;
      if (alert) await reroute(deps, alert, incident, now, out);
      continue;
    }
    const secrets = inst.channel.secrets(inst.cfg);
    let result;
    try {
      result = await inst.channel.send(inst.channel.render(alert, inst.cfg), inst.cfg, { ...deps.channelIO, idempotencyKey: row.idempotency_key });
    } catch (err) {
      result = { ok: false as const, permanent: false, reason: 'network' as const, detail: `channel crashed: ${(err as Error).message}` };
    }
    if (result.ok) {
      await markSent(deps.db, row.id, deps.sourceIO.now());
      await insertEvent(deps.db, { incidentId: alert.incidentId, at: deps.sourceIO.now(), type: 'alert-delivered', actor: null, message: `Alert delivered by ${row.channel}${row.route ? ` (route ${row.route})` : ''}`, data: { alertId: alert.id } });
      out.sent++;
      continue;
    }
    const detail = redact(`${result.reason}: ${result.detail}`, secrets);
    const retryAt = now + retryDelayMs(row.attempts + 1, result.retryAfterMs);
    const giveUp = result.permanent || retryAt > row.created_at + DELIVERY_DEADLINE_MS;
    await markFailed(deps.db, row.id, detail, giveUp ? null : retryAt);
    deps.log(`delivery ${row.idempotency_key} via ${row.channel} failed (${giveUp ? 'giving up' : 'will retry'}): ${detail}`);
    if (!giveUp) {
      out.retrying++;
      continue;
    }
    out.failed++;
    await insertEvent(deps.db, { incidentId: alert.incidentId, at: now, type: 'alert-failed', actor: null, message: `Alert could not be delivered by ${row.channel}: ${detail}`, data: { alertId: alert.id } });
    if (result.permanent && (await markChannelFailing(deps.db, row.channel, detail, now))) {
      failing.set(row.channel, { channel: row.channel, failingSince: now, reason: detail, updatedAt: now, updatedBy: null });
      await insertOnCallEvent(deps.db, { incidentId: alert.incidentId, at: now, type: 'channel-failing', actor: null, message: `Channel ${row.channel} marked failing (${detail}); it is skipped until an admin re-enables it`, data: { channel: row.channel } });
      deps.log(`channel ${row.channel} marked failing: ${detail}`);
    }
    await reroute(deps, alert, incident, now, out);
  }
  return out;
}
