import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WordVectors } from '../../src/lexicon/embeddings.js';
import { isWordFeature, vectorWordLogit, vectorWordWeights, type WordDoc } from '../../src/lexicon/vector-words.js';

/** Unit vectors in 2-d: "bad" words point one way, "good" words the other; a third axis is noise. */
function vectors(table: Record<string, [number, number, number]>): WordVectors {
  const words = Object.keys(table);
  const flat = new Float32Array(words.length * 3);
  words.forEach((w, i) => {
    const v = table[w]!;
    const n = Math.hypot(...v);
    v.forEach((x, k) => (flat[i * 3 + k] = x / n));
  });
  return { dims: 3, words, vectors: flat, index: new Map(words.map((w, i) => [w, i])) };
}

const V = vectors({ bad: [1, 0, 0.2], awful: [0.9, 0.1, -0.2], horrid: [0.95, 0.05, 0.1], good: [-1, 0, 0.2], nice: [-0.9, 0.1, -0.1], lovely: [-0.95, 0.05, 0], the: [0, 0, 1] });
const OPTIONS = { scale: 1, negatedWords: 100, minAbs: 0, train: { epochs: 8, rate: 0.1, l2: 0.01, minCount: 1, maxFeatures: Infinity, minAbsWeight: 0, denseL2: 1e-5 } };

function docs(): WordDoc[] {
  const out: WordDoc[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ en: ['the', i % 2 ? 'bad' : 'awful'], offset: 0, negative: true });
    out.push({ en: ['the', i % 2 ? 'good' : 'nice'], offset: 0, negative: false });
    out.push({ en: ['the', i % 2 ? '!good' : '!nice'], offset: 0, negative: true });
  }
  return out;
}

describe('word weights from word vectors', () => {
  const weights = vectorWordWeights(docs(), V, OPTIONS);

  it('gives words never seen in training the leaning of words with similar vectors', () => {
    assert.ok(weights.get('horrid')! > 0.1, `horrid ${weights.get('horrid')}`);
    assert.ok(weights.get('lovely')! < -0.1, `lovely ${weights.get('lovely')}`);
  });

  it('learns negated words apart: "not lovely" leans negative', () => {
    assert.ok(weights.get('!lovely')! > 0, `!lovely ${weights.get('!lovely')}`);
  });

  it('writes negated forms only for the most frequent words and drops tiny weights', () => {
    const few = vectorWordWeights(docs(), V, { ...OPTIONS, negatedWords: 2, minAbs: 0.05 });
    assert.ok(few.has('!bad') && few.has('!awful') && !few.has('!good'));
    for (const w of few.values()) assert.ok(Math.abs(w) >= 0.05);
  });

  it('adds up only words and negated words of a tweet, not pairs or character grams', () => {
    assert.deepEqual(['bad', '!bad', 'not bad', '#<bad', '!#<bad'].map(isWordFeature), [true, true, false, false, false]);
    const w = new Map([['bad', 1], ['!bad', -2], ['not bad', 5], ['#<bad', 7]]);
    assert.equal(vectorWordLogit(['not', '!bad', 'not bad', 'bad', '#<bad'], w), -1);
  });
});
