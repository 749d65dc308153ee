/**
 * The highest standardised excess (Pearson residual of observed against expected) in each of the last 24 completed hours. A burst of single windows
 * that rises no higher than what this brand already saw in the past day is not news to it: real mention streams
 * spike every day or so (a bot run, a retweet storm, a live event), and a PR lead wants the one that stands out.
 * Bounded: 24 numbers and the hour in progress.
 */

export interface DayPeaks {
  /** Maxima of completed hours, oldest first (at most 24). */
  hours: number[];
  /** Maximum of the hour in progress and the windows it has seen. */
  current: number;
  windows: number;
}

/** No history yet. */
export function createDayPeaks(): DayPeaks {
  return { hours: [], current: 0, windows: 0 };
}

/** The highest residual over the completed hours of the last day (0 when none). */
export function dayPeak(p: DayPeaks): number {
  let m = 0;
  for (const h of p.hours) if (h > m) m = h;
  return m;
}

/** Records one window's residual; `perHour` windows make an hour. */
export function recordPeak(p: DayPeaks, residual: number, perHour: number): DayPeaks {
  const current = Math.max(p.current, residual);
  const windows = p.windows + 1;
  if (windows < perHour) return { hours: p.hours, current, windows };
  return { hours: [...p.hours, current].slice(-24), current: 0, windows: 0 };
}
