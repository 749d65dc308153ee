/** The derived part of the score: a linear model over features, weights in rules/lexicons/learned-*.tsv. */
import * as ft from './feature-table.js';
import type { FeatureTable } from './feature-table.js';
import * as feat from './features.js';
import type { FeatureVisitor, TextShape } from './features.js';
import type { NegativityModel } from './model.js';

// Imported bindings copied to module constants: tsx compiles each use of an import to a getter
// call, which V8 did not inline here (a sixth of English scoring time went to those getters).
const { gramA, gramB, gramKey, hashA, hashB, negA, negB, pairA, pairB } = ft;
const { gramChar, GRAM } = feat;

const HAN_COUNT = 0x9fff - 0x4e00 + 1;
const PAIR_CACHE_BITS = 14;
const PAIR_CACHE = 1 << PAIR_CACHE_BITS;
const NO_WORDS: readonly string[] = [];

export interface LearnedScore {
  logit: number;
  /** The two features that pushed hardest, for evidence. */
  top: Array<{ feature: string; weight: number }>;
}

/** Share of the text written in Han script, weighting a character like three Latin letters. */
export function zhShare(f: { hanChars: number; latinChars: number }): number {
  const total = 3 * f.hanChars + f.latinChars;
  return total === 0 ? 0 : (3 * f.hanChars) / total;
}

/**
 * Sums learned weights while the features are visited. Each word or character is hashed once;
 * pairs and negated forms combine those hashes (feature-table.ts), so no feature string is built.
 * The strongest two contributions are kept as table slots and named only in finish().
 * Relies on the visiting order of visitFeatures: wordPair(a, b) right after word(b), a being the
 * word visited before; the same for han/hanPair.
 */
export class LearnedAccumulator implements FeatureVisitor {
  private sum = 0;
  private w1 = 0;
  private w2 = 0;
  private slot1 = -1;
  private slot2 = -1;
  private table1: FeatureTable | null = null;
  private table2: FeatureTable | null = null;
  private prevA = 0;
  private prevB = 0;
  private curA = 0;
  private curB = 0;
  private nSymbols = 0;
  private readonly symA: number[] = [];
  private readonly symB: number[] = [];
  private readonly en: FeatureTable;
  private readonly zh: FeatureTable;
  // Per Han character (code - 0x4e00), filled on first sight: its two hashes (B odd, so 0 = not yet)
  // and the slot and weight of the character and of its negated form in the zh table. The table has
  // ~105k features in 4 MB, so each probe was a cache miss; the few thousand characters in use fit in cache.
  private readonly hanA = new Int32Array(HAN_COUNT);
  private readonly hanB = new Int32Array(HAN_COUNT);
  private readonly hanSlot = new Int32Array(HAN_COUNT);
  private readonly hanNegSlot = new Int32Array(HAN_COUNT);
  private readonly hanW = new Float64Array(HAN_COUNT);
  private readonly hanNegW = new Float64Array(HAN_COUNT);
  // Han pairs seen recently, direct-mapped by the pair of codes: key (0 = empty), slot, weight.
  private readonly pairKey = new Int32Array(PAIR_CACHE);
  private readonly pairSlot = new Int32Array(PAIR_CACHE);
  private readonly pairW = new Float64Array(PAIR_CACHE);
  private prevCode = -1;
  private curCode = -1;
  /** Words whose own learned weight (and grams) is left out for this text: the brand's own names. */
  private neutral: readonly string[] = NO_WORDS;

  constructor(private readonly model: NegativityModel) {
    this.en = model.learned.en.table;
    this.zh = model.learned.zh.table;
  }

  /** Clears the sums so the accumulator can score another text; `neutral` words count for nothing in it. */
  reset(neutral: readonly string[] = NO_WORDS): void {
    this.neutral = neutral;
    this.sum = this.w1 = this.w2 = 0;
    this.slot1 = this.slot2 = -1;
    this.table1 = this.table2 = null;
    this.nSymbols = 0;
  }

  private note(t: FeatureTable, h1: number, h2: number): void {
    const s = t.slot(h1, h2);
    if (s >= 0) this.noteSlot(t, s, t.weight(s));
  }

  private noteSlot(t: FeatureTable, s: number, w: number): void {
    this.sum += w;
    // Keep the two strongest contributions: numbers only, named at the end.
    const a = Math.abs(w);
    if (this.slot1 < 0 || a > Math.abs(this.w1)) {
      (this.w2 = this.w1), (this.slot2 = this.slot1), (this.table2 = this.table1);
      (this.w1 = w), (this.slot1 = s), (this.table1 = t);
    } else if (this.slot2 < 0 || a > Math.abs(this.w2)) (this.w2 = w), (this.slot2 = s), (this.table2 = t);
  }

  private visit(t: FeatureTable, a: number, b: number, negated: boolean): void {
    this.step(a, b);
    if (negated) this.note(t, negA(a), negB(b));
    else this.note(t, a, b);
  }

  /** Moves the pair window on to a unit with hashes a, b. */
  private step(a: number, b: number): void {
    this.prevCode = this.curCode = -1;
    this.prevA = this.curA;
    this.prevB = this.curB;
    this.curA = a;
    this.curB = b;
  }

  word(word: string, negated: boolean): void {
    // A neutral word still forms pairs with its neighbours ("toyota infotainment"); only its own weight goes.
    if (this.neutral.length !== 0 && this.neutral.includes(word)) return this.step(hashA(word), hashB(word));
    this.visit(this.en, hashA(word), hashB(word), negated);
  }

  wordGrams(word: string, negated: boolean): void {
    if (this.neutral.length !== 0 && this.neutral.includes(word)) return;
    // The window of four code units slides along "<word>": each step reads one new unit.
    const end = word.length + 2;
    let c1 = gramChar(word, 0);
    let c2 = gramChar(word, 1);
    let c3 = gramChar(word, 2);
    for (let at = 0; at + GRAM <= end; at++) {
      const c0 = c1;
      (c1 = c2), (c2 = c3), (c3 = gramChar(word, at + 3));
      const key = gramKey(c0, c1, c2, c3);
      const a = gramA(key);
      const b = gramB(key);
      if (negated) this.note(this.en, negA(a), negB(b));
      else this.note(this.en, a, b);
    }
  }

  wordPair(): void {
    this.note(this.en, pairA(this.prevA, this.curA), pairB(this.prevB, this.curB));
  }

  han(ch: string, negated: boolean): void {
    const k = ch.charCodeAt(0) - 0x4e00;
    this.prevCode = this.curCode;
    if (ch.length !== 1 || k < 0 || k >= HAN_COUNT) {
      this.curCode = -1;
      return this.visit(this.zh, hashA(ch), hashB(ch), negated);
    }
    this.curCode = k;
    if (this.hanB[k] === 0) this.learnHan(k, ch);
    this.prevA = this.curA;
    this.prevB = this.curB;
    this.curA = this.hanA[k]!;
    this.curB = this.hanB[k]!;
    const s = negated ? this.hanNegSlot[k]! : this.hanSlot[k]!;
    if (s >= 0) this.noteSlot(this.zh, s, negated ? this.hanNegW[k]! : this.hanW[k]!);
  }

  private learnHan(k: number, ch: string): void {
    const a = hashA(ch);
    const b = hashB(ch);
    const s = this.zh.slot(a, b);
    const ns = this.zh.slot(negA(a), negB(b));
    this.hanA[k] = a;
    this.hanB[k] = b;
    this.hanSlot[k] = s;
    this.hanNegSlot[k] = ns;
    this.hanW[k] = s >= 0 ? this.zh.weight(s) : 0;
    this.hanNegW[k] = ns >= 0 ? this.zh.weight(ns) : 0;
  }

  hanPair(): void {
    if (this.prevCode < 0 || this.curCode < 0) return this.note(this.zh, pairA(this.prevA, this.curA), pairB(this.prevB, this.curB));
    // Key 1 + prev * HAN_COUNT + cur fits in 31 bits and is never 0 (an empty entry).
    const key = 1 + this.prevCode * HAN_COUNT + this.curCode;
    const e = Math.imul(key, 0x9e3779b1) >>> (32 - PAIR_CACHE_BITS);
    if (this.pairKey[e] !== key) {
      const s = this.zh.slot(pairA(this.prevA, this.curA), pairB(this.prevB, this.curB));
      this.pairKey[e] = key;
      this.pairSlot[e] = s;
      this.pairW[e] = s >= 0 ? this.zh.weight(s) : 0;
    }
    const s = this.pairSlot[e]!;
    if (s >= 0) this.noteSlot(this.zh, s, this.pairW[e]!);
  }

  symbol(sym: string): void {
    this.symA[this.nSymbols] = hashA(sym);
    this.symB[this.nSymbols++] = hashB(sym);
  }

  /** The total, once the whole text was visited: bias blended by script share, symbols by the main script. */
  finish(shape: TextShape): LearnedScore {
    const { en, zh } = this.model.learned;
    const share = zhShare(shape);
    const table = share >= 0.5 ? this.zh : this.en;
    for (let i = 0; i < this.nSymbols; i++) this.note(table, this.symA[i]!, this.symB[i]!);
    const top: LearnedScore['top'] = [];
    if (this.table1) top.push({ feature: this.table1.name(this.slot1), weight: this.w1 });
    if (this.table2) top.push({ feature: this.table2.name(this.slot2), weight: this.w2 });
    return { logit: share * zh.bias + (1 - share) * en.bias + this.sum, top };
  }
}
