/**
 * SEISMIC infectiousness p̂_t: a kernel-weighted maximum-likelihood estimate of the probability that one
 * exposed follower reshares, looking back from time t with a triangular kernel (SEISMIC.md, "Infectiousness").
 */
import { TWITTER_KERNEL, weightedExposure, type MemoryKernel } from './memory-kernel.js';
import { chiSquareQuantile } from '../detect/tail-probability.js';

/** One cascade: times in seconds from the original post (index 0, time 0) and each sharer's followers. */
export interface Cascade {
  times: number[];
  followers: number[];
}

export interface InfectiousnessOptions {
  maxWindow: number;
  minWindow: number;
  minCount: number;
  kernel: MemoryKernel;
}

export const DEFAULT_INFECTIOUSNESS: InfectiousnessOptions = { maxWindow: 7200, minWindow: 300, minCount: 5, kernel: TWITTER_KERNEL };

export interface InfectiousnessEstimate {
  /** Reshares observed by t, excluding the original. */
  observed: number;
  p: number;
  /** 90% interval from the chi-square approximation on the reshares inside the kernel window. */
  pLow: number;
  pHigh: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Number of entries of the sorted `times` that are ≤ t. */
export function countUpTo(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of the sorted `times` that are < t. */
function countBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Estimates p̂_t for a cascade sorted by time, whose first entry is the original post. */
export function estimateInfectiousness(c: Cascade, t: number, opts: InfectiousnessOptions = DEFAULT_INFECTIOUSNESS): InfectiousnessEstimate {
  const upTo = countUpTo(c.times, t); // includes the original post
  const observed = Math.max(0, upTo - 1);
  if (observed === 0) return { observed, p: 0, pLow: 0, pHigh: 0 };
  const w = clamp(t / 2, opts.minWindow, opts.maxWindow);
  let a = clamp(2 / t, 1 / opts.maxWindow, 1 / opts.minWindow);
  // The window is [t − w, t): a reshare at exactly t has had no exposure time yet, so it is not counted.
  const before = countBefore(c.times, t);
  let first = Math.max(countBefore(c.times, t - w), 1);
  if (before - first < opts.minCount) {
    // Too few reshares in the window: reach back to the (minCount+1)-th last one and flatten the kernel.
    first = Math.max(before - 1 - opts.minCount, 1);
    a = 1 / (t - (c.times[first] as number));
  }
  let num = 0;
  for (let i = first; i < before; i++) num += 1 + a * ((c.times[i] as number) - t);
  let den = 0;
  for (let i = 0; i < upTo; i++) den += (c.followers[i] as number) * weightedExposure(c.times[i] as number, t, w, a, opts.kernel);
  const p = den > 0 ? num / den : 0;
  const m = before - first;
  return { observed, p, pLow: (p * chiSquareQuantile(0.05, 2 * m)) / (2 * m), pHigh: (p * chiSquareQuantile(0.95, 2 * m)) / (2 * m) };
}
