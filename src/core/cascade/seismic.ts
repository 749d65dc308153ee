/**
 * SEISMIC final-size forecast (SEISMIC.md, "Final-size prediction"): reshares seen so far plus the expected
 * direct reshares from exposure not yet reacted to, multiplied by the branching factor 1/(1 − p̂·n*).
 */
import { memoryCcdf, TWITTER_KERNEL } from './memory-kernel.js';
import { countUpTo, DEFAULT_INFECTIOUSNESS, estimateInfectiousness, type Cascade, type InfectiousnessOptions } from './infectiousness.js';

export interface SeismicPrediction {
  /** Seconds since the original post. */
  t: number;
  observed: number;
  infectiousness: number;
  pLow: number;
  pHigh: number;
  /** Predicted final reshares; Infinity when supercritical (p̂·n* ≥ 1). */
  predictedFinal: number;
  /** The same prediction at the lower 95% bound of p̂: the size the post will very likely reach at least. */
  predictedLow: number;
}

/** Predicts the final reshare count of a sorted cascade at time t (seconds), with n* followers per new resharer. */
export function predictCascade(c: Cascade, t: number, nStar = 100, opts: InfectiousnessOptions = DEFAULT_INFECTIOUSNESS): SeismicPrediction {
  const est = estimateInfectiousness(c, t, opts);
  const upTo = countUpTo(c.times, t);
  let pending = 0;
  for (let i = 0; i < upTo; i++) pending += (c.followers[i] as number) * memoryCcdf(t - (c.times[i] as number), opts.kernel ?? TWITTER_KERNEL);
  const direct = est.p * pending;
  const final = (p: number) => (p > 1 / nStar ? Infinity : est.observed + (p * pending) / (1 - p * nStar));
  return { t, observed: est.observed, infectiousness: est.p, pLow: est.pLow, pHigh: est.pHigh, predictedFinal: final(est.p), predictedLow: final(est.pLow) };
}

/** Sorts reshare times (seconds from the post) with their followers; the original post must be included at time 0. */
export function toCascade(times: readonly number[], followers: readonly number[]): Cascade {
  const idx = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
  return { times: idx.map((i) => times[i] as number), followers: idx.map((i) => followers[i] as number) };
}
