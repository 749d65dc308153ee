/** Complaint intents and topic rules from rules/lexicons/complaints.yaml and topics.yaml. */
import { parse as parseYaml } from 'yaml';
import { ConfigError, type RuleFile } from '../errors.js';
import { TOPICS, type Topic } from '../types.js';
import { alternatives } from './regex-source.js';

export interface Intent {
  id: string;
  /** Logit added toward negativity when the intent is present. */
  weight: number;
  topic: Topic | null;
  /**
   * true: a complaint (when the post is at least mildly negative); false: a cue that only moves the
   * score (e.g. sarcasm); 'when-negative': a complaint only if the post ends up negative.
   */
  complaint: boolean | 'when-negative';
  /**
   * A sarcasm cue ("great, another…", "thanks for losing…", a "premium" in scare quotes): the post's
   * praise is read as turned against, as it is beside a complaint, and the learned part's pull toward
   * not negative counts half.
   */
  sarcasm: boolean;
  /**
   * Thanks for a fix or a refund, a problem reported solved ("ty for the quick refund on the wrong route charge"):
   * the post's praise is meant, and is not turned against it beside the complaint it tells of. Wins over sarcasm.
   */
  sincere: boolean;
  /** Split by script so a monolingual post runs only half the patterns; null when none. */
  en: RegExp | null;
  zh: RegExp | null;
}

export interface TopicRule {
  topic: Topic;
  en: RegExp | null;
  zh: RegExp | null;
}

/** Which patterns to run on a text: those of the scripts it contains. */
export interface Scripts {
  latin: boolean;
  han: boolean;
}

/** Finds the first match of a rule's patterns in a lower-cased text, or null. */
export function matchRule(rule: { en: RegExp | null; zh: RegExp | null }, lower: string, s: Scripts): RegExpExecArray | null {
  return (s.latin && rule.en ? rule.en.exec(lower) : null) ?? (s.han && rule.zh ? rule.zh.exec(lower) : null);
}

function patterns(file: RuleFile, field: string, raw: Record<string, unknown>): { en: RegExp | null; zh: RegExp | null } {
  const out = { en: null as RegExp | null, zh: null as RegExp | null };
  for (const lang of ['en', 'zh'] as const) {
    const v = raw?.[lang];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((p) => typeof p !== 'string')) throw new ConfigError(file.path, `${field}.${lang}`, 'must be a list of patterns (strings)');
    if (v.length) out[lang] = compile(file, `${field}.${lang}`, v as string[]);
  }
  if (!out.en && !out.zh) throw new ConfigError(file.path, field, 'needs at least one pattern under en: or zh:');
  return out;
}

function compile(file: RuleFile, field: string, list: string[]): RegExp {
  for (const p of list) {
    try {
      new RegExp(p);
    } catch (e) {
      throw new ConfigError(file.path, field, `bad pattern ${JSON.stringify(p)}: ${(e as Error).message}`);
    }
    // Posts are lower-cased before matching, and case-insensitive regexes are several times slower.
    if (/[A-Z]/.test(p.replace(/\\./g, ''))) throw new ConfigError(file.path, field, `pattern ${JSON.stringify(p)} has upper-case letters; write patterns in lower case`);
  }
  // One alternation per intent: one regex test per intent per post keeps scoring fast.
  return new RegExp(list.map((p) => `(?:${p})`).join('|'));
}

function topicOf(file: RuleFile, field: string, v: unknown): Topic {
  if (typeof v !== 'string' || !(TOPICS as readonly string[]).includes(v)) {
    throw new ConfigError(file.path, field, `unknown topic ${JSON.stringify(v)}; expected one of ${TOPICS.join(', ')}`);
  }
  return v as Topic;
}

function complaintKind(file: RuleFile, field: string, v: unknown): Intent['complaint'] {
  if (v === undefined || v === true) return true;
  if (v === false || v === 'when-negative') return v;
  throw new ConfigError(file.path, field, 'must be true, false or when-negative');
}

function flag(file: RuleFile, field: string, v: unknown): boolean {
  if (v === undefined || typeof v === 'boolean') return v === true;
  throw new ConfigError(file.path, field, 'must be true or false');
}

/**
 * A short Chinese text (a two-byte string) that the Chinese patterns are first run on: see `compileChineseNow`.
 * Any text works; what matters is that it holds a Han character, as every post these patterns run on does.
 */
const CHINESE_SAMPLE = '编译';

/**
 * Runs each Chinese pattern twice on a short Chinese text while the model is built, so that V8 compiles them now, with
 * optimization. V8 interprets a regex on its first run and compiles it to native code on the next, separately for
 * one-byte and two-byte strings; and once a process has generated 1 MB of regex code and committed 16 MB of executable
 * memory, it compiles every later regex without optimization (`TooMuchRegExpCode` in V8's src/regexp/regexp.cc). A
 * process that scored 20,000 English posts before its first Chinese one had passed that mark, and the Chinese
 * patterns, long alternations of Chinese words, then ran 10-15 times slower: the held-out reviews at 8.7k posts a CPU
 * second instead of 29.7k (`npm run bench:negativity`, its last line). Run now they cost 9-23 ms.
 * English patterns are left to compile on first use: the word-start gate runs them as small sticky regexes, which
 * lose little unoptimized, and compiling all of them now cost 0.4-0.7 s at every start in the same runs.
 */
export function compileChineseNow(rules: ReadonlyArray<{ zh: RegExp | null }>): void {
  for (const rule of rules) {
    if (!rule.zh) continue;
    rule.zh.exec(CHINESE_SAMPLE);
    rule.zh.exec(CHINESE_SAMPLE);
  }
}

/** Parses complaints.yaml: `intents: [{id, weight, topic?, complaint?, en: [...], zh: [...]}]`. */
export function parseIntents(file: RuleFile): Intent[] {
  const doc = (parseYaml(file.text) ?? {}) as { intents?: unknown };
  if (!Array.isArray(doc.intents)) throw new ConfigError(file.path, 'intents', 'must be a list');
  return doc.intents.map((raw: Record<string, unknown>, i: number) => {
    const field = `intents[${i}]`;
    if (typeof raw?.['id'] !== 'string') throw new ConfigError(file.path, `${field}.id`, 'must be a string');
    const weight = raw['weight'] ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight)) throw new ConfigError(file.path, `${field}.weight`, 'must be a number');
    return {
      id: raw['id'],
      weight,
      topic: raw['topic'] === undefined || raw['topic'] === null ? null : topicOf(file, `${field}.topic`, raw['topic']),
      complaint: complaintKind(file, `${field}.complaint`, raw['complaint']),
      sarcasm: flag(file, `${field}.sarcasm`, raw['sarcasm']),
      sincere: flag(file, `${field}.sincere`, raw['sincere']),
      ...patterns(file, field, raw),
    };
  });
}

/** Parses topics.yaml: `topics: {<topic id>: {severity, en: [...], zh: [...]}}`. */
export function parseTopics(file: RuleFile): { rules: TopicRule[]; severity: Map<Topic, number> } {
  const doc = (parseYaml(file.text) ?? {}) as { topics?: unknown };
  if (!doc.topics || typeof doc.topics !== 'object') throw new ConfigError(file.path, 'topics', 'must map topic id → {severity, en, zh}');
  const rules: TopicRule[] = [];
  const severity = new Map<Topic, number>();
  for (const [id, raw] of Object.entries(doc.topics as Record<string, Record<string, unknown>>)) {
    const field = `topics.${id}`;
    const topic = topicOf(file, field, id);
    const s = raw?.['severity'];
    if (typeof s !== 'number' || s < 1 || s > 3) throw new ConfigError(file.path, `${field}.severity`, 'must be a number from 1 to 3');
    severity.set(topic, s);
    rules.push({ topic, ...patterns(file, field, raw) });
  }
  return { rules, severity };
}

/**
 * The structural characters of a regex source — "(", ")" and "|" outside escapes and character classes — with the
 * group depth after each. The one scanner behind the splitting and checking below.
 */
function* structure(src: string): Generator<{ i: number; c: string; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' || c === ')' || c === '|') {
      if (c === '(') depth++;
      if (c === ')') depth--;
      yield { i, c, depth };
    }
  }
}

/** True when every match of the pattern surely begins with a letter, a digit or \\d (checked conservatively). */
export function startsWithWordChar(src: string): boolean {
  if (/^[a-z0-9]/.test(src) && !/^.[?*{]/.test(src)) return true;
  if (/^\\[dw]/.test(src) && !/^..[?*{]/.test(src)) return true;
  if (src[0] !== '(') return false;
  for (const { i, c, depth } of structure(src)) {
    if (c === ')' && depth === 0) {
      if (/^[?*{]/.test(src.slice(i + 1))) return false; // an optional group may match nothing
      const inner = src.slice(src.startsWith('(?:') ? 3 : 1, i);
      if (inner.startsWith('?')) return false; // a lookaround or named group: not worth reading
      return alternatives(inner).every(startsWithWordChar);
    }
  }
  return false;
}

/** The alternatives of one compiled rule (see compile: `(?:p1)|(?:p2)|…`), each pattern split at its top level. */
export function patternAlternatives(re: RegExp | null): string[] {
  if (!re) return [];
  return alternatives(re.source).flatMap((p) => alternatives(p.slice(3, -1)).map((a) => `(?:${a})`.replace(/^\(\?:(\\b)/, '$1(?:')));
}
