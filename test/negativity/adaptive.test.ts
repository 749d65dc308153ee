import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyAdaptiveModel, scoreText, trainCorrections } from '../../src/core/negativity/index.js';
import { repoModel } from './helpers.js';

const model = repoModel();

describe('adaptive layer over user corrections', () => {
  const misread = 'This new Sick Beats drop is insane, I cannot stop listening';

  it('does not repeat a mistake a user corrected on the same post', () => {
    const before = scoreText(model, misread);
    const adaptive = trainCorrections([{ text: misread, negative: !before.negative }]);
    const after = scoreText(model, misread, { adaptive });
    assert.equal(after.negative, !before.negative);
    assert.ok(after.evidence.some((e) => e.startsWith('corrected by a user')));
  });

  it('remembers the same post through case, links and handles', () => {
    const adaptive = trainCorrections([{ text: 'Love this phone', negative: true }]);
    assert.equal(scoreText(model, 'love this phone https://t.co/abc @friend', { adaptive }).negative, true);
  });

  it('moves similar posts toward the corrected label and leaves unrelated ones alone', () => {
    const corrections = [
      { text: 'sick beats drop tonight', negative: false },
      { text: 'the sick beats tour is insane', negative: false },
      { text: 'sick beats merch is insane value', negative: false },
    ];
    const adaptive = trainCorrections(corrections);
    const similar = 'new sick beats album is insane';
    assert.ok(scoreText(model, similar, { adaptive }).negativity < scoreText(model, similar).negativity);
    const unrelated = 'my flight was cancelled and nobody answers the phone';
    assert.equal(scoreText(model, unrelated, { adaptive }).negative, scoreText(model, unrelated).negative);
  });

  it('learns online: adding corrections one batch at a time equals learning them together', () => {
    const a = [{ text: '退款很快，点赞', negative: false }];
    const b = [{ text: 'refund still missing', negative: true }];
    assert.deepEqual(trainCorrections(b, trainCorrections(a)), trainCorrections([...a, ...b]));
    const base = emptyAdaptiveModel();
    trainCorrections(a, base);
    assert.deepEqual(base, emptyAdaptiveModel(), 'the base model is not modified');
  });

  it('survives a JSON round trip with the same scores', () => {
    const adaptive = trainCorrections([{ text: misread, negative: true }, { text: 'insane deal', negative: false }]);
    const stored = JSON.parse(JSON.stringify(adaptive));
    for (const t of [misread, 'insane deal today', 'nothing to see']) {
      assert.deepEqual(scoreText(model, t, { adaptive: stored }), scoreText(model, t, { adaptive }));
    }
  });

  it('keeps no post text in the stored model', () => {
    const json = JSON.stringify(trainCorrections([{ text: 'my secret order number 12345 was lost', negative: true }]));
    assert.ok(!json.includes('my secret order number'));
  });
});
