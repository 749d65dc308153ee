/** Applies one detector decision: incident transition, alert and outbox rows, and the windows judged so far — atomically. */
import { atomically } from '../db/atomic.js';
import { buildAlert } from '../core/alert-content.js';
import { planFromDecision } from '../core/incident.js';
import { buildGuidance, choosePlaybook } from '../core/playbook/index.js';
import { TOPICS, type AlertPost, type ChartPoint, type Incident } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import { routeAlert } from './route-alert.js';
import { alertLinks } from './alert-links.js';
import { insertEvent, insertIncident, openIncidentOf, transition } from '../db/queries/incidents.js';
import { topNegativePosts } from '../db/queries/posts.js';
import { saveJudgedWindows, windowsBetween, type JudgedWindow } from '../db/queries/windows.js';
import type { Deps } from './deps.js';
import { forecastTopPosts } from './cascades.js';
import { brandPlaybooks, guidanceFacts } from './guidance-facts.js';

/** Rank of a topic by gravity (TOPICS is ordered gravest first); unknown topics last. */
const gravity = (t: string) => {
  const i = (TOPICS as readonly string[]).indexOf(t);
  return i < 0 ? TOPICS.length : i;
};

/** Windows that closed longer ago than this (a catch-up after downtime) open incidents without paging anyone. */
const STALE_MS = 60 * 60_000;

async function chartFor(deps: Deps, brand: Brand, judged: JudgedWindow[], end: number): Promise<ChartPoint[]> {
  const from = end - 24 * 3600_000;
  const stored = await windowsBetween(deps.db, brand.id, from, end);
  const points = new Map<number, ChartPoint>();
  for (const w of stored) points.set(w.start, { t: w.start, observed: w.neg_posts, expected: w.expected, lo: w.band_lo, hi: w.band_hi });
  for (const j of judged) if (j.window.start >= from) points.set(j.window.start, { t: j.window.start, observed: j.window.negPosts, expected: j.decision.expected, lo: j.decision.band.lo, hi: j.decision.band.hi });
  return [...points.values()].sort((a, b) => a.t - b.t);
}

async function keyPosts(deps: Deps, brand: Brand, end: number): Promise<{ posts: AlertPost[]; topics: string[]; platforms: string[] }> {
  const rows = await topNegativePosts(deps.db, brand.id, end - 6 * 3600_000, end, 5);
  const topics = new Map<string, number>();
  for (const r of rows) for (const t of JSON.parse(r.topics) as string[]) topics.set(t, (topics.get(t) ?? 0) + 1);
  return {
    posts: rows.map((r) => ({ text: r.text, url: r.url, author: r.author_handle, followers: r.author_followers, negativity: r.negativity, engagement: Number(r.engagement), platform: r.platform })),
    // Gravest first (TOPICS is ordered by gravity), so the playbook and the statement speak to the worst of it.
    topics: [...topics.keys()].sort((a, b) => gravity(a) - gravity(b)),
    platforms: [...new Set(rows.map((r) => r.platform))],
  };
}

/** Applies the decision of the last window in `judged` and saves all of `judged` with the detector state. */
export async function applyDecision(deps: Deps, brand: Brand, judged: JudgedWindow[], detectorState: unknown, nextWindowStart: number, now: number): Promise<void> {
  const last = judged[judged.length - 1]!;
  const { window: w, decision: d } = last;
  const open = await openIncidentOf(deps.db, brand.id);
  const key = await keyPosts(deps, brand, w.end);
  const plan = planFromDecision(open, d, { brandId: brand.id, brandName: brand.name, now: w.end, newId: deps.newId(), topics: key.topics });
  const stale = w.end < now - STALE_MS;

  let incident: Incident | null = null;
  let alertKind: 'opened' | 'escalated' | null = null;
  let playbookReason: string | null = null;
  if (plan.kind === 'open') {
    const choice = choosePlaybook(brandPlaybooks(deps.config, brand), { topics: key.topics, severity: plan.incident.severity, lang: brand.lang, platforms: key.platforms });
    incident = { ...plan.incident, playbookId: choice?.playbook.id ?? null };
    playbookReason = choice ? `Playbook: ${choice.playbook.title} — ${choice.reason}` : null;
    alertKind = 'opened';
  } else if (plan.kind === 'escalate' && open) {
    incident = { ...open, severity: plan.severity };
    alertKind = plan.alert ? 'escalated' : null;
  }

  const alertId = deps.newId();
  // Where the most-reposted negative post is heading (SEISMIC), said in the alert and kept on the timeline.
  const [forecast] = incident && alertKind ? await forecastTopPosts(deps.db, brand.id, w.end - 6 * 3600_000, w.end, 1) : [];
  const forecastLine = forecast ? `Top post by ${forecast.author}: ${forecast.sentence}` : null;
  let alert = null;
  if (incident && alertKind && !stale) {
    const pb = deps.config.playbooks.find((p) => p.id === incident!.playbookId) ?? null;
    const guidance = pb ? buildGuidance(pb, guidanceFacts(brand, { topics: incident.topics, platforms: key.platforms, count: w.negPosts, now, targetMinutes: pb.responseTargetMinutes })) : null;
    alert = buildAlert({
      id: alertId,
      kind: alertKind,
      incident,
      brand: { id: brand.id, name: brand.name, lang: brand.lang, windowMinutes: brand.windowMs / 60_000 },
      window: w,
      decision: forecastLine ? { ...d, reason: `${d.reason}. ${forecastLine}` } : d,
      chart: await chartFor(deps, brand, judged, w.end),
      topPosts: key.posts,
      guidance,
      ...(await alertLinks(deps, incident.id, alertId, now)),
      now,
    });
  }

  let heldLocally = false;
  await atomically(deps.db, async (trx) => {
    if (plan.kind === 'open' && incident) {
      await insertIncident(trx, incident, plan.event);
      if (forecastLine && !stale) await insertEvent(trx, { incidentId: incident.id, at: w.end, type: 'forecast', actor: null, message: forecastLine });
      if (playbookReason) await insertEvent(trx, { incidentId: incident.id, at: w.end, type: 'note', actor: null, message: playbookReason, data: { kind: 'playbook-chosen', playbookId: incident.playbookId } });
      for (const p of key.posts.slice(0, 3)) await insertEvent(trx, { incidentId: incident.id, at: w.end, type: 'key-post', actor: null, message: `${p.author} (${p.followers.toLocaleString('en-US')} followers) on ${p.platform}: ${p.text.slice(0, 280)}`, data: { url: p.url, engagement: p.engagement } });
    } else if (plan.kind === 'escalate') {
      await transition(trx, { id: plan.incidentId, from: plan.from, to: plan.from, patch: { severity: plan.severity, reason: d.reason }, event: plan.event });
    } else if (plan.kind === 'resolve') {
      await transition(trx, { id: plan.incidentId, from: plan.from, to: 'resolved', patch: { resolved_at: w.end, reason: d.reason }, event: plan.event });
    }
    if (alert) {
      const routed = await routeAlert(deps, trx, alert, incident!.topics, now);
      heldLocally = routed.held;
      await insertEvent(trx, { incidentId: alert.incidentId, at: now, type: 'alert-queued', actor: null, message: `Alert queued (${alert.kind}) to ${routed.description}: ${alert.summary}`, data: { alertId: alert.id } });
    } else if (incident && alertKind && stale) {
      await insertEvent(trx, { incidentId: incident.id, at: now, type: 'note', actor: null, message: 'No alert sent: this window closed over an hour ago (catching up after downtime).' });
    }
    await saveJudgedWindows(trx, brand.id, judged, detectorState, nextWindowStart);
  });
  if (alert && heldLocally) deps.log(`ALERT [${alert.severity}] ${alert.brand.name}: ${alert.title}\n  ${alert.summary}\n  ${alert.reason}\n  acknowledge: ${alert.ackUrl}`);
}
