/**
 * Detector contract (issue 3 owns the implementation): one step per closed window, causal, serialisable state.
 * The live poller and `emberwatch backtest` both call exactly `stepDetector`.
 * PLACEHOLDER v0 — trailing median/MAD on the primary value; issue 3 replaces the internals,
 * keeping the exported names and signatures (fields may be added).
 */
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import type { DetectorDecision } from '../types.js';

export interface DetectorConfig {
  windowMs: number;
  /** IANA timezone of the brand, for hour-of-week seasonality. */
  timezone: string;
}

export interface DetectorInput {
  /** Window start, epoch ms. */
  start: number;
  /** Primary count the detector judges (live: negative posts in the window; backtest: the CSV value). */
  value: number;
  /** False when a source was degraded: judged but never learned from. */
  complete: boolean;
  /** Secondary live signals, when known. */
  signals?: { negEngagementPerMin?: number; reach?: number };
}

/** JSON-serialisable; stored per brand between poll cycles. */
export interface DetectorState {
  history: number[];
  inIncident: boolean;
  calmWindows: number;
}

export function createDetectorState(_cfg: DetectorConfig): DetectorState {
  return { history: [], inIncident: false, calmWindows: 0 };
}

/** Judges one closed window and returns the next state and a decision with a reason. */
export function stepDetector(state: DetectorState, input: DetectorInput, _cfg: DetectorConfig): { state: DetectorState; decision: DetectorDecision } {
  const hist = state.history;
  const learning = hist.length < 24;
  const expected = hist.length ? median(hist) : 0;
  const mad = hist.length ? medianAbsoluteDeviation(hist) : 0;
  const hi = expected + Math.max(3, 6 * mad);
  const high = !learning && input.value > hi && input.value >= 5;
  let action: DetectorDecision['action'] = 'none';
  let inIncident = state.inIncident;
  let calm = state.calmWindows;
  if (high && !inIncident) { action = 'open'; inIncident = true; calm = 0; }
  else if (inIncident) {
    calm = input.value <= hi ? calm + 1 : 0;
    if (calm >= 6) { action = 'resolve'; inIncident = false; }
  }
  const next = { history: input.complete && !inIncident && !high ? [...hist, input.value].slice(-2016) : hist, inIncident, calmWindows: calm };
  return {
    state: next,
    decision: {
      action,
      score: action === 'open' ? 1 : Math.min(0.49, input.value / Math.max(hi, 1) / 3),
      severity: action === 'open' ? (input.value > 3 * hi ? 'critical' : 'warning') : null,
      phase: learning ? 'learning' : inIncident ? 'incident' : high ? 'elevated' : 'normal',
      reason: learning
        ? `learning: ${hist.length} windows of history`
        : `negative posts ${input.value} vs ${expected.toFixed(1)} expected (band up to ${hi.toFixed(1)})`,
      observed: input.value,
      expected,
      band: { lo: Math.max(0, expected - 3 * mad), hi },
    },
  };
}
