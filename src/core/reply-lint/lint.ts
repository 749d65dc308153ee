/** Lints a brand's draft reply: finds deflection, recognises engagement, and weighs one against the other. */
import type { LintRules } from './rules.js';

export type Span = [start: number, end: number];

/** One deflection found in the reply. Spans are [start, end) in UTF-16 code units (JavaScript string indices). */
export interface Finding {
  rule: string;
  span: Span;
  /** The words that tripped the rule. */
  match: string;
  why: string;
  rewrite: string;
}

export interface EngagementSignal {
  kind: string;
  label: string;
  span: Span;
  match: string;
}

export interface LintResult {
  deflecting: boolean;
  findings: Finding[];
  engagement: { score: number; signals: EngagementSignal[] };
  /** Summed weight of the deflection rules tripped (each rule once). */
  deflectionScore: number;
  /** Language used for why/rewrite: the reply's own. */
  lang: 'zh' | 'en';
}

/** 'zh' when CJK characters make up a meaningful part of the text, else 'en'. */
export function replyLang(text: string): 'zh' | 'en' {
  const cjk = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]+/g) ?? []).length;
  return cjk > 0 && cjk >= latin ? 'zh' : 'en';
}

function matches(patterns: RegExp[], text: string): Span[] {
  const spans: Span[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m[0].length) spans.push([m.index!, m.index! + m[0].length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Merge overlapping hits of the same rule so one phrase gives one finding.
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

/** Lints one reply; `deflecting` when it lacks substance and deflects or says nothing concrete, or deflection outweighs engagement. */
export function lintReply(rules: LintRules, text: string): LintResult {
  const lang = replyLang(text);
  const findings: Finding[] = [];
  let deflectionScore = 0;
  for (const rule of rules.deflection) {
    const spans = matches(rule.patterns, text);
    if (!spans.length) continue;
    deflectionScore += rule.weight;
    for (const span of spans) {
      const match = text.slice(span[0], span[1]);
      findings.push({ rule: rule.id, span, match, why: rule.why[lang], rewrite: rule.rewrite[lang].replaceAll('{match}', match) });
    }
  }
  findings.sort((a, b) => a.span[0] - b.span[0]);
  const signals: EngagementSignal[] = [];
  let score = 0;
  for (const sig of rules.engagement) {
    // Engagement words inside a deflecting phrase do not count ("深表歉意" in "给您带来的不便深表歉意").
    const spans = matches(sig.patterns, text).filter((s) => !findings.some((f) => overlaps(f.span, s)));
    if (!spans.length) continue;
    score += sig.weight;
    for (const span of spans) signals.push({ kind: sig.id, label: sig.label[lang], span, match: text.slice(span[0], span[1]) });
  }
  signals.sort((a, b) => a.span[0] - b.span[0]);
  // Engaging needs substance (a fact, an owned mistake, a remedy, a time, a named person); an apology alone is not.
  const substantive = rules.engagement.some((sig) => sig.substance && signals.some((s) => s.kind === sig.id));
  const ns = rules.noSubstance;
  if (ns && !substantive && !findings.length && text.trim()) {
    // Nothing tripped, nothing concrete: say so over the whole reply, so the verdict is never unexplained.
    const span: Span = [text.length - text.trimStart().length, text.trimEnd().length];
    const match = text.slice(span[0], span[1]);
    findings.push({ rule: ns.id, span, match, why: ns.why[lang], rewrite: ns.rewrite[lang].replaceAll('{match}', match) });
    deflectionScore += ns.weight;
  }
  const deflecting = deflectionScore > 0 && (!substantive || deflectionScore > score);
  return { deflecting, findings, engagement: { score, signals }, deflectionScore, lang };
}
