/**
 * Longest-match phrase lookup over text units (words, Han characters, symbols). Lexicon terms,
 * negations, degree adverbs and contrast words all live in one trie so a longer entry wins:
 * "不错" (good) is read as one term rather than the negation "不" followed by "错".
 */

export type PhraseKind = 'term' | 'negation' | 'intensifier' | 'contrast' | 'neutral';

export interface PhraseEntry {
  kind: PhraseKind;
  /** term: logit toward negativity (> 0 negative, < 0 positive); intensifier: multiplier. */
  weight: number;
  /** The phrase as written in the lexicon, for evidence. */
  text: string;
  /** Where it came from, e.g. 'lexicons/en-negative.tsv'. */
  source: string;
  length: number;
  /** An emoji, emoticon or Weibo code: a mood mark that no "not" or "不" before it can flip. */
  symbol: boolean;
  /** A Weibo emoticon code ("[怒]"), which decides a post's polarity when present (see rule-score.ts). */
  weiboCode: boolean;
  /** The evidence line for this entry at its own weight, made on first use (rule-score.ts). */
  evidence: string;
}

export interface PhraseNode {
  next: Map<string, PhraseNode>;
  entry?: PhraseEntry;
  /**
   * The root only: its children for single Han characters again, by code - 0x4e00. Chinese text is
   * a unit per character, and a Map lookup per character was most of the lexicon pass.
   */
  han?: Array<PhraseNode | null>;
}

const HAN_FIRST = 0x4e00;
const HAN_COUNT = 0x9fff - HAN_FIRST + 1;

/** Creates an empty trie. */
export function emptyTrie(): PhraseNode {
  return { next: new Map(), han: new Array<PhraseNode | null>(HAN_COUNT).fill(null) };
}

/** A single Han character's index (code − 0x4e00), or -1 for any other unit. */
export function hanIndex(unit: string): number {
  const k = unit.charCodeAt(0) - HAN_FIRST;
  return unit.length === 1 && k >= 0 && k < HAN_COUNT ? k : -1;
}

/** Adds one phrase, given as units; a later entry for the same phrase replaces the earlier one. */
export function addPhrase(root: PhraseNode, units: string[], entry: Omit<PhraseEntry, 'length' | 'symbol' | 'weiboCode' | 'evidence'>): void {
  let node = root;
  for (const u of units) {
    let child = node.next.get(u);
    if (!child) {
      child = { next: new Map() };
      node.next.set(u, child);
      if (node === root && root.han && hanIndex(u) >= 0) root.han[hanIndex(u)] = child;
    }
    node = child;
  }
  // Only a single non-word unit is a symbol: emoji, ":(" or "[怒]", never a word or a Han character.
  const only = units.length === 1 ? units[0]! : '';
  const symbol = only !== '' && !/^[a-z0-9\u4e00-\u9fff]/.test(only);
  node.entry = { ...entry, length: units.length, symbol, weiboCode: symbol && only.startsWith('[') && only.endsWith(']'), evidence: '' };
}

/** The entry for exactly this phrase, or undefined. */
export function entryOf(root: PhraseNode, units: string[]): PhraseEntry | undefined {
  let node: PhraseNode | undefined = root;
  for (const u of units) if (!(node = node.next.get(u))) return undefined;
  return node.entry;
}

/** Returns the longest entry starting at units[start], or undefined. */
export function longestMatch(root: PhraseNode, units: string[], start: number): PhraseEntry | undefined {
  if (start >= units.length) return undefined;
  const k = root.han ? hanIndex(units[start]!) : -1;
  let node: PhraseNode | undefined = k >= 0 ? (root.han![k] ?? undefined) : root.next.get(units[start]!);
  if (!node) return undefined;
  let best = node.entry;
  for (let i = start + 1; i < units.length; i++) {
    node = node.next.get(units[i]!);
    if (!node) break;
    if (node.entry) best = node.entry;
  }
  return best;
}
