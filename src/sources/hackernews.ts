/**
 * Hacker News via the Algolia search API: `search_by_date` with a `created_at_i` filter per brand term,
 * stories' points and comment counts re-read in one tagged search per 50 ids. Free, no key, 10k requests/h per IP.
 */
import type { SourcePost } from '../core/types.js';
import { createCaller } from './backoff.js';
import { numField, strField, strListField, urlField } from './config-fields.js';
import { asArr, asCount, asEpochSeconds, asObj, asStr, asText, asTime, type Obj, type Parsed } from './json.js';
import { finishPoll, type Gathered, type Page, type PageItem } from './page.js';
import type { Source } from './source.js';
import { chunk, htmlToText } from './text.js';
import { readWatermark, sinceOf } from './watermark.js';

export interface HackerNewsConfig { terms: string[];
  apiBase: string;
  tags: string;
  lookbackMs: number;
  overlapMs: number;
  maxPages: number;
  timeoutMs: number;
}

/** Parses one Algolia page: hits to posts (stories are posts, comments replies) with counters where present. */
export function parseHackerNewsPage(value: unknown, now: number): Parsed<Page & { nbPages: number; page: number }> {
  const o = asObj(value);
  const hits = asArr(o?.hits);
  if (!o || !hits) return { ok: false, detail: 'response has no hits[] array' };
  const items: PageItem[] = [];
  let skipped = 0;
  for (const h of hits) {
    const item = hitToItem(asObj(h), now);
    if (item) items.push(item); else skipped++;
  }
  const page = asCount(o.page);
  const nbPages = asCount(o.nbPages);
  return { ok: true, value: { items, skipped, page, nbPages, next: page + 1 < nbPages ? String(page + 1) : null } };
}

function hitToItem(h: Obj | undefined, now: number): PageItem | undefined {
  const id = asStr(h?.objectID);
  const at = asEpochSeconds(h?.created_at_i) ?? asTime(h?.created_at);
  if (!h || !id || at === undefined) return undefined;
  const tags = (asArr(h._tags) ?? []).filter((t): t is string => typeof t === 'string');
  const isComment = tags.includes('comment') || asText(h.comment_text) !== undefined && asText(h.title) === undefined;
  const body = htmlToText(asText(h.comment_text) ?? asText(h.story_text) ?? '');
  const title = asText(h.title) ?? '';
  const post: SourcePost = {
    externalId: id,
    url: `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`,
    authorHandle: asStr(h.author) ?? 'unknown',
    authorFollowers: 0,
    text: [title, body || (asText(h.url) ?? '')].filter(Boolean).join(' — '),
    createdAt: at,
    kind: isComment ? 'reply' : 'post',
    parentExternalId: isComment ? asStr(h.parent_id) ?? asStr(h.story_id) ?? null : null,
    platform: 'hackernews',
  };
  const snapshot = isComment ? undefined : { externalId: id, at: now, reposts: 0, quotes: 0, replies: asCount(h.num_comments), likes: asCount(h.points) };
  return snapshot ? { post, at, snapshot } : { post, at };
}

export const hackernews: Source<HackerNewsConfig> = {
  kind: 'hackernews',
  description: 'Hacker News stories and comments via the Algolia API (no key)',
  configSchema: {
    terms: { type: 'string[]', description: 'search terms for this source (default: the brand\'s terms, all languages)' },
    api_base: { type: 'string', description: 'Algolia HN API base', default: 'https://hn.algolia.com/api/v1' },
    tags: { type: 'string', description: 'Algolia tags filter', default: '(story,comment)' },
    lookback_minutes: { type: 'number', description: 'how far back the first poll reads', default: 60 },
    overlap_minutes: { type: 'number', description: 'overlap window re-read each poll (index lag)', default: 2 },
    max_pages: { type: 'number', description: 'pages per term per cycle', default: 5 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw) {
    return {
      terms: strListField(raw, 'terms', []),
      apiBase: urlField(raw, 'api_base', 'https://hn.algolia.com/api/v1'),
      tags: strField(raw, 'tags', '(story,comment)'),
      lookbackMs: numField(raw, 'lookback_minutes', 60, 1, 7 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 2, 0, 1440) * 60_000,
      maxPages: numField(raw, 'max_pages', 5, 1, 50),
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'hackernews', secrets: [], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const g: Gathered = { items: [], snapshots: [], cascade: [], incomplete: false };
    for (const term of cfg.terms.length > 0 ? cfg.terms : ctx.terms) {
      for (let page = 0; page < cfg.maxPages; page++) {
        if (caller.remaining() === 0) { g.incomplete = true; break; }
        const q = new URLSearchParams({ query: term, tags: cfg.tags, numericFilters: `created_at_i>${Math.floor(since / 1000)}`, hitsPerPage: '100', page: String(page) });
        const res = await caller.json({ url: `${cfg.apiBase}/search_by_date?${q}` });
        if (!res.ok) return { ok: false, error: res.error, requests: caller.used() };
        const parsed = parseHackerNewsPage(res.value, now);
        if (!parsed.ok) return { ok: false, error: caller.error('bad-response', parsed.detail, false), requests: caller.used() };
        g.items.push(...parsed.value.items);
        const oldest = Math.min(...parsed.value.items.map((i) => i.at));
        if (!parsed.value.next || parsed.value.items.length === 0 || oldest < since) break;
        if (page === cfg.maxPages - 1) g.incomplete = true;
      }
    }
    // Counters: stories only (comments carry no points); one tagged search per 50 ids.
    for (const ids of chunk(ctx.refresh, 50)) {
      if (caller.remaining() === 0) break;
      const q = new URLSearchParams({ tags: `story,(${ids.map((id) => `story_${id}`).join(',')})`, hitsPerPage: String(ids.length) });
      const res = await caller.json({ url: `${cfg.apiBase}/search?${q}` });
      if (!res.ok) break; // counters are best effort; new posts above are still returned
      const parsed = parseHackerNewsPage(res.value, now);
      if (parsed.ok) for (const it of parsed.value.items) if (it.snapshot) g.snapshots.push(it.snapshot);
    }
    return finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
  },
};
