/** Who is on call: weekly rotations with a local handoff time, overridden by explicit cover. */
import type { Schedule } from './types.js';
import { addDays, dayNumber, describeInstant, weekdayName, zonedEpoch, zonedParts } from './zoned-time.js';

export interface OnCall {
  user: string;
  /** When this person's shift began and ends (the next handoff, or the override's end). */
  from: number;
  until: number;
  reason: string;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The handoff instant on or before `now`, as a local date and the epoch ms. */
function lastHandoff(s: Schedule, now: number) {
  const z = zonedParts(now, s.timezone);
  let back = mod(z.weekday - s.handoffWeekday, 7);
  if (back === 0 && z.hour * 60 + z.minute < s.handoffMinute) back = 7;
  let date = addDays(z.year, z.month, z.day, -back);
  let at = zonedEpoch(date.year, date.month, date.day, s.handoffMinute, s.timezone);
  // A handoff inside a DST gap can land just after `now`; step back a week then.
  if (at > now) {
    date = addDays(date.year, date.month, date.day, -7);
    at = zonedEpoch(date.year, date.month, date.day, s.handoffMinute, s.timezone);
  }
  return { date, at };
}

/** The person on call at `now`, with the shift bounds and the reason (rotation week or override). */
export function whoIsOnCall(s: Schedule, now: number): OnCall {
  const override = [...s.overrides].reverse().find((o) => o.from <= now && now < o.to);
  if (override) return { user: override.user, from: override.from, until: override.to, reason: `${s.id}: override for ${override.user} until ${describeInstant(override.to, s.timezone)}` };
  const { date, at } = lastHandoff(s, now);
  const next = addDays(date.year, date.month, date.day, 7);
  const until = zonedEpoch(next.year, next.month, next.day, s.handoffMinute, s.timezone);
  // Anchor the week count on the handoff on or before the configured start date.
  const startBack = mod(new Date(Date.UTC(s.start.year, s.start.month - 1, s.start.day)).getUTCDay() - s.handoffWeekday, 7);
  const anchor = dayNumber(s.start.year, s.start.month, s.start.day) - startBack;
  const week = Math.floor((dayNumber(date.year, date.month, date.day) - anchor) / 7);
  const user = s.rotation[mod(week, s.rotation.length)]!;
  const hh = `${String(Math.floor(s.handoffMinute / 60)).padStart(2, '0')}:${String(s.handoffMinute % 60).padStart(2, '0')}`;
  return { user, from: at, until, reason: `${s.id}: week ${week + 1} of the rotation (${s.rotation.join(' → ')}), handoff ${weekdayName(s.handoffWeekday)} ${hh} ${s.timezone}; ${user} until ${describeInstant(until, s.timezone)}` };
}
