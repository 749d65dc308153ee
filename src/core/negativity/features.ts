/**
 * Text → features for the learned weights. Pure and shared by the scorer and by the script that
 * derives the weights (src/lexicon/), so training and scoring can never drift apart.
 *
 * Latin script: lower-cased words with elongations squeezed ("sooooo" → "soo"), adjacent word
 * pairs ("on hold"), and words inside a negation scope marked with a leading "!" ("not good" →
 * "!good"). Han script: character unigrams and bigrams (measured against jieba: see the report in
 * src/lexicon/README.md), unigrams after a negator marked the same way ("不太满意" → "!满").
 * Emoji, emoticons, Weibo codes ("[怒]") and runs of ! or ? are features of both languages.
 */

/** Features split by the script they come from: each is looked up in its own language's table. */
export interface Features extends TextShape {
  en: string[];
  zh: string[];
  /** Script-neutral features (emoji, emoticons, punctuation runs). */
  common: string[];
}

const EN_NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'nothing', 'nobody', 'none', 'nor', 'neither', 'without', 'hardly', 'cant', 'dont', 'wont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'aint', 'havent', 'hasnt', 'couldnt', 'shouldnt', 'wouldnt', 'arent', 'werent']);
const EN_CLAUSE_BREAK = new Set(['but', 'however', 'although', 'though', 'yet']);
const ZH_NEGATORS = new Set(['不', '没', '无', '别', '未', '非', '莫', '勿']);
const NEG_SCOPE = 3;

const CLAUSE_PUNCT = '.,;:!?，。；：！？、…~～\n';
const EYES = '()[]dpo/\\|*';

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isSpace(c: number): boolean {
  // What \s matches in JavaScript.
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isHanCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/**
 * Splits lower-cased text into tokens, in the order of precedence the scorer relies on: links,
 * @handles, Weibo codes ("[怒]"), "t_t", words (with one apostrophe part), Han characters,
 * emoticons, "<3", emoji, runs of "!" or "?", clause punctuation. A hand-written scanner rather
 * than one big regex: it allocates no match objects, which was a quarter of scoring time in GC.
 */
function scan(s: string, emit: (tok: string) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 104 && (s.startsWith('http://', i) || s.startsWith('https://', i))) {
      let j = i + (s.charCodeAt(i + 4) === 115 ? 8 : 7);
      if (j < n && !isSpace(s.charCodeAt(j))) {
        while (j < n && !isSpace(s.charCodeAt(j))) j++;
        emit(s.slice(i, j));
        i = j;
        continue;
      }
    }
    if (c === 64 /* @ */) {
      let j = i + 1;
      while (j < n && (isWordChar(s.charCodeAt(j)) || s.charCodeAt(j) === 95)) j++;
      if (j > i + 1) {
        emit(s.slice(i, j));
        i = j;
        continue;
      }
    }
    if (c === 91 /* [ */) {
      let j = i + 1;
      while (j < n && j - i <= 7) {
        const d = s.charCodeAt(j);
        if (!(isHanCode(d) || isWordChar(d) || d === 95)) break;
        j++;
      }
      if (j > i + 1 && j - i <= 7 && s.charCodeAt(j) === 93) {
        emit(s.slice(i, j + 1));
        i = j + 1;
        continue;
      }
    }
    if (c === 116 && s.startsWith('t_t', i)) {
      emit('t_t');
      i += 3;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(s.charCodeAt(j))) j++;
      const a = s.charCodeAt(j);
      if ((a === 39 || a === 0x2019) && j + 1 < n && s.charCodeAt(j + 1) >= 97 && s.charCodeAt(j + 1) <= 122) {
        j += 2;
        while (j < n && s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122) j++;
      }
      emit(s.slice(i, j));
      i = j;
      continue;
    }
    if (isHanCode(c)) {
      emit(s[i]!);
      i++;
      continue;
    }
    if (c === 58 || c === 59 || c === 61 /* : ; = */) {
      const c1 = s[i + 1];
      if ((c1 === "'" || c1 === '-') && i + 2 < n && EYES.includes(s[i + 2]!)) {
        emit(s.slice(i, i + 3));
        i += 3;
        continue;
      }
      if (c1 !== undefined && EYES.includes(c1)) {
        emit(s.slice(i, i + 2));
        i += 2;
        continue;
      }
    }
    if (c === 40 || c === 41 /* ( ) */) {
      const c1 = s[i + 1];
      const k = c1 === "'" || c1 === '-' ? 2 : 1;
      if (i + k < n && ':;='.includes(s[i + k]!)) {
        emit(s.slice(i, i + k + 1));
        i += k + 1;
        continue;
      }
    }
    if (c === 60 && s.charCodeAt(i + 1) === 51 /* <3 */) {
      emit('<3');
      i += 2;
      continue;
    }
    if (c >= 0xd83c && c <= 0xd83e) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        emit(s.slice(i, i + 2));
        i += 2;
        continue;
      }
    }
    if ((c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55) {
      emit(s[i]!);
      i++;
      continue;
    }
    if (c === 33 || c === 0xff01 || c === 63 || c === 0xff1f) {
      const bang = c === 33 || c === 0xff01;
      let j = i + 1;
      while (j < n && (bang ? s.charCodeAt(j) === 33 || s.charCodeAt(j) === 0xff01 : s.charCodeAt(j) === 63 || s.charCodeAt(j) === 0xff1f)) j++;
      emit(j - i >= 2 ? s.slice(i, j) : s[i]!);
      i = j;
      continue;
    }
    if (CLAUSE_PUNCT.includes(s[i]!)) emit(s[i]!);
    i++;
  }
}

function squeeze(word: string): string {
  // "soooo" and "sooo" become the same feature; a cheap scan first because most words have no run.
  for (let i = 2; i < word.length; i++) {
    if (word.charCodeAt(i) === word.charCodeAt(i - 1) && word.charCodeAt(i) === word.charCodeAt(i - 2)) return word.replace(/(.)\1{2,}/g, '$1$1');
  }
  return word;
}

/** Normalises a word the way lexicon entries are written: lower case, no apostrophes, squeezed runs. */
export function normaliseWord(raw: string): string {
  return squeeze(raw.includes("'") || raw.includes('’') ? raw.replace(/['’]/g, '') : raw);
}

/** Receives the features of a text as they are found, without building strings for them. */
export interface FeatureVisitor {
  word(word: string, negated: boolean): void;
  wordPair(a: string, b: string): void;
  han(ch: string, negated: boolean): void;
  hanPair(a: string, b: string): void;
  symbol(sym: string): void;
}

/** What the hand-written rules need of a text besides its features. */
export interface TextShape {
  units: string[];
  hanChars: number;
  latinChars: number;
  /** The text has "!!" or "??". */
  emphasis: boolean;
}

/** Walks the features of one text, calling the visitor for each; returns the text's shape. */
export function visitFeatures(text: string, v: FeatureVisitor): TextShape {
  const units: string[] = [];
  let hanChars = 0;
  let latinChars = 0;
  let emphasis = false;
  let enScope = 0;
  let zhScope = 0;
  let prevWord = '';
  let prevHan = '';
  scan(text.toLowerCase(), (tok) => {
    const first = tok.charCodeAt(0);
    if (tok.startsWith('http') && tok.includes('://')) return;
    if (first === 64 /* @ */) {
      prevWord = '';
      return;
    }
    if (isHanCode(first)) {
      hanChars++;
      units.push(tok);
      v.han(tok, zhScope > 0);
      if (prevHan) v.hanPair(prevHan, tok);
      zhScope = ZH_NEGATORS.has(tok) ? NEG_SCOPE : Math.max(0, zhScope - 1);
      prevHan = tok;
      prevWord = '';
      return;
    }
    prevHan = '';
    if (isWordChar(first)) {
      latinChars += tok.length;
      const word = normaliseWord(tok);
      units.push(word);
      if (EN_CLAUSE_BREAK.has(word)) enScope = 0;
      v.word(word, enScope > 0);
      if (prevWord) v.wordPair(prevWord, word);
      enScope = EN_NEGATORS.has(word) ? NEG_SCOPE : Math.max(0, enScope - 1);
      prevWord = word;
      return;
    }
    prevWord = '';
    if (tok.length === 1 && CLAUSE_PUNCT.includes(tok)) {
      enScope = 0;
      zhScope = 0;
      units.push('|');
      return;
    }
    const sym = tok[0] === '!' || tok[0] === '！' ? '!!' : tok[0] === '?' || tok[0] === '？' ? '??' : tok;
    v.symbol(sym);
    units.push(sym);
    if (sym === '!!' || sym === '??') {
      emphasis = true;
      enScope = 0;
      zhScope = 0;
      units.push('|');
    }
  });
  return { units, hanChars, latinChars, emphasis };
}

/** Extracts the features of one text as strings (training and the adaptive layer use these). */
export function extractFeatures(text: string): Features {
  const en: string[] = [];
  const zh: string[] = [];
  const common: string[] = [];
  const shape = visitFeatures(text, {
    word: (w, neg) => en.push(neg ? '!' + w : w),
    wordPair: (a, b) => en.push(a + ' ' + b),
    han: (c, neg) => zh.push(neg ? '!' + c : c),
    hanPair: (a, b) => zh.push(a + b),
    symbol: (sym) => common.push(sym),
  });
  return { en, zh, common, ...shape };
}
