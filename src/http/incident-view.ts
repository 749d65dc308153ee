/** Gathers what the incident page and the timeline API show. */
import { buildGuidance } from '../core/playbook/index.js';
import { describeWhat } from '../core/alert-content.js';
import type { ChartPoint } from '../core/types.js';
import { getIncident, listEvents } from '../db/queries/incidents.js';
import { listDeliveries, alertsOf } from '../db/queries/outbox.js';
import { topNegativePosts } from '../db/queries/posts.js';
import { windowsBetween } from '../db/queries/windows.js';
import type { Deps } from '../pipeline/deps.js';
import { forecastTopPosts } from '../pipeline/cascades.js';
import { summariseResponses } from '../core/response/index.js';
import type { Finding } from '../core/reply-lint/index.js';
import { responseTrackingOf } from '../db/queries/responses.js';
import { guidanceFacts, playbookOf } from '../pipeline/guidance-facts.js';
import type { CoordinationView, ResponseTrackingView } from './views/response-panels.js';

export async function incidentView(deps: Deps, id: string) {
  const incident = await getIncident(deps.db, id);
  if (!incident) return null;
  const brand = deps.config.brands.find((b) => b.id === incident.brandId);
  const end = incident.resolvedAt ? incident.resolvedAt + 3 * 3600_000 : deps.sourceIO.now();
  const from = incident.openedAt - 24 * 3600_000;
  const windows = await windowsBetween(deps.db, incident.brandId, from, end);
  const chart: ChartPoint[] = windows.map((w) => ({ t: w.start, observed: w.neg_posts, expected: w.expected, lo: w.band_lo, hi: w.band_hi }));
  const posts = (await topNegativePosts(deps.db, incident.brandId, incident.openedAt - 6 * 3600_000, end, 10)).map((r) => ({ id: r.id, text: r.text, url: r.url, author: r.author_handle, followers: r.author_followers, engagement: Number(r.engagement), platform: r.platform, negativity: r.negativity }));
  const alerts = await alertsOf(deps.db, id);
  const deliveries = (await Promise.all(alerts.map((a) => listDeliveries(deps.db, { alertId: a.id })))).flat();
  const pb = deps.config.playbooks.find((p) => p.id === incident.playbookId);
  const what = describeWhat(incident.topics, [...new Set(posts.map((p) => p.platform))]);
  const count = chart.reduce((s, c) => s + (c.t >= incident.openedAt ? c.observed : 0), 0);
  const platforms = [...new Set(posts.map((p) => p.platform))];
  const factsFor = (targetMinutes: number) => (brand ? guidanceFacts(brand, { topics: incident.topics, platforms, count, now: deps.sourceIO.now(), targetMinutes }) : { brand: incident.brandId, what: what.en, what_zh: what.zh, count, platform: posts[0]?.platform ?? '' });
  const guidance = pb ? buildGuidance(pb, factsFor(pb.responseTargetMinutes)) : null;
  // Response tracking and the coordinated verdict (issue 7).
  const tracking = await responseTrackingOf(deps.db, id);
  const target = playbookOf(deps.config, incident.playbookId)?.responseTargetMinutes ?? null;
  const asOf = Math.min(deps.sourceIO.now(), incident.resolvedAt ?? Infinity);
  const responses = tracking.responses.map((r) => ({ at: r.at, platform: r.platform, author: r.author_handle, text: r.text ?? '', url: r.url, deflecting: r.deflecting === 1, findings: JSON.parse(r.findings) as Finding[] }));
  const s = summariseResponses({ openedAt: incident.openedAt, responseTargetMinutes: target ?? 0 }, responses, Math.max(asOf, ...responses.map((r) => r.at)));
  const response: ResponseTrackingView = {
    tracked: (brand?.ownAccounts.length ?? 0) > 0,
    accounts: brand?.ownAccounts ?? [],
    targetMinutes: target,
    dueAt: target === null ? null : incident.openedAt + target * 60_000,
    overdueAlertedAt: tracking.row?.response_overdue_at ?? null,
    summary: s.summary,
    firstResponseAt: s.firstResponseAt,
    minutesToFirstResponse: s.timeToFirstResponseMinutes === null ? null : Math.round(s.timeToFirstResponseMinutes),
    withinTarget: s.withinTarget,
    firstDeflecting: s.firstDeflecting,
    responses,
  };
  const coordination = tracking.row?.coordination ? (JSON.parse(tracking.row.coordination) as CoordinationView) : null;
  const offeredPb = coordination?.offeredPlaybookId ? deps.config.playbooks.find((p) => p.id === coordination.offeredPlaybookId) : undefined;
  const offered = offeredPb ? buildGuidance(offeredPb, factsFor(offeredPb.responseTargetMinutes)) : null;
  return {
    incident,
    brand: { id: incident.brandId, name: brand?.name ?? incident.brandId, timezone: brand?.timezone ?? 'UTC' },
    chart,
    events: await listEvents(deps.db, id),
    posts,
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, createdAt: a.created_at })),
    deliveries: deliveries.map((d) => ({ channel: d.channel, status: d.status, attempts: d.attempts, last_error: d.last_error, alert_id: d.alert_id })),
    guidance,
    response,
    coordination,
    offered,
    forecasts: await forecastTopPosts(deps.db, incident.brandId, incident.openedAt - 6 * 3600_000, incident.resolvedAt ?? deps.sourceIO.now()),
  };
}
