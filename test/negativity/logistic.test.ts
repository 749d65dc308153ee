/**
 * The logistic regression the derive script fits (src/lexicon/logistic.ts): a document's weight scales its gradient,
 * while the minimum count still counts it once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trainLogistic, type TrainDoc, type TrainOptions } from '../../src/lexicon/logistic.js';

const OPTIONS: TrainOptions = { epochs: 4, rate: 0.05, l2: 1e-2, minCount: 3, maxFeatures: Infinity, minAbsWeight: 0 };

/** 40 documents: "bad" in the negative ones, "good" in the others, "the" in all. */
function base(): TrainDoc[] {
  return Array.from({ length: 40 }, (_, i) => ({ feats: i % 2 ? ['bad', 'the'] : ['good', 'the'], offset: 0, negative: i % 2 === 1 }));
}

describe('trainLogistic', () => {
  it('learns the words that tell the classes apart', () => {
    const t = trainLogistic(base(), OPTIONS);
    assert.ok(t.weights.get('bad')! > 0.1 && t.weights.get('good')! < -0.1, JSON.stringify([...t.weights]));
  });

  it('keeps a word of one document of weight 3 out of the model, where three copies would bring it in', () => {
    const one: TrainDoc = { feats: ['footlong', 'the'], offset: 0, negative: true };
    const copies = trainLogistic([...base(), one, one, one], OPTIONS);
    const weighted = trainLogistic([...base(), { ...one, weight: 3 }], OPTIONS);
    assert.ok(copies.weights.get('footlong')! > 0);
    assert.equal(weighted.weights.has('footlong'), false);
  });

  // AdaGrad scales each step by the feature's own past gradients, so a word seen only in heavy documents moves about
  // as far as at weight 1; a word the other documents have too leans further toward the heavy ones.
  it('leans a word shared with other documents further toward a heavier document', () => {
    const others: TrainDoc[] = Array.from({ length: 4 }, () => ({ feats: ['late', 'the'], offset: 0, negative: false }));
    const docs = (w: number) => [...base(), ...others, ...Array.from({ length: 4 }, () => ({ feats: ['late', 'the'], offset: 0, negative: true, weight: w }))];
    const light = trainLogistic(docs(1), OPTIONS).weights.get('late')!;
    const heavy = trainLogistic(docs(3), OPTIONS).weights.get('late')!;
    assert.ok(heavy > light + 0.05, `${light} ${heavy}`);
  });
});
