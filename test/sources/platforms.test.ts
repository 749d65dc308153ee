/** Platform-specific behaviour over local servers: cascades, sessions, field spellings, conditional GET, politeness. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Hono } from 'hono';
import { clearBlueskySessions } from '../../src/sources/bluesky-session.js';
import { blueskyFake } from './fakes/bluesky.js';
import { closeFakes, makeItem, MIN, NOW, pollFake, type FakeItem } from './fakes/harness.js';
import { mastodonFake } from './fakes/mastodon.js';
import { redditFake } from './fakes/reddit.js';
import { rssFake } from './fakes/rss.js';
import { weiboFake } from './fakes/weibo.js';
import { xFake, xPost } from './fakes/x.js';

after(closeFakes);

describe('bluesky', () => {
  it('reads the cascade of a hot post: timestamped quotes, reposters first seen now, and everyone\'s followers', async () => {
    const hot = makeItem(30, { author: 'angry', followers: 812, reposts: 48, quotes: 9 });
    const { result } = await pollFake(blueskyFake, { pages: [[hot]] }, { ctx: { refresh: [blueskyFake.externalId(hot)] } });
    assert.ok(result.ok);
    const quote = result.posts.find((p) => p.kind === 'quote');
    const repost = result.posts.find((p) => p.kind === 'repost');
    assert.equal(quote?.parentExternalId, blueskyFake.externalId(hot));
    assert.equal(quote?.createdAt, Date.parse('2026-11-17T02:58:00Z'));
    assert.equal(quote?.authorFollowers, 5000);
    assert.equal(repost?.parentExternalId, blueskyFake.externalId(hot));
    assert.equal(repost?.authorFollowers, 777);
    assert.equal(repost?.createdAt, NOW);
    assert.equal(result.posts.find((p) => p.externalId === blueskyFake.externalId(hot))?.authorFollowers, 812);
  });

  it('logs in once and reuses the session on the next poll (createSession is limited to 30 per 5 min)', async () => {
    clearBlueskySessions();
    let logins = 0;
    const s = { pages: [[makeItem(5)]] };
    const app = new Hono();
    app.use('/xrpc/com.atproto.server.createSession', async (_c, next) => { logins++; await next(); });
    app.route('/', blueskyFake.app(s));
    const first = await pollFake(blueskyFake, s, { app });
    assert.ok(first.result.ok);
    // Same service URL is required for the cache: poll the same server again through its base.
    const cfg = blueskyFake.source.parseConfig(blueskyFake.config(first.base), blueskyFake.env);
    const { makeIO, makeCtx } = await import('./fakes/harness.js');
    const second = await blueskyFake.source.poll(cfg, first.result.cursor, makeIO(), makeCtx());
    assert.ok(second.ok);
    assert.equal(logins, 1);
  });

  it('reports a rejected app password as a permanent auth error without the password', async () => {
    clearBlueskySessions();
    const server = await pollFake(blueskyFake, { pages: [[]] }, { config: { password_env: 'WRONG' } }).catch((e: Error) => e);
    assert.ok(server instanceof Error && /password_env: environment variable WRONG is not set/.test(server.message));
    const wrongEnv = { ...blueskyFake, env: { BSKY_PW: 'not-the-password-1234' } };
    const { result } = await pollFake(wrongEnv, { pages: [[]] });
    assert.ok(!result.ok);
    assert.equal(result.error.reason, 'auth');
    assert.equal(result.error.permanent, true);
    assert.match(result.error.detail, /Invalid identifier or password/);
    assert.ok(!result.error.detail.includes('not-the-password-1234'));
  });
});

describe('mastodon', () => {
  it('catches a post that federates late, inside the overlap window, and not one older than it', async () => {
    const seen = makeItem(2);
    const first = await pollFake(mastodonFake, { pages: [[seen]] });
    assert.ok(first.result.ok);
    const late = makeItem(6); // created before the watermark, arrived after the first poll
    const ancient = makeItem(90);
    const second = await pollFake(mastodonFake, { pages: [[seen, late, ancient]] }, { cursor: first.result.cursor });
    assert.ok(second.result.ok);
    assert.deepEqual(second.result.posts.map((p) => p.externalId), [mastodonFake.externalId(late)]);
  });

  it('keys posts by the federated uri and reads followers inline', async () => {
    const it1 = makeItem(3, { followers: 1530 });
    const { result } = await pollFake(mastodonFake, { pages: [[it1]] });
    assert.ok(result.ok);
    assert.match(result.posts[0]!.externalId, /^https:\/\/social\.example\/users\//);
    assert.equal(result.posts[0]!.authorFollowers, 1530);
    assert.doesNotMatch(result.posts[0]!.text, /<p>|<a /);
  });
});

describe('x', () => {
  it('reads the renamed v2.167 fields (repost_count, referenced_posts) as well as the classic ones', async () => {
    const orig = makeItem(20);
    const quoting = makeItem(10);
    const app = new Hono();
    app.get('/2/tweets/counts/recent', (c) => c.json({ data: [{ start: 'a', end: 'b', post_count: 11 }], meta: { total_post_count: 11 } }));
    app.get('/2/tweets/search/recent', (c) => c.json({
      data: [{ ...(xPost(quoting, 'post') as object), referenced_posts: [{ type: 'quoted', id: orig.id }] }, xPost(orig, 'tweet')],
      includes: { users: [{ id: `u${quoting.author}`, username: quoting.author, public_metrics: { followers_count: 507902 } }] },
      meta: { result_count: 2, newest_id: quoting.id },
    }));
    const { result } = await pollFake(xFake, { pages: [] }, { app, config: { naming: 'post' } });
    assert.ok(result.ok);
    const q = result.posts.find((p) => p.externalId === quoting.id)!;
    assert.equal(q.kind, 'quote');
    assert.equal(q.parentExternalId, orig.id);
    assert.equal(q.authorFollowers, 507902);
    assert.equal(result.snapshots.find((s) => s.externalId === quoting.id)!.reposts, quoting.reposts);
    assert.equal(result.snapshots.find((s) => s.externalId === orig.id)!.reposts, orig.reposts);
    assert.equal(result.volumeHint, 11);
  });

  it('stores the post text as written: X sends "&", "<" and ">" as HTML entities', async () => {
    const raw = makeItem(3, { text: 'AT&T <3 & "Acme" charged me twice -> refund? &amp; is what X sends' });
    const { result } = await pollFake(xFake, { pages: [[raw]] });
    assert.ok(result.ok);
    assert.equal(result.posts[0]!.text, raw.text);
  });

  it('polls on from the first page\'s newest_id', async () => {
    let sinceId: string | undefined;
    const items = [makeItem(2), makeItem(4)];
    const s = { pages: [items] };
    const app = new Hono();
    app.use('/2/tweets/search/recent', async (c, next) => { sinceId = c.req.query('since_id'); await next(); });
    app.route('/', xFake.app(s));
    const first = await pollFake(xFake, s, { app });
    assert.ok(first.result.ok);
    assert.equal(first.result.volumeHint, 7);
    await pollFake(xFake, s, { app, cursor: first.result.cursor });
    assert.equal(sinceId, items[0]!.id);
  });
});

describe('rss', () => {
  it('unwraps Google Alerts redirect links and strips the highlight markup', async () => {
    const it1 = makeItem(30);
    const { result } = await pollFake(rssFake, { pages: [[it1]] });
    assert.ok(result.ok);
    assert.equal(result.posts[0]!.url, `https://news.example.com/story-${it1.id}`);
    assert.doesNotMatch(result.posts[0]!.text, /<b>/);
    assert.equal(result.volumeHint, 1);
  });

  it('asks with If-None-Match and treats 304 as a quiet poll that keeps the cursor', async () => {
    const s = { pages: [[makeItem(30)]] };
    const app = rssFake.app(s);
    const first = await pollFake(rssFake, s, { app });
    assert.ok(first.result.ok);
    const second = await pollFake(rssFake, s, { app, cursor: first.result.cursor });
    assert.ok(second.result.ok);
    assert.equal(second.result.posts.length, 0);
    assert.equal(second.result.cursor, first.result.cursor);
  });

  it('reads RSS 2.0 (Google News shape) with guid, pubDate and the publisher as author, keeping only brand mentions', async () => {
    const app = new Hono();
    app.get('/rss', (c) => c.body(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
      <item><title>Acme recalls heaters - Daily Example</title><link>https://news.google.com/rss/articles/CBMiAAA?oc=5</link><guid isPermaLink="false">CBMiAAA</guid><pubDate>Tue, 17 Nov 2026 02:40:00 GMT</pubDate><description>&lt;a href="x"&gt;Acme recalls heaters&lt;/a&gt;</description><source url="https://daily.example">Daily Example</source></item>
      <item><title>Weather is nice</title><guid>CBMiBBB</guid><pubDate>Tue, 17 Nov 2026 02:41:00 GMT</pubDate></item>
      </channel></rss>`, 200, { 'content-type': 'application/rss+xml' }));
    const { result } = await pollFake(rssFake, { pages: [] }, { app, config: { url: 'placeholder' } }).catch(() => ({ result: null }));
    assert.equal(result, null, 'a non-URL feed address is refused by the config parser');
    const { base } = await pollFake(rssFake, { pages: [] }, { app });
    const { rss } = await import('../../src/sources/rss.js');
    const { makeIO, makeCtx } = await import('./fakes/harness.js');
    const r = await rss.poll(rss.parseConfig({ url: `${base}/rss` }, {}), null, makeIO(), makeCtx());
    assert.ok(r.ok);
    assert.deepEqual(r.posts.map((p) => [p.externalId, p.authorHandle, p.createdAt]), [['CBMiAAA', 'Daily Example', Date.parse('2026-11-17T02:40:00Z')]]);
  });
});

describe('weibo', () => {
  it('reads the repost timeline of a hot post and links each repost to whom it reposted', async () => {
    const root = makeItem(40, { reposts: 15000 });
    const { result } = await pollFake(weiboFake, { pages: [[root]] }, { ctx: { refresh: [root.id] } });
    assert.ok(result.ok);
    const reposts = Object.fromEntries(result.posts.filter((p) => p.kind === 'repost').map((p) => [p.externalId, p.parentExternalId]));
    assert.deepEqual(reposts, { '8002': '8001', '8001': root.id });
    assert.equal(result.snapshots.find((s) => s.externalId === root.id)!.reposts, 15000, '"1.5万" read as 15000');
  });

  it('spaces its requests out', async () => {
    const { io } = await pollFake(weiboFake, { pages: [[makeItem(3)], [makeItem(5)]] }, { config: { page_delay_ms: 2500 } });
    assert.deepEqual(io.sleeps, [2500, 2500], 'three pages (the last empty), two pauses');
  });

  it('says the cookie expired when Weibo answers with its login wall', async () => {
    const wrong = { ...weiboFake, env: { WB: 'SUB=stale-cookie-value' } };
    const { result } = await pollFake(wrong, { pages: [[makeItem(3)]] });
    assert.ok(!result.ok);
    assert.equal(result.error.reason, 'auth');
    assert.match(result.error.detail, /请先登录.*cookie/);
    assert.ok(!result.error.detail.includes('stale-cookie-value'));
  });
});

describe('reddit', () => {
  it('refuses a User-Agent that does not name its owner, as Reddit requires', () => {
    assert.throws(() => redditFake.source.parseConfig({ ...redditFake.config('https://oauth.reddit.com'), user_agent: 'python-requests/2.0' }, redditFake.env), /user_agent:.*by \/u\//);
  });

  it('marks crossposts as reposts of the original', async () => {
    const item: FakeItem = makeItem(5);
    const app = new Hono();
    app.post('/api/v1/access_token', (c) => c.json({ access_token: 't', expires_in: 3600 }));
    app.get('/search', (c) => c.json({ kind: 'Listing', data: { after: null, children: [{ kind: 't3', data: { name: `t3_${item.id}`, created_utc: Math.floor((NOW - 5 * MIN) / 1000), title: 'Acme again', author: 'x', crosspost_parent: 't3_orig', num_comments: 2, score: 5, num_crossposts: 0 } }] } }));
    const { result } = await pollFake(redditFake, { pages: [] }, { app });
    assert.ok(result.ok);
    assert.equal(result.posts[0]!.kind, 'repost');
    assert.equal(result.posts[0]!.parentExternalId, 't3_orig');
  });
});

describe('hackernews', () => {
  it('searches its own terms when given, instead of every brand term in every language', async () => {
    const queries: string[] = [];
    const app = new Hono();
    app.get('/search_by_date', (c) => { queries.push(c.req.query('query') ?? ''); return c.json({ hits: [], page: 0, nbPages: 0 }); });
    const { hackernewsFake } = await import('./fakes/hackernews.js');
    const { result } = await pollFake(hackernewsFake, { pages: [] }, { app, config: { terms: ['acme coffee'] }, ctx: { terms: ['acme coffee', '极客咖啡'] } });
    assert.ok(result.ok);
    assert.deepEqual(queries, ['acme coffee']);
    assert.equal(result.requests, 1);
  });
});
