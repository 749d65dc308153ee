/** An Algolia HN fake: search_by_date with page numbers, search with story_<id> tags for counters. */
import { Hono } from 'hono';
import { hackernews } from '../../../src/sources/hackernews.js';
import type { Source } from '../../../src/sources/source.js';
import { allItems, answer, pageAt, withRefresh, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

export function hit(it: FakeItem): unknown {
  return {
    created_at: new Date(it.at).toISOString(), created_at_i: Math.floor(it.at / 1000), title: it.text, url: `https://news.example.com/${it.id}`,
    author: it.author, points: it.likes, story_text: null, comment_text: null, num_comments: it.replies,
    _tags: ['story', `author_${it.author}`, `story_${it.id}`], objectID: it.id,
  };
}

export const hackernewsFake: PlatformFake = {
  name: 'hackernews',
  source: hackernews as Source<unknown>,
  env: {},
  paged: true,
  config: (base) => ({ api_base: base, timeout_ms: 2000, max_pages: 10 }),
  externalId: (it) => it.id,
  app(s: Scenario) {
    const app = new Hono();
    app.get('/search_by_date', (c) => {
      const page = Number(c.req.query('page') ?? 0);
      const body = { hits: pageAt(s, page).map(hit), nbHits: allItems(s).length, page, nbPages: s.pages.length, hitsPerPage: 100, query: c.req.query('query') };
      return answer(s, JSON.stringify(body), JSON.stringify({ ...body, hits: [], nbPages: 0 }));
    });
    app.get('/search', (c) => {
      const ids = [...(c.req.query('tags') ?? '').matchAll(/story_(\d+)/g)].map((m) => m[1]);
      const hits = allItems(s).filter((it) => ids.includes(it.id)).map((it) => hit(withRefresh(s, it)));
      return c.json({ hits, page: 0, nbPages: 1 });
    });
    return app;
  },
};
