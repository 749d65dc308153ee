/** Applies one detector decision: incident transition, alert and outbox rows, and the windows judged so far — atomically. */
import { atomically } from '../db/atomic.js';
import { buildAlert } from '../core/alert-content.js';
import { planFromDecision, spreadTitle } from '../core/incident.js';
import { buildGuidance, choosePlaybook } from '../core/playbook/index.js';
import type { Incident } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import { routeAlert } from './route-alert.js';
import { alertLinks } from './alert-links.js';
import { insertEvent, insertIncident, openPostIncident, transition } from '../db/queries/incidents.js';
import { saveJudgedWindows, type JudgedWindow } from '../db/queries/windows.js';
import { chartFor, keyPosts } from './alert-context.js';
import type { Deps } from './deps.js';
import { forecastTopPosts } from './cascades.js';
import { brandPlaybooks, guidanceFacts } from './guidance-facts.js';

/** Windows that closed longer ago than this (a catch-up after downtime) open incidents without paging anyone. */
const STALE_MS = 60 * 60_000;

/** Applies the decision of the last window in `judged` and saves all of `judged` with the detector state. */
export async function applyDecision(deps: Deps, brand: Brand, judged: JudgedWindow[], detectorState: unknown, nextWindowStart: number, now: number): Promise<void> {
  const last = judged[judged.length - 1]!;
  const { window: w, decision: d } = last;
  const current = await openPostIncident(deps.db, brand.id);
  const open = current?.incident ?? null;
  // An open early warning ('cascade') is taken over by the detector's opening (planFromDecision says how).
  const key = await keyPosts(deps, brand, w.end);
  const plan = planFromDecision(open, d, { brandId: brand.id, brandName: brand.name, now: w.end, newId: deps.newId(), topics: key.topics }, current?.kind);
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
      await transition(trx, { id: plan.incidentId, from: plan.from, to: plan.from, patch: { severity: plan.severity, reason: d.reason, ...(plan.takeOver ? { kind: 'spread' as const, title: spreadTitle(brand.name) } : {}) }, event: plan.event });
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
