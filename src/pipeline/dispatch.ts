/**
 * Step 3 of a cycle: deliver due outbox rows. Each row is claimed (pending → sending) before sending and its
 * outcome recorded after; transient failures retry with backoff until a deadline, permanent ones stop.
 */
import type { Alert } from '../core/types.js';
import { claimDelivery, dueDeliveries, getAlert, markFailed, markSent } from '../db/queries/outbox.js';
import { insertEvent } from '../db/queries/incidents.js';
import { redact } from '../lib/redact.js';
import type { Deps } from './deps.js';

/** Transient failures are retried for this long after the alert was queued. */
const DELIVERY_DEADLINE_MS = 6 * 3600_000;

export interface DispatchOutcome {
  sent: number;
  failed: number;
  retrying: number;
}

/** Retry delay after `attempts` attempts: 30 s doubling to 15 min, or what the platform asked. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  return Math.max(retryAfterMs ?? 0, Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1)));
}

/** Sends every due delivery once. */
export async function dispatchOutbox(deps: Deps, now: number): Promise<DispatchOutcome> {
  const out: DispatchOutcome = { sent: 0, failed: 0, retrying: 0 };
  for (const row of await dueDeliveries(deps.db, now)) {
    if (!(await claimDelivery(deps.db, row.id, now))) continue;
    const inst = deps.channels.get(row.channel);
    const alert: Alert | null = await getAlert(deps.db, row.alert_id);
    if (!inst || !alert) {
      await markFailed(deps.db, row.id, inst ? 'alert payload missing' : `channel ${row.channel} is not configured any more`, null);
      out.failed++;
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
      await insertEvent(deps.db, { incidentId: alert.incidentId, at: deps.sourceIO.now(), type: 'alert-delivered', actor: null, message: `Alert delivered by ${row.channel}`, data: { alertId: alert.id } });
      out.sent++;
      continue;
    }
    const detail = redact(`${result.reason}: ${result.detail}`, secrets);
    const giveUp = result.permanent || now + retryDelayMs(row.attempts + 1, result.retryAfterMs) > row.created_at + DELIVERY_DEADLINE_MS;
    await markFailed(deps.db, row.id, detail, giveUp ? null : now + retryDelayMs(row.attempts + 1, result.retryAfterMs));
    if (giveUp) {
      await insertEvent(deps.db, { incidentId: alert.incidentId, at: now, type: 'alert-failed', actor: null, message: `Alert could not be delivered by ${row.channel}: ${detail}`, data: { alertId: alert.id } });
      out.failed++;
    } else out.retrying++;
    deps.log(`delivery ${row.idempotency_key} via ${row.channel} failed (${giveUp ? 'giving up' : 'will retry'}): ${detail}`);
  }
  return out;
}
