/**
 * A small tolerant XML reader for feeds: elements, attributes, text and CDATA; comments, processing instructions
 * and doctypes skipped; unclosed or mismatched tags recovered the way browsers read tag soup. Enough for RSS 2.0,
 * RSS 1.0 and Atom; for full XML (namespaces resolved, DTDs) `fast-xml-parser` or `saxes` would be the choice.
 */
import { decodeEntities } from '../core/text/entities.js';

export interface XmlElement {
  /** Qualified name as written, lowercased (e.g. "item", "media:content"). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated direct text and CDATA. */
  text: string;
  /** True when its closing tag was seen (a truncated document leaves its root unclosed). */
  closed?: boolean;
}

const MAX_DEPTH = 64;

/** Parses XML text into a root element named "#document". Never throws; garbage yields an empty document. */
export function parseXml(src: string): XmlElement {
  const doc: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [doc];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) { top().text += decodeEntities(src.slice(i)); break; }
    if (lt > i) top().text += decodeEntities(src.slice(i, lt));
    if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      top().text += src.slice(lt + 9, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end + 3;
    } else if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      i = end < 0 ? src.length : end + 3;
    } else if (src[lt + 1] === '?' || src[lt + 1] === '!') {
      const end = src.indexOf('>', lt);
      i = end < 0 ? src.length : end + 1;
    } else if (src[lt + 1] === '/') {
      const end = src.indexOf('>', lt);
      const name = src.slice(lt + 2, end < 0 ? src.length : end).trim().toLowerCase();
      // Close up to the nearest matching open element; a stray close tag is ignored.
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at > 0) { stack[at]!.closed = true; stack.length = at; }
      i = end < 0 ? src.length : end + 1;
    } else {
      const tag = readTag(src, lt);
      if (!tag) { top().text += '<'; i = lt + 1; continue; }
      const el: XmlElement = { name: tag.name, attrs: tag.attrs, children: [], text: '' };
      top().children.push(el);
      if (tag.selfClosing) el.closed = true;
      else if (stack.length < MAX_DEPTH) stack.push(el);
      i = tag.end;
    }
  }
  return doc;
}

function readTag(src: string, lt: number): { name: string; attrs: Record<string, string>; selfClosing: boolean; end: number } | undefined {
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(src.slice(lt, lt + 200));
  if (!m) return undefined;
  let i = lt + m[0].length;
  const attrs: Record<string, string> = {};
  const attrRe = /\s*([A-Za-z_][\w.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;
  for (;;) {
    const rest = /\s*(\/?)>/y;
    rest.lastIndex = i;
    const close = rest.exec(src);
    if (close) return { name: m[1]!.toLowerCase(), attrs, selfClosing: close[1] === '/', end: rest.lastIndex };
    attrRe.lastIndex = i;
    const a = attrRe.exec(src);
    if (!a || attrRe.lastIndex === i) return i >= src.length ? { name: m[1]!.toLowerCase(), attrs, selfClosing: true, end: src.length } : undefined;
    attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    i = attrRe.lastIndex;
  }
}

/** Direct children with one of the names. */
export function childrenNamed(el: XmlElement, ...names: string[]): XmlElement[] {
  return el.children.filter((c) => names.includes(c.name));
}

/** The first direct child with one of the names. */
export function child(el: XmlElement, ...names: string[]): XmlElement | undefined {
  return el.children.find((c) => names.includes(c.name));
}

/** All descendants with one of the names (depth-first, document order). */
export function descendants(el: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => { for (const c of e.children) { if (names.includes(c.name)) out.push(c); else walk(c); } };
  walk(el);
  return out;
}

/** Text of the element and its descendants (for feeds that put markup unescaped inside a field). */
export function deepText(el: XmlElement): string {
  return el.text + el.children.map(deepText).join('');
}
