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

function isGram(f: string): boolean {
  if (f.length !== 5 || f[0] !== '#') return false;
  for (let i = 1; i < 5; i++) if (f.charCodeAt(i) > 127) return false;
  return true;
}

function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** The hash of a feature as written in learned-*.tsv: "!x", a gram "#<bad", "a b", a Han pair "ab", or plain. */
export function featureHash(f: string): Hash2 {
  if (f.length > 1 && f[0] === '!' && f[1] !== '!') {
    const inner = featureHash(f.slice(1));
    return { h1: negA(inner.h1), h2: negB(inner.h2) };
  }
  if (isGram(f)) {
    const key = gramKey(f.charCodeAt(1), f.charCodeAt(2), f.charCodeAt(3), f.charCodeAt(4));
    return { h1: gramA(key), h2: gramB(key) };
  }
  const space = f.indexOf(' ');
  if (space > 0) {
    const a = f.slice(0, space);
    const b = f.slice(space + 1);
    return { h1: pairA(hashA(a), hashA(b)), h2: pairB(hashB(a), hashB(b)) };
  }
  if (f.length === 2 && isHan(f.charCodeAt(0)) && isHan(f.charCodeAt(1))) {
    return { h1: pairA(hashA(f, 0, 1), hashA(f, 1, 2)), h2: pairB(hashB(f, 0, 1), hashB(f, 1, 2)) };
  }
  return { h1: hashA(f), h2: hashB(f) };
}

/** An open-addressing table: per slot [h1, h2] as int32 and the weight as a float64 (16 bytes, one cache line). */
export class FeatureTable {
  private readonly ints: Int32Array;
  private readonly weights: Float64Array;
  private readonly mask: number;
  /** The feature string in each used slot, for evidence. */
  private readonly names: string[];
  readonly size: number;

  constructor(features: Map<string, number>) {
    let cap = 16;
    while (cap < features.size * 2) cap *= 2;
    const buf = new ArrayBuffer(cap * 16);
    this.ints = new Int32Array(buf);
    this.weights = new Float64Array(buf);
    this.mask = cap - 1;
    this.names = new Array<string>(cap).fill('');
    this.size = features.size;
    for (const [f, w] of features) {
      const { h1, h2 } = featureHash(f);
      let s = h1 & this.mask;
      while (this.ints[4 * s + 1] !== 0 && !(this.ints[4 * s] === h1 && this.ints[4 * s + 1] === h2)) s = (s + 1) & this.mask;
      this.ints[4 * s] = h1;
      this.ints[4 * s + 1] = h2;
      this.weights[2 * s + 1] = w;
      this.names[s] = f;
    }
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
    return this.names[slot]!;
  }
}
