/**
 * X (API v2, paid): recent search with a bearer token, `since_id` from the first page's `newest_id` of the last
 * complete poll and `next_token` paging within a poll; counters re-read via GET /2/tweets (100 ids per call); the
 * counts endpoint as a cheap volume signal. Both field spellings are parsed (`public_metrics.retweet_count` /
 * `referenced_tweets` and the v2.167 `repost_count` / `referenced_posts`). Retweets left search in 2026-05.
 */
import type { PostKind, SourcePost } from '../core/types.js';
import { createCaller } from './backoff.js';
import { boolField, numField, optStrField, secretFromEnv, strField, strListField, urlField } from './config-fields.js';
import { asArr, asCount, asObj, asStr, asText, asTime, type Obj, type Parsed } from './json.js';
import { finishPoll, type Gathered, type Page, type PageItem } from './page.js';
import type { Source } from './source.js';
import { decodeEntities } from '../core/text/entities.js';
import { chunk, quoteTerm } from './text.js';
import { readWatermark, sinceOf } from './watermark.js';

export interface XConfig { terms: string[]; bearer: string; apiBase: string; query: string | undefined; naming: 'tweet' | 'post'; useCounts: boolean; lookbackMs: number; overlapMs: number; maxPages: number; timeoutMs: number }

const KIND: Record<string, PostKind> = { retweeted: 'repost', reposted: 'repost', quoted: 'quote', replied_to: 'reply' };

/** Parses a search/lookup body: data[] with includes.users for followers; `newest_id` and `next_token` from meta. */
export function parseXPosts(value: unknown, now: number): Parsed<Page & { newestId: string | undefined }> {
  const o = asObj(value);
  const meta = asObj(o?.meta);
  let data = asArr(o?.data);
  // An empty result has no data[] at all, only meta.result_count 0.
  if (!data && o && o.data === undefined && o.errors === undefined && meta && asCount(meta.result_count) === 0) data = [];
  if (!o || !data) {
    const err = asObj(asArr(o?.errors)?.[0]);
    return { ok: false, detail: err ? `error: ${asStr(err.title) ?? ''} ${asStr(err.detail) ?? asStr(err.message) ?? ''}`.trim() : 'response has no data[] array' };
  }
  const users = new Map<string, Obj>();
  for (const u of asArr(asObj(o.includes)?.users) ?? []) { const uo = asObj(u); const id = asStr(uo?.id); if (uo && id) users.set(id, uo); }
  const items: PageItem[] = [];
  let skipped = 0;
  for (const v of data) {
    const t = asObj(v);
    const id = asStr(t?.id);
    const at = asTime(t?.created_at);
    if (!t || !id || !/^\d{1,25}$/.test(id) || at === undefined) { skipped++; continue; }
    const ref = asObj((asArr(t.referenced_tweets) ?? asArr(t.referenced_posts) ?? [])[0]);
    const kind = KIND[asStr(ref?.type) ?? ''] ?? 'post';
    const user = users.get(asStr(t.author_id) ?? '');
    const um = asObj(user?.public_metrics);
    const handle = asStr(user?.username) ?? asStr(t.author_id) ?? 'unknown';
    const post: SourcePost = {
      externalId: id, url: `https://x.com/${encodeURIComponent(handle)}/status/${id}`, authorHandle: handle,
      authorName: asText(user?.name) ?? null, authorFollowers: asCount(um?.followers_count), authorCreatedAt: asTime(user?.created_at) ?? null,
      text: decodeEntities(asText(t.text) ?? ''), createdAt: at, kind, parentExternalId: kind === 'post' ? null : asStr(ref?.id) ?? null, platform: 'x',
    };
    const m = asObj(t.public_metrics) ?? {};
    items.push({ post, at, snapshot: { externalId: id, at: now, reposts: asCount(m.repost_count ?? m.retweet_count), quotes: asCount(m.quote_count), replies: asCount(m.reply_count), likes: asCount(m.like_count) } });
  }
  return { ok: true, value: { items, skipped, next: asStr(meta?.next_token) ?? null, newestId: asStr(meta?.newest_id) } };
}

/** Total from counts/recent (either spelling), or undefined. */
export function parseXCounts(value: unknown): number | undefined {
  const o = asObj(value);
  const meta = asObj(o?.meta);
  const total = meta?.total_post_count ?? meta?.total_tweet_count;
  if (total !== undefined) return asCount(total);
  const data = asArr(o?.data);
  return data ? data.reduce<number>((s, b) => s + asCount(asObj(b)?.post_count ?? asObj(b)?.tweet_count), 0) : undefined;
}

export const x: Source<XConfig> = {
  kind: 'x',
  description: 'X (Twitter) API v2 recent search with a bearer token (paid per post read)',
  configSchema: {
    terms: { type: 'string[]', description: 'search terms for this source (default: the brand\'s terms, all languages)' },
    bearer_env: { type: 'string', secret: true, description: 'env var holding the app bearer token', default: 'X_BEARER_TOKEN' },
    api_base: { type: 'string', description: 'API base', default: 'https://api.x.com' },
    query: { type: 'string', description: 'search query; default: brand terms OR-ed, -is:retweet' },
    naming: { type: 'string', description: '"tweet" (tweet.fields) or "post" (post.fields, v2.167 spelling)', default: 'tweet' },
    use_counts: { type: 'boolean', description: 'read counts/recent each cycle as a volume signal ($0.005)', default: true },
    lookback_minutes: { type: 'number', description: 'how far back the first poll reads', default: 60 },
    overlap_minutes: { type: 'number', description: 'dedupe window kept in the cursor', default: 5 },
    max_pages: { type: 'number', description: 'pages (100 posts, billed) per cycle', default: 2 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw, env) {
    const naming = strField(raw, 'naming', 'tweet');
    if (naming !== 'tweet' && naming !== 'post') throw new Error('naming: must be "tweet" or "post"');
    return {
      terms: strListField(raw, 'terms', []),
      bearer: secretFromEnv(raw, 'bearer_env', env, 'X_BEARER_TOKEN'),
      apiBase: urlField(raw, 'api_base', 'https://api.x.com'),
      query: optStrField(raw, 'query'), naming, useCounts: boolField(raw, 'use_counts', true),
      lookbackMs: numField(raw, 'lookback_minutes', 60, 1, 7 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 5, 0, 1440) * 60_000,
      maxPages: numField(raw, 'max_pages', 2, 1, 50),
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'x', secrets: [cfg.bearer], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const fail = (error: import('./source.js').SourceError) => ({ ok: false as const, error, requests: caller.used() });
    const headers = { authorization: `Bearer ${cfg.bearer}` };
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const g: Gathered = { items: [], snapshots: [], cascade: [], incomplete: false };
    const query = cfg.query ?? `(${(cfg.terms.length > 0 ? cfg.terms : ctx.terms).map(quoteTerm).join(' OR ')}) -is:retweet${ctx.exclude.map((e) => ` -${quoteTerm(e)}`).join('')}`;
    const fields: Record<string, string> = cfg.naming === 'post'
      ? { 'post.fields': 'created_at,public_metrics,referenced_posts,author_id,lang', expansions: 'author_id', 'user.fields': 'public_metrics,created_at' }
      : { 'tweet.fields': 'created_at,public_metrics,referenced_tweets,author_id,lang', expansions: 'author_id', 'user.fields': 'public_metrics,created_at' };
    // X allows one of since_id / start_time (which must be within 7 days).
    const window: Record<string, string> = w.ext.since_id ? { since_id: w.ext.since_id } : { start_time: new Date(Math.max(since, now - 6.9 * 86_400_000)).toISOString() };
    if (cfg.useCounts) {
      const res = await caller.json({ url: `${cfg.apiBase}/2/tweets/counts/recent?${new URLSearchParams({ query, granularity: 'minute', start_time: new Date(Math.max(w.wm, now - 6.9 * 86_400_000)).toISOString() })}`, headers });
      if (res.ok) { const v = parseXCounts(res.value); if (v !== undefined) g.volumeHint = v; }
    }
    let newestId: string | undefined;
    let token: string | null = null;
    for (let n = 0; n < cfg.maxPages; n++) {
      if (caller.remaining() === 0) { g.incomplete = true; break; }
      const params = new URLSearchParams({ query, max_results: '100', sort_order: 'recency', ...window, ...fields });
      if (token) params.set('next_token', token);
      const res = await caller.json({ url: `${cfg.apiBase}/2/tweets/search/recent?${params}`, headers });
      if (!res.ok) return fail(res.error);
      const parsed = parseXPosts(res.value, now);
      if (!parsed.ok) return fail(caller.error('bad-response', parsed.detail, false));
      if (n === 0) newestId = parsed.value.newestId;
      g.items.push(...parsed.value.items);
      token = parsed.value.next;
      if (!token) break;
      if (n === cfg.maxPages - 1) g.incomplete = true;
    }
    for (const ids of chunk(ctx.refresh.filter((id) => /^\d{1,25}$/.test(id)), 100)) {
      if (caller.remaining() === 0) break;
      const params = new URLSearchParams({ ids: ids.join(','), ...fields });
      const res = await caller.json({ url: `${cfg.apiBase}/2/tweets?${params}`, headers });
      const parsed = res.ok ? parseXPosts(res.value, now) : undefined;
      if (!parsed?.ok) break;
      for (const it of parsed.value.items) if (it.snapshot) g.snapshots.push(it.snapshot);
    }
    // The next since_id is the first page's newest_id, but only once every page down to it was read.
    g.ext = { ...w.ext, ...(newestId && !g.incomplete ? { since_id: newestId } : {}) };
    return finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
  },
};
