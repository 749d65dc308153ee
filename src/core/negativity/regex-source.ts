/** Reading a regular expression's source without running it: where a group ends, its top-level alternatives. */

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
