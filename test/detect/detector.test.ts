import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDetectorState, stepDetector, type DetectorConfig, type DetectorInput, type DetectorState } from '../../src/core/detect/index.js';
import { seededRandom, samplePoisson } from './fixtures/weibo-bursts.js';
import type { DetectorDecision } from '../../src/core/types.js';

const cfg: DetectorConfig = { windowMs: 5 * 60_000, timezone: 'UTC' };
const MONDAY = Date.UTC(2025, 0, 6, 0, 0); // a Monday, 00:00 UTC
const DAY = 288;

/** A quiet brand: Poisson chatter whose mean follows the hour of day (busy afternoons, quiet nights). */
function quietMean(i: number, base = 4): number {
  const hour = Math.floor((i % DAY) / 12);
  return base * (0.4 + 1.2 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI)));
}

/** Runs the detector over values from the start, returning every decision and the final state. */
function run(values: number[], opts: { complete?: (i: number) => boolean; state?: DetectorState; from?: number } = {}): { decisions: DetectorDecision[]; state: DetectorState } {
  let state = opts.state ?? createDetectorState(cfg);
  const decisions: DetectorDecision[] = [];
  values.forEach((value, j) => {
    const i = (opts.from ?? 0) + j;
    const input: DetectorInput = { start: MONDAY + i * cfg.windowMs, value, complete: opts.complete ? opts.complete(i) : true };
    const r = stepDetector(state, input, cfg);
    state = r.state;
    decisions.push(r.decision);
  });
  return { decisions, state };
}

function quietWeek(seed = 7, days = 7, base = 4): number[] {
  const rand = seededRandom(seed);
  return Array.from({ length: days * DAY }, (_, i) => samplePoisson(quietMean(i, base), rand));
}

const alerts = (ds: DetectorDecision[]) => ds.filter((d) => d.action === 'open' || d.action === 'escalate');

describe('stepDetector', () => {
  it('says it is learning for the first day and never alerts while learning, even on a spike', () => {
    const values = quietWeek(1, 1);
    values[100] = 500;
    const { decisions } = run(values);
    assert.ok(decisions.every((d) => d.phase === 'learning' && d.action === 'none' && d.score < 0.5));
    assert.match(decisions[10]?.reason ?? '', /^learning the baseline: 10 of 288 windows/);
  });

  it('keeps the score at or above 0.5 exactly when it opens or escalates', () => {
    const values = quietWeek(2, 3);
    for (let i = 2 * DAY + 120; i < 2 * DAY + 160; i++) values[i] = (values[i] as number) + 30;
    const { decisions } = run(values);
    assert.ok(alerts(decisions).length >= 1);
    for (const d of decisions) assert.equal(d.score >= 0.5, d.action === 'open' || d.action === 'escalate');
    for (const d of decisions) assert.ok(d.score >= 0 && d.score <= 1);
  });

  it('raises no alert in a quiet week of ordinary seasonal chatter', () => {
    const { decisions } = run(quietWeek(3));
    assert.equal(alerts(decisions).length, 0);
  });

  it('opens one incident when a complaint starts spreading, within 20 minutes, and says why with numbers', () => {
    const values = quietWeek(4, 3);
    const start = 2 * DAY + 10 * 12; // Wednesday 10:00
    for (let i = start; i < start + 48; i++) values[i] = (values[i] as number) + 6 + 2 * (i - start);
    const { decisions } = run(values);
    const opened = decisions.findIndex((d) => d.action === 'open');
    assert.ok(opened >= start && opened <= start + 3, `opened at ${opened - start} windows after the start`);
    const d = decisions[opened] as DetectorDecision;
    assert.match(d.reason, /^negative posts \d+ vs [\d.]+ expected for a Wednesday 10:\d\d; .*p < 1e-\d+/);
    assert.ok(d.observed > d.band.hi && d.expected < d.observed);
    assert.equal(decisions.slice(start, start + 48).filter((x) => x.action === 'open').length, 1);
  });

  it('escalates the open incident instead of opening a new one when spread keeps growing', () => {
    const values = quietWeek(5, 3);
    const start = 2 * DAY + 14 * 12;
    for (let i = start; i < start + 36; i++) values[i] = (values[i] as number) + Math.round(8 * Math.pow(1.15, i - start));
    const { decisions } = run(values);
    const window = decisions.slice(start, start + 36);
    assert.equal(window.filter((d) => d.action === 'open').length, 1);
    const esc = window.find((d) => d.action === 'escalate');
    assert.ok(esc, 'expected an escalation');
    assert.match(esc.reason, /^still growing; /);
  });

  it('does not alert for a single isolated spike (one retweet storm is not spread)', () => {
    const values = quietWeek(6, 3);
    values[2 * DAY + 100] = 60;
    const { decisions } = run(values);
    assert.equal(alerts(decisions).length, 0);
  });

  it('adapts to a sustained new level instead of alerting on it for days', () => {
    const values = quietWeek(8, 5);
    for (let i = 2 * DAY; i < values.length; i++) values[i] = (values[i] as number) * 3;
    const { decisions } = run(values);
    assert.ok(alerts(decisions.slice(2 * DAY + DAY)).length === 0, 'no alerts from the second day of the new level on');
    assert.equal(decisions.at(-1)?.phase, 'normal');
  });

  it('auto-resolves after a calm hour and holds a refractory period before a new incident', () => {
    const values = quietWeek(9, 3);
    const a = 2 * DAY + 60;
    for (let i = a; i < a + 12; i++) values[i] = (values[i] as number) + 25;
    // A similar flare right after the resolve is the same story: no new page.
    for (let i = a + 30; i < a + 36; i++) values[i] = (values[i] as number) + 25;
    const { decisions } = run(values);
    const after = decisions.slice(a);
    const resolvedAt = after.findIndex((d) => d.action === 'resolve');
    assert.ok(resolvedAt > 12, 'resolves after the flare calms');
    assert.equal(after.filter((d) => d.action === 'open').length, 1);
  });

  it('learns from one week that a whole weekday is quieter, so the next such day is expected within 6%', () => {
    const rand = seededRandom(14);
    const sundayShare = 0.7; // Sundays carry 70% of a weekday's chatter at every hour
    const mean = (i: number) => quietMean(i, 6) * (Math.floor(i / DAY) % 7 === 6 ? sundayShare : 1);
    const days = 14;
    const values = Array.from({ length: days * DAY }, (_, i) => samplePoisson(mean(i), rand));
    const { decisions } = run(values);
    const secondSunday = Array.from({ length: DAY }, (_, j) => 13 * DAY + j);
    const expected = secondSunday.reduce((a, i) => a + (decisions[i] as DetectorDecision).expected, 0);
    const truth = secondSunday.reduce((a, i) => a + mean(i), 0);
    assert.ok(Math.abs(expected / truth - 1) < 0.06, `expected ${expected.toFixed(0)} vs true ${truth.toFixed(0)} posts over the Sunday`);
  });

  it('still opens a new incident within the refractory day when the new wave is far bigger than the last', () => {
    const values = quietWeek(15, 4);
    const a = 2 * DAY + 60;
    for (let i = a; i < a + 12; i++) values[i] = (values[i] as number) + 20;
    const b = a + 8 * 12; // eight hours later, after the first incident has resolved
    for (let i = b; i < b + 12; i++) values[i] = (values[i] as number) + 200;
    const { decisions } = run(values);
    const opens = decisions.map((d, i) => (d.action === 'open' ? i : -1)).filter((i) => i >= 0);
    assert.equal(opens.length, 2, `opens at ${opens.join(', ')}`);
    assert.ok(opens[1]! >= b && opens[1]! <= b + 2);
  });

  it('does not page for a two-window burst no higher than a spike earlier that day, but does without that spike', () => {
    const values = quietWeek(16, 3);
    const burst = 2 * DAY + 15 * 12; // Wednesday 15:00
    values[burst] = 40;
    values[burst + 1] = 40;
    const alone = run(values).decisions;
    assert.equal(alerts(alone.slice(burst, burst + 2)).length, 1, 'the burst alone opens');
    values[burst - 4 * 12] = 90; // a lone storm four hours earlier, itself no alert
    const { decisions } = run(values);
    assert.equal(alerts(decisions).length, 0);
  });

  it('opens on a lone two-window burst wherever it falls in the hour (a spike is never compared with its own first window)', () => {
    const values = quietWeek(16, 3);
    const hour = 2 * DAY + 15 * 12; // Wednesday 15:00
    const missed: number[] = [];
    for (let offset = 0; offset < 12; offset++) {
      const v = [...values];
      v[hour + offset] = 40;
      v[hour + offset + 1] = 40;
      const { decisions } = run(v);
      if (alerts(decisions.slice(hour + offset, hour + offset + 2)).length !== 1) missed.push(offset);
    }
    assert.deepEqual(missed, [], `bursts starting at these minutes of the hour (x5) did not open`);
  });

  it('opens on a steady doubling of a quiet night that no single window proves, and says it was steady', () => {
    const rand = seededRandom(17);
    const values = quietWeek(17, 3, 2);
    const start = 2 * DAY + 3 * 12; // Wednesday 03:00, the quietest hours
    for (let i = start; i < start + 36; i++) values[i] = (values[i] as number) + samplePoisson(quietMean(i, 2) * 1.5, rand);
    const { decisions } = run(values);
    const opened = decisions.findIndex((d, i) => i >= start && d.action === 'open');
    assert.ok(opened >= start && opened < start + 36, `opened at ${opened - start}`);
    assert.match((decisions[opened] as DetectorDecision).reason, /steadily above expected for \d+ (min|h): \d+ vs [\d.]+/);
    assert.equal(alerts(decisions.slice(0, start)).length, 0);
  });

  it('judges but never learns from an incomplete window', () => {
    const values = quietWeek(10, 2);
    const { state } = run(values);
    const degraded = run([900, 900, 900], { state, from: values.length, complete: () => false });
    const skipped = run([], { state, from: values.length });
    assert.equal(degraded.state.primary.n, skipped.state.primary.n);
    assert.equal(degraded.state.primary.level, skipped.state.primary.level);
    assert.ok(degraded.decisions.some((d) => d.score > 0.3), 'the degraded windows are still judged');
  });

  it('keeps its state JSON-serialisable and bounded, and resumes identically after a round trip', () => {
    const values = quietWeek(11, 8);
    const half = values.length / 2;
    const first = run(values.slice(0, half));
    const text = JSON.stringify(first.state);
    const numbers = (text.match(/-?\d+(\.\d+)?(e[-+]?\d+)?/g) ?? []).length;
    assert.ok(numbers < 3000, `${numbers} numbers in state`);
    const resumed = run(values.slice(half), { state: JSON.parse(text) as DetectorState, from: half });
    const straight = run(values.slice(half), { state: first.state, from: half });
    assert.deepEqual(resumed.decisions, straight.decisions);
  });

  it('resumes from a state saved before the week-long level existed, with finite forecasts', () => {
    const values = quietWeek(19, 4);
    const half = 2 * DAY;
    const saved = JSON.parse(JSON.stringify(run(values.slice(0, half)).state)) as DetectorState;
    for (const b of [saved.primary, saved.engagement, saved.reach]) delete (b as { slowLevel?: number }).slowLevel;
    const { decisions } = run(values.slice(half), { state: saved, from: half });
    assert.ok(decisions.every((d) => Number.isFinite(d.expected) && d.expected > 0));
    assert.equal(alerts(decisions).length, 0);
  });

  it('judges small counts with count-aware tails: 3 posts against 0.2 expected is noted but not an alert', () => {
    const rand = seededRandom(12);
    const values = Array.from({ length: 3 * DAY }, () => samplePoisson(0.2, rand));
    values[2 * DAY + 50] = 3;
    const { decisions } = run(values);
    const d = decisions[2 * DAY + 50] as DetectorDecision;
    assert.equal(d.action, 'none');
    assert.ok(d.expected < 0.5);
  });

  it('opens on negative engagement velocity alone when one post goes viral', () => {
    const rand = seededRandom(13);
    const n = 3 * DAY;
    let state = createDetectorState(cfg);
    let opened = -1;
    for (let i = 0; i < n; i++) {
      const viral = i >= 2 * DAY + 100 && i < 2 * DAY + 112;
      const perMin = samplePoisson(2, rand) / 5 + (viral ? 40 : 0);
      const r = stepDetector(state, { start: MONDAY + i * cfg.windowMs, value: samplePoisson(quietMean(i), rand), complete: true, signals: { negEngagementPerMin: perMin } }, cfg);
      state = r.state;
      if (r.decision.action === 'open' && opened < 0) opened = i;
    }
    assert.ok(opened >= 2 * DAY + 100 && opened <= 2 * DAY + 102, `opened at ${opened}`);
  });
});
