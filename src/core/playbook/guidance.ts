/** Fills a playbook's guidance with an incident's facts; the holding statement is a visibly marked draft. */
import type { AlertGuidance } from '../types.js';
import type { IncidentFacts, Playbook } from './index.js';

/** Guidance with the remaining playbook sections; assignable to AlertGuidance. */
export interface PlaybookGuidance extends AlertGuidance {
  firstHour: string[];
  whatToSay: string[];
  followUp: string[];
}

/** Draft markers: a holding statement must never be posted unedited. */
export const DRAFT_MARK = { zh: '【草稿·发布前请核实并修改】', en: '[DRAFT: check and edit before posting]' } as const;

/** List items of a markdown section ("- x", "* x", "1. x"); a section without a list becomes its paragraphs. */
export function sectionItems(s: string | undefined): string[] {
  const text = (s ?? '').trim();
  if (!text) return [];
  const lines = text.split('\n');
  const items: string[] = [];
  let inList = false;
  for (const line of lines) {
    const m = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (m) {
      items.push(m[1]!.trim());
      inList = true;
    } else if (inList && line.trim() && /^\s{2,}/.test(line)) {
      items[items.length - 1] += ' ' + line.trim(); // continuation of a wrapped item
    }
  }
  return items.length ? items : text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
}

/** Replaces {key} with the fact; for Chinese, {key} prefers a `key_zh` fact. Unknown keys become a visible "fill in" gap. */
export function fillPlaceholders(s: string, facts: IncidentFacts, lang: 'zh' | 'en'): string {
  return s.replace(/\{([A-Za-z_][\w]*)\}/g, (_all, k: string) => {
    const v = (lang === 'zh' ? facts[`${k}_zh`] : facts[`${k}_en`]) ?? facts[k];
    if (v === undefined || v === null || v === '') return lang === 'zh' ? `【待填：${k}】` : `[fill in: ${k}]`;
    return typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
  });
}

/** Builds the alert guidance for one incident from a playbook. */
export function fillGuidance(p: Playbook, facts: IncidentFacts): PlaybookGuidance {
  const list = (k: string) => sectionItems(p.sections[k]).map((x) => fillPlaceholders(x, facts, 'en'));
  return {
    playbookId: p.id,
    title: p.title,
    responseTargetMinutes: p.responseTargetMinutes,
    loopIn: [...p.loopIn],
    firstActions: list('first 15 minutes'),
    firstHour: list('first hour'),
    whatToSay: list('what to say'),
    doNot: list('what not to do'),
    followUp: list('follow-up'),
    holdingStatement: {
      zh: `${DRAFT_MARK.zh}\n${fillPlaceholders(p.holding.zh, facts, 'zh')}`,
      en: `${DRAFT_MARK.en}\n${fillPlaceholders(p.holding.en, facts, 'en')}`,
    },
  };
}
