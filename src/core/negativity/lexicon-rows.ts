/**
 * Reading the "term<TAB>weight" lexicon files (hand-written lists and the learned weights) row by row, with errors that
 * name the file and line. Split from model.ts, which builds the model from the rows.
 */
import { ConfigError, type RuleFile } from '../errors.js';

/**
 * Calls `row` for each "term<TAB>weight" line of a lexicon file, in order, with the term as a range
 * of the file's text. One pass with indexOf and no string, array or object per clean line: the
 * learned files have ~250k lines and are read at every start.
 */
export function forEachRange(file: RuleFile, row: (text: string, start: number, end: number, weight: number, line: number) => void): void {
  const text = file.text;
  let line = 0;
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const tab = text.indexOf('\t', pos);
    const hasTab = tab >= 0 && tab < lineEnd;
    const first = text.charCodeAt(pos);
    // A comment starts with "#" and has no tab: "#<bad\t0.4" is a learned character gram.
    if (hasTab && tab > pos && !isSpace(first) && !isSpace(text.charCodeAt(tab - 1))) {
      // The common case, a clean "term<TAB>weight" line: no trimming needed.
      const next = text.indexOf('\t', tab + 1);
      const weightEnd = next >= 0 && next < lineEnd ? next : lineEnd;
      let weight = decimal(text, tab + 1, weightEnd);
      if (Number.isNaN(weight)) weight = Number(text.slice(tab + 1, weightEnd));
      if (!Number.isFinite(weight)) badRow(file, text.slice(pos, lineEnd), line);
      row(text, pos, tab, weight, line);
    } else {
      const raw = text.slice(pos, lineEnd);
      const trimmed = raw.trim();
      if (trimmed && !(trimmed.startsWith('#') && !hasTab)) {
        const [term, w] = raw.split('\t');
        const weight = Number(w);
        if (!term?.trim() || w === undefined || !Number.isFinite(weight)) badRow(file, raw, line);
        const t = term!.trim();
        row(t, 0, t.length, weight, line);
      }
    }
    pos = end + 1;
  }
}

/** forEachRange with the term as a string, for the small hand-written files. */
function forEachRow(file: RuleFile, row: (term: string, weight: number, line: number) => void): void {
  forEachRange(file, (text, start, end, weight, line) => row(start === 0 && end === text.length ? text : text.slice(start, end), weight, line));
}

/**
 * A plain decimal "-0.125" or "2" in s[start..end) as Number() reads it, or NaN for anything else
 * (exponents, spaces, more than 15 digits: the caller falls back to Number). Dividing the exact
 * integer of its digits by an exact power of ten rounds once, as Number() does.
 */
function decimal(s: string, start: number, end: number): number {
  let i = start;
  const negative = s.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let digits = 0;
  let n = 0;
  let scale = 1;
  let point = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (point) scale *= 10;
      if (++digits > 15) return NaN;
    } else if (c === 46 /* . */ && !point) point = true;
    else return NaN;
  }
  if (digits === 0) return NaN;
  const x = n / scale;
  return negative ? -x : x;
}

/** The code units String.prototype.trim removes. */
function isSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function badRow(file: RuleFile, raw: string, line: number): never {
  throw new ConfigError(file.path, `line ${line}`, `expected "term<TAB>weight", got ${JSON.stringify(raw.slice(0, 60))}`);
}

export function parseTsv(file: RuleFile): Array<{ term: string; weight: number; line: number }> {
  const rows: Array<{ term: string; weight: number; line: number }> = [];
  forEachRow(file, (term, weight, line) => rows.push({ term, weight, line }));
  return rows;
}

/** Lines of a file: an upper bound on its rows, to size a table once. */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
