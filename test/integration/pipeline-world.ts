/**
 * The bundled demo on the real pipeline (real SQLite file, fake clock, no channels: alerts wait in the local outbox),
 * optionally with extra records played by a second replay source of the same brand (bots, a brand reply...).
 * Times: START is the first poll; the complaint is posted at CRISIS; extra records use `t` = seconds after START.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { clearReplayCache } from '../../src/sources/replay.js';
import type { Env } from '../../src/config/index.js';
import { addToken, upsertUser, type Role } from '../../src/db/queries/auth.js';
import { randomId, sha256Hex } from '../../src/lib/signing.js';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
export const MIN = 60_000;
export const WINDOW = 5 * MIN;
export const START = Date.UTC(2026, 10, 19, 1, 0, 0);
export const CRISIS = START + 20 * MIN;

export type World = Awaited<ReturnType<typeof demoWorld>>;

/** A fresh database and rules; `extra` records (replay JSONL objects) join the demo brand as a second source. */
export async function demoWorld(extra?: object[]) {
  clearReplayCache();
  const tmp = tempDir('ew-issue7-');
  const env: Env = { EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') };
  if (extra) {
    const rules = join(tmp.dir, 'rules');
    cpSync(join(repoRoot, 'rules'), rules, { recursive: true });
    mkdirSync(join(rules, 'brands'), { recursive: true });
    const file = join(tmp.dir, 'extra.jsonl');
    writeFileSync(file, extra.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const brand = readFileSync(join(repoRoot, 'data/demo/brand.yaml'), 'utf8').trimEnd();
    writeFileSync(join(rules, 'brands/lumen-coffee.yaml'), `${brand}\n  - name: extra\n    kind: replay\n    file: ${JSON.stringify(file)}\n`);
    env.EMBERWATCH_RULES = rules;
  }
  const clock = fakeClock(START);
  const logs: string[] = [];
  let deps = await testDeps(env, clock, logs);
  return {
    clock,
    logs,
    get deps() {
      return deps;
    },
    /** Runs one poll cycle every window up to and including `until`. */
    async runUntil(until: number) {
      while (clock.now() <= until) {
        await runPollCycle(deps, clock.now());
        clock.advance(WINDOW);
      }
    },
    /** A new process on the same database file. */
    async restart() {
      await deps.close();
      deps = await testDeps(env, clock, logs);
    },
    async close() {
      await deps.close();
      tmp.cleanup();
    },
  };
}

/** Events of an incident whose data has the given `kind`. */
export async function eventsOfKind(w: World, kind: string) {
  const rows = await w.deps.db.selectFrom('incident_events').selectAll().orderBy('id').execute();
  return rows.filter((r) => r.data && (JSON.parse(r.data) as { kind?: string }).kind === kind);
}

/** The one incident the demo opens. */
export async function theIncident(w: World) {
  const all = await w.deps.db.selectFrom('incidents').selectAll().execute();
  if (all.length !== 1) throw new Error(`expected one incident, found ${all.length}`);
  return all[0]!;
}

/** A user with `role` and an API token for them. */
export async function tokenFor(db: World['deps']['db'], role: Role, now = START): Promise<string> {
  const token = `${role}-token-${randomId(16)}`;
  await upsertUser(db, { id: `u-${role}`, name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`, email: null, role }, now);
  await addToken(db, { id: randomId(8), userId: `u-${role}`, hash: await sha256Hex(token), label: 'test' }, now);
  return token;
}

/** Signs in through the tokened login link and returns the session cookie for page requests. */
export async function signIn(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, token: string): Promise<string> {
  const res = await app.request(`/login?token=${encodeURIComponent(token)}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie.split(';')[0]!;
}
