/** Gathers what the incident page and the timeline API show. */
import { buildGuidance } from '../core/playbook/index.js';
import { describeWhat } from '../core/alert-content.js';
import type { ChartPoint } from '../core/types.js';
import { getIncident, listEvents } from '../db/queries/incidents.js';
import { listDeliveries, alertsOf } from '../db/queries/outbox.js';
import { topNegativePosts } from '../db/queries/posts.js';
import { windowsBetween } from '../db/queries/windows.js';
import type { Deps } from '../pipeline/deps.js';

export async function incidentView(deps: Deps, id: string) {
  const incident = await getIncident(deps.db, id);
  if (!incident) return null;
  const brand = deps.config.brands.find((b) => b.id === incident.brandId);
  const end = incident.resolvedAt ? incident.resolvedAt + 3 * 3600_000 : deps.sourceIO.now();
  const from = incident.openedAt - 24 * 3600_000;
  const windows = await windowsBetween(deps.db, incident.brandId, from, end);
  const chart: ChartPoint[] = windows.map((w) => ({ t: w.start, observed: w.neg_posts, expected: w.expected, lo: w.band_lo, hi: w.band_hi }));
  const posts = (await topNegativePosts(deps.db, incident.brandId, incident.openedAt - 6 * 3600_000, end, 10)).map((r) => ({ text: r.text, url: r.url, author: r.author_handle, followers: r.author_followers, engagement: Number(r.engagement), platform: r.platform, negativity: r.negativity }));
  const alerts = await alertsOf(deps.db, id);
  const deliveries = (await Promise.all(alerts.map((a) => listDeliveries(deps.db, { alertId: a.id })))).flat();
  const pb = deps.config.playbooks.find((p) => p.id === incident.playbookId);
  const what = describeWhat(incident.topics, [...new Set(posts.map((p) => p.platform))]);
  const guidance = pb ? buildGuidance(pb, { brand: brand?.name ?? incident.brandId, what: what.en, what_zh: what.zh, count: chart.reduce((s, c) => s + (c.t >= incident.openedAt ? c.observed : 0), 0), platform: posts[0]?.platform ?? '' }) : null;
  return {
    incident,
    brand: { id: incident.brandId, name: brand?.name ?? incident.brandId, timezone: brand?.timezone ?? 'UTC' },
    chart,
    events: await listEvents(deps.db, id),
    posts,
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, createdAt: a.created_at })),
    deliveries: deliveries.map((d) => ({ channel: d.channel, status: d.status, attempts: d.attempts, last_error: d.last_error, alert_id: d.alert_id })),
    guidance,
  };
}
