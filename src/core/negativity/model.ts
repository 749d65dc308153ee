/** The negativity model: every lexicon file under rules/lexicons/ parsed into lookup structures. */
import { parse as parseYaml } from 'yaml';
import { ConfigError, type RuleFile } from '../errors.js';
import { TOPICS, type Topic } from '../types.js';
import { FeatureTable } from './feature-table.js';
import { extractFeatures } from './features.js';
import { addPhrase, emptyTrie, type PhraseKind, type PhraseNode } from './phrases.js';
import { intentGate, parseIntents, parseTopics, type Intent, type TopicRule } from './intent-rules.js';
import { alternationRequirement, LiteralPrefilter } from './literal-prefilter.js';
import { wordStartGate, type WordStartGate } from './word-start-gate.js';

export interface LearnedWeights {
  /** Every weight by its feature string, as in the file (for English, plus learned-en-vectors.tsv's word weights). */
  weights: Map<string, number>;
  bias: number;
  /** The same weights keyed by feature hash, for lookup without building strings. */
  table: FeatureTable;
}

/** Indexes learned weights for the scorer (see learned-score.ts). */
export function compileLearned(weights: Map<string, number>, bias: number): LearnedWeights {
  return { weights, bias, table: new FeatureTable(weights) };
}

export interface NegativityModel {
  phrases: PhraseNode;
  intents: Intent[];
  /**
   * Intents that add nothing to the score and only name a negative post a complaint (weight 0,
   * `complaint: when-negative`): matched after scoring, for negative posts alone, so their broad
   * patterns cost nothing on the rest and stay out of the gates.
   */
  contextIntents: Intent[];
  /** Any-intent prefilters, per script (see intentGate). */
  intentGates: { en: RegExp | null; zh: RegExp | null };
  /** The English any-intent gate as the scorer runs it: the same matches as intentGates.en, tried per word start. */
  enIntentGate: WordStartGate | null;
  /** The literals each intent's Chinese patterns need (see literal-prefilter.ts), requirement k for intents[k]. */
  zhIntentLiterals: LiteralPrefilter;
  topics: TopicRule[];
  /** Severity of each topic (1 = routine … 3 = gravest), used to order a post's topics. */
  topicSeverity: Map<Topic, number>;
  learned: { en: LearnedWeights; zh: LearnedWeights };
  /** Multiplier for the hand-written terms when a post has "!!" or "??". */
  emphasis: number;
}

/** Without derived weights, a post with no evidence at all leans clearly "not negative". */
const DEFAULT_BIAS = -1.5;

/** Splits a lexicon phrase into the units the scorer matches on. */
export function phraseUnits(phrase: string): string[] {
  return extractFeatures(phrase).units;
}

function parseTsv(file: RuleFile): Array<{ term: string; weight: number; line: number }> {
  const rows: Array<{ term: string; weight: number; line: number }> = [];
  file.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    // A comment starts with "#" and has no tab: "#<bad\t0.4" is a learned character gram.
    if (!line || (line.startsWith('#') && !raw.includes('\t'))) return;
    const [term, w] = raw.split('\t');
    const weight = Number(w);
    if (!term?.trim() || w === undefined || !Number.isFinite(weight)) {
      throw new ConfigError(file.path, `line ${i + 1}`, `expected "term<TAB>weight", got ${JSON.stringify(raw.slice(0, 60))}`);
    }
    rows.push({ term: term.trim(), weight, line: i + 1 });
  });
  return rows;
}

function addTerm(model: NegativityModel, file: RuleFile, phrase: string, kind: PhraseKind, weight: number, field: string): void {
  const units = phraseUnits(phrase);
  if (units.length === 0 || units.includes('|')) {
    throw new ConfigError(file.path, field, `"${phrase}" is not a matchable phrase (empty or contains clause punctuation)`);
  }
  addPhrase(model.phrases, units, { kind, weight, text: phrase, source: file.path });
}

function parseModifiers(model: NegativityModel, file: RuleFile): void {
  const doc = (parseYaml(file.text) ?? {}) as Record<string, unknown>;
  const lists: Array<[string, PhraseKind]> = [['negations', 'negation'], ['contrast', 'contrast'], ['not_negations', 'neutral']];
  for (const [key, kind] of lists) {
    const v = doc[key];
    if (v === undefined) continue;
    if (!Array.isArray(v)) throw new ConfigError(file.path, key, 'must be a list of phrases');
    v.forEach((p, i) => addTerm(model, file, String(p), kind, 0, `${key}[${i}]`));
  }
  const degree = doc['intensifiers'] ?? {};
  if (typeof degree !== 'object' || Array.isArray(degree)) throw new ConfigError(file.path, 'intensifiers', 'must map phrase → multiplier');
  for (const [p, m] of Object.entries(degree as Record<string, unknown>)) {
    if (typeof m !== 'number' || m <= 0 || m > 5) throw new ConfigError(file.path, `intensifiers.${p}`, 'multiplier must be a number in (0, 5]');
    addTerm(model, file, p, 'intensifier', m, `intensifiers.${p}`);
  }
  if (doc['emphasis'] !== undefined) {
    if (typeof doc['emphasis'] !== 'number') throw new ConfigError(file.path, 'emphasis', 'must be a number');
    model.emphasis = doc['emphasis'];
  }
}

/**
 * Adds the word weights of learned-en-vectors.tsv (words beyond the training tweets, from word
 * vectors; see src/lexicon/vector-words.ts) to the learned English weights: the scorer sums both
 * for a word, so one table holds the total and scoring costs the same.
 */
function withVectorWords(learned: LearnedWeights, words: Map<string, number>): LearnedWeights {
  const merged = new Map(learned.weights);
  for (const [w, x] of words) merged.set(w, Math.round(((merged.get(w) ?? 0) + x) * 1000) / 1000);
  return compileLearned(merged, learned.bias);
}

function parseWeights(file: RuleFile): { weights: Map<string, number>; bias: number } {
  const weights = new Map<string, number>();
  let bias = DEFAULT_BIAS;
  for (const { term, weight } of parseTsv(file)) {
    if (term === '<bias>') bias = weight;
    else weights.set(term, weight);
  }
  return { weights, bias };
}

function parseLearned(file: RuleFile): LearnedWeights {
  const { weights, bias } = parseWeights(file);
  return compileLearned(weights, bias);
}

/** Builds the model from the files under rules/lexicons/ (pure: the runtime reads the files). */
export function buildNegativityModel(files: RuleFile[]): NegativityModel {
  const model: NegativityModel = {
    phrases: emptyTrie(),
    intents: [],
    contextIntents: [],
    intentGates: { en: null, zh: null },
    enIntentGate: null,
    zhIntentLiterals: new LiteralPrefilter([]),
    topics: [],
    topicSeverity: new Map(TOPICS.map((t) => [t, 1])),
    learned: { en: compileLearned(new Map(), DEFAULT_BIAS), zh: compileLearned(new Map(), DEFAULT_BIAS) },
    emphasis: 1,
  };
  // Modifiers first, then terms: a term that is also a modifier ("不错" vs "不") then wins as a term.
  let vectorWords: Map<string, number> | null = null;
  const sorted = [...files].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  for (const file of sorted) {
    const name = file.path.split('/').pop() ?? file.path;
    if (/^learned-(en|zh)\.tsv$/.test(name)) model.learned[name.slice(8, 10) as 'en' | 'zh'] = parseLearned(file);
    else if (name === 'learned-en-vectors.tsv') vectorWords = parseWeights(file).weights;
    else if (name.endsWith('-negative.tsv') || name.endsWith('-positive.tsv')) {
      const sign = name.endsWith('-negative.tsv') ? 1 : -1;
      for (const r of parseTsv(file)) addTerm(model, file, r.term, 'term', sign * Math.abs(r.weight), `line ${r.line}`);
    } else if (name === 'modifiers.yaml') parseModifiers(model, file);
    else if (name === 'complaints.yaml') model.intents.push(...parseIntents(file));
    else if (name === 'topics.yaml') {
      const { rules, severity } = parseTopics(file);
      model.topics.push(...rules);
      for (const [t, s] of severity) model.topicSeverity.set(t, s);
    } else if (!name.endsWith('.md')) {
      throw new ConfigError(file.path, 'file', 'unknown lexicon file: expected *-negative.tsv, *-positive.tsv, learned-en|zh.tsv, learned-en-vectors.tsv, modifiers.yaml, complaints.yaml or topics.yaml');
    }
  }
  if (vectorWords) model.learned.en = withVectorWords(model.learned.en, vectorWords);
  const isContext = (i: Intent): boolean => i.weight === 0 && i.complaint === 'when-negative';
  model.contextIntents = model.intents.filter(isContext);
  model.intents = model.intents.filter((i) => !isContext(i));
  model.intentGates = { en: intentGate(model.intents, 'en'), zh: intentGate(model.intents, 'zh') };
  model.enIntentGate = wordStartGate(model.intents, 'en');
  model.zhIntentLiterals = new LiteralPrefilter(model.intents.map((i) => (i.zh ? alternationRequirement(i.zh.source) : null)));
  return model;
}

function rank(path: string): number {
  return path.endsWith('modifiers.yaml') ? 0 : 1;
}
