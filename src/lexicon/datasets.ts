/**
 * Readers for the labelled sets in ../shared/data/sentiment (see its README). Used by the script
 * that derives the learned weights and by the benchmark; never imported by src/core.
 * Every reader returns {text, negative}; the text stays in memory and never reaches the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Labelled {
  text: string;
  negative: boolean;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sentimentDir = path.resolve(repoRoot, '../shared/data/sentiment');

/** True when the shared data is present (CI has it; a fresh clone may not). */
export function sharedDataPresent(): boolean {
  return existsSync(sentimentDir);
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

/**
 * Undoes the JSON escapes of the 2013 SemEval files ("I\u2019m", "fan\u002c i"). Left in, "\u002c" hides a comma and
 * becomes a word "u002c" that the weights learn, which real posts never contain. The HTML entities of the later files
 * ("&amp;") are left for the scorer, which decodes them in every post it reads (`scoredText`).
 */
export function unescapeTweet(t: string): string {
  if (!t.includes('\\')) return t;
  return t.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\"/g, '"');
}

function readSemeval(file: string): Labelled[] {
  const out: Labelled[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [, label, ...rest] = line.split('\t');
    if (!label || !['positive', 'negative', 'neutral'].includes(label)) continue;
    out.push({ text: unescapeTweet(rest.join(' ').trim()), negative: label === 'negative' });
  }
  return out;
}

/** SemEval 2013–2016 tweets (the tuning set), optionally without some files. */
export function semevalTrain(exclude: string[] = []): Labelled[] {
  const dir = path.join(sentimentDir, 'en/semeval-train');
  return readdirSync(dir).filter((f) => f.endsWith('.tsv') && !exclude.includes(f)).sort().flatMap((f) => readSemeval(path.join(dir, f)));
}

/** One SemEval training file by name, e.g. 'twitter-2016devtest-A.tsv'. */
export function semevalFile(name: string): Labelled[] {
  return readSemeval(path.join(sentimentDir, 'en/semeval-train', name));
}

/** SemEval 2017 Task 4A test tweets: reported on, never tuned on. */
export function semevalTest(): Labelled[] {
  return readSemeval(path.join(sentimentDir, 'en/semeval2017-test.tsv'));
}

function csv(name: string): string[][] {
  return parseCsv(readFileSync(path.join(sentimentDir, 'zh', name), 'utf8')).slice(1);
}

/** Shopping-review categories held out of training: a dairy brand and phones, reported on. */
export const ZH_HELD_OUT_CATEGORIES = ['蒙牛', '手机'];

/** Chinese reviews used for tuning: food delivery, hotels, shopping minus the held-out categories. */
export function zhReviewsTrain(): Labelled[] {
  const out: Labelled[] = [];
  for (const [label, review] of csv('food_delivery_reviews.csv')) if (review) out.push({ text: review, negative: label === '0' });
  for (const [label, review] of csv('hotel_reviews.csv')) if (review) out.push({ text: review, negative: label === '0' });
  for (const [cat, label, review] of csv('shopping_reviews.csv')) {
    if (review && cat && !ZH_HELD_OUT_CATEGORIES.includes(cat)) out.push({ text: review, negative: label === '0' });
  }
  return out;
}

/** The held-out Chinese review slice (dairy brand and phone reviews), never tuned on. */
export function zhReviewsHeldOut(): Labelled[] {
  return csv('shopping_reviews.csv').filter(([cat, , review]) => review && ZH_HELD_OUT_CATEGORIES.includes(cat!)).map(([, label, review]) => ({ text: review!, negative: label === '0' }));
}

/** FNV-1a of a text from a given offset basis: a stable, order-independent way to split a set. */
function textHash(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The Weibo test split's bucket (test = 0 of 5), FNV-1a's standard basis. */
function bucket(text: string): number {
  return textHash(text, 0x811c9dc5) % 5;
}

/**
 * A tuning post's dev part (1 in 5), by a second hash of its text independent of the Weibo test
 * split's. Splitting by text keeps every copy of a post on one side: half the Weibo rows repeat
 * another row's text (21,173 rows, 11,019 texts), so splitting by position put a copy of most dev
 * posts in training (62% of the Weibo dev part), and its macro-F1 read 0.88 where held-out posts give 0.80.
 */
export function inDevPart(text: string): boolean {
  return (textHash(text, 0x12345678) >>> 7) % 5 === 0;
}

/** Weibo emotion posts (negative = fear, disgust, sadness, anger); split 'train' (4/5) or 'test' (1/5) by text hash. */
export function weibo(split: 'train' | 'test' | 'all'): Labelled[] {
  return csv('weibo_covid_emotions.csv')
    .filter(([review, label]) => review && label !== undefined && label !== '')
    .filter(([review]) => split === 'all' || (bucket(review!) === 0) === (split === 'test'))
    .map(([review, label]) => ({ text: review!, negative: ['0', '1', '5', '6'].includes(label!.trim()) }));
}

/** Where the hand-labelled example posts live: rules/examples/<lang>.tsv (written for Emberwatch, in the repo). */
function examplesFile(lang: 'en' | 'zh'): string {
  return path.join(repoRoot, 'rules/examples', `${lang}.tsv`);
}

/**
 * Parses an examples file: `negative<TAB>text` or `not-negative<TAB>text` per line, `#` comments and blank lines
 * skipped. A line with another label, or without text, is an error that names the file and line.
 */
export function parseExamples(text: string, file: string): Labelled[] {
  const out: Labelled[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    const label = tab < 0 ? line : line.slice(0, tab);
    const post = tab < 0 ? '' : line.slice(tab + 1).trim();
    if ((label !== 'negative' && label !== 'not-negative') || post === '') {
      throw new Error(`${file}:${i + 1}: expected "negative" or "not-negative", a tab, then the post; got ${JSON.stringify(line.slice(0, 60))}`);
    }
    out.push({ text: post, negative: label === 'negative' });
  });
  return out;
}

/** The hand-labelled example posts of a language; none when the file is absent. */
export function writtenExamples(lang: 'en' | 'zh'): Labelled[] {
  const file = examplesFile(lang);
  return existsSync(file) ? parseExamples(readFileSync(file, 'utf8'), path.relative(repoRoot, file)) : [];
}
