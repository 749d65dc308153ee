/**
 * Turns per-window surprise into alerts a PR lead can live with: open on strong evidence or on moderate
 * evidence that persists (hysteresis), stay in one incident while spread continues, escalate only when it
 * keeps growing, resolve after a calm spell, and hold a refractory period after resolving so one event
 * does not open, close and open again.
 */
import type { DetectorAction, Severity } from '../types.js';

export interface NoiseRules {
  /** Surprise (−log10 p) that opens at once. */
  openSurprise: number;
  /** Surprise that opens when it lasts `persistWindows` windows in a row. */
  elevatedSurprise: number;
  persistWindows: number;
  /** Surprise below which a window counts as calm; `calmWindows` calm windows resolve. */
  calmSurprise: number;
  calmWindows: number;
  /** After a resolve, a new incident needs this many times the previous peak rate within `refractoryWindows`. */
  refractoryWindows: number;
  refractoryGrowth: number;
  /** An open incident escalates when the rate reaches this multiple of the rate at the last alert. */
  escalateGrowth: number;
  /** Least windows between two alerts of the same incident. */
  escalateGapWindows: number;
  /** CUSUM evidence (nats) of a steady rise that opens, when its volume gate passes. */
  riseNats: number;
}

export interface AlertMachine {
  inIncident: boolean;
  /** Consecutive windows at or above the elevated surprise. */
  hot: number;
  calm: number;
  /** Windows since the last alert and since the last resolve (−1 = never). */
  sinceAlert: number;
  sinceResolve: number;
  /** Rate per window at the last alert; the yardstick for escalation. */
  alertRate: number;
  severity: Severity | null;
}

export interface WindowVerdict {
  surprise: number;
  /** Surprise of multi-window (sustained) spread only; a lone spike must persist instead. */
  sustained: number;
  /** Observed rate per window over the most surprising scale. */
  rate: number;
  severity: Severity;
  /** CUSUM evidence of a steady rise, in nats (0 when its volume gate fails). */
  riseNats?: number;
  /** False when the windows of a persistent spike rise no higher than the past day's peak (then only sustained evidence opens). */
  spikeStandsOut?: boolean;
}

/** A quiet machine. */
export function createAlertMachine(): AlertMachine {
  return { inIncident: false, hot: 0, calm: 0, sinceAlert: -1, sinceResolve: -1, alertRate: 0, severity: null };
}

const tick = (n: number) => (n < 0 ? -1 : n + 1);

/** Advances the machine by one judged window and says what, if anything, to tell people. */
export function decideAlert(m: AlertMachine, v: WindowVerdict, r: NoiseRules): { machine: AlertMachine; action: DetectorAction } {
  const hot = v.surprise >= r.elevatedSurprise ? m.hot + 1 : 0;
  const base = { ...m, hot, sinceAlert: tick(m.sinceAlert), sinceResolve: tick(m.sinceResolve) };
  if (!m.inIncident) {
    const strong = v.sustained >= r.openSurprise || (hot >= r.persistWindows && v.spikeStandsOut !== false) || (v.riseNats ?? 0) >= r.riseNats;
    if (!strong) return { machine: base, action: 'none' };
    const refractory = m.sinceResolve >= 0 && m.sinceResolve < r.refractoryWindows;
    if (refractory && v.rate < r.refractoryGrowth * m.alertRate) return { machine: base, action: 'none' };
    return { machine: { ...base, inIncident: true, calm: 0, sinceAlert: 0, alertRate: v.rate, severity: v.severity }, action: 'open' };
  }
  const calm = v.surprise < r.calmSurprise ? m.calm + 1 : 0;
  if (calm >= r.calmWindows) {
    return { machine: { ...base, inIncident: false, calm: 0, hot: 0, sinceResolve: 0, severity: null }, action: 'resolve' };
  }
  const grown = v.sustained >= r.openSurprise && v.rate >= r.escalateGrowth * m.alertRate;
  const worse = v.severity === 'critical' && m.severity === 'warning' && v.sustained >= r.openSurprise;
  if ((grown || worse) && base.sinceAlert >= r.escalateGapWindows) {
    return { machine: { ...base, calm, sinceAlert: 0, alertRate: Math.max(v.rate, m.alertRate), severity: worse ? 'critical' : m.severity }, action: 'escalate' };
  }
  return { machine: { ...base, calm }, action: 'none' };
}
