import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NAB_PROFILES, normalisedScore, probationRows, scaledSigmoid, scoreFile, windowsToRows, type NabProfile } from '../../src/core/nab/index.js';

const [standard, lowFP, lowFN] = NAB_PROFILES as [NabProfile, NabProfile, NabProfile];
const N = 1000; // probation = 150 rows
const WINDOW = [[400, 499]] as const; // width 100
const fireAt = (...rows: number[]) => Array.from({ length: N }, (_, i) => rows.includes(i));
const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

describe('NAB scoring, hand-computed cases', () => {
  it('sets the probation period to 15% of the rows, at most 750', () => {
    assert.equal(probationRows(1000), 150);
    assert.equal(probationRows(15903), 750);
  });

  it('gives the full true-positive weight to a detection at the left edge of a window', () => {
    const s = scoreFile(fireAt(400), WINDOW, standard);
    near(s.raw, 1);
    near(normalisedScore([s], standard), 100);
  });

  it('gives σ(−0.5)/σ(−1) = 0.859793 to a detection half-way into a window', () => {
    near(scaledSigmoid(-0.5), 0.8482836399575131);
    near(scoreFile(fireAt(450), WINDOW, standard).raw, 0.8597925669097837);
  });

  it('counts only the earliest detection in a window', () => {
    near(scoreFile(fireAt(450, 460, 499), WINDOW, standard).raw, 0.8597925669097837);
  });

  it('charges −fp for a false positive before the first window and ignores detections in probation', () => {
    const s = scoreFile(fireAt(100, 300, 400), WINDOW, lowFP);
    near(s.raw, 1 - 0.22);
    assert.equal(s.falsePositives, 1);
  });

  it('charges a false positive after a window by its distance: fp·σ(|R − i|/(W − 1))', () => {
    near(scoreFile(fireAt(400, 549), WINDOW, standard).raw, 1 - 0.0936965180084896);
    near(scoreFile(fireAt(400, 850), WINDOW, standard).raw, 1 - 0.11); // y > 3: full cost
  });

  it('charges −fn for a missed window, doubled in the low-FN profile', () => {
    near(scoreFile(fireAt(), WINDOW, standard).raw, -1);
    near(scoreFile(fireAt(), WINDOW, lowFN).raw, -2);
    near(normalisedScore([scoreFile(fireAt(), WINDOW, lowFN)], lowFN), 0);
  });

  it('normalises over all files together between the null and the perfect detector', () => {
    const a = scoreFile(fireAt(400), WINDOW, standard); // 1
    const b = scoreFile(fireAt(300), WINDOW, standard); // −0.11 − 1
    const noWindows = scoreFile(fireAt(200, 201), [], standard); // −0.22
    near(normalisedScore([a, b, noWindows], standard), (100 * (1 - 1.11 - 0.22 + 2)) / 4);
  });

  it('maps time windows to inclusive row ranges', () => {
    const times = Array.from({ length: 10 }, (_, i) => i * 300_000);
    assert.deepEqual(windowsToRows(times, [[600_000, 1_500_000], [9e9, 9e9 + 1]]), [[2, 5]]);
  });
});
