/**
 * A seasonal, robust, count-aware baseline for one signal. Expected count = level × hour-of-day factor ×
 * hour-of-week factor. Factors are ratio estimators (EWMA of what was seen over EWMA of the level at that slot),
 * so they stay unbiased for small counts. A slot learns only from completed hours (the hour in progress is
 * pending), so a crisis cannot teach its own slot while it unfolds; learning is winsorised at 4 sd; the level
 * has a day of memory, and a sustained shift (most of the last 3 hours outside the band) re-levels at once.
 */
import { median } from 'simple-statistics';
import type { CalendarSlot } from './calendar.js';
import { clamp, ewma, warmRate } from './ewma.js';

export interface Geometry {
  /** Windows per hour and per day (at least 1). */
  perHour: number;
  perDay: number;
  /** Aggregation scales in windows (e.g. 5, 15, 30, 60 minutes at 5-minute windows). */
  scales: number[];
}

/** Window counts for a window length in ms. */
export function geometry(windowMs: number): Geometry {
  const perHour = Math.max(1, Math.round(3_600_000 / windowMs));
  const scales = [...new Set([1, 3, 6, 12].map((m) => Math.max(1, Math.round((m * perHour) / 12))))];
  return { perHour, perDay: perHour * 24, scales };
}

export interface BaselineState {
  n: number;
  level: number;
  /**
   * The level with a week of memory: the yardstick factors are learned against. Against the day-long level, a
   * weekday seen for the first time taught only part of its difference (the level had already chased the rest).
   * Absent in states saved before it existed.
   */
  slowLevel?: number;
  dayA: number[];
  dayB: number[];
  dayN: number[];
  weekA: number[];
  weekB: number[];
  weekN: number[];
  /** First-day values and their hour-of-week, kept only until the baseline is initialised from them. */
  warmup: number[];
  warmupSlots: number[];
  /** The hour in progress (hour-of-week, −1 = none) and its sums of counts, levels and levels × day factor. */
  pendSlot: number;
  pendN: number;
  pendX: number;
  pendL: number;
  pendLD: number;
  /** Recent deseasonalised values and whether each was above (+1) or below (−1) the band. */
  recent: number[];
  recentSide: number[];
  /** Last few observed values and the forecasts made for them (for multi-window sums). */
  obs: number[];
  exp: number[];
  /** Method-of-moments dispersion per scale: EWMA of (X − M)² − M and of M². */
  dispA: number[];
  dispB: number[];
}

/**
 * Prior for a seasonal ratio, in posts: the ratio of mean counts to mean levels over the windows a factor rests on,
 * with this many posts added to both sides. It keeps factors finite where a slot has seen almost nothing, and its
 * pull towards 1 fades as posts accumulate. A fixed 0.1 per window did not fade: after three weeks of a night trough
 * of 1.5 posts a window it added about 1.5 points to the trough's forecast (three seeds +5–7% → +4–5%; a fourth
 * seed is at 0%, so the rest looks like the sampling noise of a week of night counts).
 */
const PRIOR_POSTS = 1;
/** Memories of the EWMAs behind the factors, in days and in weeks (see learn). */
const DAY_MEMORY = 7;
const WEEK_MEMORY = 3;
const LEARN_CLIP_SD = 4;
const SHIFT_SHARE = 0.8;

/** An empty baseline for a geometry. */
export function createBaseline(g: Geometry): BaselineState {
  const z = (n: number) => new Array<number>(n).fill(0);
  return { n: 0, level: 0, slowLevel: 0, dayA: z(24), dayB: z(24), dayN: z(24), weekA: z(168), weekB: z(168), weekN: z(168), warmup: [], warmupSlots: [], pendSlot: -1, pendN: 0, pendX: 0, pendL: 0, pendLD: 0, recent: [], recentSide: [], obs: [], exp: [], dispA: z(g.scales.length), dispB: z(g.scales.length) };
}

/** The multiplicative seasonal factor of a slot: hour-of-day, refined by hour-of-week as weeks accumulate. */
export function seasonalFactor(b: BaselineState, slot: CalendarSlot, g: Geometry): { day: number; week: number } {
  const h = slot.hourOfDay;
  const w = slot.hourOfWeek;
  const dayN = b.dayN[h] as number;
  const day = dayN >= 1 ? clamp(ratioFactor(b.dayA[h] as number, b.dayB[h] as number, g.perHour * Math.min(dayN, DAY_MEMORY)), 0.05, 20) : 1;
  const weeks = b.weekN[w] as number;
  const raw = weeks >= 1 ? clamp(ratioFactor(b.weekA[w] as number, b.weekB[w] as number, g.perHour * Math.min(weeks, WEEK_MEMORY)), 0.2, 5) : 1;
  const dow = dayOfWeekFactor(b, Math.floor(w / 24), g.perHour);
  return { day, week: dow * Math.pow(raw / dow, weeks / (weeks + 1)) };
}

/** Ratio of a mean count to a mean level over `windows` windows, shrunk towards 1 by PRIOR_POSTS. */
function ratioFactor(meanCount: number, meanLevel: number, windows: number): number {
  return (meanCount * windows + PRIOR_POSTS) / (meanLevel * windows + PRIOR_POSTS);
}

/**
 * How busy a weekday is as a whole, once all its hours have been seen: the ratio of the sums over them. It rests on a
 * whole day of counts, so it is trusted at once, while each hour-of-week refinement around it is shrunk
 * (one week of a Sunday evening is a dozen windows; one Sunday is nearly three hundred).
 */
function dayOfWeekFactor(b: BaselineState, weekday: number, perHour: number): number {
  let a = 0;
  let c = 0;
  let hours = 0;
  for (let h = weekday * 24; h < weekday * 24 + 24; h++) {
    if ((b.weekN[h] as number) < 1) continue;
    a += b.weekA[h] as number;
    c += b.weekB[h] as number;
    hours++;
  }
  // Each hour's means rest on at least one week of windows (the fewest any of them has).
  return hours === 24 ? clamp(ratioFactor(a, c, perHour), 0.2, 5) : 1;
}

/** Dispersion φ of a scale (variance = M + φM²); 0 means Poisson. */
export function dispersion(b: BaselineState, scaleIndex: number): number {
  const den = b.dispB[scaleIndex] as number;
  return den > 0 ? Math.max(0, (b.dispA[scaleIndex] as number) / den) : 0;
}

/** Expected count for a window in this slot (before seeing it). */
export function forecast(b: BaselineState, slot: CalendarSlot, g: Geometry): number {
  const f = seasonalFactor(b, slot, g);
  return b.level * f.day * f.week;
}

/** Standard deviation of one window's count around `mu` under the learned dispersion. */
export function windowSd(b: BaselineState, mu: number): number {
  return Math.sqrt(mu + dispersion(b, 0) * mu * mu);
}

/** Appends the observed value and its forecast to the short history used for multi-window sums. */
export function remember(b: BaselineState, x: number, mu: number, g: Geometry): BaselineState {
  const keep = g.scales[g.scales.length - 1] as number;
  return { ...b, obs: [...b.obs, x].slice(-keep), exp: [...b.exp, mu].slice(-keep) };
}

/**
 * Cold start: after a full day, the level is that day's mean, each hour-of-day factor its hour's mean over it,
 * and the dispersion of each scale is measured against that profile. Learning online from the first window
 * instead would bias the hours seen first (the level is not known yet when they are learned).
 */
function initialise(b: BaselineState, g: Geometry): BaselineState {
  const level = Math.max(1e-6, sum(b.warmup) / b.warmup.length);
  const hourSum = new Array<number>(24).fill(0);
  const hourN = new Array<number>(24).fill(0);
  b.warmupSlots.forEach((w, i) => {
    hourSum[w % 24] = (hourSum[w % 24] as number) + (b.warmup[i] as number);
    hourN[w % 24] = (hourN[w % 24] as number) + 1;
  });
  const dayA = hourSum.map((s, h) => ((hourN[h] as number) > 0 ? s / (hourN[h] as number) : level));
  const dayB = hourN.map(() => level);
  const dayN = hourN.map((c) => (c > 0 ? 1 : 0));
  const fit = b.warmupSlots.map((w) => dayA[w % 24] as number);
  const dispA = g.scales.map(() => 0);
  const dispB = g.scales.map(() => 0);
  g.scales.forEach((k, i) => {
    let a = 0;
    let c = 0;
    for (let end = k; end <= fit.length; end++) {
      const X = sum(b.warmup.slice(end - k, end));
      const M = sum(fit.slice(end - k, end));
      a += (X - M) * (X - M) - M;
      c += M * M;
    }
    const m = Math.max(1, fit.length - k + 1);
    dispA[i] = a / m;
    dispB[i] = c / m;
  });
  return { ...b, level, slowLevel: level, dayA, dayB, dayN, dispA, dispB, warmup: [], warmupSlots: [] };
}

/** Learns from one complete window (x seen, mu forecast before seeing it); `b` already remembers x. */
export function learn(b: BaselineState, x: number, mu: number, slot: CalendarSlot, g: Geometry): BaselineState {
  const n = b.n + 1;
  if (b.n < g.perDay) {
    const w = { ...b, n, level: ewma(b.level, x, 1 / n), warmup: [...b.warmup, x], warmupSlots: [...b.warmupSlots, slot.hourOfWeek] };
    return n === g.perDay ? initialise(w, g) : w;
  }
  const sd = windowSd(b, mu);
  const xl = clamp(x, mu - LEARN_CLIP_SD * sd, mu + LEARN_CLIP_SD * sd);
  const f = seasonalFactor(b, slot, g);
  const w = slot.hourOfWeek;
  let { dayA, dayB, dayN, weekA, weekB, weekN, pendSlot, pendN, pendX, pendL, pendLD } = b;
  if (pendSlot !== w && pendN > 0) {
    // The previous hour is complete: its slot learns (memory: a week of days, three weeks of weeks).
    const ph = pendSlot % 24;
    [dayA, dayB, dayN, weekA, weekB, weekN] = [[...dayA], [...dayB], [...dayN], [...weekA], [...weekB], [...weekN]];
    const aDay = warmRate((dayN[ph] as number) + 1, DAY_MEMORY);
    dayA[ph] = ewma(dayA[ph] as number, pendX / pendN, aDay);
    dayB[ph] = ewma(dayB[ph] as number, pendL / pendN, aDay);
    dayN[ph] = (dayN[ph] as number) + 1;
    const aWeek = warmRate((weekN[pendSlot] as number) + 1, WEEK_MEMORY);
    weekA[pendSlot] = ewma(weekA[pendSlot] as number, pendX / pendN, aWeek);
    weekB[pendSlot] = ewma(weekB[pendSlot] as number, pendLD / pendN, aWeek);
    weekN[pendSlot] = (weekN[pendSlot] as number) + 1;
  }
  if (pendSlot !== w) [pendSlot, pendN, pendX, pendL, pendLD] = [w, 0, 0, 0, 0];
  const slow = b.slowLevel ?? b.level;
  [pendN, pendX, pendL, pendLD] = [pendN + 1, pendX + xl, pendL + slow, pendLD + slow * f.day];
  // Level: deseasonalised, winsorised EWMA with a day of memory.
  const deseason = xl / Math.max(1e-9, f.day * f.week);
  let level = ewma(b.level, deseason, warmRate(n, g.perDay));
  let slowLevel = ewma(slow, deseason, warmRate(n, 7 * g.perDay));
  const span = 3 * g.perHour;
  const side = x > mu + 2 * sd ? 1 : x < mu - 2 * sd ? -1 : 0;
  let recent = [...b.recent, x / Math.max(1e-9, f.day * f.week)].slice(-span);
  let recentSide = [...b.recentSide, side].slice(-span);
  if (recentSide.length === span) {
    const up = recentSide.filter((s) => s > 0).length;
    const down = recentSide.filter((s) => s < 0).length;
    if (up >= SHIFT_SHARE * span || down >= SHIFT_SHARE * span) {
      // A sustained new level: adopt it now rather than alerting on it for days.
      level = median(recent);
      slowLevel = level;
      recentSide = recentSide.map(() => 0);
      recent = [...recent];
    }
  }
  // Dispersion per scale, from sums of the last k windows against their forecasts.
  const dispA = [...b.dispA];
  const dispB = [...b.dispB];
  const aDisp = warmRate(n, 2 * g.perDay);
  g.scales.forEach((k, i) => {
    if (b.obs.length < k) return;
    const X = sum(b.obs.slice(-k));
    const M = sum(b.exp.slice(-k));
    const phi = dispersion(b, i);
    const lim = LEARN_CLIP_SD * Math.sqrt(M + phi * M * M) + 1;
    const e = clamp(X - M, -lim, lim);
    dispA[i] = ewma(dispA[i] as number, e * e - M, aDisp);
    dispB[i] = ewma(dispB[i] as number, M * M, aDisp);
  });
  return { ...b, n, level, slowLevel, dayA, dayB, dayN, weekA, weekB, weekN, pendSlot, pendN, pendX, pendL, pendLD, recent, recentSide, dispA, dispB };
}

/** Sum of a list of numbers. */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
