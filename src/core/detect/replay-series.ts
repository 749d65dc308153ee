/** Runs the live detector over a whole series causally, as the backtest and the benchmark do. */
import type { DetectorDecision } from '../types.js';
import { createDetectorState, stepDetector, type DetectorConfig } from './index.js';

/** The most common step between consecutive timestamps (ms): the window length of a fixed-step series. */
export function inferWindowMs(times: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < times.length; i++) {
    const d = (times[i] as number) - (times[i - 1] as number);
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 300_000;
  let most = 0;
  for (const [d, c] of counts) if (c > most) { best = d; most = c; }
  return best;
}

/** Steps the detector through every row (row t sees only rows ≤ t) and returns each decision. */
export function replaySeries(times: readonly number[], values: readonly number[], cfg?: Partial<DetectorConfig>): DetectorDecision[] {
  const config: DetectorConfig = { windowMs: cfg?.windowMs ?? inferWindowMs(times), timezone: cfg?.timezone ?? 'UTC', ...(cfg?.signalName ? { signalName: cfg.signalName } : {}) };
  let state = createDetectorState(config);
  const out: DetectorDecision[] = [];
  for (let i = 0; i < times.length; i++) {
    const r = stepDetector(state, { start: times[i] as number, value: values[i] as number, complete: true }, config);
    state = r.state;
    out.push(r.decision);
  }
  return out;
}
