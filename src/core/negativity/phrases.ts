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
export function addPhrase(root: PhraseNode, units: string[], entry: Omit<PhraseEntry, 'length'>): void {
  let node = root;
  for (const u of units) {
    let child = node.next.get(u);
    if (!child) {
      child = { next: new Map() };
      node.next.set(u, child);
    }
    node = child;
  }
  node.entry = { ...entry, length: units.length };
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
