/**
 * The lexicon pass of the hand-written rules: the terms, emoji and Weibo codes of a post's units, each with its value
 * after negation (before or, in Chinese, after the term), degree words and contrast. rule-score.ts weighs the hits.
 */
import type { NegativityModel } from './model.js';
import * as phrases from './phrases.js';
import type { PhraseEntry } from './phrases.js';
import * as tokens from './tokens.js';

// Copied to module constants: tsx turns each use of an import into a getter call (see learned-score.ts).
const { hanIndex, longestMatch } = phrases;
const { isHanCode, isWordChar } = tokens;

const NEG_SCOPE = 3; // units a negation reaches ("not very good", "不太满意")
const DEGREE_SCOPE = 2;
const NEGATED_POSITIVE = -0.9; // "not good" is nearly as bad as "bad"
const NEGATED_NEGATIVE = -0.4; // "not bad" is only mildly good
const BEFORE_CONTRAST = 0.5; // "好是好，但是…": what comes before "but" counts half
const CODE_BY_NAME = 0.75; // a Weibo code read by the words of its name counts this much of them…
const CODE_BY_NAME_MAX = 1.5; // …and at most this much either way
export const BY_NAME = 'its name'; // the source of a code read by its name

/** A signed weight for evidence: "+1.20", "-0.40". */
export function fmt(x: number): string {
  return (x >= 0 ? '+' : '') + x.toFixed(2);
}

/**
 * A Weibo code that no lexicon lists ("[lxh伤心]", "[怕怕]", "[咬手帕]"), read by the words of its name: the Han part of
 * the name (after a set's Latin prefix such as "lxh" or "bm") goes through the same phrase trie, and the terms' sum,
 * times CODE_BY_NAME and capped, is the code's weight. Undefined when the name holds no term ("[视频]", "[飞机]", "[5]").
 * Made per use, not cached: unknown codes are rare, and a cache would grow with every new name a stream brings.
 */
function codeByName(model: NegativityModel, code: string): PhraseEntry | undefined {
  if (code.length < 3 || code.charCodeAt(0) !== 91 || code.charCodeAt(code.length - 1) !== 93) return undefined;
  let start = 1;
  while (start < code.length - 1 && code.charCodeAt(start) < 128) start++;
  const name: string[] = [];
  for (let i = start; i < code.length - 1; i++) name.push(code[i]!);
  if (name.length === 0) return undefined;
  let sum = 0;
  let negated = false;
  for (let i = 0; i < name.length; i++) {
    const e = longestMatch(model.phrases, name, i);
    if (!e) continue;
    i += e.length - 1;
    if (e.kind === 'negation') negated = true;
    else if (e.kind === 'term') {
      sum += negated ? -e.weight : e.weight;
      negated = false;
    }
  }
  if (sum === 0) return undefined;
  const weight = Math.max(-CODE_BY_NAME_MAX, Math.min(CODE_BY_NAME_MAX, sum * CODE_BY_NAME));
  return { kind: 'term', weight, text: code, source: BY_NAME, length: 1, symbol: true, weiboCode: true, evidence: `weibo code "${code}" (by its name) ${fmt(weight)}` };
}

export interface Hit {
  entry: PhraseEntry;
  value: number;
  negated: boolean;
  /** Before a contrast ("I usually love you guys but…"): counted half, and its praise does not guard the floor. */
  beforeContrast: boolean;
  /** After a contrast ("delayed 20 mins but the crew was lovely"): praise there is meant, not sarcasm. */
  afterContrast: boolean;
  /** Last in its clause: nothing after it, a clause break or a symbol ("that sauce is dangerous.", "a menace 😤"). */
  clauseEnd: boolean;
  /** Which clause of the post it is in (0 for the first; clauses end at punctuation). */
  clause: number;
}

/** Particles that may close a clause after a postposed negation ("一点问题都没有啊", "好心情都没了"). */
const CLAUSE_PARTICLES = new Set(['了', '啊', '呀', '呢', '哦', '的', '吧', '啦']);

/**
 * A Chinese negation placed after the term it negates: (都|也)? 没(有)?, then only particles before the clause ends
 * ("开了两年一点毛病没有，", "一点诚意都没有", "好心情都没了"). Returns the index of the last unit it takes, or -1. Only
 * at a clause's end: "问题没有解决" (the problem was not solved) negates the verb after it, not the problem.
 */
function postposedNegation(units: string[], j: number): number {
  if (hanIndex(units[j - 1]!) < 0) return -1; // j is the unit after a term: the term must end in a Han character
  if (units[j] === '都' || units[j] === '也') j++;
  if (units[j] !== '没') return -1;
  if (units[j + 1] === '有') j++;
  let k = j + 1;
  while (k < units.length && CLAUSE_PARTICLES.has(units[k]!)) k++;
  return k >= units.length || hanIndex(units[k]!) < 0 ? k - 1 : -1;
}

/** The word with each doubled letter once ("loove" love, "soo" so), or null when it has none. */
function undoubled(u: string): string | null {
  let out: string | null = null;
  for (let i = 1; i < u.length; i++) {
    const c = u.charCodeAt(i);
    if (c >= 97 && c <= 122 && c === u.charCodeAt(i - 1)) {
      out ??= u.slice(0, i);
      continue;
    }
    if (out !== null) out += u[i];
  }
  return out;
}

/**
 * The units with stretched words read as the term they stretch ("sooo good", "loooove", "lmaooo", "baaad"): the
 * tokens keep a stretched letter twice ("loove"), so a word that is no term and reads as one with each doubled letter
 * once is read so, when that is a term or a degree word. Never a negation ("noooo my phone" is dismay, not "no").
 * A copy only when some word changes.
 */
function withStretchedWordsRead(model: NegativityModel, units: string[]): string[] {
  let out: string[] | null = null;
  const root = model.phrases.next;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.length < 3) continue;
    const v = undoubled(u); // most words have no doubled letter: no allocation and no lookup for them
    if (v === null || root.has(u)) continue;
    const kind = root.get(v)?.entry?.kind;
    if (kind === 'term' || kind === 'intensifier') (out ??= units.slice())[i] = v;
  }
  return out ?? units;
}

/** The lexicon hits of a post's units, in order. */
export function lexiconHits(model: NegativityModel, rawUnits: string[]): Hit[] {
  const units = withStretchedWordsRead(model, rawUnits);
  const hits: Hit[] = [];
  let negLeft = 0;
  let degree = 1;
  let degreeLeft = 0;
  let contrasted = false;
  let clause = 0;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === '|') {
      clause++;
      negLeft = 0;
      degreeLeft = 0;
      continue;
    }
    const u = units[i]!;
    const e = longestMatch(model.phrases, units, i) ?? (u.charCodeAt(0) === 91 ? codeByName(model, u) : undefined);
    if (!e || e.kind === 'neutral') {
      negLeft = Math.max(0, negLeft - 1);
      degreeLeft = Math.max(0, degreeLeft - 1);
      if (e) i += e.length - 1;
      continue;
    }
    // "stupid comfortable", "wicked good": a slang degree word right before praise says how much, not what.
    const slang = e.kind === 'term' && e.weight > 0 && e.length === 1 ? model.slangDegree.get(u) : undefined;
    if (slang !== undefined) {
      const next = longestMatch(model.phrases, units, i + 1);
      if (next && next.kind === 'term' && next.weight < 0 && !next.symbol) {
        degree = degreeLeft > 0 ? degree * slang : slang;
        degreeLeft = DEGREE_SCOPE;
        continue;
      }
    }
    i += e.length - 1;
    if (e.kind === 'negation') {
      // "不要太好看" (so good to look at): a praise_degree negation right before praise only says how much.
      const praiseDegree = model.praiseDegree.get(e.text);
      const next = praiseDegree === undefined ? undefined : longestMatch(model.phrases, units, i + 1);
      if (praiseDegree !== undefined && next && next.kind === 'term' && next.weight < 0 && !next.symbol) {
        degree = praiseDegree;
        degreeLeft = DEGREE_SCOPE;
      } else negLeft = NEG_SCOPE;
    } else if (e.kind === 'intensifier') {
      degree = degreeLeft > 0 ? degree * e.weight : e.weight;
      degreeLeft = DEGREE_SCOPE;
    } else if (e.kind === 'contrast') {
      for (const h of hits) {
        h.value *= BEFORE_CONTRAST;
        h.beforeContrast = true;
      }
      negLeft = 0;
      contrasted = true;
    } else {
      // "不想上班[泪]": a mood mark is never flipped by a negation before it.
      let negated = negLeft > 0 && !e.symbol;
      // "一点毛病没有", "一点诚意都没有": a Chinese negation after the term, ending the clause, negates it too.
      const after = e.symbol || negated ? -1 : postposedNegation(units, i + 1);
      if (after >= 0) (negated = true), (i = after);
      let value = e.weight * (degreeLeft > 0 ? degree : 1);
      if (negated) value *= value > 0 ? NEGATED_NEGATIVE : NEGATED_POSITIVE;
      const next = units[i + 1];
      // Last in its clause: nothing after it, a clause break, or a symbol (an emoji, "#tag") rather than a word.
      const c = next === undefined ? 0 : next.charCodeAt(0);
      const clauseEnd = next === undefined || next === '|' || !(isWordChar(c) || isHanCode(c));
      hits.push({ entry: e, value, negated, beforeContrast: false, afterContrast: contrasted, clauseEnd, clause });
      negLeft = 0;
      degreeLeft = 0;
    }
  }
  return hits;
}
