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
}

export interface PhraseNode {
  next: Map<string, PhraseNode>;
  entry?: PhraseEntry;
}

/** Creates an empty trie. */
export function emptyTrie(): PhraseNode {
  return { next: new Map() };
}

/** Adds one phrase, given as units; a later entry for the same phrase replaces the earlier one. */
export function addPhrase(root: PhraseNode, units: string[], entry: Omit<PhraseEntry, 'length' | 'symbol' | 'weiboCode'>): void {
  let node = root;
  for (const u of units) {
    let child = node.next.get(u);
    if (!child) {
      child = { next: new Map() };
      node.next.set(u, child);
    }
    node = child;
  }
  // Only a single non-word unit is a symbol: emoji, ":(" or "[怒]", never a word or a Han character.
  const only = units.length === 1 ? units[0]! : '';
  const symbol = only !== '' && !/^[a-z0-9\u4e00-\u9fff]/.test(only);
  node.entry = { ...entry, length: units.length, symbol, weiboCode: symbol && only.startsWith('[') && only.endsWith(']') };
}

/** Returns the longest entry starting at units[start], or undefined. */
export function longestMatch(root: PhraseNode, units: string[], start: number): PhraseEntry | undefined {
  let node: PhraseNode | undefined = root;
  let best: PhraseEntry | undefined;
  for (let i = start; i < units.length; i++) {
    node = node.next.get(units[i]!);
    if (!node) break;
    if (node.entry) best = node.entry;
  }
  return best;
}
