/**
 * A source outage through the real cycle: Hacker News (a local Algolia fake) answers 503 for ten minutes while
 * complaints keep coming. The brand gets a "source degraded" incident and alert, the overview shows it, the windows
 * of the outage are marked incomplete, and recovery resolves the incident and brings every post exactly once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { hit } from '../sources/fakes/hackernews.js';
import { startFake, type FakeItem } from '../sources/fakes/harness.js';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { createApp } from '../../src/http/app.js';
import { ensureAdminToken } from '../../src/runtime/bootstrap.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 17, 2, 0);

describe('a ten-minute source outage, through the cycle', () => {
  const tmp = tempDir();
  const clock = fakeClock(T0);
  const published: FakeItem[] = [];
  const down = (t: number) => t >= T0 + 30 * MIN && t < T0 + 40 * MIN;
  let server: { base: string; close(): Promise<void> };
  let deps: Awaited<ReturnType<typeof testDeps>>;
  const logs: string[] = [];

  before(async () => {
    const app = new Hono();
    app.get('/search_by_date', (c) => {
      if (down(clock.now())) return c.html('<html><title>503 Service Unavailable</title></html>', 503);
      const visible = published.filter((p) => p.at <= clock.now()).sort((a, b) => b.at - a.at);
      return c.json({ hits: visible.map(hit), page: 0, nbPages: 1, hitsPerPage: 100 });
    });
    app.get('/search', (c) => c.json({ hits: [], page: 0, nbPages: 0 }));
    server = await startFake(app);
    const rules = join(tmp.dir, 'rules');
    mkdirSync(join(rules, 'brands'), { recursive: true });
    writeFileSync(join(rules, 'brands/acme.yaml'), `id: acme\nname: Acme\nqueries: [{ lang: en, must: [acme] }]\nsources: [{ kind: hackernews, api_base: "${server.base}", timeout_ms: 2000 }]\n`);
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite'), EMBERWATCH_RULES: rules }, clock, logs);
    for (let m = 1; m < 60; m += 3) published.push({ id: String(5000 + m), at: T0 + m * MIN, text: `Acme charged me twice and support ignores me (${m})`, author: `u${m}`, followers: 0, reposts: 0, likes: 1, replies: 0, quotes: 0 });
  });
  after(async () => {
    await deps.close();
    await server.close();
    tmp.cleanup();
  });

  it('opens a source-degraded incident by the second failed poll, alerts, shows it, and resolves after recovery', async () => {
    const states: { t: number; health: string }[] = [];
    for (; clock.now() <= T0 + 60 * MIN; clock.advance(2 * MIN)) {
      await runPollCycle(deps, clock.now());
      const s = await deps.db.selectFrom('source_cursors').select('health').where('source_id', '=', 'acme:hackernews').executeTakeFirst();
      states.push({ t: (clock.now() - T0) / MIN, health: s?.health ?? 'none' });
      if (clock.now() === T0 + 36 * MIN) {
        // Mid-outage: the overview shows the source as degraded.
        const { token } = await ensureAdminToken(deps.db, join(tmp.dir, 'admin-token'), clock.now());
        const res = await createApp(deps).request(`/login?token=${token}`);
        const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
        const page = await (await createApp(deps).request('/', { headers: { cookie } })).text();
        assert.match(page, /hackernews \(hackernews\) degraded/);
      }
    }
    const firstDegraded = states.find((s) => s.health === 'degraded')!.t;
    assert.equal(firstDegraded, 32, `degraded on the second failed poll (health by minute: ${states.map((s) => `${s.t}:${s.health}`).join(' ')})`);
    assert.equal(states.at(-1)!.health, 'ok', 'healthy again after recovery');

    const incidents = await deps.db.selectFrom('incidents').selectAll().where('kind', '=', 'source').execute();
    assert.equal(incidents.length, 1, 'one source incident for the whole outage');
    assert.equal(incidents[0]!.state, 'resolved');
    assert.match(incidents[0]!.reason, /ok|recover/i);
    const alerts = await deps.db.selectFrom('alerts').select('kind').where('incident_id', '=', incidents[0]!.id).execute();
    assert.deepEqual(alerts.map((a) => a.kind), ['source-degraded']);
    assert.ok(logs.some((l) => /SOURCE DEGRADED acme:hackernews: failing: 2 polls in a row/.test(l)), 'the console says so too');
  });

  it('marks the outage windows incomplete and the rest complete, and stores every post exactly once', async () => {
    const windows = await deps.db.selectFrom('spread_windows').select(['start', 'complete']).where('brand_id', '=', 'acme').orderBy('start').execute();
    const incomplete = windows.filter((w) => w.complete === 0).map((w) => (w.start - T0) / MIN);
    assert.ok(incomplete.length >= 2, `outage windows are incomplete: ${incomplete.join(', ')}`);
    assert.ok(incomplete.every((m) => m >= 25 && m < 45), `only windows around the outage are incomplete: ${incomplete.join(', ')}`);
    const stored = await deps.db.selectFrom('posts').select('external_id').where('brand_id', '=', 'acme').execute();
    const expected = published.filter((p) => p.at <= T0 + 60 * MIN).length;
    assert.equal(stored.length, expected, 'nothing lost');
    assert.equal(new Set(stored.map((s) => s.external_id)).size, stored.length, 'nothing doubled');
  });
});
