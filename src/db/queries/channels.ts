/** Channel health: a channel that failed permanently stays failing (shown on the dashboard) until an admin re-enables it. */
import type { Db } from '../schema.js';

export interface ChannelHealth {
  channel: string;
  failingSince: number | null;
  reason: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

/** Every channel with a health row (failing or re-enabled). */
export async function listChannelHealth(db: Db): Promise<ChannelHealth[]> {
  const rows = await db.selectFrom('channel_health').selectAll().orderBy('channel').execute();
  return rows.map((r) => ({ channel: r.channel, failingSince: r.failing_since, reason: r.reason, updatedAt: r.updated_at, updatedBy: r.updated_by }));
}

/** Channels currently failing, by name. */
export async function failingChannels(db: Db): Promise<Map<string, ChannelHealth>> {
  return new Map((await listChannelHealth(db)).filter((h) => h.failingSince !== null).map((h) => [h.channel, h]));
}

/**
 * Marks a channel failing; true only when it was not failing before (so the caller records one event per outage).
 * `reason` must already be redacted.
 */
export async function markChannelFailing(db: Db, channel: string, reason: string, now: number): Promise<boolean> {
  await db.insertInto('channel_health').values({ channel, failing_since: null, reason: null, updated_at: now, updated_by: null }).onConflict((oc) => oc.column('channel').doNothing()).execute();
  const res = await db.updateTable('channel_health').set({ failing_since: now, reason, updated_at: now, updated_by: null }).where('channel', '=', channel).where('failing_since', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Re-enables a failing channel (an admin's decision); false when it was not failing. */
export async function enableChannel(db: Db, channel: string, by: string, now: number): Promise<boolean> {
  const res = await db.updateTable('channel_health').set({ failing_since: null, updated_at: now, updated_by: by }).where('channel', '=', channel).where('failing_since', 'is not', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
