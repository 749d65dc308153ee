/** Parses `rules/reply-lint.yaml` into compiled deflection rules and engagement signals. */
import { parse as parseYaml } from 'yaml';
import { ConfigError, type RuleFile } from '../errors.js';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface DeflectionRule {
  id: string;
  weight: number;
  why: Bilingual;
  rewrite: Bilingual;
  patterns: RegExp[];
}

export interface EngagementSignalRule {
  id: string;
  weight: number;
  label: Bilingual;
  /** False for signals that are welcome but say nothing concrete (an apology alone); default true. */
  substance: boolean;
  patterns: RegExp[];
}

/** The finding given to a reply that shows no substance and trips no other rule (optional in the file). */
export interface NoSubstanceRule {
  id: string;
  weight: number;
  why: Bilingual;
  rewrite: Bilingual;
}

export interface LintRules {
  deflection: DeflectionRule[];
  engagement: EngagementSignalRule[];
  /** When set, a reply with no engagement signal of substance is deflecting even if it trips no rule. */
  noSubstance?: NoSubstanceRule;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function bilingual(file: string, field: string, v: unknown): Bilingual {
  if (!isObj(v) || typeof v.en !== 'string' || typeof v.zh !== 'string' || !v.en.trim() || !v.zh.trim()) {
    throw new ConfigError(file, field, 'expected { en: text, zh: text }');
  }
  return { en: v.en.trim(), zh: v.zh.trim() };
}

function patterns(file: string, field: string, r: Obj): RegExp[] {
  const out: RegExp[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const list = r[lang] ?? [];
    if (!Array.isArray(list)) throw new ConfigError(file, `${field}.${lang}`, 'expected a list of regular expressions');
    list.forEach((p, i) => {
      if (typeof p !== 'string' || !p) throw new ConfigError(file, `${field}.${lang}[${i}]`, 'expected a non-empty string');
      try {
        out.push(new RegExp(p, 'gi'));
      } catch (e) {
        throw new ConfigError(file, `${field}.${lang}[${i}]`, `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (out[out.length - 1]!.test('')) throw new ConfigError(file, `${field}.${lang}[${i}]`, 'pattern matches empty text');
    });
  }
  if (!out.length) throw new ConfigError(file, field, 'needs at least one zh or en pattern');
  return out;
}

function common(file: string, field: string, r: unknown, seen: Set<string>): { r: Obj; id: string; weight: number } {
  if (!isObj(r)) throw new ConfigError(file, field, 'expected a mapping');
  if (typeof r.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(r.id)) throw new ConfigError(file, `${field}.id`, 'required lower-case id');
  if (seen.has(r.id)) throw new ConfigError(file, `${field}.id`, `duplicate id "${r.id}"`);
  seen.add(r.id);
  if (typeof r.weight !== 'number' || !(r.weight > 0)) throw new ConfigError(file, `${field}.weight`, 'required positive number');
  return { r, id: r.id, weight: r.weight };
}

/** Parses the linter rules; throws ConfigError naming the field (e.g. "deflection[2].en[0]"). */
export function parseLintRules(file: RuleFile): LintRules {
  let doc: unknown;
  try {
    doc = parseYaml(file.text);
  } catch (e) {
    throw new ConfigError(file.path, '(yaml)', e instanceof Error ? e.message : String(e));
  }
  if (!isObj(doc)) throw new ConfigError(file.path, '(root)', 'expected a mapping with deflection and engagement lists');
  if (!Array.isArray(doc.deflection) || !doc.deflection.length) throw new ConfigError(file.path, 'deflection', 'required non-empty list');
  if (!Array.isArray(doc.engagement) || !doc.engagement.length) throw new ConfigError(file.path, 'engagement', 'required non-empty list');
  const seen = new Set<string>();
  const deflection = doc.deflection.map((raw, i) => {
    const f = `deflection[${i}]`;
    const { r, id, weight } = common(file.path, f, raw, seen);
    return { id, weight, why: bilingual(file.path, `${f}.why`, r.why), rewrite: bilingual(file.path, `${f}.rewrite`, r.rewrite), patterns: patterns(file.path, f, r) };
  });
  const engagement = doc.engagement.map((raw, i) => {
    const f = `engagement[${i}]`;
    const { r, id, weight } = common(file.path, f, raw, seen);
    if (r.substance !== undefined && typeof r.substance !== 'boolean') throw new ConfigError(file.path, `${f}.substance`, 'expected true or false');
    return { id, weight, label: bilingual(file.path, `${f}.label`, r.label), substance: r.substance !== false, patterns: patterns(file.path, f, r) };
  });
  let noSubstance: NoSubstanceRule | undefined;
  if (doc['no-substance'] !== undefined) {
    const { r, id, weight } = common(file.path, 'no-substance', doc['no-substance'], seen);
    noSubstance = { id, weight, why: bilingual(file.path, 'no-substance.why', r.why), rewrite: bilingual(file.path, 'no-substance.rewrite', r.rewrite) };
  }
  return { deflection, engagement, ...(noSubstance ? { noSubstance } : {}) };
}
