import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecastCascade, memoryCcdf, outgrowsUsualReach, predictCascade, roughCount, toCascade } from '../../src/core/cascade/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cascades = path.resolve(repoRoot, '../shared/data/cascades');

const relErr = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

describe('SEISMIC memory kernel', () => {
  it('matches the published check values of the reaction-time CCDF', () => {
    const checks: Array<[number, number]> = [[0, 1], [100, 0.9373], [300, 0.812], [1000, 0.6145], [3600, 0.4568], [86400, 0.2189]];
    for (const [s, want] of checks) assert.ok(Math.abs(memoryCcdf(s) - want) < 6e-5, `Φc(${s}) = ${memoryCcdf(s)}, want ${want}`);
  });
});

describe('SEISMIC forecast on the reference Twitter cascade', () => {
  it('reproduces the reference infectiousness, interval and final size at every minute to 6 h within 1e-6 relative', (t) => {
    const cascadeFile = path.join(cascades, 'twitter_cascade_127001313513967616.csv');
    const refFile = path.join(cascades, 'seismic_reference_predictions.csv');
    if (!existsSync(cascadeFile) || !existsSync(refFile)) return t.skip('shared data not present');
    const rows = readFileSync(cascadeFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const c = toCascade(rows.map((r) => r[0] as number), rows.map((r) => r[1] as number));
    const ref = readFileSync(refFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    assert.equal(ref.length, 361);
    for (const r of ref) {
      const at = Number(r[0]);
      const got = predictCascade(c, at, 100);
      assert.equal(got.observed, Number(r[1]), `observed at ${at}s`);
      assert.ok(relErr(got.infectiousness, Number(r[2])) <= 1e-6, `p at ${at}s: ${got.infectiousness} vs ${r[2]}`);
      assert.ok(relErr(got.pHigh, Number(r[3])) <= 1e-6, `p_up at ${at}s`);
      assert.ok(relErr(got.pLow, Number(r[4])) <= 1e-6, `p_low at ${at}s`);
      const want = r[5] === 'Inf' ? Infinity : Number(r[5]);
      assert.ok(relErr(got.predictedFinal, want) <= 1e-6, `final at ${at}s: ${got.predictedFinal} vs ${want}`);
    }
  });
});

describe('forecastCascade', () => {
  const t0 = Date.UTC(2025, 0, 7, 10, 0);
  // A post whose reposts arrive ever faster: one at 60 s intervals, then every 10 s.
  const fast = { postedAt: t0, authorFollowers: 5000, reshares: Array.from({ length: 80 }, (_, i) => ({ at: t0 + (i < 20 ? i * 60_000 : 1_200_000 + (i - 20) * 10_000), followers: 150 })) };

  it('calls an exploding cascade supercritical and says it is still accelerating', () => {
    const f = forecastCascade(fast, t0 + 1_800_000);
    assert.equal(f.observed, 80);
    assert.equal(f.supercritical, f.infectiousness * 100 >= 1);
    assert.ok(f.accelerating);
    assert.match(f.sentence, /still accelerating/);
    assert.ok(outgrowsUsualReach(f, 200));
  });

  it('predicts a finite size for a cascade that has died down and says it is slowing', () => {
    const slow = { postedAt: t0, authorFollowers: 100_000, reshares: Array.from({ length: 30 }, (_, i) => ({ at: t0 + i * 20_000, followers: 50 })) };
    const f = forecastCascade(slow, t0 + 6 * 3_600_000);
    assert.equal(f.supercritical, false);
    assert.ok(Number.isFinite(f.predictedFinal) && f.predictedFinal >= 30);
    assert.match(f.sentence, /^predicted ~[\d,]+ reposts \(30 so far\); slowing down$/);
    assert.equal(outgrowsUsualReach(f, 10_000), false);
  });

  it('ignores reposts later than now (the forecast is causal)', () => {
    const a = forecastCascade(fast, t0 + 600_000);
    const b = forecastCascade({ ...fast, reshares: fast.reshares.filter((r) => r.at <= t0 + 600_000) }, t0 + 600_000);
    assert.deepEqual(a, b);
  });

  it('rounds predicted sizes to two significant figures with thousands separators', () => {
    assert.equal(roughCount(8761), '8,800');
    assert.equal(roughCount(15145.04), '15,000');
    assert.equal(roughCount(263), '260');
    assert.equal(roughCount(42.4), '42');
  });
});
