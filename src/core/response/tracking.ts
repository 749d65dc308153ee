/** Time to first response, whether it deflected, and when the "no response yet" alert should fire (once). */
import type { IncidentState } from '../types.js';
import type { Finding, LintRules } from '../reply-lint/index.js';
import { lintReply } from '../reply-lint/index.js';
import { isBrandPost, type BrandAccount } from './brand-accounts.js';

const MINUTE = 60_000;

export interface ResponseIncident {
  openedAt: number;
  responseTargetMinutes: number;
  state?: IncidentState;
  resolvedAt?: number | null;
  /** When the "response overdue" alert was already sent; it fires once per incident. */
  overdueAlertedAt?: number | null;
}

/** A post by the brand's own account after the incident opened, with its lint verdict. */
export interface BrandResponse {
  at: number;
  text: string;
  url: string | null;
  platform: string | null;
  deflecting: boolean;
  findings: Finding[];
}

export interface BrandPostLike {
  authorHandle: string;
  platform?: string | null;
  text: string;
  createdAt: number;
  url?: string | null;
}

/** The brand's posts since the incident opened, oldest first, each linted. */
export function brandResponses(posts: BrandPostLike[], accounts: Array<string | BrandAccount>, openedAt: number, rules: LintRules): BrandResponse[] {
  return posts
    .filter((p) => p.createdAt >= openedAt && isBrandPost(p, accounts))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((p) => {
      const lint = lintReply(rules, p.text);
      return { at: p.createdAt, text: p.text, url: p.url ?? null, platform: p.platform ?? null, deflecting: lint.deflecting, findings: lint.findings };
    });
}

export interface ResponseSummary {
  responses: number;
  firstResponseAt: number | null;
  timeToFirstResponseMinutes: number | null;
  /** Null while there is no response yet. */
  withinTarget: boolean | null;
  firstDeflecting: boolean | null;
  /** At least one response engaged rather than deflected. */
  anyEngaging: boolean;
  /** One sentence for the incident page and timeline. */
  summary: string;
}

/** Summarises the brand's responses to one incident, as of `now`. */
export function summariseResponses(incident: ResponseIncident, responses: BrandResponse[], now: number): ResponseSummary {
  const seen = responses.filter((r) => r.at >= incident.openedAt && r.at <= now).sort((a, b) => a.at - b.at);
  const first = seen[0];
  if (!first) {
    const mins = Math.max(0, Math.floor((now - incident.openedAt) / MINUTE));
    return { responses: 0, firstResponseAt: null, timeToFirstResponseMinutes: null, withinTarget: null, firstDeflecting: null, anyEngaging: false, summary: `no response from the brand's accounts yet, ${mins} min after opening (target ${incident.responseTargetMinutes} min)` };
  }
  const ttfr = (first.at - incident.openedAt) / MINUTE;
  const within = ttfr <= incident.responseTargetMinutes;
  const anyEngaging = seen.some((r) => !r.deflecting);
  const tone = first.deflecting ? (anyEngaging ? 'deflected at first, engaged later' : 'deflected') : 'engaged';
  return {
    responses: seen.length,
    firstResponseAt: first.at,
    timeToFirstResponseMinutes: ttfr,
    withinTarget: within,
    firstDeflecting: first.deflecting,
    anyEngaging,
    summary: `first response after ${Math.round(ttfr)} min (${within ? 'within' : 'over'} the ${incident.responseTargetMinutes} min target); it ${tone}`,
  };
}

export interface OverdueDecision {
  fire: boolean;
  reason: string;
  dueAt: number;
}

/** Whether the "no response within target" alert should fire now; true at most once per incident. */
export function responseOverdue(incident: ResponseIncident, responses: Array<{ at: number }>, now: number): OverdueDecision {
  const dueAt = incident.openedAt + incident.responseTargetMinutes * MINUTE;
  const no = (reason: string): OverdueDecision => ({ fire: false, reason, dueAt });
  if (incident.state === 'resolved' || (incident.resolvedAt != null && incident.resolvedAt <= now)) return no('incident is resolved');
  const first = responses.filter((r) => r.at >= incident.openedAt && r.at <= now).sort((a, b) => a.at - b.at)[0];
  if (first) return no(`the brand responded ${Math.round((first.at - incident.openedAt) / MINUTE)} min after opening`);
  if (now < dueAt) return no(`response due in ${Math.ceil((dueAt - now) / MINUTE)} min`);
  if (incident.overdueAlertedAt != null) return no('overdue alert already sent');
  const late = Math.floor((now - incident.openedAt) / MINUTE);
  return {
    fire: true,
    dueAt,
    reason: `no response from the brand's own accounts ${late} min after the incident opened; the playbook target is ${incident.responseTargetMinutes} min`,
  };
}
