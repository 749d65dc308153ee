/**
 * Imports JSONL or CSV exports from other listening tools (Brandwatch, Talkwalker, Meltwater, a spreadsheet):
 * columns are found by common names or mapped in config; the watermark is the newest row time, dedupe by id, so
 * re-polling a growing export returns only new rows. Reads through io.readFile (absent on Workers).
 */
import type { PostKind, SourcePost } from '../core/types.js';
import { withoutBom } from '../lib/bom.js';
import { csvRecords } from './csv.js';
import { numField, optStrField, strField } from './config-fields.js';
import { asCount, asObj, asStr, asText, type Parsed } from './json.js';
import { finishPoll, type Gathered, type Page, type PageItem } from './page.js';
import type { Source } from './source.js';
import { readWatermark } from './watermark.js';

export interface ImportConfig { path: string; format: 'jsonl' | 'csv' | 'auto'; platform: string; fields: Partial<Record<Field, string>>; utcOffsetMs: number; lookbackMs: number }

type Field = 'id' | 'text' | 'time' | 'author' | 'url' | 'followers' | 'platform' | 'reposts' | 'likes' | 'replies' | 'quotes' | 'kind' | 'parent';

const CANDIDATES: Record<Field, string[]> = {
  id: ['id', 'post_id', 'mention id', 'guid', 'resource id', 'url'],
  text: ['text', 'content', 'full text', 'snippet', 'message', 'body', 'title'],
  time: ['created_at', 'createdat', 'date', 'published', 'published_at', 'timestamp', 'time'],
  author: ['author', 'author_handle', 'username', 'screen_name', 'user', 'handle'],
  url: ['url', 'link', 'permalink'],
  followers: ['followers', 'author_followers', 'twitter followers', 'reach'],
  platform: ['platform', 'page type', 'source', 'network'],
  reposts: ['reposts', 'retweets', 'shares', 'reposts_count'],
  likes: ['likes', 'favourites', 'favorites', 'likes_count'],
  replies: ['replies', 'comments', 'replies_count'],
  quotes: ['quotes', 'quote_count'],
  kind: ['kind', 'type'],
  parent: ['parent', 'parent_id', 'in_reply_to'],
};

/** A time from an export: ISO with or without zone, "YYYY-MM-DD HH:MM[:SS]", epoch seconds or milliseconds. */
export function parseExportTime(v: unknown, utcOffsetMs: number): number | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (/^\d{9,10}(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (/^\d{12,13}$/.test(s)) return Number(s);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s);
  if (m) { // no zone: read in the configured offset (exports usually say it in the tool's settings)
    const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    return Number.isFinite(t) ? t - utcOffsetMs : undefined;
  }
  const t = s.length <= 64 ? Date.parse(s) : NaN;
  return Number.isFinite(t) && /[zZ]|[+-]\d{2}:?\d{2}|GMT|UTC/.test(s) ? t : undefined;
}

/** Parses an export file into items; rows without id, text or time are skipped and counted. */
export function parseExport(text: string, cfg: Pick<ImportConfig, 'format' | 'platform' | 'fields' | 'utcOffsetMs'>, now: number): Parsed<Page> {
  const format = cfg.format !== 'auto' ? cfg.format : text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
  let rows: Record<string, unknown>[];
  let badLines = 0;
  if (format === 'jsonl') {
    rows = [];
    for (const line of withoutBom(text).split(/\r?\n/)) {
      if (line.trim() === '') continue;
      try { const o = asObj(JSON.parse(line)); if (o) rows.push(o); else badLines++; } catch { badLines++; }
    }
  } else rows = csvRecords(text);
  const items: PageItem[] = [];
  for (const r of rows) {
    const lower = new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase().trim(), v]));
    const get = (f: Field): unknown => (cfg.fields[f] ? r[cfg.fields[f]!] : CANDIDATES[f].map((c) => lower.get(c)).find((v) => v !== undefined && v !== ''));
    const id = asStr(get('id'));
    const at = parseExportTime(get('time'), cfg.utcOffsetMs);
    const body = asText(get('text'));
    if (!id || at === undefined || body === undefined) { badLines++; continue; }
    const kindRaw = asStr(get('kind'))?.toLowerCase();
    const kind: PostKind = kindRaw === 'repost' || kindRaw === 'quote' || kindRaw === 'reply' ? kindRaw : 'post';
    const post: SourcePost = {
      externalId: id, url: asStr(get('url')) ?? null, authorHandle: asStr(get('author')) ?? 'unknown', authorFollowers: asCount(get('followers')),
      text: body, createdAt: Math.min(at, now), kind, parentExternalId: asStr(get('parent')) ?? null, platform: asStr(get('platform'))?.toLowerCase() ?? cfg.platform,
    };
    items.push({ post, at: post.createdAt, snapshot: { externalId: id, at: now, reposts: asCount(get('reposts')), quotes: asCount(get('quotes')), replies: asCount(get('replies')), likes: asCount(get('likes')) } });
  }
  if (items.length === 0 && badLines > 0) return { ok: false, detail: `no readable ${format} rows (${badLines} rows lacked an id, a text or a time, or were not valid ${format})` };
  return { ok: true, value: { items, skipped: badLines, next: null } };
}

export const importSource: Source<ImportConfig> = {
  kind: 'import',
  description: 'JSONL or CSV export from another listening tool, re-read each cycle (new rows only)',
  configSchema: {
    path: { type: 'string', required: true, description: 'file path of the export' },
    format: { type: 'string', description: 'jsonl, csv or auto', default: 'auto' },
    platform: { type: 'string', description: 'platform name when the export has no platform column', default: 'import' },
    fields: { type: 'string', description: 'column mapping, e.g. "id=Mention Id,text=Full Text,time=Date" (default: common names)' },
    utc_offset_hours: { type: 'number', description: 'offset of times written without a zone', default: 0 },
    lookback_days: { type: 'number', description: 'oldest row read on the first poll', default: 3650 },
  },
  parseConfig(raw) {
    const format = strField(raw, 'format', 'auto');
    if (format !== 'jsonl' && format !== 'csv' && format !== 'auto') throw new Error('format: must be jsonl, csv or auto');
    const fields: Partial<Record<Field, string>> = {};
    for (const pair of (optStrField(raw, 'fields') ?? '').split(',').filter((p) => p.trim())) {
      const [k, v] = pair.split('=').map((s) => s.trim());
      if (!k || !v || !(k in CANDIDATES)) throw new Error(`fields: "${pair}" is not <${Object.keys(CANDIDATES).join('|')}>=<column>`);
      fields[k as Field] = v;
    }
    return {
      path: strField(raw, 'path'), format, platform: strField(raw, 'platform', 'import'), fields,
      utcOffsetMs: numField(raw, 'utc_offset_hours', 0, -14, 14) * 3_600_000,
      lookbackMs: numField(raw, 'lookback_days', 3650, 1, 36500) * 86_400_000,
    };
  },
  async poll(cfg, cursor, io, ctx) {
    const now = io.now();
    if (!io.readFile) return { ok: false, error: { permanent: true, reason: 'bad-config', detail: 'import: this runtime cannot read files' }, requests: 0 };
    let text: string;
    try { text = await io.readFile(cfg.path); } catch (err) {
      return { ok: false, error: { permanent: true, reason: 'not-found', detail: `import: cannot read ${cfg.path}: ${(err as Error).message.slice(0, 160)}` }, requests: 0 };
    }
    const parsed = parseExport(text, cfg, now);
    if (!parsed.ok) return { ok: false, error: { permanent: false, reason: 'bad-response', detail: `import: ${cfg.path}: ${parsed.detail}` }, requests: 0 };
    const w = readWatermark(cursor, now, cfg.lookbackMs);
    // Exports arrive late and out of order: the whole window since the first row is re-read; ids dedupe.
    const g: Gathered = { items: parsed.value.items, snapshots: [], cascade: [], incomplete: false };
    return finishPoll(w, w.wm - 7 * 86_400_000, g, ctx, 0, 7 * 86_400_000, now);
  },
};
