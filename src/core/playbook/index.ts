/**
 * Playbook contract: parse `rules/playbooks/*.md`, pick one for an incident, and fill its guidance with the
 * incident's facts. The work is in parse.ts, match.ts and guidance.ts; this file keeps the stable names.
 */
import type { Severity } from '../types.js';
import type { RuleFile } from '../errors.js';
import { ConfigError } from '../errors.js';
import { parsePlaybookFile } from './parse.js';
import { choosePlaybook } from './match.js';
import { fillGuidance, type PlaybookGuidance } from './guidance.js';

export { INCIDENT_KINDS, REQUIRED_SECTIONS } from './parse.js';
export { choosePlaybook, type PlaybookChoice } from './match.js';
export { DRAFT_MARK, fillPlaceholders, type PlaybookGuidance } from './guidance.js';

export interface Playbook {
  id: string;
  title: string;
  /** Empty lists match anything; topics are TOPICS ids or INCIDENT_KINDS ('rumour', 'inorganic'). */
  match: { topics: string[]; severity: Severity[]; lang: string[]; platform: string[] };
  responseTargetMinutes: number;
  /** Who to bring in, e.g. customer care, legal, product, executives. */
  loopIn: string[];
  /** Body sections keyed by lower-cased heading, e.g. 'first 15 minutes'. */
  sections: Record<string, string>;
  holding: { zh: string; en: string };
  isDefault: boolean;
  /** Breaks ties when an incident matches several playbooks (higher wins, e.g. safety over service). */
  priority: number;
}

export interface PlaybookContext {
  topics: string[];
  severity: Severity;
  lang: string;
  platforms: string[];
  /** Incident marked possibly coordinated/inorganic. */
  inorganic?: boolean;
}

/** Facts used to fill placeholders such as {brand}, {what}, {count}; `what_zh` fills {what} in Chinese. */
export interface IncidentFacts {
  brand: string;
  what: string;
  count: number;
  [key: string]: string | number;
}

/** Parses one playbook file; throws ConfigError(file, field, problem). */
export function parsePlaybook(file: RuleFile): Playbook {
  return parsePlaybookFile(file);
}

/** Parses all playbook files, rejecting duplicate ids and more than one default. */
export function parsePlaybooks(files: RuleFile[]): Playbook[] {
  const out: Playbook[] = [];
  for (const f of files) {
    const p = parsePlaybookFile(f);
    if (out.some((q) => q.id === p.id)) throw new ConfigError(f.path, 'id', `duplicate playbook id "${p.id}"`);
    if (p.isDefault && out.some((q) => q.isDefault)) throw new ConfigError(f.path, 'default', 'only one playbook may be the default');
    out.push(p);
  }
  return out;
}

/** Picks the playbook for an incident, or the default when none matches; null only with no playbooks. */
export function matchPlaybook(playbooks: Playbook[], ctx: PlaybookContext): Playbook | null {
  return choosePlaybook(playbooks, ctx)?.playbook ?? null;
}

/** Guidance for the alert: first actions, target, who to loop in, and a pre-filled draft holding statement. */
export function buildGuidance(p: Playbook, facts: IncidentFacts): PlaybookGuidance {
  return fillGuidance(p, facts);
}
