/** A feed fake: Google-Alerts-style Atom (redirect links) with ETag support; every page flattened into one feed. */
import { Hono } from 'hono';
import { rss } from '../../../src/sources/rss.js';
import type { Source } from '../../../src/sources/source.js';
import { allItems, answer, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function entry(it: FakeItem): string {
  const link = `https://www.google.com/url?rct=j&sa=t&url=https://news.example.com/story-${it.id}&ct=ga`;
  return `<entry><id>tag:google.com,2013:googlealerts/feed:${it.id}</id><title type="html">${esc(`<b>${it.text}</b>`)}</title>` +
    `<link href="${esc(link)}"></link><published>${new Date(it.at).toISOString()}</published><updated>${new Date(it.at).toISOString()}</updated>` +
    `<content type="html">${esc(`Reported by <b>${it.author}</b>`)}</content><author><name></name></author></entry>`;
}

export const feed = (items: FakeItem[]) => `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:google.com,2005:reader/user/1/state/com.google/alerts/2</id><title>Google Alert - Acme</title><updated>2026-11-17T03:00:00Z</updated>${items.map(entry).join('')}</feed>`;

export const rssFake: PlatformFake = {
  name: 'rss',
  source: rss as Source<unknown>,
  env: {},
  paged: false,
  config: (base) => ({ url: `${base}/alerts/feeds/1/2`, timeout_ms: 2000 }),
  externalId: (it) => `tag:google.com,2013:googlealerts/feed:${it.id}`,
  app(s: Scenario) {
    const app = new Hono();
    app.get('/alerts/feeds/1/2', async (c) => {
      const body = feed(allItems(s));
      const etag = `"v${body.length}"`;
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      const r = await answer(s, body, feed([]), 'application/atom+xml');
      if (r.ok) r.headers.set('etag', etag);
      return r;
    });
    return app;
  },
};
