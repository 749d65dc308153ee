/**
 * Reddit: app-only OAuth (client credentials, token cached for its hour), `search` sorted by new with `after`
 * paging down to the `created_utc` watermark − overlap (the search index lags), counters re-read via /api/info
 * (100 fullnames per call). Reddit requires a descriptive User-Agent `<platform>:<app id>:<version> (by /u/<name>)`.
 */
import type { SourcePost } from '../core/types.js';
import { createCaller, type CallResult } from './backoff.js';
import { numField, optStrField, secretFromEnv, strField, strListField, urlField } from './config-fields.js';
import { asArr, asCount, asEpochSeconds, asObj, asStr, asText, type Parsed } from './json.js';
import { finishPoll, type Gathered, type Page, type PageItem } from './page.js';
import type { Source } from './source.js';
import { chunk, quoteTerm } from './text.js';
import { readWatermark, sinceOf } from './watermark.js';

export interface RedditConfig { terms: string[];
  clientId: string; clientSecret: string; userAgent: string; authBase: string; apiBase: string;
  subreddit: string | undefined; lookbackMs: number; overlapMs: number; maxPages: number; timeoutMs: number;
}

const tokens = new Map<string, { token: string; expiresAt: number }>();

/** Parses a Listing of t3 things. */
export function parseRedditListing(value: unknown, now: number): Parsed<Page> {
  const data = asObj(asObj(value)?.data);
  const children = asArr(data?.children);
  if (!data || !children) return { ok: false, detail: 'response is not a Listing with data.children[]' };
  const items: PageItem[] = [];
  let skipped = 0;
  for (const c of children) {
    const d = asObj(asObj(c)?.data);
    const name = asStr(d?.name);
    const at = asEpochSeconds(d?.created_utc);
    if (!d || !name || !name.startsWith('t3_') || at === undefined) { skipped++; continue; }
    const parent = asStr(d.crosspost_parent);
    const permalink = asStr(d.permalink);
    const post: SourcePost = {
      externalId: name,
      url: permalink ? `https://www.reddit.com${permalink}` : asStr(d.url) ?? null,
      authorHandle: asStr(d.author) ?? '[deleted]',
      authorFollowers: 0,
      text: [asText(d.title), asText(d.selftext)].filter(Boolean).join('\n'),
      createdAt: at,
      kind: parent ? 'repost' : 'post',
      parentExternalId: parent ?? null,
      platform: 'reddit',
    };
    items.push({ post, at, snapshot: { externalId: name, at: now, reposts: asCount(d.num_crossposts), quotes: 0, replies: asCount(d.num_comments), likes: asCount(d.score) } });
  }
  return { ok: true, value: { items, skipped, next: asStr(data.after) ?? null } };
}

export const reddit: Source<RedditConfig> = {
  kind: 'reddit',
  description: 'Reddit submissions via OAuth search (needs an approved app)',
  configSchema: {
    terms: { type: 'string[]', description: 'search terms for this source (default: the brand\'s terms, all languages)' },
    client_id_env: { type: 'string', secret: true, description: 'env var holding the OAuth client id', default: 'REDDIT_CLIENT_ID' },
    client_secret_env: { type: 'string', secret: true, description: 'env var holding the OAuth client secret', default: 'REDDIT_CLIENT_SECRET' },
    user_agent: { type: 'string', required: true, description: 'e.g. "server:com.example.emberwatch:v0.1 (by /u/yourname)"' },
    subreddit: { type: 'string', description: 'restrict to one subreddit' },
    auth_base: { type: 'string', description: 'token endpoint base', default: 'https://www.reddit.com' },
    api_base: { type: 'string', description: 'API base', default: 'https://oauth.reddit.com' },
    lookback_minutes: { type: 'number', description: 'how far back the first poll reads', default: 60 },
    overlap_minutes: { type: 'number', description: 'overlap window re-read each poll (search index lag)', default: 15 },
    max_pages: { type: 'number', description: 'pages (100) per cycle', default: 3 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw, env) {
    const userAgent = strField(raw, 'user_agent');
    if (!/\(by \/u\/[\w-]+\)/.test(userAgent)) throw new Error('user_agent: must end with "(by /u/<reddit username>)" as Reddit requires');
    return {
      terms: strListField(raw, 'terms', []),
      clientId: secretFromEnv(raw, 'client_id_env', env, 'REDDIT_CLIENT_ID'),
      clientSecret: secretFromEnv(raw, 'client_secret_env', env, 'REDDIT_CLIENT_SECRET'),
      userAgent,
      subreddit: optStrField(raw, 'subreddit')?.replace(/^\/?r\//, ''),
      authBase: urlField(raw, 'auth_base', 'https://www.reddit.com'),
      apiBase: urlField(raw, 'api_base', 'https://oauth.reddit.com'),
      lookbackMs: numField(raw, 'lookback_minutes', 60, 1, 7 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 15, 0, 1440) * 60_000,
      maxPages: numField(raw, 'max_pages', 3, 1, 50),
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'reddit', secrets: [cfg.clientId, cfg.clientSecret], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const fail = (error: import('./source.js').SourceError) => ({ ok: false as const, error, requests: caller.used() });
    const key = `${cfg.authBase}|${cfg.clientId}`;
    const token = async (): Promise<CallResult<string>> => {
      const c = tokens.get(key);
      if (c && c.expiresAt - now > 60_000) return { ok: true, value: c.token, response: { status: 200, headers: {}, text: '' } };
      const res = await caller.json({
        url: `${cfg.authBase}/api/v1/access_token`, method: 'POST',
        headers: { authorization: `Basic ${btoa(`${cfg.clientId}:${cfg.clientSecret}`)}`, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': cfg.userAgent },
        body: 'grant_type=client_credentials',
      });
      if (!res.ok) return { ok: false, error: res.error.reason === 'bad-config' ? { ...res.error, reason: 'auth' } : res.error };
      const t = asStr(asObj(res.value)?.access_token);
      if (!t) return { ok: false, error: caller.error('auth', `token endpoint answered without access_token (${asStr(asObj(res.value)?.error) ?? 'no error given'})`, true) };
      tokens.set(key, { token: t, expiresAt: now + (asCount(asObj(res.value)?.expires_in) || 3600) * 1000 });
      return { ok: true, value: t, response: res.response };
    };
    const api = async (path: string): Promise<CallResult<unknown>> => {
      for (let attempt = 0; attempt < 2; attempt++) {
        const t = await token();
        if (!t.ok) return t;
        const res = await caller.json({ url: `${cfg.apiBase}${path}`, headers: { authorization: `bearer ${t.value}`, 'user-agent': cfg.userAgent } });
        if (res.ok || res.error.reason !== 'auth' || attempt > 0) return res;
        tokens.delete(key); // expired or revoked token: fetch a new one once
      }
      return fail(caller.error('auth', 'unreachable', true));
    };

    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const g: Gathered = { items: [], snapshots: [], cascade: [], incomplete: false };
    const q = (cfg.terms.length > 0 ? cfg.terms : ctx.terms).map(quoteTerm).join(' OR ');
    const base = cfg.subreddit ? `/r/${encodeURIComponent(cfg.subreddit)}/search` : '/search';
    let after: string | null = null;
    for (let n = 0; n < cfg.maxPages; n++) {
      if (caller.remaining() === 0) { g.incomplete = true; break; }
      const params = new URLSearchParams({ q, sort: 'new', t: 'week', limit: '100', type: 'link', raw_json: '1' });
      if (cfg.subreddit) params.set('restrict_sr', '1');
      if (after) params.set('after', after);
      const res = await api(`${base}?${params}`);
      if (!res.ok) return fail(res.error);
      const parsed = parseRedditListing(res.value, now);
      if (!parsed.ok) return fail(caller.error('bad-response', parsed.detail, false));
      g.items.push(...parsed.value.items);
      after = parsed.value.next;
      if (!after || parsed.value.items.length === 0 || Math.min(...parsed.value.items.map((i) => i.at)) < since) break;
      if (n === cfg.maxPages - 1) g.incomplete = true;
    }
    for (const names of chunk(ctx.refresh, 100)) {
      if (caller.remaining() === 0) break;
      const res = await api(`/api/info?id=${names.map(encodeURIComponent).join(',')}&raw_json=1`);
      const parsed = res.ok ? parseRedditListing(res.value, now) : undefined;
      if (!parsed?.ok) break;
      for (const it of parsed.value.items) if (it.snapshot) g.snapshots.push(it.snapshot);
    }
    return finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
  },
};
