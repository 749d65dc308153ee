/**
 * Learned weights keyed by a 64-bit hash of the feature instead of its string. The scorer hashes
 * words as it reads them and combines hashes for pairs and negated words, so looking a feature up
 * builds no string and probes one flat typed array (a Map of 50k strings cost a fifth of scoring
 * time in cache misses and string hashing). The feature strings are kept per slot for evidence.
 */

/** Two independent 32-bit hashes of one feature; h2 is always odd, so 0 marks an empty slot. */
export interface Hash2 {
  h1: number;
  h2: number;
}

/** Final avalanche of murmur3: spreads every input bit over the low bits used for the slot. */
export function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** First hash of the code units s[start..end). */
export function hashA(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** Second, independent hash of the same code units (odd). */
export function hashB(s: string, start = 0, end = s.length): number {
  let h = 0x9747b28c;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  return fmix(h) | 1;
}

/** Hash of "a b" (English word pair) or "ab" (Han character pair) from the hashes of a and b. */
export function pairA(a: number, b: number): number {
  return fmix(Math.imul(a, 0x9e3779b1) + b + 0x7f4a7c15);
}
/** Second hash of a pair. */
export function pairB(a: number, b: number): number {
  return fmix(Math.imul(a ^ 0x3c6ef372, 0xcc9e2d51) ^ b) | 1;
}

/** Hash of "!x" (x inside a negation scope) from the hash of x. */
export function negA(a: number): number {
  return fmix(a ^ 0x6a09e667);
}
/** Second hash of a negated feature. */
export function negB(b: number): number {
  return fmix(b ^ 0x510e527f) | 1;
}

/**
 * An English character 4-gram ("#<bad") is four ASCII code units, so it packs into one 32-bit
 * integer exactly; its hashes mix that integer, which costs far less than hashing the string.
 */
export function gramKey(c0: number, c1: number, c2: number, c3: number): number {
  return (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
}
/** First hash of a gram from its key. */
export function gramA(key: number): number {
  return fmix(key ^ 0x243f6a88);
}
/** Second hash of a gram (odd). */
export function gramB(key: number): number {
  return fmix(Math.imul(key, 0x85a308d3) ^ 0x13198a2e) | 1;
}

function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

// The hashes of the last featureHashInto call (module state: building a table hashes ~170k features,
// and an object per feature was a tenth of start-up time).
let outA = 0;
let outB = 0;

/** Hashes f[start..end) as written in learned-*.tsv: "!x", a gram "#<bad", "a b", a Han pair "ab", or plain. */
function featureHashInto(f: string, start: number, end: number): void {
  const len = end - start;
  if (len > 1 && f.charCodeAt(start) === 33 /* ! */ && f.charCodeAt(start + 1) !== 33) {
    featureHashInto(f, start + 1, end);
    outA = negA(outA);
    outB = negB(outB);
    return;
  }
  if (len === 5 && f.charCodeAt(start) === 35 /* # */ && isAsciiRun(f, start + 1, start + 5)) {
    const key = gramKey(f.charCodeAt(start + 1), f.charCodeAt(start + 2), f.charCodeAt(start + 3), f.charCodeAt(start + 4));
    outA = gramA(key);
    outB = gramB(key);
    return;
  }
  const space = spaceIn(f, start, end);
  if (space > start) {
    outA = pairA(hashA(f, start, space), hashA(f, space + 1, end));
    outB = pairB(hashB(f, start, space), hashB(f, space + 1, end));
    return;
  }
  if (len === 2 && isHan(f.charCodeAt(start)) && isHan(f.charCodeAt(start + 1))) {
    outA = pairA(hashA(f, start, start + 1), hashA(f, start + 1, start + 2));
    outB = pairB(hashB(f, start, start + 1), hashB(f, start + 1, start + 2));
    return;
  }
  outA = hashA(f, start, end);
  outB = hashB(f, start, end);
}

/** The first space in f[start..end), or -1 (indexOf would search on through the rest of a whole file). */
function spaceIn(f: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (f.charCodeAt(i) === 32) return i;
  return -1;
}

function isAsciiRun(f: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (f.charCodeAt(i) > 127) return false;
  return true;
}

/** The hash of a feature as written in learned-*.tsv: "!x", a gram "#<bad", "a b", a Han pair "ab", or plain. */
export function featureHash(f: string): Hash2 {
  featureHashInto(f, 0, f.length);
  return { h1: outA, h2: outB };
}

/**
 * An open-addressing table: per slot [h1, h2] as int32 and the weight as a float64 (16 bytes, one
 * cache line). Filled feature by feature as the learned files are read, straight from the file's
 * text: a feature is hashed where it stands and its name kept as a range of that text (no Map and
 * no string per feature: building those for ~250k features was most of the model's start-up time).
 */
export class FeatureTable {
  private ints: Int32Array;
  private weights: Float64Array;
  private mask: number;
  /** The texts feature names are ranges of: the learned files, or a feature set by name. */
  private texts: string[] = [];
  /** Per slot: which text (+1; 0 = empty slot), and where the name starts and ends in it. */
  private nameText: Int32Array;
  private nameStart: Int32Array;
  private nameEnd: Int32Array;
  /** Used slots in the order their features were first added. */
  private order: number[] = [];
  /** The text being read (its index + 1 in texts), so a file's rows share one entry. */
  private current = 0;

  /** An empty table with room for about `expected` features before it grows. */
  constructor(expected = 0) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    const buf = new ArrayBuffer(cap * 16);
    this.ints = new Int32Array(buf);
    this.weights = new Float64Array(buf);
    this.mask = cap - 1;
    this.nameText = new Int32Array(cap);
    this.nameStart = new Int32Array(cap);
    this.nameEnd = new Int32Array(cap);
  }

  /** A table holding a map's features and weights. */
  static fromMap(features: Map<string, number>): FeatureTable {
    const t = new FeatureTable(features.size);
    for (const [f, w] of features) t.set(f, w);
    return t;
  }

  get size(): number {
    return this.order.length;
  }

  /** Sets a feature's weight; a feature set twice keeps the last weight, as a Map would. */
  set(f: string, w: number): void {
    this.setRange(f, 0, f.length, w);
  }

  /** set() for the feature written at text[start..end), e.g. a row of a learned file. */
  setRange(text: string, start: number, end: number, w: number): void {
    const s = this.slotFor(text, start, end); // first: it may grow the table and replace this.weights
    this.weights[2 * s + 1] = w;
  }

  /** Adds `x` to the weight of the feature at text[start..end) (0 when absent), rounded to 3 decimals as the files are written. */
  addRoundedRange(text: string, start: number, end: number, x: number): void {
    const s = this.slotFor(text, start, end);
    this.weights[2 * s + 1] = Math.round((this.weights[2 * s + 1]! + x) * 1000) / 1000;
  }

  /** The weight of a feature given as text, or undefined. */
  get(f: string): number | undefined {
    featureHashInto(f, 0, f.length);
    const s = this.slot(outA, outB);
    return s < 0 ? undefined : this.weights[2 * s + 1]!;
  }

  /** Every feature and weight, in the order the features were first added. */
  entries(): Array<[string, number]> {
    return this.order.map((s) => [this.name(s), this.weights[2 * s + 1]!]);
  }

  /** Registers a text that names will be ranges of (the last one is reused: a file's rows share it). */
  private own(text: string): void {
    if (this.current === 0 || this.texts[this.current - 1] !== text) this.current = this.texts.push(text);
  }

  /** The slot of the feature at text[start..end), claimed (weight 0) if it is new. */
  private slotFor(text: string, start: number, end: number): number {
    if ((this.order.length + 1) * 2 > this.mask + 1) this.grow();
    featureHashInto(text, start, end);
    const h1 = outA;
    const h2 = outB;
    const ints = this.ints;
    let s = h1 & this.mask;
    for (;;) {
      const k2 = ints[4 * s + 1]!;
      if (k2 === 0) break;
      if (k2 === h2 && ints[4 * s] === h1) return s;
      s = (s + 1) & this.mask;
    }
    ints[4 * s] = h1;
    ints[4 * s + 1] = h2;
    this.weights[2 * s + 1] = 0;
    this.own(text);
    this.nameText[s] = this.current;
    this.nameStart[s] = start;
    this.nameEnd[s] = end;
    this.order.push(s);
    return s;
  }

  /** Doubles the table, moving each feature by its hashes (nothing is hashed again). */
  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const buf = new ArrayBuffer(cap * 16);
    const ints = new Int32Array(buf);
    const weights = new Float64Array(buf);
    const nameText = new Int32Array(cap);
    const nameStart = new Int32Array(cap);
    const nameEnd = new Int32Array(cap);
    const mask = cap - 1;
    const order: number[] = [];
    for (const old of this.order) {
      const h1 = this.ints[4 * old]!;
      let s = h1 & mask;
      while (ints[4 * s + 1] !== 0) s = (s + 1) & mask;
      ints[4 * s] = h1;
      ints[4 * s + 1] = this.ints[4 * old + 1]!;
      weights[2 * s + 1] = this.weights[2 * old + 1]!;
      nameText[s] = this.nameText[old]!;
      nameStart[s] = this.nameStart[old]!;
      nameEnd[s] = this.nameEnd[old]!;
      order.push(s);
    }
    Object.assign(this, { ints, weights, mask, nameText, nameStart, nameEnd, order });
  }

  /** The slot holding the feature with these hashes, or -1. */
  slot(h1: number, h2: number): number {
    const ints = this.ints;
    let s = h1 & this.mask;
    for (;;) {
      const k2 = ints[4 * s + 1]!;
      if (k2 === 0) return -1;
      if (k2 === h2 && ints[4 * s] === h1) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** The weight in a slot returned by slot(). */
  weight(slot: number): number {
    return this.weights[2 * slot + 1]!;
  }

  /** The feature string in a slot, for evidence. */
  name(slot: number): string {
    const t = this.nameText[slot]!;
    return t === 0 ? '' : this.texts[t - 1]!.slice(this.nameStart[slot], this.nameEnd[slot]);
  }
}
