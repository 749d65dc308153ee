/** Replaces every known secret (and its URL-encoded form) in a string with `<secret>`. The one place secrets are hidden. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('<secret>');
  }
  return out;
}
