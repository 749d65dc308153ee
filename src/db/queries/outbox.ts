/**
 * Alerts and the delivery outbox. A delivery row with a unique idempotency key is written before anything is sent;
 * sending claims it (pending → sending) with a compare-and-set, so two dispatchers never send the same row.
 */
import { atomically } from '../atomic.js';
import type { Db } from '../schema.js';
import type { Alert } from '../../core/types.js';

/** `held`: kept in the local outbox (no channel); `suppressed`: noise control dropped it for good (reason in `decision`). */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'suppressed';

/** Where one delivery goes: a channel, and the route it serves (null = no noise control, e.g. the local outbox). */
export interface DeliveryTarget {
  channel: string;
  route: string | null;
}

/**
 * Stores an alert and its delivery rows together; a second call with the same keys changes nothing (the key is
 * `${alertId}:${channel}`, so an alert reaches a channel at most once whatever route asked for it).
 * A plain string target is a channel without a route.
 */
export async function enqueueAlert(db: Db, alert: Alert, targets: readonly (string | DeliveryTarget)[], now: number, status: DeliveryStatus = 'pending', decision: string | null = null): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.insertInto('alerts').values({ id: alert.id, incident_id: alert.incidentId, kind: alert.kind, created_at: alert.createdAt, payload: JSON.stringify(alert) }).onConflict((oc) => oc.doNothing()).execute();
    for (const t of targets) {
      const { channel, route } = typeof t === 'string' ? { channel: t, route: null } : t;
      await trx
        .insertInto('deliveries')
        .values({ idempotency_key: `${alert.id}:${channel}`, alert_id: alert.id, channel, route, status, attempts: 0, next_attempt_at: now, last_error: null, created_at: now, sent_at: null, decision })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    }
  });
}

/** Holds a pending row until `at` with the reason; false if the row is no longer pending. */
export async function holdDelivery(db: Db, id: number, at: number, reason: string): Promise<boolean> {
  const res = await db.updateTable('deliveries').set({ next_attempt_at: at, decision: reason }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Drops a pending row for good (noise control), keeping the reason; false if the row is no longer pending. */
export async function suppressDelivery(db: Db, id: number, reason: string): Promise<boolean> {
  const res = await db.updateTable('deliveries').set({ status: 'suppressed', decision: reason }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** One (incident, route, channel) group for noise control: when it first saw an alert and what it already sent. */
export async function deliveryGroup(db: Db, incidentId: string, route: string, channel: string) {
  const rows = await db
    .selectFrom('deliveries as d')
    .innerJoin('alerts as a', 'a.id', 'd.alert_id')
    .select(['d.created_at', 'd.status', 'd.sent_at', 'a.kind', 'a.payload'])
    .where('a.incident_id', '=', incidentId)
    .where('d.route', '=', route)
    .where('d.channel', '=', channel)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
  const sent = rows
    .filter((r) => r.status === 'sent' && r.sent_at !== null)
    .map((r) => ({ at: r.sent_at!, kind: r.kind as Alert['kind'], severity: (JSON.parse(r.payload) as Alert).severity }))
    .sort((a, b) => a.at - b.at);
  return { firstSeenAt: rows[0]?.created_at ?? null, sent };
}

/** Send times on a channel since `since` (for per-channel caps). */
export async function channelSendTimes(db: Db, channel: string, since: number): Promise<number[]> {
  const rows = await db.selectFrom('deliveries').select('sent_at').where('channel', '=', channel).where('status', '=', 'sent').where('sent_at', '>', since).execute();
  return rows.map((r) => r.sent_at!);
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
export async function sweepInterrupted(db: Db, olderThan: number, now = Date.now()): Promise<number> {
  const reason = 'interrupted mid-send by a restart; not resent to avoid a duplicate — check the channel';
  return atomically(db, async (trx) => {
    const stuck = await trx.selectFrom('deliveries as d').innerJoin('alerts as a', 'a.id', 'd.alert_id').select(['d.id', 'd.channel', 'a.incident_id', 'a.id as alert_id']).where('d.status', '=', 'sending').where('d.next_attempt_at', '<', olderThan).execute();
    for (const s of stuck) {
      const res = await trx.updateTable('deliveries').set({ status: 'failed', last_error: reason }).where('id', '=', s.id).where('status', '=', 'sending').executeTakeFirst();
      // The timeline says so, so a person checks the channel instead of assuming the alert arrived.
      if (Number(res.numUpdatedRows) === 1) await trx.insertInto('incident_events').values({ incident_id: s.incident_id, at: now, type: 'alert-failed', actor: null, message: `Delivery by ${s.channel} was ${reason}`, data: JSON.stringify({ alertId: s.alert_id }) }).execute();
    }
    return stuck.length;
  });
}

export async function listDeliveries(db: Db, opts: { alertId?: string; limit?: number } = {}) {
  let q = db.selectFrom('deliveries').selectAll().orderBy('id', 'desc').limit(opts.limit ?? 100);
  if (opts.alertId) q = q.where('alert_id', '=', opts.alertId);
  return q.execute();
}
