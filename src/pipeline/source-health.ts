/**
 * After each poll: is the source quiet or broken? A change to degraded opens a "source degraded" incident (its own
 * kind, so it never merges with spread incidents) with an alert to the brand's people; recovery resolves it.
 * Windows judged while a source is degraded are marked incomplete, so the baseline never learns "calm" from an outage.
 */
import { assessSourceHealth, type SourceHealth } from '../core/source-health.js';
import type { Alert, Incident } from '../core/types.js';
import type { Brand, SourceInstance } from '../config/brand.js';
import { atomically } from '../db/atomic.js';
import { insertEvent, insertIncident, openSourceIncident, transition } from '../db/queries/incidents.js';
import { normalPerHour, pollsSince } from '../db/queries/source-polls.js';
import { alertLinks } from './alert-links.js';
import { routeAlert } from './route-alert.js';
import type { Deps } from './deps.js';

const DEFAULT_INTERVAL_MS = 60_000;

/** The poll interval seen lately (median gap), for the staleness and completeness checks. */
export function pollInterval(ats: number[]): number {
  const gaps = ats.slice(1).map((t, i) => t - ats[i]!).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)]! : DEFAULT_INTERVAL_MS;
}

/** Judges a source's health after a poll and records any change. */
export async function checkSourceHealth(deps: Deps, brand: Brand, src: SourceInstance, now: number): Promise<SourceHealth> {
  const outcomes = await pollsSince(deps.db, src.id, now - 2 * 3600_000);
  const state = await deps.db.selectFrom('source_cursors').select(['health']).where('source_id', '=', src.id).executeTakeFirst();
  const previous = (state?.health ?? 'ok') as SourceHealth['status'];
  const health = assessSourceHealth(outcomes, src.kind === 'replay' ? null : await normalPerHour(deps.db, src.id, now), now, { intervalMs: pollInterval(outcomes.map((o) => o.at)) }, previous);
  await deps.db.updateTable('source_cursors').set({ health: health.status, health_reason: health.reason }).where('source_id', '=', src.id).execute();
  if (health.status === previous) return health;
  if (health.status === 'degraded') await openDegraded(deps, brand, src, health, now);
  else await resolveDegraded(deps, src, health, now);
  return health;
}

async function openDegraded(deps: Deps, brand: Brand, src: SourceInstance, h: SourceHealth, now: number): Promise<void> {
  if (await openSourceIncident(deps.db, src.id)) return;
  const incident: Incident = {
    id: deps.newId(), brandId: brand.id, state: 'open', severity: 'warning', title: `${brand.name}: source ${src.name} (${src.kind}) is ${h.kind}`,
    openedAt: now, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: h.reason, topics: [], playbookId: null,
  };
  const alertId = deps.newId();
  const zh = brand.lang === 'zh';
  const alert: Alert = {
    id: alertId, incidentId: incident.id, kind: 'source-degraded', brand: { id: brand.id, name: brand.name }, severity: 'warning', lang: brand.lang, createdAt: now,
    title: zh ? `数据源 ${src.name} 异常` : `source ${src.name} is ${h.kind}`,
    summary: zh ? `数据源 ${src.name}（${src.kind}）：${h.reason}。异常期间的统计窗口标记为不完整，基线不会从中学习。` : `Source ${src.name} (${src.kind}): ${h.reason}. Windows during the outage are marked incomplete; the baseline does not learn from them.`,
    reason: h.reason, chart: [], topPosts: [], guidance: null,
    ...(await alertLinks(deps, incident.id, alertId, now)),
  };
  // Routed like every alert: routes may match kind 'source-degraded', failing channels are skipped, noise control applies.
  await atomically(deps.db, async (trx) => {
    await insertIncident(trx, incident, { incidentId: incident.id, at: now, type: 'opened', actor: null, message: `Source degraded: ${h.reason}` }, { kind: 'source', sourceId: src.id });
    const routed = await routeAlert(deps, trx, alert, [], now);
    await insertEvent(trx, { incidentId: incident.id, at: now, type: 'alert-queued', actor: null, message: `Alert queued (source-degraded) to ${routed.description}`, data: { alertId } });
  });
  deps.log(`SOURCE DEGRADED ${src.id}: ${h.reason}`);
}

async function resolveDegraded(deps: Deps, src: SourceInstance, h: SourceHealth, now: number): Promise<void> {
  const open = await openSourceIncident(deps.db, src.id);
  if (!open) return;
  await transition(deps.db, { id: open.id, from: open.state, to: 'resolved', patch: { resolved_at: now, reason: h.reason }, event: { incidentId: open.id, at: now, type: 'auto-resolved', actor: null, message: `Source recovered: ${h.reason}` } });
  deps.log(`source ${src.id} recovered: ${h.reason}`);
}
