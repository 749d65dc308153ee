/** Parses one `rules/playbooks/*.md` file: YAML front matter plus `## Section` blocks a PR lead edits. */
import { parse as parseYaml } from 'yaml';
import { TOPICS, type Severity } from '../types.js';
import { ConfigError, type RuleFile } from '../errors.js';
import type { Playbook } from './index.js';

/** Incident-level kinds a playbook may match besides the post topics in TOPICS. */
export const INCIDENT_KINDS = ['rumour', 'inorganic'] as const;
const KNOWN_TOPICS: readonly string[] = [...TOPICS, ...INCIDENT_KINDS];
const SEVERITIES: readonly Severity[] = ['warning', 'critical'];
const LANGS = ['zh', 'en', 'mixed', 'other'];

/** Section headings every playbook must have, in the keys used by `sections`. */
export const REQUIRED_SECTIONS = [
  'first 15 minutes',
  'first hour',
  'what to say',
  'what not to do',
  'holding statement (zh)',
  'holding statement (en)',
  'follow-up',
] as const;

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function stringList(file: string, field: string, v: unknown, allowed?: readonly string[]): string[] {
  if (v === undefined || v === null) return [];
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === '')) {
    throw new ConfigError(file, field, 'expected a list of non-empty strings');
  }
  const out = list.map((x: string) => x.trim());
  const bad = allowed ? out.filter((x) => !allowed.includes(x)) : [];
  if (bad.length) throw new ConfigError(file, field, `unknown value(s) ${bad.join(', ')}; allowed: ${allowed!.join(', ')}`);
  return out;
}

/** Splits the body into sections keyed by lower-cased heading ("## First 15 minutes" → "first 15 minutes"). */
export function splitSections(body: string): Record<string, string> {
  const sections: Record<string, string> = {};
  for (const part of body.split(/^##[ \t]+/m).slice(1)) {
    const nl = part.indexOf('\n');
    const head = (nl < 0 ? part : part.slice(0, nl)).trim().toLowerCase().replace(/\s+/g, ' ');
    sections[head] = nl < 0 ? '' : part.slice(nl + 1).trim();
  }
  return sections;
}

/** Parses a playbook file; throws ConfigError naming the field that is wrong. */
export function parsePlaybookFile(file: RuleFile): Playbook {
  const m = FRONT_MATTER.exec(file.text);
  if (!m) throw new ConfigError(file.path, 'front matter', 'expected YAML front matter between --- lines at the top');
  let fm: unknown;
  try {
    fm = parseYaml(m[1]!) ?? {};
  } catch (e) {
    throw new ConfigError(file.path, 'front matter', `invalid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof fm !== 'object' || fm === null || Array.isArray(fm)) throw new ConfigError(file.path, 'front matter', 'expected a mapping');
  const f = fm as Record<string, unknown>;
  const id = typeof f.id === 'string' ? f.id : file.path.replace(/^.*\//, '').replace(/\.md$/i, '');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ConfigError(file.path, 'id', `"${id}" must be lower-case letters, digits and dashes`);
  if (typeof f.title !== 'string' || !f.title.trim()) throw new ConfigError(file.path, 'title', 'required non-empty string');
  const match = (f.match ?? {}) as Record<string, unknown>;
  if (typeof match !== 'object' || Array.isArray(match)) throw new ConfigError(file.path, 'match', 'expected a mapping of topics, severity, lang, platform');
  const target = f.response_target_minutes;
  if (typeof target !== 'number' || !Number.isFinite(target) || target <= 0) {
    throw new ConfigError(file.path, 'response_target_minutes', 'required positive number of minutes');
  }
  const priority = f.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isFinite(priority)) throw new ConfigError(file.path, 'priority', 'expected a number');
  if (f.default !== undefined && typeof f.default !== 'boolean') throw new ConfigError(file.path, 'default', 'expected true or false');
  const isDefault = f.default === true;
  const topics = stringList(file.path, 'match.topics', match.topics, KNOWN_TOPICS);
  if (!isDefault && topics.length === 0) throw new ConfigError(file.path, 'match.topics', 'a non-default playbook needs at least one topic');
  const sections = splitSections(m[2]!);
  for (const s of REQUIRED_SECTIONS) {
    if (!sections[s]) throw new ConfigError(file.path, `section "## ${s}"`, 'missing or empty');
  }
  return {
    id,
    title: f.title.trim(),
    match: {
      topics,
      severity: stringList(file.path, 'match.severity', match.severity, SEVERITIES) as Severity[],
      lang: stringList(file.path, 'match.lang', match.lang, LANGS),
      platform: stringList(file.path, 'match.platform', match.platform).map((p) => p.toLowerCase()),
    },
    responseTargetMinutes: target,
    loopIn: stringList(file.path, 'loop_in', f.loop_in),
    sections,
    holding: { zh: sections['holding statement (zh)']!, en: sections['holding statement (en)']! },
    isDefault,
    priority,
  };
}
