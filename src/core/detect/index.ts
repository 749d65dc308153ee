/**
 * Detector contract: one step per closed window, causal, serialisable state. The live poller and
 * `emberwatch backtest` both call exactly `stepDetector`. Primary signal: negative posts per window against a
 * seasonal, count-aware baseline; secondary: negative engagement velocity (can open on its own, e.g. one post
 * going viral) and reach (raises severity). Noise control lives in noise-control.ts.
 */
import type { DetectorDecision, Severity } from '../types.js';
import { calendarSlot } from './calendar.js';
import { createAlertMachine, decideAlert, type AlertMachine, type NoiseRules } from './noise-control.js';
import { num, spanText, spreadReason } from './reason.js';
import { createBaseline, dispersion, forecast, geometry, learn, remember, windowSd, type BaselineState, type Geometry } from './seasonal-baseline.js';
import { createDayPeaks, dayPeak, recordPeak, type DayPeaks } from './day-peaks.js';
import { createRiseCusum, stepRiseCusum, type RiseCusum } from './rise-cusum.js';
import { MIN_EXPECTED_PER_WINDOW, spreadEvidence, type SpreadEvidence, type VolumeGate } from './spread-evidence.js';

export interface DetectorConfig {
  windowMs: number;
  /** IANA timezone of the brand, for hour-of-week seasonality. */
  timezone: string;
  /** What the primary value counts, for reasons; default "negative posts". */
  signalName?: string;
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

/** JSON-serialisable; stored per brand between poll cycles (about 1,500 numbers at 5-minute windows). */
export interface DetectorState {
  version: 3;
  windowMs: number;
  primary: BaselineState;
  engagement: BaselineState;
  reach: BaselineState;
  machine: AlertMachine;
  /** Consecutive windows in which the primary value rose; and the previous value. */
  rising: number;
  lastValue: number | null;
  /** CUSUM of a steady rise of the primary signal (added in version 3; older states start it empty). */
  rise: RiseCusum;
  /** Hourly peaks of the primary signal's Pearson residual over the last day (version 3). */
  peaks: DayPeaks;
}

/** Noise-control settings derived from the window length (the same for every brand and for the backtest). */
export function noiseRules(g: Geometry): NoiseRules {
  return {
    openSurprise: 6,
    // 4.5 rather than 4: at 4 a Poisson quiet week still raised a false alarm on two of three seeds of the
    // Weibo construction, and real mention streams (NAB realTweets) see two-window spikes at p ~ 1e-4 weekly.
    elevatedSurprise: 4.5,
    persistWindows: 2,
    calmSurprise: 2,
    calmWindows: g.perHour,
    // One story, one page: for a day after an incident resolves, a new one needs four times the old peak rate
    // (real streams flare again in the hours after an episode; paging again for that is what users complain of).
    refractoryWindows: g.perDay,
    refractoryGrowth: 4,
    escalateGrowth: 2,
    escalateGapWindows: Math.max(1, Math.round(g.perHour / 2)),
    riseNats: RISE_NATS,
  };
}

/** Threshold of the steady-rise CUSUM: under a fitting model, about one false start per e^12 ≈ 160,000 windows (1.5 years at 5 min). */
const RISE_NATS = 12;
/** Volume gate of the primary signal (also shown by the benchmark trace). */
export const POST_GATE: VolumeGate = { minCount: 5, minExcess: 3 };
const ENGAGEMENT_GATE: VolumeGate = { minCount: 20, minExcess: 15 };
const REACH_GATE: VolumeGate = { minCount: 1000, minExcess: 1000 };

export function createDetectorState(cfg: DetectorConfig): DetectorState {
  const g = geometry(cfg.windowMs);
  return { version: 3, windowMs: cfg.windowMs, primary: createBaseline(g), engagement: createBaseline(g), reach: createBaseline(g), machine: createAlertMachine(), rising: 0, lastValue: null, rise: createRiseCusum(), peaks: createDayPeaks() };
}

interface SignalStep {
  baseline: BaselineState;
  mu: number;
  evidence: SpreadEvidence;
  learning: boolean;
}

/** Forecasts, remembers and judges one value of one signal; learns from it when the window is complete. */
function stepSignal(b: BaselineState, value: number, start: number, cfg: DetectorConfig, g: Geometry, gate: VolumeGate, complete: boolean): SignalStep {
  const slot = calendarSlot(start, cfg.timezone);
  const mu = Math.max(forecast(b, slot, g), MIN_EXPECTED_PER_WINDOW);
  const seen = remember(b, value, mu, g);
  const evidence = spreadEvidence(seen, g, gate);
  const learning = b.n < g.perDay;
  return { baseline: complete ? learn(seen, value, mu, slot, g) : seen, mu, evidence, learning };
}

function severityOf(ev: SpreadEvidence, reachSurprise: number, rules: NoiseRules): Severity {
  const ratio = ev.best.observed / Math.max(ev.best.expected, 1e-9);
  return (ev.surprise >= 2 * rules.openSurprise && ratio >= 3) || reachSurprise >= rules.openSurprise ? 'critical' : 'warning';
}

/** Judges one closed window and returns the next state and a decision with a reason. */
export function stepDetector(state: DetectorState, input: DetectorInput, cfg: DetectorConfig): { state: DetectorState; decision: DetectorDecision } {
  const g = geometry(cfg.windowMs);
  const rules = noiseRules(g);
  const value = Math.max(0, input.value);
  const primary = stepSignal(state.primary, value, input.start, cfg, g, POST_GATE, input.complete);
  const minutes = cfg.windowMs / 60_000;
  const perMin = input.signals?.negEngagementPerMin;
  const eng = perMin === undefined ? null : stepSignal(state.engagement, Math.round(perMin * minutes), input.start, cfg, g, ENGAGEMENT_GATE, input.complete);
  const reachValue = input.signals?.reach;
  const reach = reachValue === undefined ? null : stepSignal(state.reach, reachValue, input.start, cfg, g, REACH_GATE, input.complete);

  const engSurprise = eng && !eng.learning ? Math.max(0, eng.evidence.surprise - Math.log10(2)) : 0;
  const useEng = engSurprise > primary.evidence.surprise;
  const lead = useEng && eng ? eng : primary;
  const surprise = Math.max(primary.evidence.surprise, engSurprise);
  const sustained = Math.max(primary.evidence.sustained, eng && !eng.learning ? Math.max(0, eng.evidence.sustained - Math.log10(2)) : 0);
  const reachSurprise = reach && !reach.learning ? reach.evidence.surprise : 0;
  const severity = severityOf(lead.evidence, reachSurprise, rules);
  const rising = state.lastValue !== null && value > state.lastValue ? state.rising + 1 : 0;
  const phi1 = dispersion(state.primary, 0);
  const phiSpan = Math.max(0, ...g.scales.slice(1).map((_, i) => dispersion(state.primary, i + 1)));
  // The CUSUM starts once the baseline has a day behind it: learning-period forecasts are not evidence.
  const rise = primary.learning ? { cusum: createRiseCusum(), nats: 0 } : stepRiseCusum(state.rise ?? createRiseCusum(), value, primary.mu, phi1, phiSpan);
  // A persistent spike of the primary signal opens only if each of its windows stands above the past day's peak,
  // measured as Pearson residuals (5 posts against 0.4 expected is not a bigger peak than 300 against 30).
  const residual = (x: number, m: number) => (x - m) / Math.sqrt(m + phi1 * m * m);
  const peaks = state.peaks ?? createDayPeaks();
  const { obs, exp } = primary.baseline;
  const spikeFloor = Math.min(...obs.slice(-rules.persistWindows).map((x, j, a) => residual(x, exp[exp.length - a.length + j] as number)));
  const spikeStandsOut = useEng || spikeFloor > dayPeak(peaks);
  const riseGate = rise.cusum.obs >= POST_GATE.minCount && rise.cusum.obs - rise.cusum.exp >= POST_GATE.minExcess;

  let machine = state.machine;
  let action: DetectorDecision['action'] = 'none';
  if (!primary.learning) {
    const rate = lead.evidence.best.observed / lead.evidence.best.windows;
    ({ machine, action } = decideAlert(state.machine, { surprise, sustained, rate, severity, riseNats: riseGate ? rise.nats : 0, spikeStandsOut }, rules));
  }
  const alerting = action === 'open' || action === 'escalate';
  const phase = primary.learning ? 'learning' : machine.inIncident ? 'incident' : surprise >= rules.elevatedSurprise ? 'elevated' : 'normal';
  const slot = calendarSlot(input.start, cfg.timezone);
  const steady = riseGate && rise.nats >= rules.riseNats ? `steadily above expected for ${spanText(rise.cusum.windows, cfg.windowMs)}: ${num(rise.cusum.obs)} vs ${num(rise.cusum.exp)}` : '';
  const signal = useEng ? 'negative engagement' : cfg.signalName ?? 'negative posts';
  const sd = windowSd(state.primary, primary.mu);
  const reason = primary.learning
    ? `learning the baseline: ${state.primary.n} of ${g.perDay} windows seen (a day of history is needed); ${cfg.signalName ?? 'negative posts'} ${num(value)} in this window`
    : (action === 'resolve' ? 'calm again; ' : action === 'escalate' ? 'still growing; ' : '') +
      spreadReason({ signal, observed: useEng && eng ? eng.evidence.scales[0]?.observed ?? 0 : value, expected: lead.mu, slotLabel: slot.label, best: lead.evidence.best, surprise: lead.evidence.surprise, rising, windowMs: cfg.windowMs, extra: [steady, reachSurprise >= rules.elevatedSurprise ? `reach ${num(reachValue ?? 0)} followers vs ${num(reach?.mu ?? 0)} expected` : ''].filter(Boolean).join('; ') || undefined });
  const score = alerting ? Math.min(1, 0.5 + (0.5 * surprise) / (4 * rules.openSurprise)) : Math.min(0.49, (0.49 * surprise) / rules.openSurprise);
  const next: DetectorState = {
    ...state,
    primary: primary.baseline,
    engagement: eng ? eng.baseline : state.engagement,
    reach: reach ? reach.baseline : state.reach,
    machine,
    rising,
    lastValue: value,
    version: 3,
    // An alert spends the evidence: the CUSUM starts over, so one rise makes one page.
    rise: action === 'open' ? createRiseCusum() : rise.cusum,
    // The day's peak is recorded a spike's length behind, so a spike being judged is never compared with itself
    // (at an hour boundary its own first window used to become "the day's peak" and block it).
    peaks: primary.learning || obs.length < rules.persistWindows ? peaks : recordPeak(peaks, residual(obs[obs.length - rules.persistWindows] as number, exp[exp.length - rules.persistWindows] as number), g.perHour),
  };
  return {
    state: next,
    decision: {
      action,
      score,
      severity: alerting ? (action === 'escalate' ? machine.severity ?? severity : severity) : null,
      phase,
      reason,
      observed: value,
      expected: primary.mu,
      band: { lo: Math.max(0, primary.mu - 3 * sd), hi: primary.mu + 3 * sd },
    },
  };
}
