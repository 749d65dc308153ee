/**
 * A story: Hacker News polled every 2 minutes; the API answers 503 for ten minutes while complaints keep coming.
 * The dashboard must say "degraded" by the second failure, the outage's windows must be incomplete, and the first
 * poll after recovery must bring every post from the outage exactly once.
 */
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { Hono } from 'hono';
import { assessSourceHealth, windowComplete, type PollOutcome, type SourceHealth } from '../../src/core/source-health.js';
import { hackernews } from '../../src/sources/hackernews.js';
import { hit } from './fakes/hackernews.js';
import { makeCtx, makeIO, makeItem, MIN, NOW, startFake, type FakeItem } from './fakes/harness.js';

const servers: { close(): Promise<void> }[] = [];
after(async () => { await Promise.all(servers.map((s) => s.close())); });

it('rides out a ten-minute outage: degraded on the second failure, nothing lost or doubled afterwards', async () => {
  const T0 = NOW - 30 * MIN;
  let clock = T0;
  const published: FakeItem[] = [];
  const down = (t: number) => t >= T0 + 10 * MIN && t < T0 + 20 * MIN;
  const app = new Hono();
  app.get('/search_by_date', (c) => {
    if (down(clock)) return c.html('<html><title>503 Service Unavailable</title></html>', 503);
    const visible = published.filter((p) => p.at <= clock).sort((a, b) => b.at - a.at);
    return c.json({ hits: visible.map(hit), page: 0, nbPages: 1 });
  });
  const server = await startFake(app);
  servers.push(server);
  const cfg = hackernews.parseConfig({ api_base: server.base, timeout_ms: 2000 }, {});

  let cursor: string | null = null;
  let status: SourceHealth['status'] = 'ok';
  const outcomes: PollOutcome[] = [];
  const returned: string[] = [];
  const timeline: string[] = [];
  for (let m = 0; m <= 28; m += 2) {
    clock = T0 + m * MIN;
    published.push(makeItem(0, { at: clock - 30_000 })); // one complaint every 2 minutes, outage or not
    const result = await hackernews.poll(cfg, cursor, { ...makeIO(clock), sleep: async () => {} }, makeCtx({ budget: 10 }));
    if (result.ok) {
      cursor = result.cursor;
      returned.push(...result.posts.map((p) => p.externalId));
    }
    outcomes.push(result.ok ? { at: clock, ok: true, posts: result.posts.length } : { at: clock, ok: false, posts: 0, reason: result.error.reason, detail: result.error.detail, permanent: result.error.permanent });
    const h = assessSourceHealth(outcomes, 30, clock, { intervalMs: 2 * MIN }, status);
    if (h.status !== status) timeline.push(`${m} min: ${h.status} (${h.kind})`);
    status = h.status;
  }

  assert.deepEqual(timeline, ['12 min: degraded (failing)', '22 min: ok (healthy)']);
  assert.deepEqual([...returned].sort(), published.map((p) => p.id).sort(), 'every complaint, once');
  assert.equal(new Set(returned).size, returned.length);
  assert.equal(windowComplete(outcomes, T0, T0 + 10 * MIN, 2 * MIN), true);
  assert.equal(windowComplete(outcomes, T0 + 10 * MIN, T0 + 15 * MIN, 2 * MIN), false);
  assert.equal(windowComplete(outcomes, T0 + 15 * MIN, T0 + 20 * MIN, 2 * MIN), false);
  assert.equal(windowComplete(outcomes, T0 + 20 * MIN, T0 + 25 * MIN, 2 * MIN), true);
});
