/**
 * Outside knowledge for English: word weights for the words of a general English vocabulary,
 * most of which the training tweets never or rarely contain, computed from word vectors (see
 * embeddings.ts). Only words and numbers come out of this, never a post.
 *
 * How: a first logistic model sees a tweet only through the rules' logit (a fixed offset) and the
 * sum of its words' vectors (words in a negation scope in a second block). Its weight vectors u, u!
 * turn into one number per word: weight(w) = u·v(w), weight(!w) = u!·v(w). Being a sum, that part
 * of the score is exactly a word list, so it merges into the learned table at no scoring cost
 * (learned-en-vectors.tsv, added to learned-en.tsv's word weights on load). The main model is then
 * fitted with these word weights as part of its fixed offset, so it only corrects them.
 * Fitted jointly with the sparse features instead, the vectors got little weight: the words and
 * grams already explain the training tweets (measured on both dev parts, see README.md).
 */
import { trainLogistic, type TrainDoc, type TrainOptions } from './logistic.js';
import type { WordVectors } from './embeddings.js';

export interface VectorWordOptions {
  /** Multiplies the summed vectors before fitting (L2 and step size see this scale). */
  scale: number;
  /** Negated forms ("!w") are written only for the first this many words (rarer ones are rarely negated). */
  negatedWords: number;
  /** Weights smaller than this (after rounding to 3 decimals) are not written. */
  minAbs: number;
  train: TrainOptions;
}

/** A document as the first model sees it: its English features (words, "!w") and the rules' offset. */
export interface WordDoc {
  en: string[];
  offset: number;
  negative: boolean;
}

/** True for a feature that is a word or a negated word (not a pair "a b" and not a gram "#<ab"). */
export function isWordFeature(f: string): boolean {
  return !f.includes(' ') && f[0] !== '#' && !f.startsWith('!#');
}

function summedVectors(d: WordDoc, v: WordVectors, scale: number): Float32Array {
  const x = new Float32Array(2 * v.dims);
  for (const f of d.en) {
    if (!isWordFeature(f)) continue;
    const negated = f[0] === '!';
    const i = v.index.get(negated ? f.slice(1) : f);
    if (i === undefined) continue;
    const o = negated ? v.dims : 0;
    for (let k = 0; k < v.dims; k++) x[o + k]! += scale * v.vectors[i * v.dims + k]!;
  }
  return x;
}

/** Fits the vector model on `docs` and returns its word list: "w" and "!w" → weight. */
export function vectorWordWeights(docs: WordDoc[], v: WordVectors, o: VectorWordOptions): Map<string, number> {
  const train: TrainDoc[] = docs.map((d) => ({ feats: [], offset: d.offset, negative: d.negative, dense: summedVectors(d, v, o.scale) }));
  const u = trainLogistic(train, o.train).dense!;
  const out = new Map<string, number>();
  v.words.forEach((word, i) => {
    for (const negated of [false, true]) {
      if (negated && i >= o.negatedWords) continue;
      const base = negated ? v.dims : 0;
      let s = 0;
      for (let k = 0; k < v.dims; k++) s += u[base + k]! * v.vectors[i * v.dims + k]!;
      const w = Math.round(o.scale * s * 1000) / 1000;
      if (Math.abs(w) >= o.minAbs) out.set(negated ? '!' + word : word, w);
    }
  });
  return out;
}

/** The part of a document's logit the word list gives, as the scorer adds it. */
export function vectorWordLogit(en: string[], weights: Map<string, number>): number {
  let z = 0;
  for (const f of en) if (isWordFeature(f)) z += weights.get(f) ?? 0;
  return z;
}
