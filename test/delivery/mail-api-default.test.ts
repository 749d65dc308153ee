/**
 * Email through an HTTP mail API without any SMTP (the Workers transport, usable on Node too): the default route
 * sends the demo's first alert to ALERT_EMAIL_TO through a fake provider on 127.0.0.1, once; bad settings stop
 * start-up naming the variable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { readSettings } from '../../src/config/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { clearReplayCache } from '../../src/sources/replay.js';

const START = Date.UTC(2026, 10, 19, 1, 0, 0);
const WINDOW = 5 * 60_000;

describe('email through an HTTP mail API by default', () => {
  const posts: { auth?: string; body: { to: string[]; subject: string; html: string } }[] = [];
  let server: Server;
  let url = '';
  const tmp = tempDir();
  before(async () => {
    clearReplayCache();
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        posts.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"m${posts.length}"}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/emails`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    tmp.cleanup();
  });

  it('sends the demo\'s early warning to ALERT_EMAIL_TO through the API, once', async () => {
    const clock = fakeClock(START);
    const deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite'), MAIL_API_URL: url, MAIL_API_KEY: 'key-0123456789', ALERT_EMAIL_TO: 'pr@lumen.example' }, clock);
    while (clock.now() <= START + 30 * 60_000) {
      await runPollCycle(deps, clock.now());
      clock.advance(WINDOW);
    }
    await deps.close();
    const first = posts[0]!;
    assert.equal(first.auth, 'Bearer key-0123456789');
    assert.deepEqual(first.body.to, ['pr@lumen.example']);
    assert.match(first.body.subject, /Early warning · Lumen Coffee/);
    assert.match(first.body.html, /\/ack\//);
    assert.equal(new Set(posts.map((p) => p.body.subject)).size, posts.length, 'no alert sent twice');
  });

  it('stops start-up naming the variable when the API is half configured', () => {
    const bad = (env: Record<string, string>, field: string) => assert.throws(() => readSettings(env), (e: unknown) => e instanceof ConfigError && e.field === field, field);
    bad({ MAIL_API_URL: url, ALERT_EMAIL_TO: 'pr@lumen.example' }, 'MAIL_API_KEY');
    bad({ MAIL_API_URL: 'resend.com/emails', MAIL_API_KEY: 'k', ALERT_EMAIL_TO: 'pr@lumen.example' }, 'MAIL_API_URL');
  });
});
