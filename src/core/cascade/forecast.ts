/**
 * What the live pipeline calls for one tracked negative post: a SEISMIC forecast of its final reposts from
 * the reposts seen so far, with a sentence for the incident ("predicted ~8,800 reposts; still accelerating").
 */
import { predictCascade, toCascade } from './seismic.js';

export interface CascadeObservation {
  /** When the original post was published, epoch ms. */
  postedAt: number;
  /** Followers of the original author. */
  authorFollowers: number;
  /** Each repost seen so far: when (epoch ms) and its author's followers. */
  reshares: ReadonlyArray<{ at: number; followers: number }>;
}

export interface CascadeForecast {
  observed: number;
  /** p̂: the share of exposed followers who repost, per SEISMIC. */
  infectiousness: number;
  /** Predicted final reposts; Infinity while supercritical. */
  predictedFinal: number;
  /** The prediction at the lower 95% bound of the infectiousness: very likely at least this many. */
  predictedLow: number;
  /** p̂·n* ≥ 1: each repost currently brings more than one more, the cascade is still exploding. */
  supercritical: boolean;
  /** Reposts in the last 10 minutes outnumber those in the 10 minutes before (or supercritical). */
  accelerating: boolean;
  sentence: string;
}

const ACCEL_MS = 10 * 60_000;

/** Rounds to two significant figures and groups thousands: 8761 → "8,800". */
export function roughCount(n: number): string {
  if (n < 100) return String(Math.round(n));
  const mag = Math.pow(10, Math.floor(Math.log10(n)) - 1);
  return (Math.round(n / mag) * mag).toLocaleString('en-US');
}

/** Forecasts a post's final reposts at `now` (epoch ms) with n* new followers per resharer (SEISMIC default 100). */
export function forecastCascade(obs: CascadeObservation, now: number, nStar = 100): CascadeForecast {
  const seen = obs.reshares.filter((r) => r.at <= now);
  const times = [0, ...seen.map((r) => Math.max(0, (r.at - obs.postedAt) / 1000))];
  const followers = [obs.authorFollowers, ...seen.map((r) => r.followers)];
  const t = Math.max(0, (now - obs.postedAt) / 1000);
  const pred = predictCascade(toCascade(times, followers), t, nStar);
  const supercritical = pred.infectiousness * nStar >= 1;
  const recent = seen.filter((r) => r.at > now - ACCEL_MS).length;
  const before = seen.filter((r) => r.at > now - 2 * ACCEL_MS && r.at <= now - ACCEL_MS).length;
  const accelerating = supercritical || recent > before;
  const trend = accelerating ? 'still accelerating' : 'slowing down';
  const sentence = supercritical
    ? `${pred.observed} reposts so far and each one brings more than one more (p̂·n* = ${(pred.infectiousness * nStar).toFixed(2)}); final size not yet predictable; ${trend}`
    : `predicted ~${roughCount(pred.predictedFinal)} reposts (${pred.observed} so far); ${trend}`;
  return { observed: pred.observed, infectiousness: pred.infectiousness, predictedFinal: pred.predictedFinal, predictedLow: pred.predictedLow, supercritical, accelerating, sentence };
}

/**
 * True when a post will very likely outgrow `usualFinal` reposts (the brand's usual reach): even at the lower 95%
 * bound of its infectiousness the forecast passes it, and it already has a quarter of it. Early forecasts from a
 * few dozen reposts swing widely (many posts look supercritical for a while), so the point forecast alone would
 * warn about most posts that then fizzle (`npm run bench:early-warning` measures both).
 */
export function outgrowsUsualReach(f: CascadeForecast, usualFinal: number, minObserved = 20): boolean {
  if (f.observed < Math.max(minObserved, usualFinal / 4)) return false;
  return f.predictedLow > usualFinal;
}
