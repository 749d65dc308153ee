/**
 * Weibo mobile JSON quirks: counts like "1.2万" or "100万+", dates like "刚刚", "5分钟前", "昨天 10:00", "11-24" or
 * "Tue Nov 17 10:00:00 +0800 2026" (all read in Asia/Shanghai, UTC+8 without DST since 1991), and the `//@name:`
 * chain that says whom a repost reposted. Pure and total.
 */
import type { SourcePost } from '../core/types.js';
import { asArr, asCount, asObj, asStr, asText, type Obj, type Parsed } from './json.js';
import type { Page, PageItem } from './page.js';
import { htmlToText } from './text.js';

const SHANGHAI_MS = 8 * 3_600_000;
const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };

/** A Weibo counter (number or string such as "1.2万", "100万+", "3亿", "1,234") as an integer; odd values give 0. */
export function parseWeiboCount(v: unknown): number {
  if (typeof v === 'number') return asCount(v);
  if (typeof v !== 'string') return 0;
  const m = /^\s*([\d,]+(?:\.\d+)?)\s*(万|亿)?\+?\s*$/.exec(v);
  if (!m) return 0;
  const n = Number(m[1]!.replace(/,/g, '')) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1);
  return Number.isFinite(n) ? Math.floor(n) : 0;
}

/** Epoch ms of a Shanghai wall-clock time, or undefined when the fields are not a real date. */
function shanghai(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(t).getUTCDate() === d ? t - SHANGHAI_MS : undefined;
}

/** Parses every `created_at` form Weibo uses, relative ones against `now` in Asia/Shanghai. */
export function parseWeiboDate(v: unknown, now: number): number | undefined {
  if (typeof v !== 'string' || v.length > 64) return undefined;
  const s = v.trim();
  const local = new Date(now + SHANGHAI_MS); // Shanghai wall clock read through UTC getters
  const [Y, M, D] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  let m: RegExpExecArray | null;
  if (s === '刚刚') return now;
  if ((m = /^(\d{1,4})\s*(秒|分钟|小时|天)前$/.exec(s))) return now - Number(m[1]) * { 秒: 1e3, 分钟: 6e4, 小时: 36e5, 天: 864e5 }[m[2] as '秒']!;
  if ((m = /^(今天|昨天|前天)\s*(\d{1,2}):(\d{2})$/.exec(s))) {
    const back = { 今天: 0, 昨天: 1, 前天: 2 }[m[1] as '今天']!;
    const day = shanghai(Y, M, D, Number(m[2]), Number(m[3]));
    return day === undefined ? undefined : day - back * 864e5;
  }
  if ((m = /^(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s))) {
    const t = shanghai(Y, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0));
    // "11-24" seen in January means last year's November.
    return t !== undefined && t > now + 864e5 ? shanghai(Y - 1, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)) : t;
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s))) {
    return shanghai(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  if ((m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(s))) {
    const mo = MONTHS[m[1]!];
    const wall = mo === undefined ? undefined : shanghai(Number(m[9]), mo, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
    if (wall === undefined) return undefined;
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 36e5 + Number(m[8]) * 6e4);
    return wall + SHANGHAI_MS - offset; // the stated offset wins over the Shanghai default
  }
  return undefined;
}

/** Splits "太离谱了//@愤怒的顾客:原文//@某人:..." into the reposter's own words and the chain of names, nearest first. */
export function parseRepostChain(rawText: string): { comment: string; chain: string[] } {
  const [comment = '', ...rest] = rawText.split('//@');
  const chain = rest.map((seg) => /^([^:：\s]{1,30})[:：]/.exec(seg)?.[1]).filter((n): n is string => !!n);
  return { comment: comment.trim(), chain };
}

/** One mblog as a page item (reposts point at the root, or at the named parent when `parentByName` knows it). */
export function mblogToItem(b: Obj | undefined, now: number, parentByName?: Map<string, string>): PageItem | undefined {
  const id = asStr(b?.mid) ?? asStr(b?.id);
  const at = parseWeiboDate(b?.created_at, now);
  const user = asObj(b?.user);
  if (!b || !id || !/^\d{1,20}$/.test(id) || at === undefined) return undefined;
  const root = asObj(b.retweeted_status);
  const raw = asText(b.raw_text) ?? htmlToText(asText(b.text) ?? '');
  const { chain } = parseRepostChain(raw);
  const rootId = asStr(root?.mid) ?? asStr(root?.id);
  const parent = root ? (chain[0] ? parentByName?.get(chain[0]) : undefined) ?? rootId ?? null : null;
  const bid = asStr(b.bid);
  const post: SourcePost = {
    externalId: id, url: `https://m.weibo.cn/detail/${bid ?? id}`, authorHandle: asStr(user?.screen_name) ?? asStr(user?.id) ?? 'unknown',
    authorFollowers: parseWeiboCount(user?.followers_count), text: raw, createdAt: at,
    kind: root ? 'repost' : 'post', parentExternalId: parent, platform: 'weibo',
  };
  return { post, at, snapshot: { externalId: id, at: now, reposts: parseWeiboCount(b.reposts_count), quotes: 0, replies: parseWeiboCount(b.comments_count), likes: parseWeiboCount(b.attitudes_count) } };
}

/** The envelope check shared by every m.weibo.cn answer: `ok: 1` or the platform's message. */
export function weiboEnvelope(value: unknown): Parsed<Obj> {
  const o = asObj(value);
  if (!o) return { ok: false, detail: 'response is not a JSON object' };
  if (o.ok !== 1 && o.ok !== '1') return { ok: false, detail: `ok=${typeof o.ok === 'number' || typeof o.ok === 'string' ? o.ok : typeof o.ok}: ${asStr(o.msg) ?? asStr(o.message) ?? 'no message'}` };
  const data = asObj(o.data);
  return data ? { ok: true, value: data } : { ok: false, detail: 'response has no data object' };
}

/** Parses getIndex search results: mblogs in cards[].card_group[] (card_type 9) or directly in cards[]. */
export function parseWeiboSearch(value: unknown, now: number): Parsed<Page> {
  const env = weiboEnvelope(value);
  if (!env.ok) return env;
  const cards = asArr(env.value.cards);
  if (!cards) return { ok: false, detail: 'response has no data.cards[] array' };
  const items: PageItem[] = [];
  let skipped = 0;
  const blogs = cards.flatMap((c) => [asObj(c), ...(asArr(asObj(c)?.card_group) ?? []).map(asObj)]).filter((c) => c?.mblog !== undefined);
  for (const c of blogs) {
    const it = mblogToItem(asObj(c?.mblog), now);
    if (it) items.push(it); else skipped++;
  }
  return { ok: true, value: { items, skipped, next: null } };
}

/** Parses repostTimeline `data.data[]`, resolving `//@name:` parents among the reposts on the same page. */
export function parseWeiboReposts(value: unknown, now: number): Parsed<Page> {
  const env = weiboEnvelope(value);
  if (!env.ok) return env;
  const list = asArr(env.value.data);
  if (!list) return { ok: false, detail: 'response has no data.data[] array' };
  const byName = new Map<string, string>();
  for (const v of list) {
    const b = asObj(v);
    const name = asStr(asObj(b?.user)?.screen_name);
    const id = asStr(b?.mid) ?? asStr(b?.id);
    if (name && id) byName.set(name, id);
  }
  const items: PageItem[] = [];
  let skipped = 0;
  for (const v of list) {
    const it = mblogToItem(asObj(v), now, byName);
    if (it) items.push(it); else skipped++;
  }
  return { ok: true, value: { items, skipped, next: null } };
}
