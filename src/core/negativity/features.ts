/**
 * Text → features for the learned weights. Pure and shared by the scorer and by the script that
 * derives the weights (src/lexicon/), so training and scoring can never drift apart.
 *
 * Latin script: lower-cased words with elongations squeezed ("sooooo" → "soo"), adjacent word
 * pairs ("on hold"), character 4-grams of words ("#<bad"), and words inside a negation scope marked with a leading "!" ("not good" →
 * "!good"). Han script: character unigrams and bigrams (measured against jieba: see the report in
 * src/lexicon/README.md), unigrams after a negator marked the same way ("不太满意" → "!满"),
 * except in "A不A" questions ("有没有", "是不是").
 * Emoji, emoticons, Weibo codes ("[怒]") and runs of ! or ? are features of both languages.
 */

import { decodeEntities } from '../text/entities.js';
import * as tokens from './tokens.js';

// Copied to module constants: tsx turns each use of an import into a getter call (see learned-score.ts).
const { BANGS, CLAUSE, HAN, HANDLE, hanString, nextToken, QUESTIONS, SKIP, tokenText, URL, WORD } = tokens;

/** Features split by the script they come from: each is looked up in its own language's table. */
export interface Features extends TextShape {
  en: string[];
  zh: string[];
  /** Script-neutral features (emoji, emoticons, punctuation runs). */
  common: string[];
}

const EN_NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'nothing', 'nobody', 'none', 'nor', 'neither', 'without', 'hardly', 'cant', 'dont', 'wont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'aint', 'havent', 'hasnt', 'couldnt', 'shouldnt', 'wouldnt', 'arent', 'werent']);
const EN_CLAUSE_BREAK = new Set(['but', 'however', 'although', 'though', 'yet']);
const NEG_SCOPE = 3;
/**
 * English words also give their character 4-grams, the word wrapped in "<" and ">" ("<bad>" →
 * "#<bad", "#bad>"): misspellings, inflections and hashtag parts ("#disappointed" inside
 * "sodisappointed") then share weight. Measured on the SemEval dev part: +0.005–0.01 macro-F1.
 */
export const GRAM = 4;

/** The code unit at position `p` of "<word>". */
export function gramChar(word: string, p: number): number {
  return p === 0 ? 60 /* < */ : p === word.length + 1 ? 62 /* > */ : word.charCodeAt(p - 1);
}

function squeeze(word: string): string {
  // "soooo" and "sooo" become the same feature; a cheap scan first because most words have no run.
  for (let i = 2; i < word.length; i++) {
    if (word.charCodeAt(i) === word.charCodeAt(i - 1) && word.charCodeAt(i) === word.charCodeAt(i - 2)) return word.replace(/(.)\1{2,}/g, '$1$1');
  }
  return word;
}

/**
 * Normalises a word the way lexicon entries are written: lower case, no apostrophes, squeezed runs.
 * "'ll" is dropped rather than joined: "i'll" and "he'll" would otherwise read as "ill" and "hell".
 */
export function normaliseWord(raw: string): string {
  if (!raw.includes("'") && !raw.includes('’')) return squeeze(raw);
  const base = /['’]ll$/.test(raw) ? raw.slice(0, -3) : raw;
  return squeeze(base.replace(/['’]/g, ''));
}

/**
 * A work's title in 《》 (a show, book, song or film: 《生活大爆炸》, 《人民的名义》) is no complaint: the complaint,
 * topic and context patterns read the text without the title's words, so "爆炸" in a sitcom's name is no explosion.
 * The words and characters still count for the lexicons and the learned weights: dropping them everywhere cost the
 * held-out reviews 0.0014 and the Weibo split 0.003 (session 8).
 */
const TITLE = /《[^《》\n]{1,40}》/g;

export function withoutTitles(text: string): string {
  return text.includes('《') ? text.replace(TITLE, '《》') : text;
}

/**
 * The quoted title of a panel, talk or session ("why mobile apps fail" panel starting now; panel: "can microsoft be cool
 * again?") names a subject; it is no one's complaint. Its words are dropped before anything reads the post (rules,
 * lexicons, learned weights), the quotes kept. Only these event words: the quoted titles of films, books and songs
 * are common in the training tweets, whose labels count their words.
 */
const EVENT_TITLE = /(\b(?:panels?|sessions?|talks?|keynotes?|workshops?|webinars?|seminars?|fireside chats?)(?:\s+(?:on|called|titled|named))?\s*:?\s*)["“]([^"”\n]{3,80})["”]|["“]([^"”\n]{3,80})["”](\s+(?:(?:was|is) (?:the|a|my|an) (?:\w+ ){0,2})?(?:panels?|sessions?|talks?|keynotes?|workshops?|webinars?|seminars?)\b)/g;

/** The lower-cased text without the words of quoted event titles (see EVENT_TITLE). */
export function withoutEventTitles(lower: string): string {
  if (!lower.includes('"') && !lower.includes('“')) return lower;
  return lower.replace(EVENT_TITLE, (_m, before: string | undefined, _t1, _t2, after: string | undefined) => (before !== undefined ? `${before}""` : `""${after}`));
}

/**
 * Weibo's web page ends a long post cut short with "展开全文c" (expand the full text; "c" is the arrow icon's letter),
 * and an expanded one with "收起全文d". Posts copied or scraped from the page keep them, but they are no one's words:
 * in the Weibo training posts the learned pairs had made them worth +0.5 toward negative (11 posts, all negative).
 */
const WEIBO_FOLD = /(?:展开|收起)全文[cd]?/g;

function withoutWeiboFold(lower: string): string {
  return lower.includes('全文') ? lower.replace(WEIBO_FOLD, ' ') : lower;
}

/**
 * The text as everything in the scorer reads it: HTML entities decoded (X's API and many exports deliver "&amp;",
 * "&lt;3", "&quot;unlimited&quot;"), lower-cased, without quoted event titles and Weibo's fold links. The scorer and
 * the derive script both start here, so the learned weights are fitted on what scoring sees.
 */
export function scoredText(text: string): string {
  return withoutWeiboFold(withoutEventTitles(decodeEntities(text).toLowerCase()));
}

/** Receives the features of a text as they are found, without building strings for them. */
export interface FeatureVisitor {
  word(word: string, negated: boolean): void;
  /** Every character 4-gram of "<word>" (see GRAM), first to last, after word(word). One call per word, not per gram. */
  wordGrams(word: string, negated: boolean): void;
  /** Called right after word(b), a being the word visited just before. */
  wordPair(a: string, b: string): void;
  han(ch: string, negated: boolean): void;
  /** Called right after han(b), a being the character visited just before. */
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
  return visitLowered(text.toLowerCase(), v);
}

/** True for the Han negators 不 没 无 别 未 非 莫 勿 (ZH_NEGATORS), read from the character code. */
function isZhNegator(c: number): boolean {
  return c === 0x4e0d || c === 0x6ca1 || c === 0x65e0 || c === 0x522b || c === 0x672a || c === 0x975e || c === 0x83ab || c === 0x52ff;
}

/** visitFeatures for a text already lower-cased (the scorer has it anyway: one toLowerCase less per post). */
export function visitLowered(lower: string, v: FeatureVisitor): TextShape {
  const units: string[] = [];
  let hanChars = 0;
  let latinChars = 0;
  let emphasis = false;
  let enScope = 0;
  let zhScope = 0;
  let prevWord = '';
  let prevHan = '';
  let beforeNegator = ''; // the character before the last negator, to spot "A不A" questions
  // One plain loop over the tokens (nextToken), not a callback per token: no closure, no garbage.
  for (let i = 0; i < lower.length; ) {
    const r = nextToken(lower, i);
    const kind = r & 15;
    const start = i;
    i = (r - kind) / 16;
    if (kind === SKIP || kind === URL) continue;
    if (kind === HANDLE) {
      prevWord = prevHan = '';
      continue;
    }
    if (kind === HAN) {
      const c = lower.charCodeAt(start);
      const tok = hanString(c);
      hanChars++;
      units.push(tok);
      // "有没有", "是不是", "能不能" ask a question; they negate nothing.
      if (zhScope === NEG_SCOPE && tok === beforeNegator) zhScope = 0;
      v.han(tok, zhScope > 0);
      if (prevHan) v.hanPair(prevHan, tok);
      if (isZhNegator(c)) {
        zhScope = NEG_SCOPE;
        beforeNegator = prevHan;
      } else if (zhScope > 0) zhScope--;
      prevHan = tok;
      prevWord = '';
      continue;
    }
    prevHan = '';
    if (kind === WORD) {
      const tok = tokenText(lower, start, i, kind);
      latinChars += tok.length;
      const word = normaliseWord(tok);
      units.push(word);
      if (EN_CLAUSE_BREAK.has(word)) enScope = 0;
      v.word(word, enScope > 0);
      if (prevWord) v.wordPair(prevWord, word);
      v.wordGrams(word, enScope > 0);
      enScope = EN_NEGATORS.has(word) ? NEG_SCOPE : Math.max(0, enScope - 1);
      prevWord = word;
      continue;
    }
    prevWord = '';
    if (kind === CLAUSE) {
      enScope = 0;
      zhScope = 0;
      units.push('|');
      continue;
    }
    const sym = kind === BANGS ? '!!' : kind === QUESTIONS ? '??' : tokenText(lower, start, i, kind);
    v.symbol(sym);
    units.push(sym);
    if (kind === BANGS || kind === QUESTIONS) {
      emphasis = true;
      enScope = 0;
      zhScope = 0;
      units.push('|');
    }
  }
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
    wordGrams: (w, neg) => {
      for (let at = 0; at + GRAM <= w.length + 2; at++) {
        let g = neg ? '!#' : '#';
        for (let p = at; p < at + GRAM; p++) g += String.fromCharCode(gramChar(w, p));
        en.push(g);
      }
    },
    han: (c, neg) => zh.push(neg ? '!' + c : c),
    hanPair: (a, b) => zh.push(a + b),
    symbol: (sym) => common.push(sym),
  });
  return { en, zh, common, ...shape };
}
