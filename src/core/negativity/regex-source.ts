/**
 * Reading a regular expression's source without running it: where a group ends, its top-level alternatives, the
 * prefixes every match begins with, the same source without captures.
 */

/** The index just after the group or class starting at src[i] ("(" or "["). */
export function closing(src: string, i: number): number {
  if (src[i] === '[') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === ']') return j + 1;
    }
    return src.length;
  }
  let depth = 0;
  let inClass = false;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Splits a source at its top-level "|". */
export function alternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') i = closing(src, i) - 1;
    else if (c === '|') (out.push(src.slice(start, i)), (start = i + 1));
  }
  out.push(src.slice(start));
  return out;
}

/** The characters an escape stands for as single-character strings, [] for zero-width, or null when too many. */
function escapeChars(e: string): string[] | null {
  if (e === 'd') return [...'0123456789'];
  if (e === 'b' || e === 'B') return [];
  if (/^[a-zA-Z0-9]$/.test(e)) return null; // \w, \s, \u…, back-references…: not enumerated
  return [e]; // an escaped punctuation mark is itself
}

/** The characters of a class "[…]", or null when negated, too many or not read. */
function classChars(body: string): string[] | null {
  if (body.startsWith('^')) return null;
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let ch = body[i]!;
    if (ch === '\\') {
      const e = escapeChars(body[++i] ?? '');
      if (!e || e.length === 0) return null;
      if (e.length > 1) {
        out.push(...e);
        continue;
      }
      ch = e[0]!;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (body[i + 2] === '\\') return null;
      for (let c = ch.charCodeAt(0); c <= body.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(ch);
  }
  return out.length <= MAX_CLASS ? out : null;
}

const QUANT = /^(?:([?*+])|\{(\d+)(?:,(\d*))?\})\??/;
/** Classes larger than this are not enumerated (a wildcard from there on). */
const MAX_CLASS = 16;
/** More prefixes than this for one pattern and it is not read (tried at every word start). */
const MAX_PREFIXES = 4000;

/** A prefix a match can begin with; `complete` when the pattern part read so far matched exactly it (more may be appended). */
interface Prefix {
  s: string;
  complete: boolean;
}

/**
 * The strings of up to `k` characters that every match of a regex source begins with: a match
 * begins with one of them (a string shorter than k: with anything after it). Null when not known.
 * Conservative: it may list too much, never too little. Zero-width assertions are skipped.
 */
export function leadingStrings(src: string, k: number): Prefix[] | null {
  let open = new Set<string>(['']);
  const done = new Set<string>();
  let i = 0;
  while (i < src.length && open.size > 0) {
    const c = src[i]!;
    let end = i + 1;
    let atom: Prefix[] | null;
    if (c === '(') {
      end = closing(src, i);
      let body = src.slice(i + 1, end - 1);
      if (body.startsWith('?:')) body = body.slice(2);
      else if (/^\?<?[=!]/.test(body)) body = ''; // a lookaround matches nothing itself
      else if (body.startsWith('?')) return null;
      atom = [];
      for (const alt of alternatives(body)) {
        const inner = leadingStrings(alt, k);
        if (!inner) return null;
        atom.push(...inner);
      }
    } else if (c === '[') {
      end = closing(src, i);
      const chars = classChars(src.slice(i + 1, end - 1));
      atom = chars ? chars.map((s) => ({ s, complete: true })) : [{ s: '', complete: false }];
    } else if (c === '\\') {
      end = i + 2;
      const chars = escapeChars(src[i + 1] ?? '');
      atom = !chars ? [{ s: '', complete: false }] : chars.length ? chars.map((s) => ({ s, complete: true })) : [{ s: '', complete: true }];
    } else if (c === '^' || c === '$') atom = [{ s: '', complete: true }];
    else if (c === '.') atom = [{ s: '', complete: false }];
    else if (c === ')' || c === '|' || c === '?' || c === '*' || c === '+' || c === '{') return null;
    else atom = [{ s: c, complete: true }];
    const q = QUANT.exec(src.slice(end));
    let optional = false;
    if (q) {
      end += q[0].length;
      optional = q[1] === '?' || q[1] === '*' || q[2] === '0';
      // Repeatable: what follows one repetition is not known here.
      if (q[1] === '*' || q[1] === '+' || (q[2] !== undefined && q[3] !== q[2])) atom = atom.map((a) => ({ s: a.s, complete: false }));
    }
    const next = new Set<string>(optional ? open : []);
    for (const s of open) {
      for (const a of atom) {
        const t = s + a.s;
        if (t.length >= k) done.add(t.slice(0, k));
        else if (a.complete) next.add(t);
        else done.add(t);
      }
    }
    if (next.size + done.size > MAX_PREFIXES) return null;
    open = next;
    i = end;
  }
  return [...[...done].map((s) => ({ s, complete: false })), ...[...open].map((s) => ({ s, complete: true }))];
}

/**
 * The source with every capturing group made non-capturing: a gate needs no captures, and a regex
 * with hundreds of them spends much of each attempt clearing their registers. Matches the same texts.
 */
export function withoutCaptures(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
    } else if (inClass) (out += c), (inClass = c !== ']');
    else if (c === '[') (out += c), (inClass = true);
    else out += c === '(' && src[i + 1] !== '?' ? '(?:' : c;
  }
  return out;
}
