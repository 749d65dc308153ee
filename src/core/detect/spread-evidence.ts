/**
 * Evidence that a signal is spreading faster than its baseline: negative-binomial tail probabilities of the
 * sums over the last 1, 3, 6, 12 windows (so both a sudden spike and a steady climb show), behind a
 * minimum-volume gate, combined with a Bonferroni correction into one surprise = −log10(p). Multi-window sums
 * cap each window at expected + 3 sd, so one isolated spike (common in real mention streams: a bot burst, one
 * retweet storm) cannot pass for sustained spread; a lone spike must persist to open (see noise-control.ts).
 */
import { negBinomUpperTail } from './tail-probability.js';
import { dispersion, sum, type BaselineState, type Geometry } from './seasonal-baseline.js';

export interface ScaleEvidence {
  windows: number;
  /** Raw sum over the scale (shown to people). */
  observed: number;
  expected: number;
  /** The sum the test used: raw for one window, each window capped at expected + 3 sd for longer scales. */
  tested: number;
  p: number;
}

export interface SpreadEvidence {
  scales: ScaleEvidence[];
  /** The most surprising scale that passes the volume gate (or the single-window one when none does). */
  best: ScaleEvidence;
  /** −log10 of the corrected p-value; 0 when nothing passes the gate. */
  surprise: number;
  /** The same over multi-window scales only: spread that is sustained, not a lone spike. */
  sustained: number;
}

const SPIKE_CAP_SD = 3;

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
    const obs = b.obs.slice(-k);
    const exp = b.exp.slice(-k);
    const observed = sum(obs);
    const expected = Math.max(sum(exp), MIN_EXPECTED_PER_WINDOW * k);
    const phi1 = dispersion(b, 0);
    const tested = k === 1 ? observed : sum(obs.map((x, j) => Math.min(x, capOf(exp[j] as number, phi1))));
    const phi = dispersion(b, i);
    const p = negBinomUpperTail(tested, expected, phi > 0 ? 1 / phi : Infinity);
    scales.push({ windows: k, observed, expected, tested, p });
  });
  const passing = scales.filter((s) => s.tested >= gate.minCount && s.tested - s.expected >= gate.minExcess);
  const fallback: ScaleEvidence = scales[0] ?? { windows: 1, observed: 0, expected: 0, tested: 0, p: 1 };
  if (!passing.length) return { scales, best: fallback, surprise: 0, sustained: 0 };
  const best = passing.reduce((a, s) => (s.p < a.p ? s : a));
  const multi = passing.filter((s) => s.windows > 1);
  const bestMulti = multi.length ? multi.reduce((a, s) => (s.p < a.p ? s : a)) : null;
  return { scales, best, surprise: surpriseOf(best.p, g), sustained: bestMulti ? surpriseOf(bestMulti.p, g) : 0 };
}

function capOf(mu: number, phi: number): number {
  const m = Math.max(mu, MIN_EXPECTED_PER_WINDOW);
  return m + SPIKE_CAP_SD * Math.sqrt(m + phi * m * m);
}

function surpriseOf(p: number, g: Geometry): number {
  const corrected = Math.min(1, p * g.scales.length);
  return corrected > 0 ? -Math.log10(corrected) : 300;
}
