/** A Mastodon instance fake: tag timeline read forward with min_id (2 per page, Link rel="prev"), statuses batch. */
import { Hono } from 'hono';
import { mastodon } from '../../../src/sources/mastodon.js';
import type { Source } from '../../../src/sources/source.js';
import { allItems, answer, withRefresh, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

const PAGE = 2;
const localId = (it: FakeItem) => ((BigInt(it.at) << 16n) + BigInt(Number(it.id) % 65536)).toString();
const uri = (it: FakeItem) => `https://social.example/users/${it.author}/statuses/${localId(it)}`;

export function status(it: FakeItem): unknown {
  return {
    id: localId(it), created_at: new Date(it.at).toISOString(), in_reply_to_id: null, visibility: 'public', language: 'en',
    uri: uri(it), url: `https://social.example/@${it.author}/${localId(it)}`, replies_count: it.replies, reblogs_count: it.reposts,
    favourites_count: it.likes, quotes_count: it.quotes, content: `<p>${it.text} <a href="https://social.example/tags/acme" class="mention hashtag">#<span>acme</span></a></p>`,
    reblog: null, quote: null, spoiler_text: '',
    account: { id: '42', username: it.author, acct: `${it.author}@social.example`, display_name: it.author, followers_count: it.followers, created_at: '2022-01-01T00:00:00.000Z' },
    media_attachments: [], mentions: [], tags: [{ name: 'acme' }], emojis: [],
  };
}

export const mastodonFake: PlatformFake = {
  name: 'mastodon',
  source: mastodon as Source<unknown>,
  env: {},
  paged: true,
  config: (base) => ({ instance: base, tags: ['acme'], timeout_ms: 2000, max_pages: 20 }),
  externalId: uri,
  app(s: Scenario) {
    const app = new Hono();
    app.get('/api/v1/timelines/tag/:tag', (c) => {
      const min = BigInt(c.req.query('min_id') ?? '0');
      const newer = allItems(s).filter((it) => BigInt(localId(it)) > min).sort((a, b) => (BigInt(localId(a)) < BigInt(localId(b)) ? -1 : 1));
      const page = newer.slice(0, PAGE).reverse(); // Mastodon answers newest first even when paging forward
      const link = page.length > 0 ? `<${new URL(c.req.url).origin}/api/v1/timelines/tag/acme?max_id=${localId(page[page.length - 1]!)}>; rel="next", <${new URL(c.req.url).origin}/api/v1/timelines/tag/acme?min_id=${localId(page[0]!)}>; rel="prev"` : '';
      return answer(s, JSON.stringify(page.map(status)), '[]').then((r) => { if (link && r.ok) r.headers.set('link', link); return r; });
    });
    app.get('/api/v1/statuses', (c) => {
      const want = new Set(c.req.queries('id[]') ?? []);
      return c.json(allItems(s).filter((it) => want.has(localId(it))).map((it) => status(withRefresh(s, it))));
    });
    return app;
  },
};
