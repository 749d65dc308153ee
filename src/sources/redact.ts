/** Redaction of secrets from platform messages before they reach a log, a row or a page. */

const TOKEN_PATTERNS: RegExp[] = [
  /\b(Bearer|bearer|Basic|basic)\s+[A-Za-z0-9._~+/=-]{8,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, // JWTs
  /((?:access|refresh)_?token|password|secret|cookie|SUB)(["']?\s*[:=]\s*["']?)[^"'&\s,;}]{4,}/gi,
];

/** Replaces every known secret and anything token-shaped with `<secret>`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('<secret>');
  }
  out = out.replace(TOKEN_PATTERNS[0]!, (_m, kind: string) => `${kind} <secret>`);
  out = out.replace(TOKEN_PATTERNS[1]!, '<secret>');
  out = out.replace(TOKEN_PATTERNS[2]!, (_m, key: string, sep: string) => `${key}${sep}<secret>`);
  return out;
}
