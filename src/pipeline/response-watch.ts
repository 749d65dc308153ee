/**
 * Response tracking, run in every cycle after the brands are judged: the brand's own posts after an incident opened
 * are linted and recorded (time to first response, deflecting or not), and when the playbook's response-time target
 * passes with no response, one 'response-overdue' alert goes through the outbox, atomically with its event.
 */
import { atomically } from '../db/atomic.js';
import { buildGuidance, type Playbook } from '../core/playbook/index.js';
import { parseLintRules, type LintRules } from '../core/reply-lint/index.js';
import { brandResponses, normaliseHandle, parseBrandAccount, responseOverdue, type OverdueDecision } from '../core/response/index.js';
import type { Alert, ChartPoint, IncidentState, Severity } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import type { Config } from '../config/index.js';
import { insertEvent } from '../db/queries/incidents.js';
import { topNegativePosts } from '../db/queries/posts.js';
import { claimOverdueAlert, ownPostsIn, recordedResponseKeys, recordResponse, trackedIncidents } from '../db/queries/responses.js';
import { windowsBetween } from '../db/queries/windows.js';
import type { Deps } from './deps.js';
import { guidanceFacts, playbookOf } from './guidance-facts.js';
import { routeAlert } from './route-alert.js';
import { alertLinks } from './alert-links.js';

const MINUTE = 60_000;
/** Responses still attach to an incident this long after it resolved: brands often post their update after the storm. */
const AFTER_RESOLVE_MS = 24 * 3600_000;
/** An overdue alert that fell due longer ago than this (a catch-up after downtime) is recorded but pages nobody. */
const STALE_MS = 60 * MINUTE;
const NO_RULES: LintRules = { deflection: [], engagement: [] };

const rulesCache = new WeakMap<Config, LintRules | null>();

/** The reply-lint rules of a config (rules/reply-lint.yaml), parsed once per config; null when the file is absent. */
export function lintRulesOf(config: Config): LintRules | null {
  if (!rulesCache.has(config)) {
    const text = config.files.get('reply-lint.yaml');
    rulesCache.set(config, text === undefined ? null : parseLintRules({ path: 'reply-lint.yaml', text }));
  }
  return rulesCache.get(config)!;
}

export interface ResponseWatchOutcome {
  brandId: string;
  recorded: number;
  overdueAlerts: number;
}

type TrackedIncident = Awaited<ReturnType<typeof trackedIncidents>>[number];

const minutes = (ms: number) => Math.round(ms / MINUTE);

/** Records new brand responses to the brand's incidents and fires the overdue alert where due. */
export async function watchResponses(deps: Deps, brand: Brand, now: number): Promise<ResponseWatchOutcome> {
  const out: ResponseWatchOutcome = { brandId: brand.id, recorded: 0, overdueAlerts: 0 };
  // Without own accounts nothing could ever count as a response, so an overdue alert would always be a false alarm.
  if (!brand.ownAccounts.length) return out;
  const rules = lintRulesOf(deps.config) ?? NO_RULES;
  const handles = [...new Set(brand.ownAccounts.map((a) => parseBrandAccount(a).handle))];
  const incidents = await trackedIncidents(deps.db, brand.id, now - AFTER_RESOLVE_MS);
  for (const [i, inc] of incidents.entries()) {
    const next = incidents[i + 1];
    const until = Math.min(now + 1, next?.opened_at ?? Infinity, inc.resolved_at != null ? inc.resolved_at + AFTER_RESOLVE_MS : Infinity);
    const pb = playbookOf(deps.config, inc.playbook_id);
    const target = pb?.responseTargetMinutes ?? null;
    const seen = await recordedResponseKeys(deps.db, inc.id);
    let firstAt = inc.first_response_at;
    for (const p of await ownPostsIn(deps.db, brand.id, inc.opened_at, until, handles)) {
      if (seen.has(`${p.source_id}\u0000${p.external_id}`)) continue;
      // A post flagged at ingest is the brand's by construction; others must match an account (platform included).
      const accounts = p.is_own === 1 ? [normaliseHandle(p.author_handle)] : brand.ownAccounts;
      const [r] = brandResponses([{ authorHandle: p.author_handle, platform: p.platform, text: p.text, createdAt: p.created_at, url: p.url }], accounts, inc.opened_at, rules);
      if (!r) continue;
      const first = firstAt == null || r.at < firstAt;
      firstAt = first ? r.at : firstAt;
      const late = minutes(r.at - inc.opened_at);
      const within = target === null ? null : late <= target;
      const verdict = r.deflecting ? `deflecting (${[...new Set(r.findings.map((f) => `${f.rule}: "${f.match}"`))].join('; ')})` : 'engaging';
      const message = `${first ? 'First response' : 'Response'} from ${p.author_handle} on ${p.platform}, ${late} min after opening${target === null ? '' : ` (${within ? 'within' : 'over'} the ${target} min target)`}; the linter reads it as ${verdict}: ${p.text.slice(0, 280)}`;
      const data = { kind: 'brand-response', first, minutesToRespond: late, withinTarget: within, deflecting: r.deflecting, findings: r.findings, url: r.url };
      const ok = await atomically(deps.db, (trx) =>
        recordResponse(trx, { incidentId: inc.id, sourceId: p.source_id, externalId: p.external_id, at: r.at, deflecting: r.deflecting, findings: r.findings, now, event: { incidentId: inc.id, at: r.at, type: 'response', actor: null, message, data } }),
      );
      if (ok) out.recorded++;
    }
    if (inc.state === 'resolved' || !pb) continue;
    const d = responseOverdue({ openedAt: inc.opened_at, responseTargetMinutes: pb.responseTargetMinutes, state: inc.state as IncidentState, resolvedAt: inc.resolved_at, overdueAlertedAt: inc.response_overdue_at }, firstAt == null ? [] : [{ at: firstAt }], now);
    if (d.fire && (await fireOverdue(deps, brand, inc, pb, d, now))) out.overdueAlerts++;
  }
  return out;
}

/** Claims the incident's one overdue alert and queues it with its events, in one transaction. */
async function fireOverdue(deps: Deps, brand: Brand, inc: TrackedIncident, pb: Playbook, d: OverdueDecision, now: number): Promise<boolean> {
  const stale = d.dueAt < now - STALE_MS;
  const alert = stale ? null : await overdueAlert(deps, brand, inc, pb, d, now);
  let held = false;
  const claimed = await atomically(deps.db, async (trx) => {
    if (!(await claimOverdueAlert(trx, inc.id, now))) return false;
    await insertEvent(trx, { incidentId: inc.id, at: now, type: 'response', actor: null, message: `Response overdue: ${d.reason}.`, data: { kind: 'response-overdue', dueAt: d.dueAt, targetMinutes: pb.responseTargetMinutes } });
    if (alert) {
      const routed = await routeAlert(deps, trx, alert, JSON.parse(inc.topics) as string[], now);
      held = routed.held;
      await insertEvent(trx, { incidentId: inc.id, at: now, type: 'alert-queued', actor: null, message: `Alert queued (${alert.kind}) to ${routed.description}: ${alert.summary}`, data: { alertId: alert.id } });
    } else {
      await insertEvent(trx, { incidentId: inc.id, at: now, type: 'note', actor: null, message: 'No overdue alert sent: the target passed over an hour ago (catching up after downtime).' });
    }
    return true;
  });
  if (claimed && alert && held) deps.log(`ALERT [${alert.severity}] ${alert.brand.name}: ${alert.title}\n  ${alert.summary}\n  acknowledge: ${alert.ackUrl}`);
  return claimed && alert !== null;
}

/** The 'response-overdue' alert: who has not spoken, for how long, against which target, with the playbook's guidance. */
async function overdueAlert(deps: Deps, brand: Brand, inc: TrackedIncident, pb: Playbook, d: OverdueDecision, now: number): Promise<Alert> {
  const id = deps.newId();
  const windows = await windowsBetween(deps.db, brand.id, now - 24 * 3600_000, now);
  const chart: ChartPoint[] = windows.map((w) => ({ t: w.start, observed: w.neg_posts, expected: w.expected, lo: w.band_lo, hi: w.band_hi }));
  const rows = await topNegativePosts(deps.db, brand.id, inc.opened_at - 6 * 3600_000, now, 5);
  const topPosts = rows.map((r) => ({ text: r.text, url: r.url, author: r.author_handle, followers: r.author_followers, negativity: r.negativity, engagement: Number(r.engagement), platform: r.platform }));
  const count = chart.reduce((s, c) => s + (c.t >= inc.opened_at ? c.observed : 0), 0);
  const facts = guidanceFacts(brand, { topics: JSON.parse(inc.topics) as string[], platforms: [...new Set(rows.map((r) => r.platform))], count, now, targetMinutes: pb.responseTargetMinutes });
  const late = minutes(now - inc.opened_at);
  const severity = inc.severity as Severity;
  const accounts = brand.ownAccounts.join(', ');
  const zh = brand.lang === 'zh';
  return {
    id,
    incidentId: inc.id,
    kind: 'response-overdue',
    brand: { id: brand.id, name: brand.name },
    severity,
    lang: brand.lang,
    createdAt: now,
    // Channels prefix severity, kind and brand themselves (as for every alert); the title is what happened.
    title: zh ? '尚未公开回应' : 'no public response yet',
    summary: zh
      ? `事件开始 ${late} 分钟后，官方账号（${accounts}）仍未发声；预案“${pb.title}”要求 ${pb.responseTargetMinutes} 分钟内首次回应`
      : `no post from the brand's own accounts (${accounts}) ${late} min after the incident opened; the ${pb.title} playbook asks for a first response within ${pb.responseTargetMinutes} min`,
    reason: d.reason,
    chart,
    topPosts,
    guidance: buildGuidance(pb, facts),
    ...(await alertLinks(deps, inc.id, id, now)),
  };
}
