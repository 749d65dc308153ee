/**
 * RSS 2.0, RSS 1.0 and Atom feeds (Google Alerts, Google News search, any news site): conditional GET with
 * ETag / Last-Modified, dedupe by guid/id, redirect links unwrapped (google.com/url?url=...). Feeds carry no
 * counters; the number of new items is reported as `volumeHint` (mainstream pickup is a volume signal).
 */
import type { SourcePost } from '../core/types.js';
import { createCaller } from './backoff.js';
import { boolField, numField, optStrField, strField, strListField, urlField } from './config-fields.js';
import { asTime, type Parsed } from './json.js';
import { finishPoll, type Gathered, type Page, type PageItem } from './page.js';
import type { Source } from './source.js';
import { htmlToText, matchesAny } from './text.js';
import { readWatermark, sinceOf } from './watermark.js';
import { child, childrenNamed, deepText, descendants, parseXml, type XmlElement } from './xml.js';

export interface RssConfig { terms: string[]; url: string; name: string | undefined; matchTerms: boolean; lookbackMs: number; overlapMs: number; timeoutMs: number }

/** The real target of a redirect link (Google Alerts' google.com/url?url=..., generic ?url= / ?q= wrappers). */
export function unwrapLink(link: string): string {
  try {
    const u = new URL(link);
    const inner = /(^|\.)google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url' ? u.searchParams.get('url') ?? u.searchParams.get('q') : null;
    return inner && /^https?:\/\//.test(inner) ? inner : link;
  } catch {
    return link;
  }
}

const text = (el: XmlElement | undefined) => (el ? htmlToText(deepText(el)) : '');

function linkOf(e: XmlElement): string | null {
  const atom = childrenNamed(e, 'link').find((l) => l.attrs.href && (!l.attrs.rel || l.attrs.rel === 'alternate'));
  const raw = atom?.attrs.href ?? (child(e, 'link')?.text.trim() || undefined);
  return raw ? unwrapLink(raw) : null;
}

/** Parses a feed document into items (posts by the item's source or the feed's title). */
export function parseFeed(xml: string, now: number): Parsed<Page & { title: string }> {
  const doc = parseXml(xml);
  const root = doc.children.find((c) => ['rss', 'feed', 'rdf:rdf'].includes(c.name));
  if (!root) return { ok: false, detail: xml.trimStart().toLowerCase().startsWith('<!doctype html') || /<html/i.test(xml.slice(0, 500)) ? 'HTML page where a feed was expected' : 'not an RSS or Atom feed' };
  if (!root.closed) return { ok: false, detail: `truncated feed (no closing </${root.name}>)` };
  const channel = child(root, 'channel') ?? root;
  const title = text(child(channel, 'title')) || 'feed';
  const items: PageItem[] = [];
  let skipped = 0;
  for (const e of descendants(root, 'item', 'entry')) {
    const link = linkOf(e);
    const id = child(e, 'guid', 'id')?.text.trim() || link || undefined;
    const dated = asTime(child(e, 'pubdate', 'published', 'dc:date', 'updated')?.text.trim());
    if (!id || id.length > 2000) { skipped++; continue; }
    // Undated items count as seen now; the seen-id set keeps them from repeating.
    const at = dated !== undefined ? Math.min(dated, now) : now;
    const head = text(child(e, 'title'));
    const body = text(child(e, 'description', 'summary', 'content', 'content:encoded')).slice(0, 2000);
    const author = text(child(e, 'source')) || text(child(child(e, 'author') ?? e, 'name')) || text(child(e, 'dc:creator')) || title;
    const post: SourcePost = { externalId: id, url: link, authorHandle: author.slice(0, 200), authorFollowers: 0, text: body && body !== head ? `${head} — ${body}` : head, createdAt: at, kind: 'post', parentExternalId: null, platform: 'rss' };
    items.push({ post, at });
  }
  return { ok: true, value: { items, skipped, next: null, title } };
}

export const rss: Source<RssConfig> = {
  kind: 'rss',
  description: 'RSS or Atom feed (Google Alerts, Google News search, any site); volume signal, no counters',
  configSchema: {
    terms: { type: 'string[]', description: 'search terms for this source (default: the brand\'s terms, all languages)' },
    url: { type: 'string', required: true, description: 'feed URL' },
    name: { type: 'string', description: 'display name for items without a source' },
    match_terms: { type: 'boolean', description: 'keep only items mentioning a brand term (off for feeds already filtered, e.g. Google Alerts)', default: true },
    lookback_minutes: { type: 'number', description: 'oldest item age read on the first poll', default: 1440 },
    overlap_minutes: { type: 'number', description: 'overlap window re-read each poll', default: 60 },
    timeout_ms: { type: 'number', description: 'per-request timeout', default: 10000 },
  },
  parseConfig(raw) {
    return {
      terms: strListField(raw, 'terms', []),
      url: urlField(raw, 'url', strField(raw, 'url')),
      name: optStrField(raw, 'name'),
      matchTerms: boolField(raw, 'match_terms', true),
      lookbackMs: numField(raw, 'lookback_minutes', 1440, 1, 30 * 1440) * 60_000,
      overlapMs: numField(raw, 'overlap_minutes', 60, 0, 7 * 1440) * 60_000,
      timeoutMs: numField(raw, 'timeout_ms', 10_000, 100, 120_000),
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    const caller = createCaller(io, { platform: 'rss', secrets: [], budget: ctx.budget, timeoutMs: cfg.timeoutMs });
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    const since = sinceOf(w, cfg.overlapMs);
    const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' };
    if (w.ext.etag) headers['if-none-match'] = w.ext.etag;
    if (w.ext.lastModified) headers['if-modified-since'] = w.ext.lastModified;
    const res = await caller.raw({ url: cfg.url, headers });
    if (!res.ok) {
      if ('status' in res && res.status === 304) return { ok: true, posts: [], snapshots: [], cursor, requests: caller.used(), volumeHint: 0 };
      return { ok: false, error: res.error, requests: caller.used() };
    }
    const parsed = parseFeed(res.value.text, now);
    if (!parsed.ok) return { ok: false, error: caller.error('bad-response', parsed.detail, false), requests: caller.used() };
    const keep = parsed.value.items.filter((it) => !cfg.matchTerms || matchesAny(it.post.text, cfg.terms.length > 0 ? cfg.terms : ctx.terms));
    for (const it of keep) if (it.post.authorHandle === parsed.value.title && cfg.name) it.post.authorHandle = cfg.name;
    const ext: Record<string, string> = {};
    if (res.value.headers.etag) ext.etag = res.value.headers.etag;
    if (res.value.headers['last-modified']) ext.lastModified = res.value.headers['last-modified'];
    const g: Gathered = { items: keep, snapshots: [], cascade: [], incomplete: false, ext };
    const result = finishPoll(w, since, g, ctx, caller.used(), cfg.overlapMs, now);
    if (result.ok) result.volumeHint = result.posts.length;
    return result;
  },
};
