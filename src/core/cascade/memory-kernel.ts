/**
 * SEISMIC memory kernel: the density of human reaction time after exposure (constant for the first
 * s0 seconds, then a power-law tail), and the closed-form integrals the infectiousness estimate needs.
 * Written from the formulas in shared/data/cascades/SEISMIC.md (Zhao et al., KDD 2015).
 */

export interface MemoryKernel {
  /** Density on [0, s0), per second. */
  c: number;
  /** Cut-off between the constant part and the power-law tail, seconds. */
  s0: number;
  /** Power-law exponent of the tail. */
  theta: number;
}

/** Parameters measured on Twitter and shipped as defaults with the original model. */
export const TWITTER_KERNEL: MemoryKernel = { c: 6.265725e-4, s0: 300, theta: 0.2314843 };

/** Probability that a reaction comes later than `s` seconds after exposure. */
export function memoryCcdf(s: number, k: MemoryKernel = TWITTER_KERNEL): number {
  if (s < 0) return 1;
  if (s <= k.s0) return 1 - k.c * s;
  return ((k.c * Math.pow(k.s0, 1 + k.theta)) / k.theta) * Math.pow(s, -k.theta);
}

/** ∫ c·(1 + a(s − t)) ds over [from, to]: the constant part of the kernel under the linear weight. */
function constantPart(from: number, to: number, t: number, a: number, k: MemoryKernel): number {
  const u1 = from - t;
  const u2 = to - t;
  return k.c * (to - from + (a * (u2 * u2 - u1 * u1)) / 2);
}

/** ∫ c·((s − ti)/s0)^(−1−θ)·(1 + a(s − t)) ds over [from, to] with from ≥ ti + s0: the power-law part. */
function powerPart(from: number, to: number, ti: number, t: number, a: number, k: MemoryKernel): number {
  const u1 = from - ti;
  const u2 = to - ti;
  const th = k.theta;
  const b = 1 + a * (ti - t); // the weight written as b + a·u with u = s − ti
  const prim = (u: number) => (b * Math.pow(u, -th)) / -th + (a * Math.pow(u, 1 - th)) / (1 - th);
  return k.c * Math.pow(k.s0, 1 + th) * (prim(u2) - prim(u1));
}

/**
 * Exposure of one resharer (at ti) weighted by the triangular kernel 1 + a(s − t) over the look-back
 * window [t − w, t]: ∫ φ(s − ti)·K(s) ds over s in [max(ti, t − w), t], split where φ changes form.
 */
export function weightedExposure(ti: number, t: number, w: number, a: number, k: MemoryKernel = TWITTER_KERNEL): number {
  if (t <= ti) return 0;
  const lo = Math.max(ti, t - w);
  const knee = ti + k.s0;
  if (t <= knee) return constantPart(lo, t, t, a, k);
  if (lo >= knee) return powerPart(lo, t, ti, t, a, k);
  return constantPart(lo, knee, t, a, k) + powerPart(knee, t, ti, t, a, k);
}
