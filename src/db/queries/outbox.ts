/**
 * Alerts and the delivery outbox. A delivery row with a unique idempotency key is written before anything is sent;
 * sending claims it (pending → sending) with a compare-and-set, so two dispatchers never send the same row.
 */
import { atomically } from '../atomic.js';
import type { Db } from '../schema.js';
import type { Alert } from '../../core/types.js';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held';

/** Stores an alert and its delivery rows together; a second call with the same keys changes nothing. */
export async function enqueueAlert(db: Db, alert: Alert, channels: string[], now: number, status: DeliveryStatus = 'pending'): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.insertInto('alerts').values({ id: alert.id, incident_id: alert.incidentId, kind: alert.kind, created_at: alert.createdAt, payload: JSON.stringify(alert) }).onConflict((oc) => oc.doNothing()).execute();
    for (const ch of channels) {
      await trx
        .insertInto('deliveries')
        .values({ idempotency_key: `${alert.id}:${ch}`, alert_id: alert.id, channel: ch, status, attempts: 0, next_attempt_at: now, last_error: null, created_at: now, sent_at: null })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    }
  });
}

export async function getAlert(db: Db, id: string): Promise<Alert | null> {
  const r = await db.selectFrom('alerts').select('payload').where('id', '=', id).executeTakeFirst();
  return r ? (JSON.parse(r.payload) as Alert) : null;
}

export async function alertsOf(db: Db, incidentId: string) {
  return db.selectFrom('alerts').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').execute();
}

/** Deliveries due now. Rows stuck in `sending` past the lease (a crash mid-send) are due again only if `reclaim` says so. */
export async function dueDeliveries(db: Db, now: number, limit = 50) {
  return db.selectFrom('deliveries').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('id').limit(limit).execute();
}

/** Claims a pending row for sending; false if another dispatcher got it first. */
export async function claimDelivery(db: Db, id: number, now: number): Promise<boolean> {
  const res = await db.updateTable('deliveries').set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: now })).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markSent(db: Db, id: number, now: number): Promise<void> {
  await db.updateTable('deliveries').set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', id).execute();
}

/** Records a failure: back to pending at `retryAt`, or failed for good. `error` must already be redacted. */
export async function markFailed(db: Db, id: number, error: string, retryAt: number | null): Promise<void> {
  await db.updateTable('deliveries').set(retryAt === null ? { status: 'failed', last_error: error } : { status: 'pending', last_error: error, next_attempt_at: retryAt }).where('id', '=', id).execute();
}

/**
 * Rows left in `sending` by a crash: we cannot know whether the platform got them, so they are marked
 * `failed` with that reason for a person to check rather than silently sent twice. (SMTP/IM have no read-back.)
 */
export async function sweepInterrupted(db: Db, olderThan: number): Promise<number> {
  const res = await db.updateTable('deliveries').set({ status: 'failed', last_error: 'interrupted mid-send by a restart; not resent to avoid a duplicate — check the channel' }).where('status', '=', 'sending').where('next_attempt_at', '<', olderThan).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function listDeliveries(db: Db, opts: { alertId?: string; limit?: number } = {}) {
  let q = db.selectFrom('deliveries').selectAll().orderBy('id', 'desc').limit(opts.limit ?? 100);
  if (opts.alertId) q = q.where('alert_id', '=', opts.alertId);
  return q.execute();
}
