/** Quiet hours in a route's time zone: when they are on, and when they end. */
import type { QuietHours } from './types.js';
import { addDays, zonedEpoch, zonedParts } from '../oncall/zoned-time.js';

/** If `now` is inside quiet hours, the instant they end; otherwise null. */
export function quietUntil(q: QuietHours, now: number): number | null {
  const z = zonedParts(now, q.timezone);
  const minute = z.hour * 60 + z.minute;
  const spansMidnight = q.fromMinute > q.toMinute;
  // The quiet period that could contain `now` started today, or (spanning midnight) yesterday.
  const candidates: { startDay: number; offset: number }[] = [];
  if (minute >= q.fromMinute && (spansMidnight || minute < q.toMinute)) candidates.push({ startDay: z.weekday, offset: spansMidnight ? 1 : 0 });
  if (spansMidnight && minute < q.toMinute) candidates.push({ startDay: (z.weekday + 6) % 7, offset: 0 });
  const hit = candidates.find((c) => q.days.includes(c.startDay));
  if (!hit) return null;
  const end = addDays(z.year, z.month, z.day, hit.offset);
  return zonedEpoch(end.year, end.month, end.day, q.toMinute, q.timezone);
}
