/**
 * Wall-clock time in an IANA time zone, without I/O: Intl does the zone rules, we do the arithmetic.
 * Used by rotations (handoff "Mon 10:00 Asia/Shanghai") and quiet hours.
 */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    formatters.set(tz, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar fields of an instant in a zone. */
export function zonedParts(ms: number, tz: string): ZonedParts {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(tz).formatToParts(ms)) p[type] = value;
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, weekday: WEEKDAYS.indexOf(p.weekday!.toLowerCase()) };
}

function offsetAt(ms: number, tz: string): number {
  const z = zonedParts(ms, tz);
  return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant a local wall time happens in a zone. In a DST gap the time does not exist and the
 * result lands just after the gap; in an overlap the earlier instant wins.
 */
export function zonedEpoch(year: number, month: number, day: number, minuteOfDay: number, tz: string): number {
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  // Offsets a day either side cover any single transition near this wall time.
  const before = offsetAt(wall - 86_400_000, tz);
  const after = offsetAt(wall + 86_400_000, tz);
  const valid = [...new Set([before, after])].map((o) => wall - o).filter((t) => offsetAt(t, tz) === wall - t);
  return valid.length ? Math.min(...valid) : wall - before;
}

/** Whole days between two local dates (DST cannot skew it: both are taken as UTC dates). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The local date `n` days after the given one. */
export function addDays(year: number, month: number, day: number, n: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "HH:MM" (24 h) → minutes after midnight, or null. */
export function parseClock(s: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  return m ? +m[1]! * 60 + +m[2]! : null;
}

/** "mon" / "Monday" → 1, or null. */
export function parseWeekday(s: string): number | null {
  const i = WEEKDAYS.indexOf(s.trim().slice(0, 3).toLowerCase());
  return i < 0 ? null : i;
}

export function weekdayName(d: number): string {
  return WEEKDAYS[d]!;
}

/** "30s", "5m", "2h", "1d", "1w" → milliseconds, or null. */
export function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(s.trim());
  if (!m) return null;
  const unit = { ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd' | 'w'];
  return Math.round(+m[1]! * unit);
}

/** A readable local time for reasons: "2025-02-03 10:00 Asia/Shanghai". */
export function describeInstant(ms: number, tz: string): string {
  const z = zonedParts(ms, tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${p(z.month)}-${p(z.day)} ${p(z.hour)}:${p(z.minute)} ${tz}`;
}
