/** Text helpers shared by sources: HTML to plain text, term matching and exclusion. */

import { decodeEntities } from '../core/text/entities.js';

/** Plain text from an HTML fragment: tags dropped, block breaks kept as spaces, entities decoded. */
export function htmlToText(html: string): string {
  const noTags = html.replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '');
  return decodeEntities(noTags).replace(/\s+/g, ' ').trim();
}

/** True when the text contains any of the terms (case-insensitive); an empty term list matches everything. */
export function matchesAny(text: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const t = text.toLowerCase();
  return terms.some((term) => term.trim() !== '' && t.includes(term.toLowerCase()));
}

/** True when the text contains an excluded term. */
export function isExcluded(text: string, exclude: readonly string[]): boolean {
  return exclude.length > 0 && exclude.some((x) => x.trim() !== '' && text.toLowerCase().includes(x.toLowerCase()));
}

/** A search query term quoted when it has spaces (Lucene-ish syntax used by Bluesky, Reddit, X). */
export function quoteTerm(term: string): string {
  const clean = term.replace(/"/g, '').trim();
  return /\s/.test(clean) ? `"${clean}"` : clean;
}

/** Splits a list into chunks of `size`. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
