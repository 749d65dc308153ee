/** The CLI as a newcomer runs it: `start` serves and stops cleanly on SIGTERM; `replay` plays a file through the pipeline. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/node-deps.js';
import { REPO_ROOT } from '../../src/runtime/node.js';

const CLI = join(REPO_ROOT, 'src/cli.ts');

describe('emberwatch start', () => {
  it('serves /healthz and the API with the admin token it created, then finishes its cycle and exits 0 on SIGTERM', async () => {
    const { dir, cleanup } = tempDir();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const db = join(dir, 'ew.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'start'], {
      env: { ...process.env, PORT: String(port), EMBERWATCH_DB: db, EMBERWATCH_SCHEDULE: '*/2 * * * * *', EMBERWATCH_SECRET: 'start-test-secret-0123456789abcdefgh' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      for (let i = 0; i < 300 && !out.includes('Sign in to the dashboard'); i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(out, new RegExp(`listening on http://localhost:${port}/`));
      const tokenFile = join(dir, 'admin-token');
      assert.ok(existsSync(tokenFile), `the admin token is written next to the database: ${out}`);
      assert.equal(statSync(tokenFile).mode & 0o777, 0o600, 'readable by its owner only');
      assert.ok(existsSync(db), 'the database named by EMBERWATCH_DB is used (and not deleted by the demo)');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(health.status, 200);
      const { readFileSync } = await import('node:fs');
      const token = readFileSync(tokenFile, 'utf8').trim();
      const list = await fetch(`http://127.0.0.1:${port}/api/incidents`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(list.status, 200);
      assert.ok(Array.isArray(((await list.json()) as { incidents: unknown[] }).incidents));
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/incidents`)).status, 401);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.match(out, /SIGTERM: finishing the current cycle, then exiting/);
    } finally {
      child.kill('SIGKILL');
      cleanup();
    }
  });
});

describe('emberwatch replay', () => {
  it('plays a whole replay file through the pipeline and reports the incident it opened', () => {
    const { dir, cleanup } = tempDir();
    try {
      const res = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'replay', join(REPO_ROOT, 'data/demo/lumen-coffee.jsonl')], {
        env: { ...process.env, EMBERWATCH_DB: join(dir, 'ew.sqlite'), EMBERWATCH_SECRET: 'replay-test-secret-0123456789abcdefg' },
        encoding: 'utf8',
      });
      assert.equal(res.status, 0, res.stderr);
      assert.match(res.stdout, /replayed \d+ records of .*lumen-coffee\.jsonl for lumen-coffee: \d+ windows judged/);
      assert.match(res.stdout, / open: /, 'the spreading complaint opened an incident');
    } finally {
      cleanup();
    }
  });
});
