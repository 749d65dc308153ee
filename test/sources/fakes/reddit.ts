/** A Reddit fake: client-credentials token, /search Listing with `after` fullnames, /api/info for counters. */
import { Hono } from 'hono';
import { reddit } from '../../../src/sources/reddit.js';
import type { Source } from '../../../src/sources/source.js';
import { allItems, answer, pageAt, withRefresh, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

const SECRET = 'reddit-client-secret-xyz';
const name = (it: FakeItem) => `t3_${it.id}`;

function thing(it: FakeItem): unknown {
  return {
    kind: 't3',
    data: {
      subreddit: 'mildlyinfuriating', title: it.text, selftext: '', name: name(it), id: it.id, author: it.author, score: it.likes, ups: it.likes,
      num_comments: it.replies, num_crossposts: it.reposts, created_utc: Math.floor(it.at / 1000), permalink: `/r/mildlyinfuriating/comments/${it.id}/x/`,
      subreddit_subscribers: 100000, is_self: true,
    },
  };
}

export const listing = (items: FakeItem[], after: string | null) => JSON.stringify({ kind: 'Listing', data: { after, dist: items.length, modhash: '', before: null, children: items.map(thing) } });

export const redditFake: PlatformFake = {
  name: 'reddit',
  source: reddit as Source<unknown>,
  env: { RID: 'reddit-client-id', RSECRET: SECRET },
  secret: SECRET,
  paged: true,
  config: (base) => ({ client_id_env: 'RID', client_secret_env: 'RSECRET', user_agent: 'server:com.example.emberwatch:v0.1 (by /u/tester)', auth_base: base, api_base: base, timeout_ms: 2000, max_pages: 10 }),
  externalId: name,
  app(s: Scenario) {
    const app = new Hono();
    app.post('/api/v1/access_token', (c) => {
      if (c.req.header('authorization') !== `Basic ${btoa(`reddit-client-id:${SECRET}`)}`) return c.json({ error: 401, message: 'Unauthorized' }, 401);
      if (!c.req.header('user-agent')?.includes('(by /u/')) return c.json({ error: 429, message: 'Too Many Requests' }, 429);
      return c.json({ access_token: 'app-token-123', token_type: 'bearer', expires_in: 3600, scope: '*' });
    });
    app.get('/search', (c) => {
      const after = c.req.query('after');
      const index = after ? s.pages.findIndex((p) => p.length > 0 && name(p[p.length - 1]!) === after) + 1 : 0;
      const items = pageAt(s, index);
      const next = index + 1 < s.pages.length && items.length > 0 ? name(items[items.length - 1]!) : null;
      return answer(s, listing(items, next), listing([], null));
    });
    app.get('/api/info', (c) => {
      const want = new Set((c.req.query('id') ?? '').split(','));
      return c.body(listing(allItems(s).filter((it) => want.has(name(it))).map((it) => withRefresh(s, it)), null), 200, { 'content-type': 'application/json' });
    });
    return app;
  },
};
