/**
 * Delivery scenarios run the real pipeline (real SQLite file, fake clock, real local servers). A rules directory
 * holds one brand with no sources (so polling is quiet) and the routing under test; incidents are opened the way
 * apply-decision opens them: incident row, opening alert routed in the same transaction.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/http/app.js';
import { atomically } from '../../src/db/atomic.js';
import { insertIncident } from '../../src/db/queries/incidents.js';
import { addToken, upsertUser, type Role } from '../../src/db/queries/auth.js';
import { routeAlert } from '../../src/pipeline/route-alert.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { sha256Hex, signAckToken } from '../../src/lib/signing.js';
import type { Env } from '../../src/config/index.js';
import type { Severity } from '../../src/core/types.js';
import { makeAlert } from '../channels/fixtures.js';
import { fakeClock, tempDir, testDeps, type FakeClock } from '../helpers/node-deps.js';

export const BRAND = 'brand.yaml';
const BRAND_YAML = 'id: acme\nname: Acme Coffee\ntimezone: Asia/Shanghai\nlang: en\n';

export type Deps = Awaited<ReturnType<typeof testDeps>>;

export interface World {
  deps: Deps;
  clock: FakeClock;
  logs: string[];
  env: Env;
  dir: string;
  app: ReturnType<typeof createApp>;
  /** Reopens the deps on the same database file (a restart). */
  restart(): Promise<Deps>;
  cleanup(): Promise<void>;
}

/** A world with `routing` as rules/routing.yaml (or none) and `env` on top. */
export async function world(routing: string | null, env: Env, start: number): Promise<World> {
  const tmp = tempDir('ew-delivery-');
  const rules = join(tmp.dir, 'rules');
  mkdirSync(join(rules, 'brands'), { recursive: true });
  writeFileSync(join(rules, 'brands', BRAND), BRAND_YAML);
  if (routing !== null) writeFileSync(join(rules, 'routing.yaml'), routing);
  const fullEnv: Env = { EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite'), EMBERWATCH_RULES: rules, ...env };
  const clock = fakeClock(start);
  const logs: string[] = [];
  let deps: Deps;
  try {
    deps = await testDeps(fullEnv, clock, logs);
  } catch (err) {
    tmp.cleanup();
    throw err;
  }
  const w: World = {
    deps,
    clock,
    logs,
    env: fullEnv,
    dir: tmp.dir,
    app: null as never,
    async restart() {
      w.deps = await testDeps(fullEnv, clock, logs);
      w.app = createApp(w.deps);
      return w.deps;
    },
    async cleanup() {
      await w.deps.close().catch(() => {});
      tmp.cleanup();
    },
  };
  w.app = createApp(w.deps);
  return w;
}

let seq = 0;

/** Opens an incident now and routes its opening alert, as the pipeline does. Returns the incident id. */
export async function openIncident(w: World, severity: Severity, topics: string[] = []): Promise<string> {
  const now = w.clock.now();
  const id = `inc-${++seq}`;
  const alertId = `alert-${seq}`;
  const ackUrl = `http://localhost:8787/ack/${await signAckToken(w.deps.secret, { inc: id, to: 'alert', exp: now + 86_400_000, jti: alertId })}`;
  const alert = makeAlert({ id: alertId, incidentId: id, kind: 'opened', severity, createdAt: now, brand: { id: 'acme', name: 'Acme Coffee' }, title: `[${severity.toUpperCase()}] Acme Coffee: negative spread breaking away from normal`, ackUrl, incidentUrl: `http://localhost:8787/incidents/${id}` });
  await atomically(w.deps.db, async (trx) => {
    await insertIncident(trx, { id, brandId: 'acme', state: 'open', severity, title: alert.title, openedAt: now, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: 'negative posts 23 vs 1.2 expected', topics, playbookId: null }, { incidentId: id, at: now, type: 'opened', actor: null, message: 'Opened' });
    await routeAlert(w.deps, trx, alert, topics, now);
  });
  return id;
}

/** Runs one poll cycle every `stepMs` from now until `until` (inclusive); `each` runs after every cycle. */
export async function cyclesUntil(w: World, until: number, stepMs = 60_000, each?: (t: number) => Promise<void> | void): Promise<void> {
  while (w.clock.now() <= until) {
    await runPollCycle(w.deps, w.clock.now());
    await each?.(w.clock.now());
    w.clock.advance(stepMs);
  }
}

/** Creates a user with a fresh API token; returns the token. */
export async function userToken(w: World, id: string, role: Role): Promise<string> {
  const token = `tok-${id}-${'x'.repeat(24)}`;
  await upsertUser(w.deps.db, { id, name: id, email: null, role }, w.clock.now());
  await addToken(w.deps.db, { id: `t-${id}`, userId: id, hash: await sha256Hex(token), label: 'test' }, w.clock.now());
  return token;
}

/** Calls the JSON API as the holder of `token`. */
export async function api(w: World, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await w.app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export async function deliveriesOf(w: World, incidentId: string) {
  return w.deps.db.selectFrom('deliveries as d').innerJoin('alerts as a', 'a.id', 'd.alert_id').select(['d.id', 'd.channel', 'd.route', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.decision', 'd.last_error', 'd.sent_at', 'a.kind', 'a.id as alert_id']).where('a.incident_id', '=', incidentId).orderBy('d.id').execute();
}

export async function eventsOf(w: World, incidentId: string) {
  return w.deps.db.selectFrom('incident_events').select(['type', 'actor', 'message', 'at']).where('incident_id', '=', incidentId).orderBy('at').orderBy('id').execute();
}

/** Monday 5 January 2026, local time in Shanghai (UTC+8). */
export const shanghai = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour - 8, minute);
