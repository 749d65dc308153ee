/**
 * Weibo (opt-in; unofficial m.weibo.cn JSON with the user's own login cookie): real-time search (type 61) per brand
 * term, paged until posts fall below the watermark − overlap; counters re-read per post via statuses/show; for the
 * most reposted refreshed posts, repostTimeline gives timestamped reposts and the `//@name:` chain gives who
 * reposted whom. Pages are spaced out (`page_delay_ms`) as the maintained crawlers do.
 */
import { createCaller } from './backoff.js';
import { numField, secretFromEnv, strField, strListField, urlField } from './config-fields.js';
import { asObj } from './json.js';
import { finishPoll, type Gathered } from './page.js';
import type { Source, SourceError } from './source.js';
import { mblogToItem, parseWeiboReposts, parseWeiboSearch, weiboEnvelope } from './weibo-parse.js';
import { readWatermark, sinceOf } from './watermark.js';

export interface WeiboConfig { terms: string[]; cookie: string; apiBase: string; searchType: string; lookbackMs: number; overlapMs: number; maxPages: number; cascadePosts: number; pageDelayMs: number; timeoutMs: number }

export const weibo: Source<WeiboConfig> = {
  kind: 'weibo',
  description: 'Weibo real-time search via m.weibo.cn with your own login cookie (unofficial; opt-in)',
  configSchema: {
    terms: { type: 'string[]', description: 'search terms for this source (default: the brand\'s terms, all languages)' },
    cookie_env: { type: 'string', secret: true, description: 'env var holding the m.weibo.cn login cookie', default: 'WEIBO_COOKIE' },
    api_base: { type: 'string', description: 'mobile site base', default: 'https://m.weibo.cn' },
    search_type: { type: 'string', description: '61 real-time, 1 general, 60 hot', default: '61' },
    lookback_minutes: { type: 'number', description: 'how far back the first poll reads', default: 60 },
    overlap_minutes: { type: 'number', description: 'overlap window re-read each poll (minute-resolution dates)', default: 30 },
    max_pages: { type: 'number', description: 'search pages per term per cycle', default: 3 },
    cascade_posts: { type: 'number', description: 'refreshed posts per cycle whose repost timeline is read', default: 2 },
    page_delay_ms: { type: 'number', description: 'pause between requests', default: 2000 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw, env) {
    return {
      terms: strListField(raw, 'terms', []),
      cookie: secretFromEnv(raw, 'cookie_env', env, 'WEIBO_COOKIE'),
      apiBase: urlField(raw, 'api_base', 'https://m.weibo.cn'),
      searchType: strField(raw, 'search_type', '61').replace(/\D/g, '') || '61',
      lookbackMs: numField(raw, 'lookback_minutes', 60, 1, 7 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 30, 0, 1440) * 60_000,
      maxPages: numField(raw, 'max_pages', 3, 1, 50),
      cascadePosts: numField(raw, 'cascade_posts', 2, 0, 20),
      pageDelayMs: numField(raw, 'page_delay_ms', 2000, 0, 60_000),
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'weibo', secrets: [cfg.cookie], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const headers = { cookie: cfg.cookie, referer: `${cfg.apiBase}/`, 'x-requested-with': 'XMLHttpRequest' };
    const fail = (error: SourceError) => ({ ok: false as const, error: error.detail.includes('HTTP 432') ? { ...error, reason: 'auth' as const, permanent: true } : error, requests: caller.used() });
    const get = async (path: string) => {
      if (caller.used() > 0 && cfg.pageDelayMs > 0) await io.sleep(cfg.pageDelayMs);
      return caller.json({ url: `${cfg.apiBase}${path}`, headers });
    };
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const g: Gathered = { items: [], snapshots: [], cascade: [], incomplete: false };
    for (const term of cfg.terms.length > 0 ? cfg.terms : ctx.terms) {
      for (let page = 1; page <= cfg.maxPages; page++) {
        if (caller.remaining() === 0) { g.incomplete = true; break; }
        const q = new URLSearchParams({ containerid: `100103type=${cfg.searchType}&q=${term}`, page_type: 'searchall', page: String(page) });
        const res = await get(`/api/container/getIndex?${q}`);
        if (!res.ok) return fail(res.error);
        const parsed = parseWeiboSearch(res.value, now);
        if (!parsed.ok) {
          const login = /登录|login/i.test(parsed.detail);
          return fail(caller.error(login ? 'auth' : 'bad-response', `search: ${parsed.detail}${login ? ' (cookie expired? log in again)' : ''}`, login));
        }
        g.items.push(...parsed.value.items);
        if (parsed.value.items.length === 0 || Math.min(...parsed.value.items.map((i) => i.at)) < since) break;
        if (page === cfg.maxPages) g.incomplete = true;
      }
    }
    const hot: { id: string; reposts: number }[] = [];
    for (const id of ctx.refresh.filter((r) => /^\d{1,20}$/.test(r))) {
      if (caller.remaining() === 0) break;
      const res = await get(`/statuses/show?id=${id}`);
      const env = res.ok ? weiboEnvelope(res.value) : undefined;
      if (!env) break; // transport failure: stop refreshing this cycle
      const it = env.ok ? mblogToItem(asObj(env.value), now) : undefined;
      if (it?.snapshot) { g.snapshots.push(it.snapshot); hot.push({ id, reposts: it.snapshot.reposts }); }
    }
    for (const h of hot.filter((x) => x.reposts > 0).sort((a, b) => b.reposts - a.reposts).slice(0, cfg.cascadePosts)) {
      if (caller.remaining() === 0) break;
      const res = await get(`/api/statuses/repostTimeline?id=${h.id}&page=1`);
      const parsed = res.ok ? parseWeiboReposts(res.value, now) : undefined;
      if (parsed?.ok) for (const it of parsed.value.items) g.cascade.push({ ...it.post, parentExternalId: it.post.parentExternalId ?? h.id, kind: 'repost' });
    }
    return finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
  },
};
