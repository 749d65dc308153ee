/** A Bluesky PDS fake: createSession/refreshSession, searchPosts (offset cursor), getPosts, getQuotes, getRepostedBy, getProfiles. */
import { Hono } from 'hono';
import { bluesky } from '../../../src/sources/bluesky.js';
import type { Source } from '../../../src/sources/source.js';
import { allItems, answer, pageAt, withRefresh, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

const PASSWORD = 'abcd-efgh-ijkl-mnop';
const did = (it: FakeItem) => `did:plc:${it.author}`;
const uri = (it: FakeItem) => `at://${did(it)}/app.bsky.feed.post/3k${it.id}`;

export function postView(it: FakeItem): unknown {
  return {
    uri: uri(it), cid: `bafy${it.id}`,
    author: { did: did(it), handle: `${it.author}.bsky.social`, displayName: it.author, labels: [] },
    record: { $type: 'app.bsky.feed.post', text: it.text, langs: ['en'], createdAt: new Date(it.at).toISOString() },
    replyCount: it.replies, repostCount: it.reposts, likeCount: it.likes, quoteCount: it.quotes,
    indexedAt: new Date(it.at + 1500).toISOString(), labels: [],
  };
}

export const blueskyFake: PlatformFake = {
  name: 'bluesky',
  source: bluesky as Source<unknown>,
  env: { BSKY_PW: PASSWORD },
  secret: PASSWORD,
  paged: true,
  config: (base) => ({ identifier: 'monitor.bsky.social', password_env: 'BSKY_PW', service: base, timeout_ms: 2000, max_pages: 10 }),
  externalId: uri,
  app(s: Scenario) {
    const app = new Hono();
    const jwt = (sub: string) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify({ sub, exp: 4_000_000_000 })).replace(/=+$/, '')}.sig`;
    app.post('/xrpc/com.atproto.server.createSession', async (c) => {
      const body = (await c.req.json()) as { password?: string };
      if (body.password !== PASSWORD) return c.json({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' }, 401);
      return c.json({ accessJwt: jwt('access'), refreshJwt: jwt('refresh'), did: 'did:plc:monitor', handle: 'monitor.bsky.social' });
    });
    app.get('/xrpc/app.bsky.feed.searchPosts', (c) => {
      const index = Number(c.req.query('cursor') ?? 0);
      const items = pageAt(s, index);
      const next = index + 1 < s.pages.length ? { cursor: String(index + 1) } : {};
      return answer(s, JSON.stringify({ ...next, hitsTotal: allItems(s).length, posts: items.map(postView) }), JSON.stringify({ posts: [] }));
    });
    const byUri = () => new Map(allItems(s).map((it) => [uri(it), it]));
    app.get('/xrpc/app.bsky.feed.getPosts', (c) => {
      const m = byUri();
      return c.json({ posts: (c.req.queries('uris') ?? []).flatMap((u) => (m.has(u) ? [postView(withRefresh(s, m.get(u)!))] : [])) });
    });
    app.get('/xrpc/app.bsky.feed.getQuotes', (c) => {
      const q: FakeItem = { id: '9901', at: Date.parse('2026-11-17T02:58:00Z'), text: 'Quoting: Acme is doing this to everyone', author: 'quoter', followers: 5000, reposts: 0, likes: 0, replies: 0, quotes: 0 };
      return c.json({ uri: c.req.query('uri'), posts: [postView(q)] });
    });
    app.get('/xrpc/app.bsky.feed.getRepostedBy', (c) => c.json({ uri: c.req.query('uri'), repostedBy: [{ did: 'did:plc:booster', handle: 'booster.bsky.social', labels: [] }] }));
    app.get('/xrpc/app.bsky.actor.getProfiles', (c) => {
      const known = new Map(allItems(s).map((it) => [did(it), it.followers]));
      known.set('did:plc:booster', 777);
      known.set('did:plc:quoter', 5000);
      return c.json({ profiles: (c.req.queries('actors') ?? []).map((d) => ({ did: d, handle: d, followersCount: known.get(d) ?? 0 })) });
    });
    return app;
  },
};
