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
export interface Features {
  en: string[];
  zh: string[];
  /** Script-neutral features (emoji, emoticons, punctuation runs). */
  common: string[];
  /** The text as a sequence for phrase matching: words, Han characters, symbols; '|' ends a clause. */
  units: string[];
  hanChars: number;
  latinChars: number;
}

const EN_NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'nothing', 'nobody', 'none', 'nor', 'neither', 'without', 'hardly', 'cant', 'dont', 'wont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'aint', 'havent', 'hasnt', 'couldnt', 'shouldnt', 'wouldnt', 'arent', 'werent']);
const EN_CLAUSE_BREAK = new Set(['but', 'however', 'although', 'though', 'yet']);
const ZH_NEGATORS = new Set(['不', '没', '无', '别', '未', '非', '莫', '勿']);
const NEG_SCOPE = 3;

// One pass of a single regex keeps this fast: words, Weibo codes, emoticons, emoji, punctuation runs.
// No `u` flag (it makes the pass about twice as slow): emoji are matched as surrogate pairs instead.
const TOKEN_RE = /https?:\/\/\S+|@\w+|\[[\u4e00-\u9fff\w]{1,6}\]|t_t|[a-z0-9]+(?:['’][a-z]+)?|[\u4e00-\u9fff]|[:;=]['-]?[()\[\]dpo\/\\|*]|[()]['-]?[:;=]|<3|[\ud83c-\ud83e][\udc00-\udfff]|[\u2600-\u27bf\u2b50\u2b55]|[!！]{2,}|[?？]{2,}|[.,;:!?，。；：！？、…~～\n]/g;

function squeeze(word: string): string {
  // "soooo" and "sooo" become the same feature; cheap check first because most words have no run.
  return /(.)\1\1/.test(word) ? word.replace(/(.)\1{2,}/g, '$1$1') : word;
}

/** Normalises a word the way lexicon entries are written: lower case, no apostrophes, squeezed runs. */
export function normaliseWord(raw: string): string {
  return squeeze(raw.replace(/['’]/g, ''));
}

function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Extracts the features of one text. */
export function extractFeatures(text: string): Features {
  const en: string[] = [];
  const zh: string[] = [];
  const common: string[] = [];
  const units: string[] = [];
  let hanChars = 0;
  let latinChars = 0;
  let enScope = 0;
  let zhScope = 0;
  let prevWord = '';
  let prevHan = '';
  for (const m of text.toLowerCase().matchAll(TOKEN_RE)) {
    const tok = m[0];
    const first = tok.charCodeAt(0);
    if (tok.startsWith('http') && tok.includes('://')) continue;
    if (first === 64 /* @ */) { prevWord = ''; continue; }
    if (isHan(tok)) {
      hanChars++;
      units.push(tok);
      zh.push(zhScope > 0 ? '!' + tok : tok);
      if (prevHan) zh.push(prevHan + tok);
      zhScope = ZH_NEGATORS.has(tok) ? NEG_SCOPE : Math.max(0, zhScope - 1);
      prevHan = tok;
      prevWord = '';
      continue;
    }
    prevHan = '';
    if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) {
      latinChars += tok.length;
      const word = normaliseWord(tok);
      units.push(word);
      if (EN_CLAUSE_BREAK.has(word)) enScope = 0;
      en.push(enScope > 0 ? '!' + word : word);
      if (prevWord) en.push(prevWord + ' ' + word);
      enScope = EN_NEGATORS.has(word) ? NEG_SCOPE : Math.max(0, enScope - 1);
      prevWord = word;
      continue;
    }
    prevWord = '';
    if (tok.length === 1 && '.,;:!?，。；：！？、…~～\n'.includes(tok)) {
      enScope = 0;
      zhScope = 0;
      units.push('|');
      continue;
    }
    const sym = tok[0] === '!' || tok[0] === '！' ? '!!' : tok[0] === '?' || tok[0] === '？' ? '??' : tok;
    common.push(sym);
    units.push(sym);
    if (sym === '!!' || sym === '??') {
      enScope = 0;
      zhScope = 0;
      units.push('|');
    }
  }
  return { en, zh, common, units, hanChars, latinChars };
}
