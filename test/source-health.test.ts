/** Quiet or broken? The health verdict a PR lead sees on the dashboard, told as short timelines. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessSourceHealth, poissonCdf, windowComplete, type PollOutcome } from '../src/core/source-health.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-17T02:00:00Z');
const interval = 2 * MIN;
const ok = (m: number, posts = 2): PollOutcome => ({ at: T0 + m * MIN, ok: true, posts });
const fail = (m: number, reason = 'server-error', permanent = false): PollOutcome => ({ at: T0 + m * MIN, ok: false, posts: 0, reason, detail: 'bluesky: HTTP 503: upstream down', permanent });
const healthy = Array.from({ length: 30 }, (_, i) => ok(i * 2));

describe('source health', () => {
  it('is ok while polls succeed at the usual volume', () => {
    const h = assessSourceHealth(healthy, 60, T0 + 60 * MIN, { intervalMs: interval });
    assert.equal(h.status, 'ok');
    assert.equal(h.kind, 'healthy');
  });

  it('shrugs off one failed poll but is degraded after two in a row, saying since when and why', () => {
    const once = [...healthy, fail(60)];
    assert.equal(assessSourceHealth(once, 60, T0 + 60 * MIN, { intervalMs: interval }).status, 'ok');
    const twice = [...once, fail(62)];
    const h = assessSourceHealth(twice, 60, T0 + 62 * MIN, { intervalMs: interval });
    assert.equal(h.status, 'degraded');
    assert.equal(h.kind, 'failing');
    assert.equal(h.since, T0 + 60 * MIN);
    assert.match(h.reason, /2 polls in a row .*HTTP 503/);
  });

  it('is degraded at once by a permanent failure such as a revoked password', () => {
    const h = assessSourceHealth([...healthy, fail(60, 'auth', true)], 60, T0 + 60 * MIN, { intervalMs: interval });
    assert.equal(h.status, 'degraded');
    assert.match(h.reason, /will not fix itself/);
  });

  it('is degraded when half the polls of the last hour failed, even between successes', () => {
    const flapping = Array.from({ length: 30 }, (_, i) => (i % 2 ? fail(i * 2) : ok(i * 2)));
    const h = assessSourceHealth([...flapping, ok(60)], 60, T0 + 60 * MIN, { intervalMs: interval });
    assert.equal(h.kind, 'erroring');
    assert.match(h.reason, /of \d+ polls failed/);
  });

  it('is degraded when no poll has succeeded for three intervals (a stalled poller)', () => {
    const h = assessSourceHealth(healthy, 60, T0 + 70 * MIN, { intervalMs: interval });
    assert.equal(h.kind, 'stale');
  });

  it('calls a source silent when it returns far fewer posts than normal, but not when it is merely quiet', () => {
    const empty = Array.from({ length: 30 }, (_, i) => ok(i * 2, 0));
    const silent = assessSourceHealth(empty, 60, T0 + 60 * MIN, { intervalMs: interval });
    assert.equal(silent.kind, 'silent');
    assert.match(silent.reason, /0 posts in the last 60 min where about 60 are normal/);
    const sparse = Array.from({ length: 30 }, (_, i) => ok(i * 2, i % 10 === 0 ? 1 : 0));
    assert.equal(assessSourceHealth(sparse, 3, T0 + 60 * MIN, { intervalMs: interval }).status, 'ok', '3 posts expected, 3 seen');
    assert.equal(assessSourceHealth(empty, 2, T0 + 60 * MIN, { intervalMs: interval }).status, 'ok', 'too few expected to tell');
    assert.equal(assessSourceHealth(empty, null, T0 + 60 * MIN, { intervalMs: interval }).status, 'ok', 'no baseline yet');
  });

  it('needs two good polls in a row before a degraded source is ok again', () => {
    const outage = [...healthy, fail(60), fail(62), fail(64), ok(66)];
    const one = assessSourceHealth(outage, 60, T0 + 66 * MIN, { intervalMs: interval }, 'degraded');
    assert.equal(one.kind, 'recovering');
    const two = assessSourceHealth([...outage, ok(68)], 60, T0 + 68 * MIN, { intervalMs: interval }, 'degraded');
    assert.equal(two.status, 'ok');
  });

  it('marks windows with a failed poll, or without a recent successful one, incomplete', () => {
    const outage = [...healthy, fail(60), fail(62), fail(64), fail(66), fail(68), ok(70), ok(72)];
    assert.equal(windowComplete(outage, T0 + 50 * MIN, T0 + 55 * MIN, interval), true);
    assert.equal(windowComplete(outage, T0 + 60 * MIN, T0 + 65 * MIN, interval), false);
    assert.equal(windowComplete(outage, T0 + 65 * MIN, T0 + 70 * MIN, interval), false);
    assert.equal(windowComplete(outage, T0 + 70 * MIN, T0 + 75 * MIN, interval), true);
    assert.equal(windowComplete(healthy, T0 + 100 * MIN, T0 + 105 * MIN, interval), false, 'nothing polled then');
  });

  it('computes Poisson tails that match the closed form', () => {
    assert.equal(poissonCdf(0, 3), Math.exp(-3));
    assert.ok(Math.abs(poissonCdf(2, 3) - Math.exp(-3) * (1 + 3 + 4.5)) < 1e-12);
    assert.ok(poissonCdf(1000, 50) > 0.999999);
  });
});
