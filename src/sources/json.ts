/**
 * Safe JSON parsing and tolerant field readers: platform payloads are hostile input, so nothing here throws
 * and every reader returns a typed value or undefined.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/** Parses a response body as JSON, naming HTML pages, empty bodies and truncation instead of throwing. */
export function parseJsonBody(text: string): Parsed<unknown> {
  const head = text.trimStart().slice(0, 200);
  if (head === '') return { ok: false, detail: 'empty body where JSON was expected' };
  if (head.startsWith('<')) return { ok: false, detail: `HTML page where JSON was expected${htmlTitle(text)}` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const msg = (err as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg) || endsOpen(text);
    return { ok: false, detail: truncated ? 'truncated JSON (body ended early)' : `malformed JSON (${msg.slice(0, 80)})` };
  }
}

/** True when the text ends inside a string or with brackets still open (a body cut short). */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/** The <title> of an HTML page, for error messages (" (title: ...)"), or ''. */
export function htmlTitle(text: string): string {
  const m = /<title[^>]*>([^<]{1,120})/i.exec(text);
  return m?.[1] ? ` (title: ${m[1].trim()})` : '';
}

export type Obj = Record<string, unknown>;

/** The value as a plain object, or undefined. */
export function asObj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** The value as an array, or undefined. */
export function asArr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A non-empty string (numbers are accepted and stringified, since platforms mix id types). */
export function asStr(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A string that may be empty; undefined for anything else. */
export function asText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A finite non-negative count; numeric strings are accepted. Missing or odd values give 0. */
export function asCount(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

/** An ISO or RFC date string as epoch ms, or undefined when unparseable or absurd. */
export function asTime(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.length > 64) return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) && t > 0 ? t : undefined;
}

/** Epoch seconds (number or numeric string) as epoch ms, or undefined. */
export function asEpochSeconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 && n < 1e11 ? Math.round(n * 1000) : undefined;
}
