/** Cascade forecasts for the posts driving an incident, from repost posts or from counter growth. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { forecastTopPosts } from '../../src/pipeline/cascades.js';
import { commitPoll } from '../../src/db/queries/posts.js';
import { forecastCascade } from '../../src/core/cascade/index.js';
import { clearReplayCache } from '../../src/sources/replay.js';
import type { ScoredPost } from '../../src/core/types.js';

const START = Date.UTC(2026, 10, 19, 1, 0, 0);
const CRISIS = START + 20 * 60_000;

describe('cascade forecasts of the posts driving an incident', () => {
  const tmp = tempDir();
  const clock = fakeClock(START);
  let deps: Awaited<ReturnType<typeof testDeps>>;

  before(async () => {
    clearReplayCache();
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') }, clock);
    for (;;) {
      await runPollCycle(deps, clock.now());
      if (clock.now() >= CRISIS + 40 * 60_000) break; // the clock stays at the last cycle: forecasts see fresh data
      clock.advance(5 * 60_000);
    }
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('forecasts the demo complaint from its repost counter while it is still growing', async () => {
    const [top] = await forecastTopPosts(deps.db, 'lumen-coffee', CRISIS - 3600_000, clock.now());
    assert.ok(top, 'the complaint is forecast');
    assert.equal(top.author, 'xiaolin_cafe_diary');
    assert.equal(top.basis, 'counters');
    assert.ok(top.observed > 50, `reposts seen so far: ${top.observed}`);
    assert.ok(top.supercritical || top.predictedFinal > top.observed, 'more reposts are still expected');
    assert.match(top.sentence, /predicted ~[\d,]+ reposts|final size not yet predictable/);
    assert.ok(top.accelerating, 'forty minutes in, the complaint is still accelerating');
  });

  it('uses the reposts a source returned, with their times and followers, when it has them', async () => {
    const posted = clock.now() - 30 * 60_000;
    const base = { url: null, platform: 'bluesky', brandId: 'lumen-coffee', sourceId: 'lumen-coffee:demo', authorName: null };
    const neg = { negativity: 0.9, negative: true, complaint: true, topics: [], lang: 'en' as const, evidence: [] };
    const root: ScoredPost = { ...base, externalId: 'root-x', authorHandle: 'origin', authorFollowers: 5000, text: 'Lumen Coffee refund refused again', createdAt: posted, kind: 'post', score: neg };
    const reposts: ScoredPost[] = Array.from({ length: 40 }, (_, i) => ({ ...base, externalId: `rp-${i}`, authorHandle: `r${i}`, authorFollowers: 50 + i * 10, text: 'repost', createdAt: posted + (i + 1) * 30_000, kind: 'repost', parentExternalId: 'root-x', score: neg }));
    await commitPoll(deps.db, { sourceId: 'lumen-coffee:demo', brandId: 'lumen-coffee', ownAccounts: [], posts: [root, ...reposts], snapshots: [{ externalId: 'root-x', at: clock.now() - 1000, reposts: 40, quotes: 0, replies: 0, likes: 0 }], cursor: (await deps.db.selectFrom('source_cursors').select('cursor').executeTakeFirstOrThrow()).cursor, now: clock.now() });
    const forecasts = await forecastTopPosts(deps.db, 'lumen-coffee', posted - 1000, clock.now(), 5);
    const f = forecasts.find((x) => x.externalId === 'root-x')!;
    assert.equal(f.basis, 'reposts');
    const direct = forecastCascade({ postedAt: posted, authorFollowers: 5000, reshares: reposts.map((r) => ({ at: r.createdAt, followers: r.authorFollowers })) }, clock.now());
    assert.equal(f.predictedFinal, direct.predictedFinal, 'the same forecast as the model run on those reposts');
    assert.equal(f.observed, 40);
  });
});
