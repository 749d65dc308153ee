/** Builds real Node deps for tests: a SQLite file in a fresh temp dir, a fake clock, loopback-only HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '../../src/lib/http.js';
import { createNodeDeps } from '../../src/runtime/node.js';
import type { Env } from '../../src/config/index.js';

export interface FakeClock {
  now(): number;
  set(t: number): void;
  advance(ms: number): void;
}

export function fakeClock(start: number): FakeClock {
  let t = start;
  return { now: () => t, set: (v) => (t = v), advance: (ms) => (t += ms) };
}

export function tempDir(prefix = 'ew-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Real deps on `db` (a file path) with the given env on top of a quiet default (no SMTP unless given). */
export async function testDeps(env: Env, clock: FakeClock, logs: string[] = []) {
  return createNodeDeps({ EMBERWATCH_SECRET: 'test-secret-test-secret-test-secret-0123', ...env }, {
    clock,
    log: (l) => logs.push(l),
    http: createHttpClient({ allowPrivate: true }),
    sleep: async () => {},
    random: () => 0.5,
  });
}
