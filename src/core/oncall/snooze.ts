/** Snooze: silence an incident for a while (at most a week, as Opsgenie does), then re-notify whoever is on call. */

export const MAX_SNOOZE_MS = 7 * 24 * 3_600_000;

export type SnoozeDecision = { ok: true; until: number; reason: string } | { ok: false; reason: string };

/** Validates a snooze request of `durationMs` starting at `now`. */
export function snoozeUntil(now: number, durationMs: number, maxMs = MAX_SNOOZE_MS): SnoozeDecision {
  if (!Number.isFinite(durationMs) || durationMs <= 0) return { ok: false, reason: 'snooze needs a positive duration' };
  if (durationMs > maxMs) return { ok: false, reason: `snooze is limited to ${Math.round(maxMs / 3_600_000)} h (asked ${Math.round(durationMs / 3_600_000)} h)` };
  return { ok: true, until: now + durationMs, reason: `snoozed for ${Math.round(durationMs / 60_000)} min until ${new Date(now + durationMs).toISOString()}` };
}
