/**
 * Where an alert goes: the routes of `routing.yaml` (or the default) pick channels; channels marked failing are
 * skipped in favour of the fallback routes; with no usable channel the alert stays in the local outbox ('held').
 * Delivery rows are written in the caller's transaction, together with whatever produced the alert.
 */
import { selectRoutes, type RoutableAlert } from '../core/routing/index.js';
import type { Alert } from '../core/types.js';
import { failingChannels } from '../db/queries/channels.js';
import { enqueueAlert, type DeliveryTarget } from '../db/queries/outbox.js';
import type { Db } from '../db/schema.js';
import type { Deps } from './deps.js';

/** The local outbox pseudo-channel: rows there are 'held', shown on the dashboard and printed to the console. */
export const OUTBOX = 'outbox';

export interface RoutedAlert {
  targets: DeliveryTarget[];
  /** True when no channel took it: it waits in the local outbox. */
  held: boolean;
  /** For the timeline: where it went and why. */
  description: string;
}

/** What routing reads of an alert and its incident. */
export function routableOf(alert: Pick<Alert, 'incidentId' | 'kind' | 'severity' | 'brand'>, topics: readonly string[], scope: 'brand' | 'post' = 'brand'): RoutableAlert {
  return { incidentId: alert.incidentId, kind: alert.kind, severity: alert.severity, brand: { id: alert.brand.id }, topics, scope };
}

/** Channels of `routes` that are configured and not failing, first route first, each channel once. */
function usable(deps: Pick<Deps, 'channels'>, routes: readonly { name: string; channels: string[] }[], failing: ReadonlySet<string>, exclude: ReadonlySet<string> = new Set()): DeliveryTarget[] {
  const out: DeliveryTarget[] = [];
  for (const r of routes) for (const ch of r.channels) if (deps.channels.has(ch) && !failing.has(ch) && !exclude.has(ch) && !out.some((t) => t.channel === ch)) out.push({ channel: ch, route: r.name });
  return out;
}

const list = (ts: DeliveryTarget[]) => ts.map((t) => `${t.channel} (route ${t.route})`).join(', ');

/** Routes one alert and writes its delivery rows in `db` (pass the transaction that produced the alert). */
export async function routeAlert(deps: Pick<Deps, 'config' | 'channels'>, db: Db, alert: Alert, topics: readonly string[], now: number): Promise<RoutedAlert> {
  const routing = deps.config.routing;
  const hold = async (why: string): Promise<RoutedAlert> => {
    await enqueueAlert(db, alert, [OUTBOX], now, 'held', why);
    return { targets: [], held: true, description: `the local outbox (${why})` };
  };
  if (deps.channels.size === 0) return hold('no channel configured');
  const sel = selectRoutes(routing, routableOf(alert, topics));
  if (sel.primary.length === 0) return hold(sel.reason);
  const failing = new Set((await failingChannels(db)).keys());
  let targets = usable(deps, sel.primary, failing);
  let description = `${list(targets)}; ${sel.reason}`;
  if (targets.length === 0) {
    targets = usable(deps, sel.fallback, failing);
    if (targets.length === 0) return hold(`no working channel on routes ${[...sel.primary, ...sel.fallback].map((r) => r.name).join(', ')}${failing.size ? ` (failing: ${[...failing].join(', ')})` : ''}`);
    description = `${list(targets)} — fallback, because every primary channel is failing (${[...failing].join(', ')})`;
  }
  await enqueueAlert(db, alert, targets, now, 'pending');
  return { targets, held: false, description };
}

/**
 * After a permanent failure: the fallback routes' working channels that this alert has not used yet, or none while
 * another delivery of the alert is sent or still under way (a fallback is for when every primary channel failed).
 */
export async function fallbackTargets(deps: Pick<Deps, 'config' | 'channels'>, db: Db, alert: Alert, topics: readonly string[]): Promise<DeliveryTarget[]> {
  const rows = await db.selectFrom('deliveries').select(['channel', 'status']).where('alert_id', '=', alert.id).execute();
  if (rows.some((r) => r.status === 'sent' || r.status === 'pending' || r.status === 'sending')) return [];
  const sel = selectRoutes(deps.config.routing, routableOf(alert, topics));
  const failing = new Set((await failingChannels(db)).keys());
  return usable(deps, sel.fallback, failing, new Set(rows.map((r) => r.channel)));
}
