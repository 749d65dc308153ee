/**
 * The single-post early warning on a real SQLite file: a negative post whose reposts are taking off opens one
 * 'cascade' incident with an 'early-warning' alert, a second such post is only noted, the incident resolves itself
 * when its post stops spreading, and a post is never warned about twice.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { watchCascades } from '../../src/pipeline/cascade-watch.js';
import { commitPoll } from '../../src/db/queries/posts.js';
import { clearReplayCache } from '../../src/sources/replay.js';
import type { Alert, ScoredPost } from '../../src/core/types.js';

const START = Date.UTC(2026, 10, 19, 0, 30, 0); // in the demo's quiet days, before its complaint
const MIN = 60_000;

describe('the single-post early warning', () => {
  const tmp = tempDir();
  const clock = fakeClock(START);
  let deps: Awaited<ReturnType<typeof testDeps>>;
  const brand = () => deps.config.brands[0]!;
  const incidents = () => deps.db.selectFrom('incidents').selectAll().orderBy('opened_at').execute();
  const alerts = () => deps.db.selectFrom('alerts').selectAll().orderBy('created_at').execute();

  /** A negative post and `n` reposts by small accounts, most of them in the last ten minutes (accelerating). */
  async function takingOff(id: string, author: string, n: number) {
    const now = clock.now();
    const base = { url: `https://example.invalid/${id}`, platform: 'bluesky', brandId: brand().id, sourceId: brand().sources[0]!.id, authorName: null };
    const neg = { negativity: 0.9, negative: true, complaint: true, topics: ['service-failure'], lang: 'en' as const, evidence: [] };
    const root: ScoredPost = { ...base, externalId: id, authorHandle: author, authorFollowers: 900, text: `Lumen Coffee charged me twice and support hung up (${id})`, createdAt: now - 20 * MIN, kind: 'post', score: neg };
    const reposts: ScoredPost[] = Array.from({ length: n }, (_, i) => ({
      ...base, externalId: `${id}-rp-${i}`, authorHandle: `${id}r${i}`, authorFollowers: 150 + (i % 7) * 40, text: 'repost', kind: 'repost', parentExternalId: id, score: neg,
      createdAt: i < n / 5 ? now - 19 * MIN + i * 30_000 : now - 9 * MIN + (i - n / 5) * ((9 * MIN) / n),
    }));
    const cursor = (await deps.db.selectFrom('source_cursors').select('cursor').where('source_id', '=', base.sourceId).executeTakeFirstOrThrow()).cursor;
    await commitPoll(deps.db, { sourceId: base.sourceId, brandId: base.brandId, ownAccounts: [], posts: [root, ...reposts], snapshots: [{ externalId: id, at: now - 1000, reposts: n, quotes: 0, replies: 0, likes: 0 }], cursor, now });
  }

  before(async () => {
    clearReplayCache();
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') }, clock);
    await runPollCycle(deps, clock.now()); // the quiet days arrive as history
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('stays quiet when the brand file sets a usual reach the post is not predicted to pass', async () => {
    await takingOff('big-brand-post', 'someone', 60);
    const out = await watchCascades(deps, { ...brand(), usualReach: 1_000_000 }, clock.now());
    assert.equal(out.opened, null);
    assert.equal((await incidents()).length, 0);
  });

  it('opens one early-warning incident for a negative post whose reposts are taking off', async () => {
    clock.advance(MIN);
    const out = await watchCascades(deps, brand(), clock.now());
    assert.ok(out.opened, 'an incident opened');
    const [inc] = await incidents();
    assert.equal(inc!.kind, 'cascade');
    const post = await deps.db.selectFrom('posts').select('id').where('external_id', '=', 'big-brand-post').executeTakeFirstOrThrow();
    assert.equal(inc!.post_id, post.id, 'the incident remembers the post it watches');
    assert.match(inc!.title, /one negative post predicted to outgrow its usual reach/);
    const [a] = await alerts();
    assert.equal(a!.kind, 'early-warning');
    const alert = JSON.parse(a!.payload) as Alert;
    assert.match(alert.summary, /One negative post by someone \(900 followers, bluesky\): (predicted ~[\d,]+ reposts \(60 so far\)|60 reposts so far)/);
    assert.match(alert.summary, /usually stay under ~150 reposts/, 'the usual reach set in the brand file');
    assert.match(alert.reason, /set in the brand file/);
    assert.equal(alert.topPosts[0]!.author, 'someone', 'the post that drives it comes first');
    assert.ok(alert.ackUrl.includes('/ack/'));

    await watchCascades(deps, brand(), clock.now() + MIN);
    assert.equal((await incidents()).length, 1, 'no second incident for the same post');
    assert.equal((await alerts()).length, 1, 'and no second alert');
  });

  it('only notes a second post taking off on the open incident, once, without another alert', async () => {
    clock.advance(2 * MIN);
    await takingOff('second-post', 'another', 70);
    const first = await watchCascades(deps, brand(), clock.now());
    assert.equal(first.opened, null);
    assert.equal(first.noted, 1);
    const again = await watchCascades(deps, brand(), clock.now() + MIN);
    assert.equal(again.noted, 0, 'noted once');
    assert.equal((await incidents()).length, 1);
    assert.equal((await alerts()).length, 1);
    const notes = await deps.db.selectFrom('incident_events').select('message').where('type', '=', 'forecast').execute();
    assert.ok(notes.some((n) => /Another post is set to outgrow the usual reach .*another/.test(n.message)), notes.map((n) => n.message).join(' | '));
  });

  it('resolves itself once its post has had no repost for an hour, and never warns about that post again', async () => {
    clock.advance(30 * MIN);
    assert.equal((await watchCascades(deps, brand(), clock.now())).resolved, null, 'half an hour of quiet is not enough');
    clock.advance(40 * MIN);
    const out = await watchCascades(deps, brand(), clock.now());
    assert.ok(out.resolved);
    const [inc] = await incidents();
    assert.equal(inc!.state, 'resolved');
    const ev = await deps.db.selectFrom('incident_events').select('message').where('incident_id', '=', inc!.id).where('type', '=', 'auto-resolved').executeTakeFirstOrThrow();
    assert.match(ev.message, /stopped spreading: no new repost for \d+ min \(60 reposts in all\)/);

    await takingOff('big-brand-post', 'someone', 90); // the same post picks up again (the same id is ignored on insert)
    await watchCascades(deps, brand(), clock.now());
    const opened = (await incidents()).filter((i) => i.post_id === inc!.post_id);
    assert.equal(opened.length, 1, 'the post was warned about once');
  });
});
