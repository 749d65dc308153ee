/** Splits long messages into parts within a platform's size limit, keeping sections whole where possible. */
import { clip } from './neutralise.js';

const enc = new TextEncoder();

/** UTF-8 size, the unit Chinese IM platforms count in. */
export function utf8Bytes(s: string): number {
  return enc.encode(s).length;
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character, ending with `marker`. */
export function clipBytes(s: string, maxBytes: number, marker: string): string {
  if (utf8Bytes(s) <= maxBytes) return s;
  const budget = maxBytes - utf8Bytes(marker);
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Bytes(ch);
    if (used + n > budget) break;
    out += ch;
    used += n;
  }
  return out + marker;
}

/**
 * Greedily packs sections (joined by `sep`) into parts of at most `limit` units, as measured by `size`.
 * A section that alone exceeds the limit is clipped with `marker`. Each part leaves `reserve` units for a header.
 */
export function packSections(sections: readonly string[], limit: number, opts: { sep?: string; reserve?: number; marker: string; size?: (s: string) => number }): string[] {
  const sep = opts.sep ?? '\n\n';
  const size = opts.size ?? utf8Bytes;
  const room = limit - (opts.reserve ?? 0);
  const parts: string[] = [];
  let cur = '';
  for (const raw of sections) {
    const sec = size(raw) <= room ? raw : size === utf8Bytes ? clipBytes(raw, room, opts.marker) : clip(raw, room);
    const joined = cur === '' ? sec : cur + sep + sec;
    if (size(joined) <= room) {
      cur = joined;
    } else {
      if (cur !== '') parts.push(cur);
      cur = sec;
    }
  }
  if (cur !== '') parts.push(cur);
  return parts;
}
