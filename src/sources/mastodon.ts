/**
 * Mastodon: public hashtag timelines of one instance, read forward with `min_id` (taken from the `Link: rel="prev"`
 * header, else the newest id of the page). The watermark is turned back into a Mastodon id (ms << 16) so the
 * overlap window re-reads late-federated posts; dedupe is on the federated `uri`, the same on every instance.
 * Counters are re-read in batches of 20 with GET /api/v1/statuses?id[]= (Mastodon 4.3+).
 */
import type { PostKind, SourcePost } from '../core/types.js';
import { createCaller } from './backoff.js';
import { numField, strListField, urlField } from './config-fields.js';
import { asArr, asCount, asObj, asStr, asText, asTime, type Obj, type Parsed } from './json.js';
import { finishPoll, type Gathered, type Page, type PageItem } from './page.js';
import type { Source } from './source.js';
import { chunk, htmlToText } from './text.js';
import { readWatermark, sinceOf } from './watermark.js';

export interface MastodonConfig { instance: string; tags: string[]; lookbackMs: number; overlapMs: number; maxPages: number; timeoutMs: number }

/** The smallest Mastodon snowflake id at time `ms` (ids are ms << 16 plus a sequence). */
export function mastodonIdAt(ms: number): string {
  return (BigInt(Math.max(0, Math.floor(ms))) << 16n).toString();
}

/** The min_id of the `rel="prev"` link of a Link header, if any. */
export function prevMinId(link: string | undefined): string | undefined {
  for (const part of (link ?? '').split(',')) {
    if (!/rel="?prev"?/.test(part)) continue;
    const m = /[?&]min_id=(\d+)/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

const tagOf = (term: string) => term.replace(/^#/, '').replace(/[^\p{L}\p{N}_]/gu, '').toLowerCase();

function statusToItem(s: Obj | undefined, now: number): (PageItem & { localId: string }) | undefined {
  const localId = asStr(s?.id);
  const uri = asStr(s?.uri);
  const at = asTime(s?.created_at);
  const acct = asObj(s?.account);
  if (!s || !localId || !/^\d{1,30}$/.test(localId) || !uri || at === undefined || !acct) return undefined;
  const reblog = asObj(s.reblog);
  const quoted = asObj(asObj(s.quote)?.quoted_status);
  const kind: PostKind = reblog ? 'repost' : quoted ? 'quote' : s.in_reply_to_id ? 'reply' : 'post';
  const post: SourcePost = {
    externalId: uri,
    url: asStr(s.url) ?? uri,
    authorHandle: asStr(acct.acct) ?? asStr(acct.username) ?? 'unknown',
    authorName: asText(acct.display_name) ?? null,
    authorFollowers: asCount(acct.followers_count),
    authorCreatedAt: asTime(acct.created_at) ?? null,
    text: reblog ? '' : htmlToText([asText(s.spoiler_text), asText(s.content)].filter(Boolean).join(' ')),
    createdAt: at,
    kind,
    parentExternalId: reblog ? asStr(reblog.uri) ?? null : quoted ? asStr(quoted.uri) ?? null : null,
    platform: 'mastodon',
  };
  const snapshot = { externalId: uri, at: now, reposts: asCount(s.reblogs_count), quotes: asCount(s.quotes_count), replies: asCount(s.replies_count), likes: asCount(s.favourites_count) };
  return { post, at, snapshot, localId };
}

/** Parses a Status[] body (tag timeline or statuses batch). */
export function parseMastodonStatuses(value: unknown, now: number): Parsed<Page & { localIds: Map<string, string>; maxId: string | undefined }> {
  const list = asArr(value);
  if (!list) return { ok: false, detail: asObj(value)?.error ? `error: ${asStr(asObj(value)?.error) ?? 'unknown'}` : 'response is not a Status[] array' };
  const items: PageItem[] = [];
  const localIds = new Map<string, string>();
  let skipped = 0;
  let maxId: bigint | undefined;
  for (const v of list) {
    const it = statusToItem(asObj(v), now);
    if (!it) { skipped++; continue; }
    items.push({ post: it.post, at: it.at, snapshot: it.snapshot! });
    localIds.set(it.post.externalId, it.localId);
    const id = BigInt(it.localId);
    if (maxId === undefined || id > maxId) maxId = id;
  }
  return { ok: true, value: { items, skipped, next: null, localIds, maxId: maxId?.toString() } };
}

export const mastodon: Source<MastodonConfig> = {
  kind: 'mastodon',
  description: 'Mastodon public hashtag timelines of one instance (no account needed)',
  configSchema: {
    instance: { type: 'string', description: 'instance base URL', default: 'https://mastodon.social' },
    tags: { type: 'string[]', description: 'hashtags without #; default: the brand terms squashed into tags' },
    lookback_minutes: { type: 'number', description: 'how far back the first poll reads', default: 60 },
    overlap_minutes: { type: 'number', description: 'overlap window re-read each poll (federation lag)', default: 10 },
    max_pages: { type: 'number', description: 'pages (40 statuses) per tag per cycle', default: 5 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw) {
    return {
      instance: urlField(raw, 'instance', 'https://mastodon.social'),
      tags: strListField(raw, 'tags', []).map(tagOf).filter(Boolean),
      lookbackMs: numField(raw, 'lookback_minutes', 60, 1, 7 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 10, 0, 1440) * 60_000,
      maxPages: numField(raw, 'max_pages', 5, 1, 100),
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'mastodon', secrets: [], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const g: Gathered = { items: [], snapshots: [], cascade: [], incomplete: false };
    const ids: Record<string, string> = {};
    for (const [k, v] of Object.entries(w.ext)) if (k.startsWith('id:')) ids[k] = v;
    const tags = [...new Set(cfg.tags.length > 0 ? cfg.tags : ctx.terms.map(tagOf).filter(Boolean))];
    for (const tag of tags) {
      let minId = mastodonIdAt(since);
      for (let n = 0; n < cfg.maxPages && caller.remaining() > 0; n++) {
        const res = await caller.json({ url: `${cfg.instance}/api/v1/timelines/tag/${encodeURIComponent(tag)}?limit=40&min_id=${minId}` });
        if (!res.ok) return { ok: false, error: res.error, requests: caller.used() };
        const parsed = parseMastodonStatuses(res.value, now);
        if (!parsed.ok) return { ok: false, error: caller.error('bad-response', parsed.detail, false), requests: caller.used() };
        g.items.push(...parsed.value.items);
        for (const [uri, id] of parsed.value.localIds) ids[`id:${uri}`] = id;
        const next = prevMinId(res.response.headers.link) ?? parsed.value.maxId;
        // Forward paging has no gap to lose: stopping early (pages or budget) just resumes from the newest seen.
        if (parsed.value.items.length === 0 || !next || BigInt(next) <= BigInt(minId)) break;
        minId = next;
      }
    }
    const local = ctx.refresh.map((uri) => ids[`id:${uri}`]).filter((x): x is string => !!x);
    for (const batch of chunk(local, 20)) {
      if (caller.remaining() === 0) break;
      const res = await caller.json({ url: `${cfg.instance}/api/v1/statuses?${batch.map((id) => `id[]=${id}`).join('&')}` });
      const parsed = res.ok ? parseMastodonStatuses(res.value, now) : undefined;
      if (!parsed?.ok) break;
      for (const it of parsed.value.items) if (it.snapshot) g.snapshots.push(it.snapshot);
    }
    // Keep the uri → local id map for the newest 300 posts so refreshes can find them (the cursor stays small).
    g.ext = Object.fromEntries(Object.entries(ids).slice(-300));
    return finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
  },
};
