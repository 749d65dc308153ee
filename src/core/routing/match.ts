/** Which routes an alert takes: first match wins unless it says `continue`; later matches are the fallbacks. */
import type { Alert } from '../types.js';
import type { Route, RoutingConfig } from './types.js';

/** What routing reads of an alert. `topics` and `scope` come from the incident, not the rendered alert. */
export type RoutableAlert = Pick<Alert, 'incidentId' | 'kind' | 'severity'> & {
  brand: { id: string };
  topics?: readonly string[];
  /** 'post' for alerts about one post (key post, viral post); 'brand' for brand-wide incidents. Default 'brand'. */
  scope?: 'brand' | 'post';
};

export interface RouteSelection {
  /** Routes to notify now. */
  primary: Route[];
  /** Further matching routes, in order, for when every primary channel fails permanently. */
  fallback: Route[];
  reason: string;
}

/** Why a route does or does not match, in words; null when it matches. */
export function mismatch(route: Route, a: RoutableAlert): string | null {
  const m = route.match;
  if (m.brands.length && !m.brands.includes(a.brand.id)) return `brand ${a.brand.id} not in [${m.brands.join(', ')}]`;
  if (m.severities.length && !m.severities.includes(a.severity)) return `severity ${a.severity} not in [${m.severities.join(', ')}]`;
  if (m.kinds.length && !m.kinds.includes(a.kind)) return `kind ${a.kind} not in [${m.kinds.join(', ')}]`;
  if (m.topics.length && !(a.topics ?? []).some((t) => m.topics.includes(t))) return `no topic of [${(a.topics ?? []).join(', ')}] in [${m.topics.join(', ')}]`;
  return null;
}

/** Selects the primary and fallback routes for an alert. */
export function selectRoutes(cfg: RoutingConfig, a: RoutableAlert): RouteSelection {
  const matched = cfg.routes.filter((r) => mismatch(r, a) === null);
  if (matched.length === 0) return { primary: [], fallback: [], reason: `no route matches (brand ${a.brand.id}, ${a.severity}, ${a.kind})` };
  const cut = matched.findIndex((r) => !r.continue);
  const primary = cut < 0 ? matched : matched.slice(0, cut + 1);
  const fallback = cut < 0 ? [] : matched.slice(cut + 1);
  return { primary, fallback, reason: `routes ${primary.map((r) => r.name).join(', ')}${fallback.length ? `; fallback ${fallback.map((r) => r.name).join(', ')}` : ''}` };
}
