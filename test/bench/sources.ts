/**
 * Parser cost per 100-item page, as ratios against JSON.parse of the same body (measured in this run), and the
 * feed reader against htmlparser2 when it happens to be installed (a transitive dependency; skipped otherwise).
 * Run: npx tsx test/bench/sources.ts
 */
import { parseBlueskyPosts } from '../../src/sources/bluesky-parse.js';
import { parseHackerNewsPage } from '../../src/sources/hackernews.js';
import { parseMastodonStatuses } from '../../src/sources/mastodon.js';
import { parseRedditListing } from '../../src/sources/reddit.js';
import { parseFeed } from '../../src/sources/rss.js';
import { parseWeiboSearch } from '../../src/sources/weibo-parse.js';
import { parseXPosts } from '../../src/sources/x.js';
import { postView } from '../sources/fakes/bluesky.js';
import { makeItem, NOW } from '../sources/fakes/harness.js';
import { hit } from '../sources/fakes/hackernews.js';
import { status } from '../sources/fakes/mastodon.js';
import { listing } from '../sources/fakes/reddit.js';
import { feed } from '../sources/fakes/rss.js';
import { search } from '../sources/fakes/weibo.js';
import { xPost } from '../sources/fakes/x.js';

function time(fn: () => unknown, n: number): number {
  for (let i = 0; i < Math.min(50, n); i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t) / n) * 1000; // µs per call
}

const items = Array.from({ length: 100 }, (_, i) => makeItem(i % 50));
const bodies: [string, string, (v: unknown, now: number) => unknown][] = [
  ['bluesky searchPosts', JSON.stringify({ cursor: '1', posts: items.map(postView) }), parseBlueskyPosts],
  ['mastodon tag timeline', JSON.stringify(items.map(status)), parseMastodonStatuses],
  ['hackernews search_by_date', JSON.stringify({ hits: items.map(hit), page: 0, nbPages: 1 }), parseHackerNewsPage],
  ['reddit search', listing(items, null), parseRedditListing],
  ['x search/recent', JSON.stringify({ data: items.map((it) => xPost(it)), meta: { result_count: 100 } }), parseXPosts],
  ['weibo getIndex', search(items), parseWeiboSearch],
];

const rows: [string, number, number][] = [];
for (const [name, body, parse] of bodies) {
  const ref = time(() => JSON.parse(body), 2000);
  const ours = time(() => parse(JSON.parse(body), NOW), 2000);
  rows.push([name, ours, ours / ref]);
}
const xml = feed(items);
const feedUs = time(() => parseFeed(xml, NOW), 500);
let htmlparser: ((s: string, o: object) => unknown) | undefined;
try { htmlparser = ((await import('htmlparser2' as string)) as { parseDocument: (s: string, o: object) => unknown }).parseDocument; } catch { /* not installed */ }
const refXml = htmlparser ? time(() => htmlparser!(xml, { xmlMode: true }), 500) : NaN;

console.log('per 100-item page                 µs/page   (JSON.parse + normalise) ÷ JSON.parse alone');
for (const [name, us, ratio] of rows) console.log(`${name.padEnd(32)} ${us.toFixed(0).padStart(8)}   ${ratio.toFixed(2)}×`);
console.log(`\nfeed (Atom, 100 entries): ${feedUs.toFixed(0)} µs` + (htmlparser ? ` = ${(feedUs / refXml).toFixed(2)}× htmlparser2 parseDocument (xmlMode) at ${refXml.toFixed(0)} µs` : ' (htmlparser2 not installed: no reference)'));
