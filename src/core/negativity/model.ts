/** The negativity model: every lexicon file under rules/lexicons/ parsed into lookup structures. */
import { parse as parseYaml } from 'yaml';
import { ConfigError, type RuleFile } from '../errors.js';
import { TOPICS, type Topic } from '../types.js';
import { FeatureTable } from './feature-table.js';
import { extractFeatures } from './features.js';
import { addPhrase, emptyTrie, entryOf, longestMatch, type PhraseKind, type PhraseNode } from './phrases.js';
import { compileChineseNow, parseIntents, parseTopics, type Intent, type TopicRule } from './intent-rules.js';
import { alternationRequirement, LiteralPrefilter } from './literal-prefilter.js';
import { gateOf, wordStartGate, type WordStartGate } from './word-start-gate.js';
import { forEachRange, lineCount, parseTsv } from './lexicon-rows.js';

/** Learned weights and bias of one language, keyed by feature hash for lookup without building strings. */
export class LearnedWeights {
  constructor(
    readonly table: FeatureTable,
    readonly bias: number,
  ) {}

  private byName: Map<string, number> | null = null;

  /** Every weight by its feature string, in file order (built on first use: the scorer reads the table). */
  get weights(): Map<string, number> {
    return (this.byName ??= new Map(this.table.entries()));
  }
}

/** Indexes learned weights for the scorer (see learned-score.ts). */
export function compileLearned(weights: Map<string, number>, bias: number): LearnedWeights {
  return new LearnedWeights(FeatureTable.fromMap(weights), bias);
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
  /** The English intent gate: says exactly which intents' English patterns match a lower-cased post (groups = indices into intents). */
  enIntentGate: WordStartGate | null;
  /** The same over the topics' English patterns (groups = indices into topics): which topics a post names, in one scan. */
  enTopicGate: WordStartGate | null;
  /** The literals each intent's Chinese patterns need (see literal-prefilter.ts), requirement k for intents[k]. */
  zhIntentLiterals: LiteralPrefilter;
  topics: TopicRule[];
  /** Severity of each topic (1 = routine … 3 = gravest), used to order a post's topics. */
  topicSeverity: Map<Topic, number>;
  learned: { en: LearnedWeights; zh: LearnedWeights };
  /** Multiplier for the hand-written terms when a post has "!!" or "??". */
  emphasis: number;
  /**
   * Slang degree words (modifiers.yaml `slang_degree`): negative terms that, right before praise, only say how much
   * ("stupid comfortable", "wicked good"), with their multiplier.
   */
  slangDegree: Map<string, number>;
  /**
   * Negations that, right before praise, only say how much (modifiers.yaml `praise_degree`: "这部剧不要太好看" is "this show
   * is so good"), with their multiplier. Before anything else they negate as listed ("你不要太难过").
   */
  praiseDegree: Map<string, number>;
  /** modifiers.yaml `hyperbole`: negative terms that beside praise are its intensity ("that sauce is dangerous"). */
  hyperbole: Set<string>;
}

/** Without derived weights, a post with no evidence at all leans clearly "not negative". */
const DEFAULT_BIAS = -1.5;

/** Splits a lexicon phrase into the units the scorer matches on. */
export function phraseUnits(phrase: string): string[] {
  return extractFeatures(phrase).units;
}

function addTerm(model: NegativityModel, file: RuleFile, phrase: string, kind: PhraseKind, weight: number, field: string): void {
  const units = phraseUnits(phrase);
  if (units.length === 0 || units.includes('|')) {
    throw new ConfigError(file.path, field, `"${phrase}" is not a matchable phrase (empty or contains clause punctuation)`);
  }
  // One phrase has one entry, and terms load after modifiers.yaml: a term listed as a modifier too would silently switch
  // the modifier off ("never" as a term stopped negating "never helpful" for ten sessions).
  const modifier = kind === 'term' ? entryOf(model.phrases, units) : undefined;
  if (modifier && modifier.kind !== 'term') {
    throw new ConfigError(file.path, field, `"${phrase}" is also a ${MODIFIER_NAME[modifier.kind]} in ${modifier.source}; as a term it would switch that off (a negative word that only intensifies before praise belongs under slang_degree)`);
  }
  addPhrase(model.phrases, units, { kind, weight, text: phrase, source: file.path });
}

const MODIFIER_NAME: Record<PhraseKind, string> = { negation: 'negation', intensifier: 'degree word (intensifiers)', contrast: 'contrast word', neutral: 'plain phrase (not_negations)', term: 'term' };

/**
 * An emoji, emoticon, kaomoji or Weibo code must be read as one unit, and one of its own: a kaomoji whose core the
 * tokenizer does not know ("(•̀o•́)" reads as the letter "o") would otherwise weigh whatever is left of it.
 */
function checkMoodMark(file: RuleFile, phrase: string, field: string): void {
  const units = phraseUnits(phrase);
  const wordy = /^[a-z0-9_']+$/i.test(phrase);
  if (units.length !== 1 || (!wordy && /^[a-z0-9\u4e00-\u9fff]/.test(units[0]!))) {
    throw new ConfigError(file.path, field, `"${phrase}" is not read as one emoji, emoticon or kaomoji (read as ${JSON.stringify(units)}); for a kaomoji, its core must be in KAOMOJI_CORES (src/core/negativity/tokens.ts)`);
  }
}

/** The `key: {phrase: multiplier}` map of modifiers.yaml (intensifiers, slang_degree, praise_degree), checked: each multiplier in (0, 5]. */
function multipliers(file: RuleFile, doc: Record<string, unknown>, key: string, what: string): Array<[string, number]> {
  const map = doc[key] ?? {};
  if (typeof map !== 'object' || Array.isArray(map)) throw new ConfigError(file.path, key, `must map ${what} → multiplier`);
  return Object.entries(map as Record<string, unknown>).map(([p, m]) => {
    if (typeof m !== 'number' || m <= 0 || m > 5) throw new ConfigError(file.path, `${key}.${p}`, 'multiplier must be a number in (0, 5]');
    return [p, m];
  });
}

/** A phrase of modifiers.yaml's `hyperbole`, checked against the terms once every lexicon file is read. */
interface HyperbolePhrase {
  file: RuleFile;
  phrase: string;
}

function parseModifiers(model: NegativityModel, file: RuleFile, hyperbolePhrases: HyperbolePhrase[]): void {
  const doc = (parseYaml(file.text) ?? {}) as Record<string, unknown>;
  const lists: Array<[string, PhraseKind]> = [['negations', 'negation'], ['contrast', 'contrast'], ['not_negations', 'neutral']];
  for (const [key, kind] of lists) {
    const v = doc[key];
    if (v === undefined) continue;
    if (!Array.isArray(v)) throw new ConfigError(file.path, key, 'must be a list of phrases');
    v.forEach((p, i) => addTerm(model, file, String(p), kind, 0, `${key}[${i}]`));
  }
  for (const [p, m] of multipliers(file, doc, 'intensifiers', 'phrase')) addTerm(model, file, p, 'intensifier', m, `intensifiers.${p}`);
  for (const [p, m] of multipliers(file, doc, 'slang_degree', 'word')) {
    const units = phraseUnits(p);
    if (units.length !== 1) throw new ConfigError(file.path, `slang_degree.${p}`, `must be one word (read as ${JSON.stringify(units)})`);
    model.slangDegree.set(units[0]!, m);
  }
  for (const [p, m] of multipliers(file, doc, 'praise_degree', 'phrase')) {
    addTerm(model, file, p, 'negation', 0, `praise_degree.${p}`);
    model.praiseDegree.set(p, m);
  }
  const hyperbole = doc['hyperbole'];
  if (hyperbole !== undefined) {
    if (!Array.isArray(hyperbole)) throw new ConfigError(file.path, 'hyperbole', 'must be a list of phrases');
    hyperbolePhrases.push(...hyperbole.map((p) => ({ file, phrase: String(p) })));
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
function addVectorWords(table: FeatureTable, file: RuleFile): void {
  forEachRange(file, (text, start, end, weight) => table.addRoundedRange(text, start, end, weight));
}

/** Reads learned-en|zh.tsv into a table with room for `extraRows` more (the vector words, for English). */
function parseLearned(file: RuleFile, extraRows: number): { table: FeatureTable; bias: number } {
  const table = new FeatureTable(lineCount(file.text) + extraRows);
  let bias = DEFAULT_BIAS;
  forEachRange(file, (text, start, end, weight) => {
    if (end - start === 6 && text.startsWith('<bias>', start)) bias = weight;
    else table.setRange(text, start, end, weight);
  });
  return { table, bias };
}

/** Builds the model from the files under rules/lexicons/ (pure: the runtime reads the files). */
export function buildNegativityModel(files: RuleFile[]): NegativityModel {
  const model: NegativityModel = {
    phrases: emptyTrie(),
    intents: [],
    contextIntents: [],
    enIntentGate: null,
    enTopicGate: null,
    zhIntentLiterals: new LiteralPrefilter([]),
    topics: [],
    topicSeverity: new Map(TOPICS.map((t) => [t, 1])),
    learned: { en: compileLearned(new Map(), DEFAULT_BIAS), zh: compileLearned(new Map(), DEFAULT_BIAS) },
    emphasis: 1,
    slangDegree: new Map(),
    praiseDegree: new Map(),
    hyperbole: new Set(),
  };
  // Modifiers first, then terms: a term that is also a modifier ("不错" vs "不") then wins as a term.
  const sorted = [...files].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  const vectorWords = sorted.find((f) => (f.path.split('/').pop() ?? f.path) === 'learned-en-vectors.tsv') ?? null;
  let enTable: FeatureTable | null = null;
  let enBias = DEFAULT_BIAS;
  const hyperbolePhrases: HyperbolePhrase[] = [];
  for (const file of sorted) {
    const name = file.path.split('/').pop() ?? file.path;
    if (name === 'learned-en.tsv') ({ table: enTable, bias: enBias } = parseLearned(file, vectorWords ? lineCount(vectorWords.text) : 0));
    else if (name === 'learned-zh.tsv') {
      const { table, bias } = parseLearned(file, 0);
      model.learned.zh = new LearnedWeights(table, bias);
    } else if (name === 'learned-en-vectors.tsv') continue;
    else if (name.endsWith('-negative.tsv') || name.endsWith('-positive.tsv')) {
      const sign = name.endsWith('-negative.tsv') ? 1 : -1;
      const marks = name.includes('emoticons');
      for (const r of parseTsv(file)) {
        if (marks) checkMoodMark(file, r.term, `line ${r.line}`);
        addTerm(model, file, r.term, 'term', sign * Math.abs(r.weight), `line ${r.line}`);
      }
    } else if (name === 'modifiers.yaml') parseModifiers(model, file, hyperbolePhrases);
    else if (name === 'complaints.yaml') model.intents.push(...parseIntents(file));
    else if (name === 'topics.yaml') {
      const { rules, severity } = parseTopics(file);
      model.topics.push(...rules);
      for (const [t, s] of severity) model.topicSeverity.set(t, s);
    } else if (!name.endsWith('.md')) {
      throw new ConfigError(file.path, 'file', 'unknown lexicon file: expected *-negative.tsv, *-positive.tsv, learned-en|zh.tsv, learned-en-vectors.tsv, modifiers.yaml, complaints.yaml or topics.yaml');
    }
  }
  // Hyperbole names negative terms, which are read after modifiers.yaml: checked once all are in.
  for (const { file, phrase } of hyperbolePhrases) {
    const units = phraseUnits(phrase);
    const e = units.length > 0 ? longestMatch(model.phrases, units, 0) : undefined;
    if (!e || e.kind !== 'term' || e.weight <= 0 || e.length !== units.length) throw new ConfigError(file.path, `hyperbole.${phrase}`, 'must be a negative term of a lexicon file');
    model.hyperbole.add(e.text);
  }
  if (vectorWords) addVectorWords((enTable ??= new FeatureTable(lineCount(vectorWords.text))), vectorWords);
  if (enTable) model.learned.en = new LearnedWeights(enTable, enBias);
  const isContext = (i: Intent): boolean => i.weight === 0 && i.complaint === 'when-negative';
  model.contextIntents = model.intents.filter(isContext);
  model.intents = model.intents.filter((i) => !isContext(i));
  model.enIntentGate = wordStartGate(model.intents, 'en');
  model.enTopicGate = gateOf(model.topics.map((r) => r.en));
  model.zhIntentLiterals = new LiteralPrefilter(model.intents.map((i) => (i.zh ? alternationRequirement(i.zh.source) : null)));
  compileChineseNow([...model.intents, ...model.contextIntents, ...model.topics]);
  return model;
}

function rank(path: string): number {
  return path.endsWith('modifiers.yaml') ? 0 : 1;
}
