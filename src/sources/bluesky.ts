/**
 * Bluesky: app-password session against the PDS (which proxies app.bsky.* reads), searchPosts sorted latest with
 * `since` = watermark − overlap, counters re-read with getPosts (25 per call), and for the hottest refreshed posts
 * the cascade: quotes (timestamped) and reposters (first-seen time), with followers from getProfiles (25 per call).
 */
import type { SourcePost } from '../core/types.js';
import { createCaller, type Caller, type CallResult } from './backoff.js';
import { accessToken, type SessionTarget } from './bluesky-session.js';
import { parseBlueskyPosts, parseBlueskyProfiles, parseBlueskyRepostedBy, type Profile } from './bluesky-parse.js';
import { numField, optStrField, secretFromEnv, strField, strListField, urlField } from './config-fields.js';
import { finishPoll, type Gathered } from './page.js';
import type { Source } from './source.js';
import { chunk, quoteTerm } from './text.js';
import { readWatermark, sinceOf } from './watermark.js';

export interface BlueskyConfig extends SessionTarget { terms: string[];
  query: string | undefined;
  lookbackMs: number;
  overlapMs: number;
  maxPages: number;
  cascadePosts: number;
  timeoutMs: number;
}

const PROFILE_TTL_MS = 6 * 3_600_000;
const profiles = new Map<string, Profile & { at: number }>();

const didOf = (uri: string): string | undefined => /^at:\/\/([^/]+)\//.exec(uri)?.[1];

export const bluesky: Source<BlueskyConfig> = {
  kind: 'bluesky',
  description: 'Bluesky posts via searchPosts with an app password; counters, quotes and reposters for cascades',
  configSchema: {
    terms: { type: 'string[]', description: 'search terms for this source (default: the brand\'s terms, all languages)' },
    identifier: { type: 'string', required: true, description: 'account handle or DID that owns the app password' },
    password_env: { type: 'string', secret: true, description: 'env var holding the app password', default: 'BLUESKY_APP_PASSWORD' },
    service: { type: 'string', description: 'PDS base URL (authenticated reads are proxied by it)', default: 'https://bsky.social' },
    query: { type: 'string', description: 'search query; default: one search per brand term' },
    lookback_minutes: { type: 'number', description: 'how far back the first poll reads', default: 60 },
    overlap_minutes: { type: 'number', description: 'overlap window re-read each poll (indexing lag)', default: 10 },
    max_pages: { type: 'number', description: 'search pages (100 posts) per query per cycle', default: 5 },
    cascade_posts: { type: 'number', description: 'refreshed posts per cycle whose quotes and reposters are read', default: 3 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw, env) {
    return {
      terms: strListField(raw, 'terms', []),
      identifier: strField(raw, 'identifier'),
      password: secretFromEnv(raw, 'password_env', env, 'BLUESKY_APP_PASSWORD'),
      service: urlField(raw, 'service', 'https://bsky.social'),
      query: optStrField(raw, 'query'),
      lookbackMs: numField(raw, 'lookback_minutes', 60, 1, 7 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 10, 0, 1440) * 60_000,
      maxPages: numField(raw, 'max_pages', 5, 1, 100),
      cascadePosts: numField(raw, 'cascade_posts', 3, 0, 50),
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'bluesky', secrets: [cfg.password], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const fail = (error: import('./source.js').SourceError) => ({ ok: false as const, error, requests: caller.used() });
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const tok = await accessToken(caller, cfg, now);
    if (!tok.ok) return fail(tok.error);
    let token = tok.token;
    const xrpc = async (method: string, params: URLSearchParams): Promise<CallResult<unknown>> => {
      const req = () => caller.json({ url: `${cfg.service}/xrpc/${method}?${params}`, headers: { authorization: `Bearer ${token}` } });
      const res = await req();
      if (res.ok || !/ExpiredToken|InvalidToken/.test(res.error.detail)) return res;
      const again = await accessToken(caller, cfg, now, true);
      if (!again.ok) return again;
      token = again.token;
      return req();
    };

    const g: Gathered = { items: [], snapshots: [], cascade: [], incomplete: false };
    const queries = cfg.query ? [cfg.query] : (cfg.terms.length > 0 ? cfg.terms : ctx.terms).map(quoteTerm);
    for (const q of queries) {
      let page: string | null = null;
      for (let n = 0; n < cfg.maxPages; n++) {
        if (caller.remaining() === 0) { g.incomplete = true; break; }
        const params = new URLSearchParams({ q, sort: 'latest', since: new Date(since).toISOString(), limit: '100' });
        if (page) params.set('cursor', page);
        const res = await xrpc('app.bsky.feed.searchPosts', params);
        if (!res.ok) return fail(res.error);
        const parsed = parseBlueskyPosts(res.value, now);
        if (!parsed.ok) return fail(caller.error('bad-response', `searchPosts: ${parsed.detail}`, false));
        g.items.push(...parsed.value.items);
        page = parsed.value.next;
        if (!page || parsed.value.items.length === 0 || Math.min(...parsed.value.items.map((i) => i.at)) < since) break;
        if (n === cfg.maxPages - 1) g.incomplete = true;
      }
    }

    // Counters of young posts, then the cascade of the most spread ones (best effort within the budget).
    const refreshed: { uri: string; spread: number; reposts: number; quotes: number }[] = [];
    for (const uris of chunk(ctx.refresh, 25)) {
      if (caller.remaining() === 0) break;
      const params = new URLSearchParams();
      for (const u of uris) params.append('uris', u);
      const res = await xrpc('app.bsky.feed.getPosts', params);
      const parsed = res.ok ? parseBlueskyPosts(res.value, now) : undefined;
      if (!parsed?.ok) break;
      for (const it of parsed.value.items) if (it.snapshot) {
        g.snapshots.push(it.snapshot);
        refreshed.push({ uri: it.post.externalId, spread: it.snapshot.reposts + it.snapshot.quotes, reposts: it.snapshot.reposts, quotes: it.snapshot.quotes });
      }
    }
    await readCascade(refreshed.sort((a, b) => b.spread - a.spread).slice(0, cfg.cascadePosts), xrpc, caller, g, now);
    await fillFollowers(g, xrpc, caller, now);
    return finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
  },
};

type Xrpc = (method: string, params: URLSearchParams) => Promise<CallResult<unknown>>;

/** Quotes (with their own times) and reposters (first seen now) of each hot post, as cascade posts. */
async function readCascade(hot: { uri: string; reposts: number; quotes: number }[], xrpc: Xrpc, caller: Caller, g: Gathered, now: number): Promise<void> {
  for (const h of hot) {
    if (h.quotes > 0 && caller.remaining() > 0) {
      const res = await xrpc('app.bsky.feed.getQuotes', new URLSearchParams({ uri: h.uri, limit: '100' }));
      const parsed = res.ok ? parseBlueskyPosts(res.value, now) : undefined;
      if (parsed?.ok) for (const it of parsed.value.items) g.cascade.push({ ...it.post, kind: 'quote', parentExternalId: h.uri });
    }
    if (h.reposts > 0 && caller.remaining() > 0) {
      const res = await xrpc('app.bsky.feed.getRepostedBy', new URLSearchParams({ uri: h.uri, limit: '100' }));
      const parsed = res.ok ? parseBlueskyRepostedBy(res.value) : undefined;
      if (parsed?.ok) for (const r of parsed.value) g.cascade.push(repostOf(h.uri, r, now));
    }
  }
}

/** A repost as a post: getRepostedBy gives no time, so createdAt is when we first saw it (the store keeps the first). */
function repostOf(subject: string, r: { did: string; handle: string; name: string | null }, now: number): SourcePost {
  return { externalId: `repost:${r.did}:${subject}`, url: null, authorHandle: r.handle, authorName: r.name, authorFollowers: 0, text: '', createdAt: now, kind: 'repost', parentExternalId: subject, platform: 'bluesky' };
}

/** Sets authorFollowers from getProfiles, caching each DID for hours (followers move slowly). */
async function fillFollowers(g: Gathered, xrpc: Xrpc, caller: Caller, now: number): Promise<void> {
  const all = [...g.items.map((i) => i.post), ...g.cascade];
  const didFor = (p: SourcePost) => (p.kind === 'repost' ? p.externalId.split(':').slice(1, 4).join(':') : didOf(p.externalId));
  const missing = [...new Set(all.map(didFor).filter((d): d is string => !!d && !((profiles.get(d)?.at ?? -Infinity) > now - PROFILE_TTL_MS)))];
  for (const dids of chunk(missing, 25)) {
    if (caller.remaining() === 0) break;
    const params = new URLSearchParams();
    for (const d of dids) params.append('actors', d);
    const res = await xrpc('app.bsky.actor.getProfiles', params);
    const parsed = res.ok ? parseBlueskyProfiles(res.value) : undefined;
    if (!parsed?.ok) break;
    for (const p of parsed.value) profiles.set(p.did, { ...p, at: now });
  }
  for (const p of all) {
    const prof = profiles.get(didFor(p) ?? '');
    if (prof) { p.authorFollowers = prof.followers; p.authorCreatedAt ??= prof.createdAt; }
  }
}
