/**
 * Property tests: thousands of malformed payloads thrown at every platform parser. Each must answer without
 * throwing, either with a clear error or with only well-formed posts (id, finite time, text, sane counters).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EngagementSnapshot, SourcePost } from '../../src/core/types.js';
import { parseBlueskyPosts, parseBlueskyProfiles, parseBlueskyRepostedBy } from '../../src/sources/bluesky-parse.js';
import { parseHackerNewsPage } from '../../src/sources/hackernews.js';
import { parseExport } from '../../src/sources/import.js';
import { parseJsonBody } from '../../src/sources/json.js';
import { parseMastodonStatuses } from '../../src/sources/mastodon.js';
import type { Page } from '../../src/sources/page.js';
import { parseRedditListing } from '../../src/sources/reddit.js';
import { parseFeed } from '../../src/sources/rss.js';
import { readWatermark } from '../../src/sources/watermark.js';
import { parseWeiboCount, parseWeiboDate, parseWeiboReposts, parseWeiboSearch } from '../../src/sources/weibo-parse.js';
import { parseXCounts, parseXPosts } from '../../src/sources/x.js';
import { postView } from './fakes/bluesky.js';
import { makeItem, NOW } from './fakes/harness.js';
import { hit } from './fakes/hackernews.js';
import { status } from './fakes/mastodon.js';
import { listing } from './fakes/reddit.js';
import { feed } from './fakes/rss.js';
import { search } from './fakes/weibo.js';
import { xPost } from './fakes/x.js';

const RUNS = 1000;
type Parser = (v: unknown, now: number) => { ok: true; value: Page } | { ok: false; detail: string };

function assertWellFormed(post: SourcePost, snap?: EngagementSnapshot): void {
  assert.equal(typeof post.externalId, 'string');
  assert.ok(post.externalId.length > 0);
  assert.ok(Number.isFinite(post.createdAt));
  assert.equal(typeof post.text, 'string');
  assert.equal(typeof post.authorHandle, 'string');
  assert.ok(Number.isFinite(post.authorFollowers) && post.authorFollowers >= 0);
  assert.ok(['post', 'repost', 'quote', 'reply'].includes(post.kind));
  if (snap) for (const k of ['reposts', 'quotes', 'replies', 'likes'] as const) assert.ok(Number.isInteger(snap[k]) && snap[k] >= 0, `${k}=${snap[k]}`);
}

function check(parse: Parser, v: unknown): void {
  const r = parse(v, NOW);
  if (!r.ok) { assert.ok(r.detail.length > 0); return; }
  for (const it of r.value.items) assertWellFormed(it.post, it.snapshot);
}

/** Replaces the subtree at a random path of `base` with `junk`. */
function mutate(base: unknown, path: number[], junk: unknown): unknown {
  if (path.length === 0 || typeof base !== 'object' || base === null) return junk;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return junk;
  const key = keys[path[0]! % keys.length]!;
  (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], path.slice(1), junk);
  return copy;
}

const items = () => [makeItem(3), makeItem(4, { reposts: 25000 }), makeItem(6)];
const SAMPLES: [string, Parser, () => unknown][] = [
  ['bluesky searchPosts', parseBlueskyPosts, () => ({ cursor: '1', posts: items().map(postView) })],
  ['mastodon statuses', parseMastodonStatuses, () => items().map(status)],
  ['hackernews hits', parseHackerNewsPage, () => ({ hits: items().map(hit), page: 0, nbPages: 2 })],
  ['reddit listing', parseRedditListing, () => JSON.parse(listing(items(), 't3_x'))],
  ['x search', parseXPosts, () => ({ data: items().map((it, i) => xPost(it, i % 2 ? 'post' : 'tweet')), includes: { users: [] }, meta: { result_count: 3 } })],
  ['weibo search', parseWeiboSearch, () => JSON.parse(search(items()))],
  ['weibo reposts', parseWeiboReposts, () => ({ ok: 1, data: { data: [{ created_at: '5分钟前', mid: '1', raw_text: 'a//@b:c', retweeted_status: { mid: '9' }, user: { screen_name: 'b' } }] } })],
];

describe('platform parsers under malformed payloads', () => {
  for (const [name, parse, sample] of SAMPLES) {
    it(`${name}: any JSON value gives posts that are well formed or a clear error`, () => {
      fc.assert(fc.property(fc.jsonValue(), (v) => check(parse, v)), { numRuns: RUNS });
    });
    it(`${name}: a real-shaped page with a random part replaced never crashes the parser`, () => {
      fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 7 }), fc.anything(), (path, junk) => check(parse, mutate(sample(), path, junk))), { numRuns: RUNS });
    });
    it(`${name}: a page cut anywhere is reported, never half-read`, () => {
      const text = JSON.stringify(sample());
      fc.assert(fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        const parsed = parseJsonBody(text.slice(0, cut));
        assert.ok(!parsed.ok, 'a strict prefix of a JSON object is never valid JSON');
        assert.match(parsed.detail, /truncated|empty|malformed/);
      }), { numRuns: RUNS });
    });
  }

  it('the bluesky profile and reposter parsers take any JSON without throwing', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      for (const r of [parseBlueskyProfiles(v), parseBlueskyRepostedBy(v)]) if (!r.ok) assert.ok(r.detail);
    }), { numRuns: RUNS });
  });

  it('X counts give a non-negative total or nothing, for any JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const n = parseXCounts(v);
      assert.ok(n === undefined || (Number.isInteger(n) && n >= 0));
    }), { numRuns: RUNS });
  });

  it('feeds: any text, and a real feed cut anywhere, parse to well-formed items or an error', () => {
    const xml = feed(items());
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.integer({ min: 0, max: xml.length - 2 }).map((n) => xml.slice(0, n))), (text) => {
      const r = parseFeed(text, NOW);
      if (!r.ok) return assert.ok(r.detail);
      assert.equal(r.value.items.length, 0, 'a cut feed or random text yields no items');
    }), { numRuns: RUNS });
  });

  it('feeds: markup soup inside a real feed never crashes the reader', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('<item>', '</item>', '<entry>', '<![CDATA[', ']]>', '<!--', '&amp;', '&#xD800;', '<a b="', '"/>', '<', '>', 'x'), { maxLength: 40 }), (parts) => {
      const r = parseFeed(`<rss><channel>${parts.join('')}</channel></rss>`, NOW);
      if (r.ok) for (const it of r.value.items) assertWellFormed(it.post);
    }), { numRuns: RUNS });
  });

  it('imports: any text in either format gives well-formed rows or an error', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('jsonl', 'csv', 'auto' as const), (text, format) => {
      const r = parseExport(text, { format, platform: 'import', fields: {}, utcOffsetMs: 0 }, NOW);
      if (r.ok) for (const it of r.value.items) assertWellFormed(it.post, it.snapshot);
    }), { numRuns: RUNS });
  });

  it('weibo counts and dates never throw and stay in range for any input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue()), (v) => {
      const c = parseWeiboCount(v);
      assert.ok(Number.isInteger(c) && c >= 0);
      const d = parseWeiboDate(v, NOW);
      assert.ok(d === undefined || Number.isFinite(d));
    }), { numRuns: RUNS * 3 });
  });

  it('a corrupted cursor starts over from the lookback instead of failing the source', () => {
    const cursors = fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.record({ wm: fc.double(), seen: fc.anything() }).map((v) => JSON.stringify(v)));
    fc.assert(fc.property(cursors, (cursor) => {
      const w = readWatermark(cursor, NOW, 3_600_000);
      assert.ok(Number.isFinite(w.wm) && w.wm <= NOW);
      assert.doesNotThrow(() => new Date(w.wm - 3_600_000).toISOString());
      assert.ok(w.seen.every((s) => typeof s === 'string'));
    }), { numRuns: RUNS });
  });
});
