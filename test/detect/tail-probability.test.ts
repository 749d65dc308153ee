import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { betaI, chiSquareQuantile, gammaP, gammaQ, logGamma, negBinomUpperTail, poissonUpperTail } from '../../src/core/detect/tail-probability.js';

/** Direct summation of the pmf, an independent reference for the closed forms. */
function poissonTailBySum(x: number, mu: number): number {
  let pmf = Math.exp(-mu);
  let below = 0;
  for (let k = 0; k < x; k++) { below += pmf; pmf *= mu / (k + 1); }
  return 1 - below;
}
function negBinomTailBySum(x: number, mu: number, r: number): number {
  const p = r / (r + mu);
  let pmf = Math.pow(p, r);
  let below = 0;
  for (let k = 0; k < x; k++) { below += pmf; pmf *= ((k + r) / (k + 1)) * (1 - p); }
  return 1 - below;
}
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);

describe('tail probabilities for counts', () => {
  it('computes ln Γ at integers as ln of factorials', () => {
    assert.ok(close(logGamma(5), Math.log(24)));
    assert.ok(close(logGamma(11), Math.log(3628800)));
    assert.ok(close(logGamma(0.5), 0.5 * Math.log(Math.PI)));
  });

  it('agrees with direct summation for Poisson tails, small and large means', () => {
    for (const [x, mu] of [[3, 0.2], [1, 0.5], [10, 4], [20, 3.1], [130, 100], [80, 100]] as const) {
      assert.ok(close(poissonUpperTail(x, mu), poissonTailBySum(x, mu), 1e-7), `P(X≥${x}|${mu})`);
    }
  });

  it('judges 3 posts against an expected 0.2 as rare (about 1 in 870) but not impossible', () => {
    const p = poissonUpperTail(3, 0.2);
    assert.ok(p > 1e-3 && p < 1.2e-3, String(p));
  });

  it('gives a small probability deep in the tail without underflowing to a negative number', () => {
    const p = poissonUpperTail(48, 3.1);
    assert.ok(p > 0 && p < 1e-30, String(p));
  });

  it('agrees with direct summation for negative-binomial tails and is heavier than Poisson', () => {
    for (const [x, mu, r] of [[5, 2, 1.5], [20, 8, 4], [60, 30, 10], [3, 0.2, 0.5]] as const) {
      const nb = negBinomUpperTail(x, mu, r);
      assert.ok(close(nb, negBinomTailBySum(x, mu, r), 1e-7), `NB P(X≥${x}|${mu},${r})`);
      assert.ok(nb > poissonUpperTail(x, mu));
    }
  });

  it('approaches Poisson as the size grows', () => {
    assert.ok(close(negBinomUpperTail(12, 5, 1e7), poissonUpperTail(12, 5), 1e-4));
  });

  it('returns certainty for x ≤ 0 and zero for a zero mean', () => {
    assert.equal(poissonUpperTail(0, 3), 1);
    assert.equal(negBinomUpperTail(-2, 3, 2), 1);
    assert.equal(poissonUpperTail(1, 0), 0);
  });

  it('keeps P + Q = 1 and the incomplete beta within [0, 1]', () => {
    for (const [a, x] of [[0.5, 0.1], [3, 2], [20, 30]] as const) assert.ok(close(gammaP(a, x) + gammaQ(a, x), 1, 1e-12));
    assert.ok(close(betaI(0.3, 2, 3), 0.3483, 1e-3));
  });

  it('inverts the chi-square distribution at the textbook quantiles', () => {
    assert.ok(close(chiSquareQuantile(0.95, 12), 21.02607, 1e-6));
    assert.ok(close(chiSquareQuantile(0.05, 2), 0.1025866, 1e-6));
  });
});
