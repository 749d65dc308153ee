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
  /** A word lexicon of valences (> 0 = positive) seen next to the vectors; see lexiconBlock. */
  lexicon?: WordLexicon;
}

/**
 * Outside valences (e.g. VADER's, positive = pleasant) seen by the first model as a few more dense
 * features: the summed valences of a tweet's plain and of its negated words, and with `split` the
 * pleasant and unpleasant ones apart. Still linear in words, so each word folds into one weight.
 */
export interface WordLexicon {
  valences: Map<string, number>;
  /** Multiplies the valences before fitting. */
  scale: number;
  split: boolean;
}

/** Index of the lexicon feature a word (negated or not) with valence `val` adds to, after the vectors. */
function lexiconBlock(lex: WordLexicon, negated: boolean, val: number): number {
  return lex.split ? (negated ? 2 : 0) + (val < 0 ? 1 : 0) : negated ? 1 : 0;
}

function lexiconDims(lex: WordLexicon | undefined): number {
  return lex ? (lex.split ? 4 : 2) : 0;
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

function summedVectors(d: WordDoc, v: WordVectors, scale: number, lex: WordLexicon | undefined): Float32Array {
  const x = new Float32Array(2 * v.dims + lexiconDims(lex));
  for (const f of d.en) {
    if (!isWordFeature(f)) continue;
    const negated = f[0] === '!';
    const word = negated ? f.slice(1) : f;
    const val = lex?.valences.get(word);
    if (lex && val !== undefined) x[2 * v.dims + lexiconBlock(lex, negated, val)]! += lex.scale * val;
    const i = v.index.get(word);
    if (i === undefined) continue;
    const o = negated ? v.dims : 0;
    for (let k = 0; k < v.dims; k++) x[o + k]! += scale * v.vectors[i * v.dims + k]!;
  }
  return x;
}

/** Fits the vector model on `docs` and returns its word list: "w" and "!w" → weight. */
export function vectorWordWeights(docs: WordDoc[], v: WordVectors, o: VectorWordOptions): Map<string, number> {
  const lex = o.lexicon;
  const train: TrainDoc[] = docs.map((d) => ({ feats: [], offset: d.offset, negative: d.negative, dense: summedVectors(d, v, o.scale, lex) }));
  const u = trainLogistic(train, o.train).dense!;
  const raw = new Map<string, number>();
  v.words.forEach((word, i) => {
    for (const negated of [false, true]) {
      if (negated && i >= o.negatedWords) continue;
      const base = negated ? v.dims : 0;
      let s = 0;
      for (let k = 0; k < v.dims; k++) s += u[base + k]! * v.vectors[i * v.dims + k]!;
      raw.set(negated ? '!' + word : word, o.scale * s);
    }
  });
  // Every lexicon word gets its share, negated form included, in the vocabulary or not.
  for (const [word, val] of lex?.valences ?? []) {
    for (const negated of [false, true]) {
      const f = negated ? '!' + word : word;
      raw.set(f, (raw.get(f) ?? 0) + lex!.scale * val * u[2 * v.dims + lexiconBlock(lex!, negated, val)]!);
    }
  }
  const out = new Map<string, number>();
  for (const [f, x] of raw) {
    const w = Math.round(x * 1000) / 1000;
    if (Math.abs(w) >= o.minAbs) out.set(f, w);
  }
  return out;
}

/** The part of a document's logit the word list gives, as the scorer adds it. */
export function vectorWordLogit(en: string[], weights: Map<string, number>): number {
  let z = 0;
  for (const f of en) if (isWordFeature(f)) z += weights.get(f) ?? 0;
  return z;
}
