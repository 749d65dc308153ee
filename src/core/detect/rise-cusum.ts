/**
 * A one-sided CUSUM for a slow, sustained rise: each window adds the log-likelihood ratio of its count under
 * "the rate is k times what was expected" against "as expected" (negative binomial with the learned dispersion,
 * Poisson when there is none); the sum is floored at zero, so it forgets calm stretches and accumulates only while
 * windows keep running above expectation. It sees a doubling that no single window or fixed span can prove (a
 * complaint adding two or three posts a window to a quiet brand) at a known false-alarm rate: with a threshold of
 * h nats, roughly one false start per e^h windows when the model fits.
 */

export interface RiseCusum {
  /** Accumulated evidence in nats (≥ 0), and the observed and expected counts since it last stood at zero. */
  s: number;
  obs: number;
  exp: number;
  windows: number;
}

export interface RiseVerdict {
  cusum: RiseCusum;
  /** Evidence after this window, in nats. */
  nats: number;
}

/** The rate multiple the CUSUM is tuned to detect (a doubling of the usual chatter). */
export const RISE_FACTOR = 2;
const MISFIT_SD = 2;
/** One window adds at most this much, so a single storm cannot fill the sum on its own. */
const MAX_WINDOW_NATS = 3;

/** An empty CUSUM. */
export function createRiseCusum(): RiseCusum {
  return { s: 0, obs: 0, exp: 0, windows: 0 };
}

/** ln P(x | mean k·mu) − ln P(x | mean mu) for a negative binomial of dispersion phi (variance mu + phi·mu²). */
export function rateLogLikelihoodRatio(x: number, mu: number, k: number, phi: number): number {
  if (mu <= 0) return 0;
  if (phi <= 1e-9) return x * Math.log(k) - (k - 1) * mu;
  const r = 1 / phi;
  return x * Math.log(k) + (x + r) * Math.log((r + mu) / (r + k * mu));
}

/**
 * Adds one window and returns the new sum. `phi` is the one-window dispersion; `phiSpan` the dispersion of
 * hour-long sums, which measures how far the forecast itself drifts for hours at a time (an unseen Saturday
 * night, a news day). The null is the forecast raised by two of those relative sds, so a misfit that lasts
 * is not mistaken for spread; the alternative is k times that.
 */
export function stepRiseCusum(c: RiseCusum, x: number, mu: number, phi: number, phiSpan: number, k = RISE_FACTOR): RiseVerdict {
  const null0 = mu * (1 + MISFIT_SD * Math.sqrt(Math.max(0, phiSpan)));
  const llr = Math.min(MAX_WINDOW_NATS, rateLogLikelihoodRatio(x, null0, k, phi));
  const s = Math.max(0, c.s + llr);
  const cusum = s > 0 ? { s, obs: (c.s > 0 ? c.obs : 0) + x, exp: (c.s > 0 ? c.exp : 0) + mu, windows: (c.s > 0 ? c.windows : 0) + 1 } : createRiseCusum();
  return { cusum, nats: s };
}
