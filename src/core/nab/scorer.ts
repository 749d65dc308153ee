/**
 * The NAB scoring method (Numenta Anomaly Benchmark) as described in shared/data/README.md: probation,
 * earliest detection per window weighted by a scaled sigmoid, false positives weighted by their distance
 * after the previous window, and normalisation between the null and the perfect detector.
 */

export interface NabProfile {
  name: 'standard' | 'reward_low_FP' | 'reward_low_FN';
  tp: number;
  fn: number;
  fp: number;
}

export const NAB_PROFILES: readonly NabProfile[] = [
  { name: 'standard', tp: 1, fn: 1, fp: 0.11 },
  { name: 'reward_low_FP', tp: 1, fn: 1, fp: 0.22 },
  { name: 'reward_low_FN', tp: 1, fn: 2, fp: 0.11 },
];

/** A labelled window as inclusive row indices [L, R]. */
export type RowWindow = readonly [number, number];

export interface FileScore {
  raw: number;
  windows: number;
  detectedWindows: number;
  falsePositives: number;
}

/** Rows at the start of a series that are never scored: min(floor(0.15·N), 750). */
export function probationRows(n: number): number {
  return Math.min(Math.floor(0.15 * n), 750);
}

/** NAB's scaled sigmoid: 2/(1 + e^{5y}) − 1, and −1 beyond y = 3. */
export function scaledSigmoid(y: number): number {
  if (y > 3) return -1;
  return 2 / (1 + Math.exp(5 * y)) - 1;
}

/** Maps windows given as [start, end] times to inclusive row indices of `times` (sorted). */
export function windowsToRows(times: readonly number[], windows: ReadonlyArray<readonly [number, number]>): RowWindow[] {
  const out: RowWindow[] = [];
  for (const [s, e] of windows) {
    let l = -1;
    let r = -1;
    for (let i = 0; i < times.length; i++) {
      const t = times[i] as number;
      if (t >= s && t <= e) {
        if (l < 0) l = i;
        r = i;
      }
    }
    if (l >= 0) out.push([l, r]);
  }
  return out;
}

/** Scores one file: `detections[i]` is true where the detector fired (anomaly_score ≥ threshold). */
export function scoreFile(detections: readonly boolean[], windows: readonly RowWindow[], p: NabProfile): FileScore {
  const probation = probationRows(detections.length);
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const detected = new Set<number>();
  let raw = 0;
  let falsePositives = 0;
  for (let i = probation; i < detections.length; i++) {
    if (!detections[i]) continue;
    const w = sorted.findIndex(([l, r]) => i >= l && i <= r);
    if (w >= 0) {
      if (detected.has(w)) continue; // only the earliest detection in a window counts
      detected.add(w);
      const [l, r] = sorted[w] as RowWindow;
      const width = r - l + 1;
      raw += (p.tp * scaledSigmoid(-(r - i + 1) / width)) / scaledSigmoid(-1);
      continue;
    }
    falsePositives++;
    let prev: RowWindow | undefined;
    for (const win of sorted) if (win[1] < i) prev = win;
    if (!prev) raw -= p.fp;
    else {
      const width = prev[1] - prev[0] + 1;
      raw += p.fp * scaledSigmoid(Math.abs(prev[1] - i) / Math.max(1, width - 1));
    }
  }
  raw -= p.fn * (sorted.length - detected.size);
  return { raw, windows: sorted.length, detectedWindows: detected.size, falsePositives };
}

/** Normalises summed raw scores: 100·(S − S_null)/(S_perfect − S_null), null never fires, perfect fires at each left edge. */
export function normalisedScore(files: readonly FileScore[], p: NabProfile): number {
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const windows = files.reduce((s, f) => s + f.windows, 0);
  const nul = -p.fn * windows;
  const perfect = p.tp * windows;
  if (perfect === nul) return NaN;
  return (100 * (raw - nul)) / (perfect - nul);
}
