/**
 * A cheap pre-check before running a pattern: the literal substrings a regex cannot match
 * without, read (conservatively) from its source. Most posts hold none of an intent's required
 * literals, and one scan for all of them costs less than running the intents' regexes.
 * Patterns have no flags and posts are lower-cased, so a literal in a pattern matches exactly itself.
 */
import { alternatives, closing } from './regex-source.js';

/** A requirement: at least one of these literals occurs in any text the pattern matches; null when none is known. */
export type Requirement = string[] | null;

const QUANT_ZERO = /^(?:[?*]|\{0(?:,\d*)?\})\??/;
const QUANT_SOME = /^(?:\+|\{[1-9]\d*(?:,\d*)?\})\??/;

/** The better of two requirements: longer shortest literal first, then fewer literals. */
function better(a: Requirement, b: Requirement): Requirement {
  if (!a) return b;
  if (!b) return a;
  const la = Math.min(...a.map((s) => s.length));
  const lb = Math.min(...b.map((s) => s.length));
  return la !== lb ? (la > lb ? a : b) : a.length <= b.length ? a : b;
}

/** The index just after the escape starting at src[i] ("\\u4e00", "\\x41", "\\12", "\\k<name>", "\\d"…). */
function escapeEnd(src: string, i: number): number {
  const e = src[i + 1] ?? '';
  const m = /^(?:u[0-9a-f]{4}|x[0-9a-f]{2}|c[a-z]|\d+|k<[^>]*>)/i.exec(src.slice(i + 1));
  return i + 1 + (m ? m[0].length : e ? 1 : 0);
}

/** What one alternative (a sequence of atoms, no top-level "|") requires. */
function sequenceRequirement(src: string): Requirement {
  let best: Requirement = null;
  let run = '';
  const endRun = (): void => {
    if (run) best = better(best, [run]);
    run = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    let atomEnd: number;
    let literal: string | null = null;
    let inner: string | null = null;
    if (c === '(') {
      atomEnd = closing(src, i);
      const body = src.slice(i + 1, atomEnd - 1);
      // Lookarounds and named groups are not read: they only cost the pre-check some precision.
      if (!body.startsWith('?')) inner = body;
      else if (body.startsWith('?:')) inner = body.slice(2);
    } else if (c === '[') atomEnd = closing(src, i);
    else if (c === '\\') atomEnd = escapeEnd(src, i);
    else if ('.^$|)]{}*+?'.includes(c)) atomEnd = i + 1;
    else (atomEnd = i + 1), (literal = c);
    const rest = src.slice(atomEnd);
    const zero = QUANT_ZERO.exec(rest);
    const some = zero ? null : QUANT_SOME.exec(rest);
    const next = atomEnd + (zero?.[0].length ?? some?.[0].length ?? 0);
    if (literal !== null && !zero) {
      run += literal;
      if (some) endRun();
    } else {
      endRun();
      if (inner !== null && !zero) best = better(best, alternationRequirement(inner));
    }
    i = next;
  }
  endRun();
  return best;
}

/** What a source with top-level alternatives requires: one of each alternative's literals, or nothing if one has none. */
export function alternationRequirement(src: string): Requirement {
  const out: string[] = [];
  for (const alt of alternatives(src)) {
    const r = sequenceRequirement(alt);
    if (!r) return null;
    for (const s of r) if (!out.includes(s)) out.push(s);
  }
  return out;
}

const PAIR_BITS = 12;

/** The bucket of a literal of two or more code units, from its first two. */
function pairBucket(c0: number, c1: number): number {
  return Math.imul((c0 << 16) | c1, 0x9e3779b1) >>> (32 - PAIR_BITS);
}

/**
 * Finds which of a list of requirements a text meets, in one scan: literals are chained in
 * buckets by their first two code units (one-unit literals by their only one), so each position
 * of the text is compared with few of them. Chains are index arrays, not objects, to stay flat.
 */
export class LiteralPrefilter {
  private readonly literals: string[] = [];
  private readonly ids: number[] = [];
  private readonly next: number[] = [];
  private readonly singles = new Int32Array(0x10000).fill(-1);
  private readonly pairs = new Int32Array(1 << PAIR_BITS).fill(-1);
  private readonly always: number[] = [];
  /** Per requirement: 1 when the last text checked meets it. */
  readonly met: Uint8Array;

  constructor(requirements: Requirement[]) {
    this.met = new Uint8Array(requirements.length);
    requirements.forEach((r, id) => {
      if (!r) return void this.always.push(id);
      for (const literal of r) {
        const heads = literal.length === 1 ? this.singles : this.pairs;
        const b = literal.length === 1 ? literal.charCodeAt(0) : pairBucket(literal.charCodeAt(0), literal.charCodeAt(1));
        this.literals.push(literal);
        this.ids.push(id);
        this.next.push(heads[b]!);
        heads[b] = this.literals.length - 1;
      }
    });
  }

  /** Checks one text, filling `met`. */
  check(text: string): Uint8Array {
    const { met, singles, pairs, literals, ids, next } = this;
    met.fill(0);
    for (const id of this.always) met[id] = 1;
    const n = text.length;
    let c1 = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const c0 = c1;
      c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      for (let e = singles[c0]!; e >= 0; e = next[e]!) met[ids[e]!] = 1;
      if (i + 1 === n) break;
      for (let e = pairs[pairBucket(c0, c1)]!; e >= 0; e = next[e]!) {
        if (met[ids[e]!] === 0 && text.startsWith(literals[e]!, i)) met[ids[e]!] = 1;
      }
    }
    return met;
  }
}
