/** Readers for source config fields: each throws an Error naming the field, so the brand config can point at it. */

export type Raw = Record<string, unknown>;

/** A string field; `def` when absent; throws when required and missing or not a string. */
export function strField(raw: Raw, field: string, def?: string): string {
  const v = raw[field];
  if (v === undefined || v === null || v === '') {
    if (def !== undefined) return def;
    throw new Error(`${field}: required`);
  }
  if (typeof v !== 'string') throw new Error(`${field}: must be a string`);
  return v.trim();
}

/** An optional string field. */
export function optStrField(raw: Raw, field: string): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new Error(`${field}: must be a string`);
  return v.trim();
}

/** A number field within [min, max]. */
export function numField(raw: Raw, field: string, def: number, min: number, max: number): number {
  const v = raw[field];
  if (v === undefined || v === null) return def;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new Error(`${field}: must be a number`);
  if (n < min || n > max) throw new Error(`${field}: must be between ${min} and ${max}`);
  return n;
}

/** A boolean field. */
export function boolField(raw: Raw, field: string, def: boolean): boolean {
  const v = raw[field];
  if (v === undefined || v === null) return def;
  if (typeof v !== 'boolean') throw new Error(`${field}: must be true or false`);
  return v;
}

/** A list of strings (a single string is accepted as a one-item list). */
export function strListField(raw: Raw, field: string, def: string[]): string[] {
  const v = raw[field];
  if (v === undefined || v === null) return def;
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.trim() !== '')) throw new Error(`${field}: must be a list of non-empty strings`);
  return list.map((x: string) => x.trim());
}

/** An http(s) base URL without a trailing slash. */
export function urlField(raw: Raw, field: string, def: string): string {
  const v = strField(raw, field, def);
  let u: URL;
  try { u = new URL(v); } catch { throw new Error(`${field}: not a valid URL`); }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`${field}: must be an http(s) URL`);
  return v.replace(/\/+$/, '');
}

/**
 * A secret named by an env var: config says `password_env: BLUESKY_APP_PASSWORD`, the value comes from env.
 * An unset or empty variable is an error, never an empty auth header.
 */
export function secretFromEnv(raw: Raw, field: string, env: Record<string, string | undefined>, defName?: string): string {
  const name = strField(raw, field, defName);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`${field}: must name an environment variable`);
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new Error(`${field}: environment variable ${name} is not set`);
  return value.trim();
}
