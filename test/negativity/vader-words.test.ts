import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WordVectors } from '../../src/lexicon/embeddings.js';
import { vaderLexiconPath, loadVaderValences } from '../../src/lexicon/vader-lexicon.js';
import { vectorWordWeights, type WordDoc } from '../../src/lexicon/vector-words.js';

/** Two words with vectors that carry no sentiment; the lexicon is the only knowledge of the rest. */
const V: WordVectors = { dims: 2, words: ['the', 'a'], vectors: new Float32Array([1, 0, 0, 1]), index: new Map([['the', 0], ['a', 1]]) };
const VALENCES = new Map([['awful', -3], ['dreadful', -2.5], ['great', 3], ['superb', 2.8]]);
const OPTIONS = { scale: 1, negatedWords: 100, minAbs: 0, train: { epochs: 8, rate: 0.1, l2: 0.01, minCount: 1, maxFeatures: Infinity, minAbsWeight: 0, denseL2: 1e-5 } };

function docs(): WordDoc[] {
  const out: WordDoc[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ en: ['the', 'awful'], offset: 0, negative: true });
    out.push({ en: ['a', 'great'], offset: 0, negative: false });
    out.push({ en: ['the', '!great'], offset: 0, negative: true });
  }
  return out;
}

describe('word weights from an outside valence lexicon', () => {
  const weights = vectorWordWeights(docs(), V, { ...OPTIONS, lexicon: { valences: VALENCES, scale: 0.25, split: false } });

  it('weights lexicon words the training never saw by their valence, outside the vector vocabulary too', () => {
    assert.ok(weights.get('dreadful')! > 0.1, `dreadful ${weights.get('dreadful')}`);
    assert.ok(weights.get('superb')! < -0.1, `superb ${weights.get('superb')}`);
  });

  it('learns negated lexicon words apart: "not superb" leans negative', () => {
    assert.ok(weights.get('!superb')! > 0, `!superb ${weights.get('!superb')}`);
  });

  it('gives no lexicon words without the lexicon', () => {
    assert.equal(vectorWordWeights(docs(), V, OPTIONS).has('dreadful'), false);
  });

  it('reads VADER plain words with their valence sign, when the package is installed', (t) => {
    if (!vaderLexiconPath()) return t.skip('vader-sentiment not installed');
    const vader = loadVaderValences();
    assert.ok(vader.get('hate')! < 0 && vader.get('love')! > 0);
    for (const word of vader.keys()) assert.match(word, /^[a-z0-9]+$/);
  });
});
