/** Redaction of secrets from platform messages: the known values via lib/redact, plus anything token-shaped. */
import { redact } from '../lib/redact.js';

const AUTH_HEADER = /\b(Bearer|bearer|Basic|basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const KEY_VALUE = /((?:access|refresh)_?token|password|secret|cookie|SUB)(["']?\s*[:=]\s*["']?)[^"'&\s,;}]{4,}/gi;

/** Replaces every known secret and anything token-shaped with `<secret>`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return redact(text, secrets.filter((s): s is string => !!s))
    .replace(AUTH_HEADER, (_m, kind: string) => `${kind} <secret>`)
    .replace(JWT, '<secret>')
    .replace(KEY_VALUE, (_m, key: string, sep: string) => `${key}${sep}<secret>`);
}
