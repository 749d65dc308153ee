/**
 * The Node runtime: better-sqlite3, nodemailer, the filesystem and the real clock composed around the same core.
 * `createNodeDeps` is what `start`, `poll`, `replay` and the tests use.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConfig, type Config, type Env } from '../config/index.js';
import { readRulesDir } from '../config/load-node.js';
import { openSqlite } from '../db/sqlite.js';
import { createHttpClient, type HttpClient } from '../lib/http.js';
import { randomId } from '../lib/signing.js';
import { createSmtpMailer } from '../lib/mailer.js';
import { createHttpMailer } from '../channels/http-mail.js';
import { buildChannels, ROUTING_FILE } from '../config/routing.js';
import { ConfigError } from '../core/errors.js';
import type { ChannelInstance, Deps } from '../pipeline/deps.js';
import type { Source } from '../sources/source.js';
import { ALL_SOURCES } from '../sources/all.js';
import type { Clock } from './clock.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_BRAND_FILE = join(REPO_ROOT, 'data/demo/brand.yaml');

export interface NodeDepsOptions {
  clock: Clock;
  log?: (line: string) => void;
  /** Outbound HTTP; tests pass one that allows loopback. */
  http?: HttpClient;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Parses a source block with its kind's own config parser. */
export function parseSourceConfig(kind: string, raw: Record<string, unknown>, env: Env): unknown {
  const src = (ALL_SOURCES as Record<string, Source<unknown>>)[kind];
  if (!src) throw new Error(`kind: unknown source kind ${JSON.stringify(kind)} (known: ${Object.keys(ALL_SOURCES).join(', ')})`);
  return src.parseConfig(raw, env);
}

/** Loads and validates the rules directory (and the demo brand when no brand is configured). */
export function loadNodeConfig(env: Env): Config {
  const rulesDir = resolve(env.EMBERWATCH_RULES || join(REPO_ROOT, 'rules'));
  const demo = { path: 'demo/brand.yaml', text: readFileSync(DEMO_BRAND_FILE, 'utf8') };
  return buildConfig(readRulesDir(rulesDir), env, parseSourceConfig, demo);
}

/** Reads the signing secret from the environment, or from `data/secret` (created with mode 600 on first start). */
function signingSecret(config: Config): string {
  if (config.settings.secret) return config.settings.secret;
  const file = join(dirname(resolve(config.settings.dbPath)), 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomId(32);
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * Alert channels from the routing config (routing.yaml or the email default). Email needs a mail transport: SMTP
 * from the environment, or else an HTTP mail API; a routing.yaml email channel with neither stops start-up.
 */
function channelsFrom(config: Config, env: Env): Map<string, ChannelInstance> {
  for (const [id, c] of Object.entries(config.routing.channels)) {
    if (c.kind === 'email' && !config.settings.smtp && !config.settings.mailApi) throw new ConfigError(ROUTING_FILE, `channels.${id}.kind`, 'email channels need SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASS as needed) or MAIL_API_URL + MAIL_API_KEY in the environment');
  }
  return buildChannels(config.routing, env);
}

/** Composes everything one process needs. Call `close()` when done. */
export async function createNodeDeps(env: Env, opts: NodeDepsOptions): Promise<Deps & { close(): Promise<void> }> {
  const config = loadNodeConfig(env);
  const dbPath = resolve(REPO_ROOT, config.settings.dbPath);
  const db = await openSqlite(dbPath);
  const secret = signingSecret({ ...config, settings: { ...config.settings, dbPath } });
  const mailer = config.settings.smtp ? createSmtpMailer({ ...config.settings.smtp, allowInsecureTls: true }) : null;
  const http = opts.http ?? createHttpClient();
  // Without SMTP, an HTTP mail API (as on Workers) carries email.
  const mailApi = !mailer && config.settings.mailApi ? createHttpMailer({ ...config.settings.mailApi, http }) : undefined;
  const log = opts.log ?? ((line: string) => process.stdout.write(line + '\n'));
  return {
    db,
    config,
    env,
    sources: ALL_SOURCES as Record<string, Source<unknown>>,
    channels: channelsFrom(config, env),
    sourceIO: {
      http,
      now: () => opts.clock.now(),
      readFile: (p) => readFile(resolve(REPO_ROOT, p), 'utf8'),
      sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: opts.random ?? Math.random,
    },
    channelIO: { http, now: () => opts.clock.now(), mail: mailer ? (m) => mailer.send(m) : mailApi },
    secret,
    newId: () => randomId(12),
    log,
    async close() {
      mailer?.close();
      await db.destroy();
    },
  };
}
