import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRiseCusum, rateLogLikelihoodRatio, stepRiseCusum, type RiseCusum } from '../../src/core/detect/rise-cusum.js';
import { createDayPeaks, dayPeak, recordPeak } from '../../src/core/detect/day-peaks.js';

const feed = (xs: number[], mu: number, phi = 0, phiSpan = 0): RiseCusum => xs.reduce((c, x) => stepRiseCusum(c, x, mu, phi, phiSpan).cusum, createRiseCusum());

describe('steady-rise CUSUM', () => {
  it('uses the Poisson log-likelihood ratio x·ln k − (k − 1)·mu without dispersion, and the negative binomial one approaches it', () => {
    assert.ok(Math.abs(rateLogLikelihoodRatio(6, 2, 2, 0) - (6 * Math.log(2) - 2)) < 1e-12);
    assert.ok(Math.abs(rateLogLikelihoodRatio(6, 2, 2, 1e-7) - rateLogLikelihoodRatio(6, 2, 2, 0)) < 1e-4);
    assert.ok(rateLogLikelihoodRatio(6, 2, 2, 0.5) < rateLogLikelihoodRatio(6, 2, 2, 0), 'overdispersed counts are weaker evidence');
  });

  it('accumulates while windows run at double the expected rate and counts what it saw', () => {
    const c = feed([4, 5, 3, 4, 5, 4], 2);
    assert.ok(c.s > 5, `sum ${c.s}`);
    assert.equal(c.obs, 25);
    assert.equal(c.windows, 6);
    assert.ok(Math.abs(c.exp - 12) < 1e-9);
  });

  it('forgets a rise once calm windows bring it back to zero', () => {
    const c = feed([4, 5, 3, 1, 0, 1, 0, 0, 1], 2);
    assert.equal(c.s, 0);
    assert.equal(c.windows, 0);
  });

  it('lets one storm add at most three nats', () => {
    const c = feed([500], 2);
    assert.equal(c.s, 3);
  });

  it('does not count a lasting 50% misfit of the forecast when hour-long sums are known to drift by 20%', () => {
    const mu = 20;
    assert.ok(feed(Array(24).fill(30), mu, 0.01, 0).s > 12, 'without drift it would be evidence');
    assert.equal(feed(Array(24).fill(30), mu, 0.01, 0.04).s, 0);
  });
});

describe('past day peaks', () => {
  it('reports the highest residual of completed hours only and forgets hours older than a day', () => {
    let p = createDayPeaks();
    for (let i = 0; i < 12; i++) p = recordPeak(p, i === 5 ? 9 : 1, 12);
    assert.equal(dayPeak(p), 9);
    p = recordPeak(p, 50, 12); // the hour in progress does not count yet
    assert.equal(dayPeak(p), 9);
    for (let i = 0; i < 25 * 12; i++) p = recordPeak(p, 2, 12);
    assert.equal(dayPeak(p), 2);
    assert.equal(p.hours.length, 24);
  });
});
