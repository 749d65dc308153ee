import { patternAlternatives, startsWithWordChar, type Intent } from './intent-rules.js';
import { leadingStrings, withoutCaptures } from './regex-source.js';

/**
 * Which of a set of rule patterns (the English intents, the topics) match a post, without running each: almost
 * every English alternative starts at a word start with a word character, so at each word start of a post only the
 * alternatives that can begin with the text there (a prefix trie) are tried, each as its own small sticky regex. The
 * one-regex gate this replaced tried every alternative at every word start and was a fifth of English scoring time.
 * Exact (tested): an alternative is left out at a word start only when it surely cannot begin there.
 */

/** \w without flags: A–Z, a–z, 0–9 and "_". */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

const WORD_CODES: number[] = [];
for (let c = 0; c < 128; c++) if (isWordCode(c)) WORD_CODES.push(c);

/** Prefixes are read up to this many characters, fewer for patterns with too many. */
const PREFIX_LENGTHS = [8, 6, 4, 3, 2];

/** A trie node of prefixes: `alts` are the alternatives one of whose prefixes ends here. */
interface Node {
  next: Map<number, Node>;
  alts: number[];
}

/**
 * A gate over alternatives that all begin at a word start ("\b(?=\w)(?:…)"), plus regexes for the others. Each
 * alternative is its own small sticky regex, tried only at a word start where the text begins with one of its
 * prefixes. (One regex per first character, the union of every alternative that can begin with it, matched the same
 * but cost V8 about 1.3 s to compile on first use: unions of a few thousand characters compile far more slowly than
 * their parts, and each alternative sat in several unions. Every new process and Worker isolate paid that.)
 */
export class WordStartGate {
  /** The prefixes the alternatives' matches begin with: only where the text starts with one is its regex tried. */
  private readonly root: Node = { next: new Map(), alts: [] };
  /** Regexes run as they are (alternatives not tied to a word start), each with its group. */
  private readonly rest: RegExp[];
  private readonly restGroup: number[];
  /** One sticky regex per word-start alternative (V8 compiles each on first use), and its group. */
  private readonly regexes: RegExp[];
  private readonly group: Int32Array;

  /**
   * `atWordStart`: alternatives tried only where a word starts (leading "\\b" removed); `rest`: regexes run as they
   * are. Each belongs to a group (an intent, a topic): the gate can say which groups match, not only whether one does.
   */
  constructor(atWordStart: Array<{ alt: string; group: number }>, rest: Array<{ re: RegExp; group: number }>) {
    this.rest = rest.map((r) => r.re);
    this.restGroup = rest.map((r) => r.group);
    this.regexes = atWordStart.map(({ alt }) => new RegExp(withoutCaptures(alt), 'y'));
    this.group = Int32Array.from(atWordStart.map((a) => a.group));
    atWordStart.forEach(({ alt }, k) => {
      let prefixes: Array<{ s: string }> | null = null;
      for (const n of PREFIX_LENGTHS) if ((prefixes = leadingStrings(alt, n))) break;
      if (!prefixes || prefixes.some((p) => p.s === '')) prefixes = WORD_CODES.map((c) => ({ s: String.fromCharCode(c) }));
      for (const { s } of prefixes) {
        const c0 = s.charCodeAt(0);
        if (c0 < 128 && isWordCode(c0)) this.add(s, k); // tried at word starts only: otherwise it cannot begin there
      }
    });
    this.flatten();
  }

  private add(s: string, alt: number): void {
    let node = this.root;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) break; // the flat table holds ASCII only: the shorter prefix stands for it
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), alts: [] }));
      node = child;
    }
    if (!node.alts.includes(alt)) node.alts.push(alt);
  }

  /**
   * The trie as flat arrays over a small alphabet (the ASCII characters that occur in prefixes): node k's child for
   * symbol a is trans[k * width + a] (0: none); the alternatives ending at node k are alts[altStart[k] … altStart[k + 1]).
   */
  private flatten(): void {
    const nodes: Node[] = [this.root];
    for (let k = 0; k < nodes.length; k++) for (const child of nodes[k]!.next.values()) nodes.push(child);
    const index = new Map(nodes.map((n, k) => [n, k]));
    const codes = new Set<number>();
    for (const n of nodes) for (const c of n.next.keys()) codes.add(c);
    this.symbol = new Int8Array(128).fill(-1);
    [...codes].sort((a, b) => a - b).forEach((c, a) => (this.symbol[c] = a));
    this.width = Math.max(1, codes.size);
    this.trans = new Int32Array(nodes.length * this.width);
    this.altStart = new Int32Array(nodes.length + 1);
    const alts: number[] = [];
    nodes.forEach((n, k) => {
      this.altStart[k] = alts.length;
      alts.push(...n.alts);
      for (const [c, child] of n.next) this.trans[k * this.width + (this.symbol[c] as number)] = index.get(child)!;
    });
    this.altStart[nodes.length] = alts.length;
    this.alts = Int32Array.from(alts);
  }

  private symbol = new Int8Array(128).fill(-1);
  private width = 1;
  private trans = new Int32Array(1);
  private altStart = new Int32Array(2);
  private alts = new Int32Array(0);

  /** Marks the group of each alternative that matches at position i (a word start), skipping groups already marked. */
  private matchAt(text: string, i: number, found: Uint8Array): void {
    const { trans, symbol, width, altStart, alts, regexes, group } = this;
    let node = 0;
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c >= 128) return;
      const a = symbol[c]!;
      if (a < 0) return;
      node = trans[node * width + a]!;
      if (node === 0) return;
      for (let x = altStart[node]!, end = altStart[node + 1]!; x < end; x++) {
        const alt = alts[x]!;
        if (found[group[alt]!] === 1) continue;
        const re = regexes[alt]!;
        re.lastIndex = i;
        if (re.test(text)) found[group[alt]!] = 1;
      }
    }
  }

  /**
   * Which groups have an alternative that matches somewhere in the text: found[g] = 1 (found has a slot, 0, for each
   * pattern the gate was built from). Returns how many. Exactly the groups whose regex (the union of their alternatives) matches the text.
   */
  groups(text: string, found: Uint8Array): number {
    for (let r = 0; r < this.rest.length; r++) {
      const g = this.restGroup[r]!;
      if (found[g] === 0 && this.rest[r]!.test(text)) found[g] = 1;
    }
    const n = text.length;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const word = c < 128 && isWordCode(c);
      if (word && !prevWord) this.matchAt(text, i, found);
      prevWord = word;
    }
    let count = 0;
    for (let g = 0; g < found.length; g++) count += found[g]!;
    return count;
  }
}

/** True when every match of the pattern surely begins with a letter, a digit or "_" (then "\\b" before it means a word start). */
function beginsWithWordChar(src: string): boolean {
  if (startsWithWordChar(src)) return true;
  const prefixes = leadingStrings(src, 1);
  return prefixes !== null && prefixes.every((p) => p.s !== '' && isWordCode(p.s.charCodeAt(0)));
}

/** The gate for one script's intents (groups = the intents' indices): every alternative of their patterns, tried per word start where it can. */
export function wordStartGate(intents: Intent[], lang: 'en' | 'zh'): WordStartGate | null {
  return gateOf(intents.map((i) => i[lang]));
}

/** A gate over compiled rule patterns (see intent-rules.ts), one group per pattern (null patterns match nothing). */
export function gateOf(patterns: Array<RegExp | null>): WordStartGate | null {
  const all = patterns.flatMap((re, group) => patternAlternatives(re).map((alt) => ({ alt, group })));
  if (!all.length) return null;
  const atWordStart: Array<{ alt: string; group: number }> = [];
  const rest = new Map<number, string[]>();
  const toRest = (group: number, src: string) => rest.set(group, [...(rest.get(group) ?? []), src]);
  for (const { alt, group } of all) {
    if (!alt.startsWith('\\b')) toRest(group, alt);
    else if (beginsWithWordChar(alt.slice(2))) atWordStart.push({ alt: alt.slice(2), group });
    else toRest(group, `\\b${alt.slice(2)}`);
  }
  return new WordStartGate(atWordStart, [...rest].map(([group, srcs]) => ({ re: new RegExp(withoutCaptures(srcs.join('|'))), group })));
}
