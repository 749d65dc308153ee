/**
 * Routing at start-up: `rules/routing.yaml` when present (every channel validated, including the environment
 * variables it names), otherwise a built-in default that needs no secrets: one route to an `email` channel when
 * SMTP_HOST (or, on Workers, MAIL_API_URL) + ALERT_EMAIL_TO are set, else no channel at all (alerts stay in the
 * local outbox).
 */
import { ConfigError } from '../core/errors.js';
import { parseRouting, type RoutingConfig } from '../core/routing/index.js';
import { CHANNELS, isChannelKind } from '../channels/registry.js';
import type { Channel } from '../channels/channel.js';
import type { Env, Settings } from './index.js';

export const ROUTING_FILE = 'routing.yaml';

/** A configured channel, parsed with its kind's own parser: what dispatch sends through. */
export interface ChannelInstance {
  name: string;
  channel: Channel<unknown>;
  cfg: unknown;
}

/**
 * The default route set: email when SMTP (Node) or an HTTP mail API (Workers) is configured, nothing otherwise.
 * Alerts are sent at once (no group wait).
 */
export function defaultRouting(settings: Pick<Settings, 'smtp' | 'mailApi' | 'emailTo' | 'emailFrom'>): RoutingConfig {
  const email = (settings.smtp || settings.mailApi) && settings.emailTo.length > 0;
  return {
    channels: email ? { email: { id: 'email', kind: 'email', cap: null, raw: { from: settings.emailFrom, to: settings.emailTo } } } : {},
    schedules: {},
    escalations: {},
    routes: email ? [{ name: 'default', match: { brands: [], severities: [], topics: [], kinds: [] }, channels: ['email'], escalation: null, groupWaitMs: 0, groupIntervalMs: 5 * 60_000, repeatMs: [30 * 60_000, 2 * 3_600_000, 24 * 3_600_000], quietHours: null, continue: false }] : [],
    inhibitPostAlertsDuringBrandIncident: true,
  };
}

/** Parses one channel instance with its kind's parser; errors name `channels.<id>.<field>` in routing.yaml. */
function parseChannel(id: string, kind: string, raw: Record<string, unknown>, env: Env): ChannelInstance {
  if (!isChannelKind(kind)) throw new ConfigError(ROUTING_FILE, `channels.${id}.kind`, `unknown channel kind ${JSON.stringify(kind)} (known: ${Object.keys(CHANNELS).join(', ')})`);
  const channel = CHANNELS[kind] as Channel<unknown>;
  try {
    return { name: id, channel, cfg: channel.parseConfig(raw, env) };
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(ROUTING_FILE, `channels.${id}.${err.field}`, err.problem);
    throw new ConfigError(ROUTING_FILE, `channels.${id}`, err instanceof Error ? err.message : String(err));
  }
}

/** Loads routing from the rule files (or the default) and checks that every channel it names can be built. */
export function loadRouting(files: ReadonlyMap<string, string>, settings: Settings, env: Env): RoutingConfig {
  const text = files.get(ROUTING_FILE);
  const routing = text === undefined ? defaultRouting(settings) : parseRouting({ path: ROUTING_FILE, text });
  buildChannels(routing, env);
  return routing;
}

/** The channel instances of a routing config, by id. Throws a ConfigError naming the field of the first bad one. */
export function buildChannels(routing: RoutingConfig, env: Env): Map<string, ChannelInstance> {
  const out = new Map<string, ChannelInstance>();
  for (const [id, c] of Object.entries(routing.channels)) out.set(id, parseChannel(id, c.kind, c.raw, env));
  return out;
}
