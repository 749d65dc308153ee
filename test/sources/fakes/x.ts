/** An X API v2 fake: counts/recent, search/recent with next_token (classic or v2.167 spelling), GET /2/tweets. */
import { Hono } from 'hono';
import type { Source } from '../../../src/sources/source.js';
import { x } from '../../../src/sources/x.js';
import { allItems, answer, pageAt, withRefresh, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

const BEARER = 'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI';

/** X escapes "&", "<" and ">" in post text as HTML entities (and nothing else). */
export const xEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders a post in the classic (`tweet`) or the renamed (`post`) spelling, its text escaped as X sends it. */
export function xPost(it: FakeItem, spelling: 'tweet' | 'post' = 'tweet'): unknown {
  const shares = spelling === 'post' ? { repost_count: it.reposts } : { retweet_count: it.reposts };
  return { id: it.id, text: xEscape(it.text), created_at: new Date(it.at).toISOString(), author_id: `u${it.author}`, public_metrics: { ...shares, reply_count: it.replies, like_count: it.likes, quote_count: it.quotes } };
}

const user = (it: FakeItem) => ({ id: `u${it.author}`, username: it.author, name: it.author, public_metrics: { followers_count: it.followers } });

export const xFake: PlatformFake = {
  name: 'x',
  source: x as Source<unknown>,
  env: { XB: BEARER },
  secret: BEARER,
  paged: true,
  config: (base) => ({ bearer_env: 'XB', api_base: base, timeout_ms: 2000, max_pages: 10 }),
  externalId: (it) => it.id,
  app(s: Scenario) {
    const app = new Hono();
    app.use('*', async (c, next) => (c.req.header('authorization') === `Bearer ${BEARER}` ? next() : c.json({ title: 'Unauthorized', detail: 'Unauthorized', status: 401 }, 401)));
    app.get('/2/tweets/counts/recent', (c) => c.json({ data: [{ start: '2026-11-17T02:00:00.000Z', end: '2026-11-17T02:01:00.000Z', tweet_count: 3 }, { start: '2026-11-17T02:01:00.000Z', end: '2026-11-17T02:02:00.000Z', tweet_count: 4 }], meta: { total_tweet_count: 7 } }));
    app.get('/2/tweets/search/recent', (c) => {
      const token = c.req.query('next_token');
      const index = token ? Number(token.replace('tok', '')) : 0;
      const items = pageAt(s, index);
      const meta: Record<string, unknown> = { result_count: items.length };
      if (items[0]) { meta.newest_id = items[0].id; meta.oldest_id = items[items.length - 1]!.id; }
      if (index + 1 < s.pages.length) meta.next_token = `tok${index + 1}`;
      return answer(s, JSON.stringify({ data: items.map((it) => xPost(it)), includes: { users: items.map(user) }, meta }), JSON.stringify({ meta: { result_count: 0 } }));
    });
    app.get('/2/tweets', (c) => {
      const ids = new Set((c.req.query('ids') ?? '').split(','));
      const items = allItems(s).filter((it) => ids.has(it.id)).map((it) => withRefresh(s, it));
      return c.json({ data: items.map((it) => xPost(it)), includes: { users: items.map(user) } });
    });
    return app;
  },
};
