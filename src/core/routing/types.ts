/** The parsed `rules/routing.yaml`: channels, on-call, routes and noise control. Durations are ms. */
import type { AlertKind, Severity } from '../types.js';
import type { EscalationPolicy, Schedule } from '../oncall/types.js';

/** At most `max` notifications per `perMs` on one channel. */
export interface Cap {
  max: number;
  perMs: number;
}

/** A channel instance: its kind, its cap and its raw config, which the runtime gives to `CHANNELS[kind].parseConfig`. */
export interface ChannelInstance {
  id: string;
  kind: string;
  cap: Cap | null;
  raw: Record<string, unknown>;
}

/** Local hours that hold non-critical alerts; `fromMinute > toMinute` spans midnight. */
export interface QuietHours {
  timezone: string;
  fromMinute: number;
  toMinute: number;
  /** Weekdays (0 = Sunday) on which the quiet period starts. */
  days: number[];
}

export interface RouteMatch {
  /** Empty = any. */
  brands: string[];
  severities: Severity[];
  /** Any of these topics; empty = any. */
  topics: string[];
  kinds: AlertKind[];
}

export interface Route {
  name: string;
  match: RouteMatch;
  channels: string[];
  escalation: string | null;
  groupWaitMs: number;
  groupIntervalMs: number;
  /** Repeat intervals with back-off: the n-th reminder waits repeatMs[min(n, last)]. */
  repeatMs: number[];
  quietHours: QuietHours | null;
  /** Keep matching later routes after this one (Alertmanager's `continue`). */
  continue: boolean;
}

export interface RoutingConfig {
  channels: Record<string, ChannelInstance>;
  schedules: Record<string, Schedule>;
  escalations: Record<string, EscalationPolicy>;
  routes: Route[];
  /** A brand-wide incident suppresses the per-post alerts of the same brand. */
  inhibitPostAlertsDuringBrandIncident: boolean;
}
