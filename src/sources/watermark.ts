/**
 * The cursor every source keeps: a time watermark read back with an overlap window, plus the ids already returned
 * inside that window, so late-indexed posts are caught and nothing is returned twice. Source-specific extras
 * (ETag, since_id, token-free paging hints) ride in `ext`. The poller saves it only after the posts are stored.
 */
import { asArr, asObj, asStr } from './json.js';

export interface Watermark {
  /** Newest item time seen (epoch ms); the next poll asks for items since `wm - overlap`. */
  wm: number;
  /** Ids already returned whose time is within the overlap window of `wm` (bounded). */
  seen: string[];
  /** Per-source extras (strings only, so the cursor stays plain JSON). */
  ext: Record<string, string>;
}

const MAX_SEEN = 5000;

/** Reads a saved cursor; an absent or unreadable one starts `lookbackMs` before now (never throws). */
export function readWatermark(cursor: string | null, now: number, lookbackMs: number): Watermark {
  const fresh: Watermark = { wm: now - lookbackMs, seen: [], ext: {} };
  if (!cursor) return fresh;
  let raw: unknown;
  try { raw = JSON.parse(cursor); } catch { return fresh; }
  const o = asObj(raw);
  // A time before 2000 or not a number is corruption, not a watermark: start over rather than crash on it.
  if (!o || typeof o.wm !== 'number' || !Number.isFinite(o.wm) || o.wm < 946_684_800_000) return fresh;
  const seen = (asArr(o.seen) ?? []).map(asStr).filter((s): s is string => s !== undefined);
  const ext: Record<string, string> = {};
  for (const [k, v] of Object.entries(asObj(o.ext) ?? {})) if (typeof v === 'string') ext[k] = v;
  return { wm: Math.min(o.wm, now), seen, ext };
}

/** Serialises a watermark as the opaque cursor string. */
export function writeWatermark(w: Watermark): string {
  return JSON.stringify({ wm: w.wm, seen: w.seen, ext: w.ext });
}

/** Where the next request should start: the watermark minus the overlap window. */
export function sinceOf(w: Watermark, overlapMs: number): number {
  return w.wm - overlapMs;
}

export interface Stamped { id: string; at: number }

/** Keeps items newer than `since` that were not returned before, dropping repeats within the batch too. */
export function freshItems<T extends Stamped>(w: Watermark, items: T[], since: number): T[] {
  const seen = new Set(w.seen);
  const out: T[] = [];
  for (const it of items) {
    if (it.at < since || seen.has(it.id)) continue;
    seen.add(it.id);
    out.push(it);
  }
  return out;
}

/**
 * Moves the watermark to the newest item (never past `now`: client clocks lie) and remembers the ids inside the
 * new overlap window. `items` are everything returned this cycle; old seen ids still inside the window stay.
 */
export function advanceWatermark(w: Watermark, items: Stamped[], overlapMs: number, now: number, ext: Record<string, string> = w.ext): Watermark {
  let wm = w.wm;
  for (const it of items) if (it.at > wm) wm = Math.min(it.at, now);
  const floor = wm - overlapMs;
  const keep = new Map<string, number>();
  // Old ids carry no time: keep them unless the window moved past the old watermark entirely.
  if (w.wm >= floor) for (const id of w.seen) keep.set(id, w.wm);
  for (const it of items) if (it.at >= floor) keep.set(it.id, it.at);
  const seen = [...keep.keys()].slice(-MAX_SEEN);
  return { wm, seen, ext };
}
