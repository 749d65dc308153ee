/**
 * Playbook contract (issue 7 owns the implementation): parse `rules/playbooks/*.md`, pick one for an incident,
 * and fill its guidance with the incident's facts.
 * PLACEHOLDER v0 — issue 7 replaces the internals, keeping the exported names and signatures.
 */
import { parse as parseYaml } from 'yaml';
import type { AlertGuidance, Severity } from '../types.js';
import { ConfigError, type RuleFile } from '../errors.js';

export interface Playbook {
  id: string;
  title: string;
  match: { topics: string[]; severity: Severity[]; lang: string[]; platform: string[] };
  responseTargetMinutes: number;
  loopIn: string[];
  sections: Record<string, string>;
  holding: { zh: string; en: string };
  isDefault: boolean;
}

export interface PlaybookContext {
  topics: string[];
  severity: Severity;
  lang: string;
  platforms: string[];
  /** Incident marked possibly coordinated/inorganic. */
  inorganic?: boolean;
}

/** Facts used to fill placeholders such as {brand}, {what}, {count}. */
export interface IncidentFacts {
  brand: string;
  what: string;
  count: number;
  [key: string]: string | number;
}

export function parsePlaybook(file: RuleFile): Playbook {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.text);
  if (!m) throw new ConfigError(file.path, 'front matter', 'expected YAML front matter between --- lines');
  const fm = (parseYaml(m[1]!) ?? {}) as Record<string, unknown>;
  const id = file.path.replace(/^.*\//, '').replace(/\.md$/, '');
  if (typeof fm.title !== 'string') throw new ConfigError(file.path, 'title', 'required string');
  const sections: Record<string, string> = {};
  for (const part of m[2]!.split(/^## /m).slice(1)) {
    const nl = part.indexOf('\n');
    sections[part.slice(0, nl).trim().toLowerCase()] = part.slice(nl + 1).trim();
  }
  const match = (fm.match ?? {}) as Record<string, string[]>;
  return {
    id,
    title: fm.title,
    match: { topics: match.topics ?? [], severity: (match.severity ?? []) as Severity[], lang: match.lang ?? [], platform: match.platform ?? [] },
    responseTargetMinutes: Number(fm.response_target_minutes ?? 60),
    loopIn: (fm.loop_in as string[]) ?? [],
    sections,
    holding: { zh: sections['holding statement (zh)'] ?? '', en: sections['holding statement (en)'] ?? '' },
    isDefault: fm.default === true,
  };
}

export function matchPlaybook(playbooks: Playbook[], ctx: PlaybookContext): Playbook | null {
  const hit = playbooks.find((p) => p.match.topics.some((t) => ctx.topics.includes(t)));
  return hit ?? playbooks.find((p) => p.isDefault) ?? playbooks[0] ?? null;
}

const bullets = (s: string | undefined) => (s ?? '').split('\n').filter((l) => /^\s*[-*\d]/.test(l)).map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s*/, '').trim());
const fill = (s: string, f: IncidentFacts) => s.replace(/\{(\w+)\}/g, (all, k: string) => (k in f ? String(f[k]) : all));

export function buildGuidance(p: Playbook, facts: IncidentFacts): AlertGuidance {
  return {
    playbookId: p.id,
    title: p.title,
    responseTargetMinutes: p.responseTargetMinutes,
    loopIn: p.loopIn,
    firstActions: bullets(p.sections['first 15 minutes']),
    doNot: bullets(p.sections['what not to do']),
    holdingStatement: { zh: fill(p.holding.zh, facts), en: fill(p.holding.en, facts) },
  };
}
