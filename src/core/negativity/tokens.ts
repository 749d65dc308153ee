/**
 * The tokenizer under the features: one hand-written pass over lower-cased text. Pure.
 */

/** Punctuation that ends a clause (and a negation's reach). */
export const CLAUSE_PUNCT = '.,;:!?，。；：！？、…~～\n';
const EYES = '()[]dpo/\\|*';

/** a–z or 0–9 (the text is lower-cased first). */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isSpace(c: number): boolean {
  // What \s matches in JavaScript.
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A CJK unified ideograph. */
export function isHanCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

// One string per Han character, made on first sight: a fresh one-character string per character
// read was a fifth of Chinese scoring time in garbage collection.
const HAN_STRINGS: string[] = new Array<string>(0x9fff - 0x4e00 + 1).fill('');
/** The one shared string of a Han character (c a CJK unified ideograph). */
export function hanString(c: number): string {
  const k = c - 0x4e00;
  return HAN_STRINGS[k] || (HAN_STRINGS[k] = String.fromCharCode(c));
}

/**
 * Kaomoji, by the core that tells them apart: a table flip "(╯°□°）╯︵ ┻━┻" is read as "┻━┻", "o(╥﹏╥)o" as "╥﹏╥".
 * One token each (a SYMBOL), so emoticons-*.tsv can weigh them like emoji; a kaomoji written there in full is read
 * by its core too. Tried longest first where one begins another ("^__^" before "^_^" before "^^").
 */
export const KAOMOJI_CORES: readonly string[] = [
  '┻━┻', '┻┻', 'ಥ_ಥ', 'ಥ﹏ಥ', '╥﹏╥', '╥_╥', 'ಠ_ಠ', 'ಠ益ಠ', '╯□╰', '╯﹏╰', '︶︿︶', '｀へ´', '`へ´', '´д`', '´д｀', '>_<', '>.<', '＞﹏＜', '＞_＜', '-_-', '-.-', '=_=',
  '^__^', '^_^', '^o^', '^ω^', '^▽^', '^^', '＾▽＾', '＾_＾', '∩_∩', '≧▽≦', '≧∇≦', '≧ω≦', '￣▽￣', 'ˉ▽ˉ', '･ω･', '・ω・', '◕‿◕', '◕‿‿◕', '⊙o⊙', '⊙_⊙', '⊙﹏⊙',
];
const KAOMOJI_BY_FIRST = new Map<number, string[]>();
for (const k of [...KAOMOJI_CORES].sort((a, b) => b.length - a.length)) {
  const c = k.charCodeAt(0);
  KAOMOJI_BY_FIRST.set(c, [...(KAOMOJI_BY_FIRST.get(c) ?? []), k]);
}
const KAOMOJI_FIRST = new Uint8Array(65536);
for (const c of KAOMOJI_BY_FIRST.keys()) KAOMOJI_FIRST[c] = 1;

/**
 * The widest @name read as one handle: Weibo names are at most 30 wide, a Han character counting 2 (in the Weibo
 * posts the widest of 993 mentions is 29: "水手龟-咩咩必须比任何人都幸福"); X handles are at most 15 letters. A name
 * typed without a space after it stops there rather than swallowing the post.
 */
const HANDLE_MAX_WIDTH = 30;

function isHandleChar(c: number): boolean {
  return isWordChar(c) || c === 95 /* _ */ || c === 45 /* - */ || isHanCode(c);
}

/** Token kinds returned by nextToken (in its low four bits). */
export const SKIP = 0; // a character that makes no token
export const URL = 1;
export const HANDLE = 2;
export const WORD = 3; // a word, or "t_t"
export const HAN = 4;
export const CLAUSE = 5; // clause punctuation, including a single "!" or "?"
export const BANGS = 6; // "!!", "!!!"…
export const QUESTIONS = 7; // "??"…
export const SYMBOL = 8; // Weibo code, emoticon, "<3", emoji, kaomoji

/**
 * Reads the token starting at s[i], in the order of precedence the scorer relies on: links,
 * @handles, Weibo codes ("[怒]"), "t_t", words (with one apostrophe part), Han characters,
 * emoticons, "<3", emoji, kaomoji, runs of "!" or "?", clause punctuation. Returns end * 16 + kind, the
 * token being s.slice(i, end): a number rather than an object or a callback, so the caller's loop
 * allocates nothing for it (a scanner calling back per token was a tenth of Chinese scoring).
 */
export function nextToken(s: string, i: number): number {
  const n = s.length;
  const c = s.charCodeAt(i);
  if (c === 104 && (s.startsWith('http://', i) || s.startsWith('https://', i))) {
    let j = i + (s.charCodeAt(i + 4) === 115 ? 8 : 7);
    if (j < n && !isSpace(s.charCodeAt(j))) {
      while (j < n && !isSpace(s.charCodeAt(j))) j++;
      return j * 16 + URL;
    }
  }
  if (c === 64 /* @ */) {
    // A Weibo name runs on through Han characters and "-" ("@苹果星老是被wyt欺负", "//@水手龟-咩咩:"), up to the space,
    // colon or punctuation Weibo itself ends a mention at; X handles are letters, digits and "_" only. Either way the
    // name is no text: "@悲伤的猫 谢谢你" thanks a user named "sad cat", and is not sad.
    let j = i + 1;
    for (let width = 0; j < n && isHandleChar(s.charCodeAt(j)); j++) {
      width += isHanCode(s.charCodeAt(j)) ? 2 : 1;
      if (width > HANDLE_MAX_WIDTH) break;
    }
    if (j > i + 1) return j * 16 + HANDLE;
  }
  if (c === 91 /* [ */) {
    let j = i + 1;
    while (j < n && j - i <= 7) {
      const d = s.charCodeAt(j);
      if (!(isHanCode(d) || isWordChar(d) || d === 95)) break;
      j++;
    }
    if (j > i + 1 && j - i <= 7 && s.charCodeAt(j) === 93) return (j + 1) * 16 + SYMBOL;
  }
  if (c === 116 && s.startsWith('t_t', i)) return (i + 3) * 16 + WORD;
  if (isWordChar(c)) {
    let j = i + 1;
    while (j < n && isWordChar(s.charCodeAt(j))) j++;
    const a = s.charCodeAt(j);
    if ((a === 39 || a === 0x2019) && j + 1 < n && s.charCodeAt(j + 1) >= 97 && s.charCodeAt(j + 1) <= 122) {
      j += 2;
      while (j < n && s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122) j++;
    }
    return j * 16 + WORD;
  }
  if (isHanCode(c)) return (i + 1) * 16 + HAN;
  if (c === 58 || c === 59 || c === 61 /* : ; = */) {
    const c1 = s[i + 1];
    if ((c1 === "'" || c1 === '-') && i + 2 < n && EYES.includes(s[i + 2]!)) return (i + 3) * 16 + SYMBOL;
    if (c1 !== undefined && EYES.includes(c1)) return (i + 2) * 16 + SYMBOL;
  }
  if (c === 40 || c === 41 /* ( ) */) {
    const c1 = s[i + 1];
    const k = c1 === "'" || c1 === '-' ? 2 : 1;
    if (i + k < n && ':;='.includes(s[i + k]!)) return (i + k + 1) * 16 + SYMBOL;
  }
  if (c === 60 && s.charCodeAt(i + 1) === 51 /* <3 */) return (i + 2) * 16 + SYMBOL;
  if (c >= 0xd83c && c <= 0xd83e) {
    const lo = s.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return (i + 2) * 16 + SYMBOL;
  }
  if ((c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55) return (i + 1) * 16 + SYMBOL;
  if (c === 33 || c === 0xff01 || c === 63 || c === 0xff1f) {
    const bang = c === 33 || c === 0xff01;
    let j = i + 1;
    while (j < n && (bang ? s.charCodeAt(j) === 33 || s.charCodeAt(j) === 0xff01 : s.charCodeAt(j) === 63 || s.charCodeAt(j) === 0xff1f)) j++;
    // A lone "!" or "?" is clause punctuation like "." (it is in CLAUSE_PUNCT).
    return j * 16 + (j - i >= 2 ? (bang ? BANGS : QUESTIONS) : CLAUSE);
  }
  if (KAOMOJI_FIRST[c] === 1) {
    for (const k of KAOMOJI_BY_FIRST.get(c)!) if (s.startsWith(k, i)) return (i + k.length) * 16 + SYMBOL;
  }
  return (i + 1) * 16 + (CLAUSE_PUNCT.includes(s[i]!) ? CLAUSE : SKIP);
}

/** One token's text: Han characters come from a shared table, runs of "!"/"?" of one character as that character. */
export function tokenText(s: string, start: number, end: number, kind: number): string {
  if (kind === HAN) return hanString(s.charCodeAt(start));
  return end - start === 1 ? s[start]! : s.slice(start, end);
}

/** Calls `emit` with each token of lower-cased text, first to last (see nextToken). */
export function scan(s: string, emit: (tok: string) => void): void {
  for (let i = 0; i < s.length; ) {
    const r = nextToken(s, i);
    const kind = r & 15;
    const end = (r - kind) / 16;
    if (kind !== SKIP) emit(tokenText(s, i, end, kind));
    i = end;
  }
}
