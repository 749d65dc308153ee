/** Replaces every known secret (and its URL-encoded form) in a string with `<secret>`. The one place secrets are hidden. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  // Longest first, so a secret that contains another is hidden whole rather than half.
  for (const s of [...secrets].filter((x) => x && x.length >= 4).sort((a, b) => b.length - a.length)) {
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('<secret>');
  }
  return out;
}
