/**
 * The Cloudflare Workers runtime: D1 for storage, a Cron Trigger for the poll cycle, IM and webhook channels over
 * fetch, email through an HTTP mail API. It composes the same createApp(deps) and runPollCycle(deps, now) as Node.
 * The rules come in as data (bundled at build time), so the same code runs the repo's rules (`worker.ts`) or a test's.
 */
import { Kysely, Migrator } from 'kysely';
import { buildConfig, type Env } from '../config/index.js';
import { buildChannels } from '../config/routing.js';
import type { RuleFile } from '../core/errors.js';
import { D1Dialect, type D1Like } from '../db/d1-dialect.js';
import type { Database } from '../db/schema.js';
import { migrationProvider } from '../db/migrations/index.js';
import { createApp } from '../http/app.js';
import { createHttpClient } from '../lib/http.js';
import { randomId } from '../lib/signing.js';
import { runPollCycle } from '../pipeline/cycle.js';
import type { Deps } from '../pipeline/deps.js';
import type { Source } from '../sources/source.js';
import { ALL_SOURCES } from '../sources/all.js';
import { createHttpMailer } from '../channels/http-mail.js';
import { ensureAdminFromSecret } from './worker-admin.js';

export interface WorkerEnv {
  DB: D1Like;
  EMBERWATCH_SECRET: string;
  /** Optional: the admin's API token (a secret of 24+ characters); without it the API has no user. */
  EMBERWATCH_ADMIN_TOKEN?: string;
  /** 'true' lets channels post to private or loopback addresses (self-hosted receivers, `wrangler dev` tests). */
  EMBERWATCH_ALLOW_PRIVATE_URLS?: string;
  /** Email goes through an HTTP mail API (Resend's JSON shape): its send URL and a secret API key. */
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  [key: string]: unknown;
}

export interface WorkerHandlers {
  fetch(request: Request, env: WorkerEnv): Promise<Response>;
  scheduled(controller: { scheduledTime: number }, env: WorkerEnv): Promise<void>;
}

function stringEnv(env: WorkerEnv): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

async function composeDeps(env: WorkerEnv, files: RuleFile[], demoBrand: RuleFile): Promise<Deps> {
  const e = stringEnv(env);
  if (!env.EMBERWATCH_SECRET) throw new Error('EMBERWATCH_SECRET is not set (wrangler secret put EMBERWATCH_SECRET, 32+ characters)');
  const parseSource = (kind: string, raw: Record<string, unknown>, en: Env) => {
    const src = (ALL_SOURCES as Record<string, Source<unknown>>)[kind];
    if (!src) throw new Error(`kind: unknown source kind ${JSON.stringify(kind)}`);
    return src.parseConfig(raw, en);
  };
  const config = buildConfig(files, e, parseSource, demoBrand);
  const db = new Kysely<Database>({ dialect: new D1Dialect(env.DB) });
  // Migrations run at the first request, as one D1 batch (see d1-dialect.ts).
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw new Error(`database migration failed: ${String(error)}`);
  if (env.EMBERWATCH_ADMIN_TOKEN) await ensureAdminFromSecret(db, env.EMBERWATCH_ADMIN_TOKEN, Date.now());
  const http = createHttpClient({ allowPrivate: env.EMBERWATCH_ALLOW_PRIVATE_URLS === 'true' });
  const mailApi = config.settings.mailApi;
  const mail = mailApi ? createHttpMailer({ url: mailApi.url, apiKey: mailApi.apiKey, http }) : undefined;
  return {
    db,
    config,
    env: e,
    sources: ALL_SOURCES as Record<string, Source<unknown>>,
    // No SMTP here: email channels need MAIL_API_URL, and are left out without it (IM and webhooks work as on Node).
    channels: new Map([...buildChannels(config.routing, e)].filter(([, c]) => c.channel.kind !== 'email' || mail)),
    sourceIO: { http, now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random },
    channelIO: { http, now: () => Date.now(), mail },
    secret: env.EMBERWATCH_SECRET,
    newId: () => randomId(12),
    log: (line) => console.log(line),
  };
}

/** The Worker's handlers over the given rule files (one set of deps per isolate, composed at the first event). */
export function createWorker(files: RuleFile[], demoBrand: RuleFile): WorkerHandlers {
  let cached: Promise<Deps> | null = null;
  const depsFor = (env: WorkerEnv): Promise<Deps> => {
    const p = (cached ??= composeDeps(env, files, demoBrand));
    // A failed start (a bad secret, a migration that raced another isolate's) is retried at the next event.
    p.catch(() => {
      if (cached === p) cached = null;
    });
    return p;
  };
  return {
    async fetch(request, env) {
      return createApp(await depsFor(env)).fetch(request);
    },
    async scheduled(controller, env) {
      await runPollCycle(await depsFor(env), controller.scheduledTime);
    },
  };
}
