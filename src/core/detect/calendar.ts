/**
 * Hour-of-day and hour-of-week of a window start in the brand's timezone. Intl is pure (no I/O); formatters
 * are cached per timezone because building one costs far more than using it.
 */

export interface CalendarSlot {
  /** 0..23, local hour. */
  hourOfDay: number;
  /** 0..167, Monday 00:00 = 0. */
  hourOfWeek: number;
  /** Readable local time, e.g. "Tuesday 10:00". */
  label: string;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, f);
  }
  return f;
}

/** Local weekday (Monday = 0), hour and minute of an instant. */
function localParts(at: number, timezone: string): { day: number; hour: number; minute: number } {
  if (timezone === 'UTC' || timezone === 'Etc/UTC') {
    const d = new Date(at);
    return { day: (d.getUTCDay() + 6) % 7, hour: d.getUTCHours(), minute: d.getUTCMinutes() };
  }
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const p of formatterFor(timezone).formatToParts(at)) {
    if (p.type === 'weekday') day = SHORT[p.value] ?? 0;
    else if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return { day, hour, minute };
}

/** The seasonal slot of an instant in `timezone` (an IANA name). */
export function calendarSlot(at: number, timezone: string): CalendarSlot {
  const { day, hour, minute } = localParts(at, timezone);
  const label = `${DAYS[day]} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { hourOfDay: hour, hourOfWeek: day * 24 + hour, label };
}
