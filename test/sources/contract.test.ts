/**
 * The source contract, run against every platform source over a real local server speaking that platform's
 * response shapes: paging to the end, re-polling with the cursor, empty pages, 429 with Retry-After, 5xx, timeouts,
 * HTML pages, truncated and malformed JSON, duplicates across pages, counters refreshed, secrets never shown.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { PollResult } from '../../src/sources/source.js';
import { blueskyFake } from './fakes/bluesky.js';
import { closeFakes, makeIO, makeItem, pollFake, type Fault, type PlatformFake, type Scenario } from './fakes/harness.js';
import { hackernewsFake } from './fakes/hackernews.js';
import { mastodonFake } from './fakes/mastodon.js';
import { redditFake } from './fakes/reddit.js';
import { rssFake } from './fakes/rss.js';
import { weiboFake } from './fakes/weibo.js';
import { xFake } from './fakes/x.js';

const FAKES: PlatformFake[] = [blueskyFake, mastodonFake, hackernewsFake, redditFake, rssFake, xFake, weiboFake];
after(closeFakes);

const pollOnce = pollFake;

const ids = (r: PollResult) => (r.ok ? r.posts.filter((p) => p.kind !== 'repost' || p.platform !== 'bluesky').map((p) => p.externalId).sort() : []);
const threePages = () => {
  const [a, b, c, d, e] = [makeItem(5), makeItem(10), makeItem(15), makeItem(20), makeItem(25)];
  return { items: [a!, b!, c!, d!, e!], pages: [[a!, b!], [b!, c!, d!], [e!]] }; // b is on two pages
};
const at = (fake: PlatformFake) => (fake.paged ? 1 : 0);
const faultOn = (n: number, kind: Fault) => (i: number) => (i === n ? kind : undefined);
const faultFrom = (n: number, kind: Fault) => (i: number) => (i >= n ? kind : undefined);

for (const fake of FAKES) {
  describe(`${fake.name} source contract`, () => {
    it('pages to the end and returns every post once, duplicates across pages included', async () => {
      const { items, pages } = threePages();
      const { result } = await pollOnce(fake, { pages });
      assert.ok(result.ok, !result.ok ? result.error.detail : '');
      assert.deepEqual(ids(result).filter((id) => items.some((it) => fake.externalId(it) === id)), items.map(fake.externalId).sort());
      assert.ok(result.cursor);
      for (const p of result.posts) {
        assert.ok(Number.isFinite(p.createdAt) && p.createdAt <= makeIO().now(), `${p.externalId} has a sane time`);
        assert.equal(typeof p.text, 'string');
      }
    });

    it('returns nothing twice when polled again with its cursor, and only the newcomer after one arrives', async () => {
      const { pages } = threePages();
      const s: Scenario = { pages };
      const first = await pollOnce(fake, s);
      assert.ok(first.result.ok);
      const again = await pollOnce(fake, { pages }, { cursor: first.result.cursor });
      assert.ok(again.result.ok);
      assert.deepEqual(ids(again.result), []);
      const fresh = makeItem(1);
      const third = await pollOnce(fake, { pages: [[fresh], ...pages] }, { cursor: first.result.cursor });
      assert.ok(third.result.ok);
      assert.deepEqual(ids(third.result), [fake.externalId(fresh)]);
    });

    it('treats an empty result as a quiet, successful poll', async () => {
      const { result } = await pollOnce(fake, { pages: [[]] });
      assert.ok(result.ok);
      assert.equal(result.posts.length, 0);
      assert.ok(result.cursor);
    });

    it('waits out a 429 Retry-After and then completes the poll', async () => {
      const { items, pages } = threePages();
      const { result, io } = await pollOnce(fake, { pages, fault: faultOn(at(fake), '429') });
      assert.ok(result.ok, !result.ok ? result.error.detail : '');
      assert.ok(io.sleeps.includes(2000), `slept ${io.sleeps.join(',')}`);
      assert.equal(ids(result).filter((id) => items.some((it) => fake.externalId(it) === id)).length, items.length);
    });

    it('does not sit out a long Retry-After: it stops with the wait attached and returns no posts', async () => {
      const { pages } = threePages();
      const { result, io } = await pollOnce(fake, { pages, fault: faultFrom(0, '429-long') });
      assert.ok(!result.ok);
      assert.equal(result.error.reason, 'rate-limited');
      assert.equal(result.error.permanent, false);
      assert.equal(result.error.retryAfterMs, 3_600_000);
      assert.ok(io.sleeps.every((ms) => ms < 3_600_000));
    });

    it('retries a 5xx with backoff and reports a lasting one as a transient server error', async () => {
      const { pages } = threePages();
      const { result, io } = await pollOnce(fake, { pages, fault: faultFrom(at(fake), '503') });
      assert.ok(!result.ok);
      assert.equal(result.error.reason, 'server-error');
      assert.equal(result.error.permanent, false);
      assert.match(result.error.detail, /503/);
      assert.equal(io.sleeps.length, 2, 'two retries, each after a backoff');
      assert.ok(io.sleeps[1]! > io.sleeps[0]!, 'backoff grows');
    });

    it('gives up on an answer that never comes, as a timeout', async () => {
      const { pages } = threePages();
      const { result } = await pollOnce(fake, { pages, fault: faultFrom(at(fake), 'timeout') }, { config: { timeout_ms: 150 } });
      assert.ok(!result.ok);
      assert.equal(result.error.reason, 'timeout');
    });

    for (const [kind, pattern] of [['html', /HTML/], ['truncated', /truncated/], ['malformed', /no |not |array|feed/]] as const) {
      it(`returns no posts at all when a page is ${kind}, and says so`, async () => {
        const { pages } = threePages();
        const { result } = await pollOnce(fake, { pages, fault: faultOn(at(fake), kind) });
        assert.ok(!result.ok, 'a bad page fails the poll, so the cursor does not move');
        assert.equal(result.error.reason, 'bad-response');
        assert.match(result.error.detail, pattern);
        assert.match(result.error.detail, new RegExp(`^${fake.name}:`));
      });
    }

    it('re-reads counters of the posts it is asked to refresh', async () => {
      const { items, pages } = threePages();
      const target = items[2]!;
      const refreshed = new Map([[target.id, { reposts: 40, likes: 99, replies: 7 }]]);
      const first = await pollOnce(fake, { pages });
      assert.ok(first.result.ok);
      const { result } = await pollOnce(fake, { pages, refreshed }, { cursor: first.result.cursor, ctx: { refresh: [fake.externalId(target)] } });
      assert.ok(result.ok);
      if (fake.name === 'rss') return assert.equal(result.snapshots.length, 0, 'feeds have no counters');
      const snap = result.snapshots.find((x) => x.externalId === fake.externalId(target));
      assert.ok(snap, 'a snapshot for the refreshed post');
      assert.equal(snap.likes, 99);
      assert.equal(snap.replies, 7);
      if (fake.name !== 'hackernews') assert.equal(snap.reposts, 40);
    });

    it('never spends more requests than its budget', async () => {
      const { pages } = threePages();
      const { result } = await pollOnce(fake, { pages }, { ctx: { budget: 1 } });
      assert.ok(result.requests <= 1);
    });

    if (fake.secret) {
      it('never shows its secret in an error, even when the platform echoes it', async () => {
        const { result } = await pollOnce(fake, { pages: [[makeItem(3)]], fault: faultFrom(0, '401-echo'), echo: fake.secret });
        assert.ok(!result.ok);
        assert.equal(result.error.reason, 'auth');
        assert.equal(result.error.permanent, true);
        assert.ok(!result.error.detail.includes(fake.secret!), result.error.detail);
      });
    }
  });
}
