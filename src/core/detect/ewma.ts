/** Exponentially weighted moving averages and the learning rates the baselines use. */

/** One EWMA step: moves `prev` towards `x` by `alpha` (0 < alpha ≤ 1). */
export function ewma(prev: number, x: number, alpha: number): number {
  return prev + alpha * (x - prev);
}

/** Rate for the n-th sample (1-based): a running mean at first, then a fixed memory of `horizon` samples. */
export function warmRate(n: number, horizon: number): number {
  return Math.max(1 / Math.max(1, n), 1 / Math.max(1, horizon));
}

/** Clamps x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
