/**
 * The Cloudflare Workers runtime: D1 for storage, a Cron Trigger for the poll cycle, an HTTP mail API for email.
 * It composes the same createApp(deps) and runPollCycle(deps, now) as Node. Rules are bundled at build time
 * (`src/runtime/bundle-rules.ts` writes worker-rules.generated.ts; wrangler.toml runs it).
 */
import { Kysely, Migrator } from 'kysely';
import { buildConfig, type Env } from '../config/index.js';
import { buildChannels } from '../config/routing.js';
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
import { RULE_FILES, DEMO_BRAND } from './worker-rules.generated.js';

export interface WorkerEnv {
  DB: D1Like;
  EMBERWATCH_SECRET: string;
  [key: string]: unknown;
}

function stringEnv(env: WorkerEnv): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

let cached: Promise<Deps> | null = null;

async function depsFor(env: WorkerEnv): Promise<Deps> {
  cached ??= (async () => {
    const e = stringEnv(env);
    const parseSource = (kind: string, raw: Record<string, unknown>, en: Env) => {
      const src = (ALL_SOURCES as Record<string, Source<unknown>>)[kind];
      if (!src) throw new Error(`kind: unknown source kind ${JSON.stringify(kind)}`);
      return src.parseConfig(raw, en);
    };
    const config = buildConfig(RULE_FILES, e, parseSource, DEMO_BRAND);
    const db = new Kysely<Database>({ dialect: new D1Dialect(env.DB) });
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) throw new Error(`database migration failed: ${String(error)}`);
    const http = createHttpClient();
    return {
      db,
      config,
      env: e,
      sources: ALL_SOURCES as Record<string, Source<unknown>>,
      // Email on Workers needs an HTTP mail API transport (not built yet); IM and webhook channels work as on Node.
      channels: new Map([...buildChannels(config.routing, e)].filter(([, c]) => c.channel.kind !== 'email')),
      sourceIO: { http, now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random },
      channelIO: { http, now: () => Date.now() },
      secret: env.EMBERWATCH_SECRET,
      newId: () => randomId(12),
      log: (line) => console.log(line),
    };
  })();
  return cached;
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    return createApp(await depsFor(env)).fetch(request);
  },
  async scheduled(controller: { scheduledTime: number }, env: WorkerEnv): Promise<void> {
    await runPollCycle(await depsFor(env), controller.scheduledTime);
  },
};
