/**
 * Evidence that a signal is spreading faster than its baseline: negative-binomial tail probabilities of the
 * sums over the last 1, 3, 6, 12 windows (so both a sudden spike and a steady climb show), behind a
 * minimum-volume gate, combined with a Bonferroni correction into one surprise = −log10(p).
 */
import { negBinomUpperTail } from './tail-probability.js';
import { dispersion, sum, type BaselineState, type Geometry } from './seasonal-baseline.js';

export interface ScaleEvidence {
  windows: number;
  observed: number;
  expected: number;
  p: number;
}

export interface SpreadEvidence {
  scales: ScaleEvidence[];
  /** The most surprising scale that passes the volume gate (or the single-window one when none does). */
  best: ScaleEvidence;
  /** −log10 of the corrected p-value; 0 when nothing passes the gate. */
  surprise: number;
}

export interface VolumeGate {
  /** Least observed count over a scale for it to count as evidence. */
  minCount: number;
  /** Least excess over expected (observed − expected) over a scale. */
  minExcess: number;
}

/** Per-window floor on the expected count: a brand that never sees a post still expects a little. */
export const MIN_EXPECTED_PER_WINDOW = 0.05;

/** Judges the windows remembered in `b` (the latest included) against their forecasts. */
export function spreadEvidence(b: BaselineState, g: Geometry, gate: VolumeGate): SpreadEvidence {
  const scales: ScaleEvidence[] = [];
  g.scales.forEach((k, i) => {
    if (b.obs.length < k) return;
    const observed = sum(b.obs.slice(-k));
    const expected = Math.max(sum(b.exp.slice(-k)), MIN_EXPECTED_PER_WINDOW * k);
    const phi = dispersion(b, i);
    const p = negBinomUpperTail(observed, expected, phi > 0 ? 1 / phi : Infinity);
    scales.push({ windows: k, observed, expected, p });
  });
  const passing = scales.filter((s) => s.observed >= gate.minCount && s.observed - s.expected >= gate.minExcess);
  const fallback: ScaleEvidence = scales[0] ?? { windows: 1, observed: 0, expected: 0, p: 1 };
  if (!passing.length) return { scales, best: fallback, surprise: 0 };
  const best = passing.reduce((a, s) => (s.p < a.p ? s : a));
  const corrected = Math.min(1, best.p * g.scales.length);
  return { scales, best, surprise: corrected > 0 ? -Math.log10(corrected) : 300 };
}
