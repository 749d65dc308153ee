/** Small validators shared by the channels' `parseConfig`: every error names the field. */
import { ConfigError } from '../core/errors.js';

type Raw = Record<string, unknown>;
type Env = Record<string, string | undefined>;

const FILE = 'channel config';

/** A required or optional non-empty string. */
export function stringField(raw: Raw, field: string, required: true): string;
export function stringField(raw: Raw, field: string, required?: false): string | undefined;
export function stringField(raw: Raw, field: string, required = false): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new ConfigError(FILE, field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') throw new ConfigError(FILE, field, 'expected a string');
  return v.trim();
}

/** A list of non-empty strings (a single string is accepted as a one-item list). */
export function stringListField(raw: Raw, field: string, required = false): string[] {
  const v = raw[field];
  if (v === undefined || v === null) {
    if (required) throw new ConfigError(FILE, field, 'is required');
    return [];
  }
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === '')) throw new ConfigError(FILE, field, 'expected a list of non-empty strings');
  if (required && list.length === 0) throw new ConfigError(FILE, field, 'needs at least one entry');
  return list.map((x: string) => x.trim());
}

export function booleanField(raw: Raw, field: string, fallback: boolean): boolean {
  const v = raw[field];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new ConfigError(FILE, field, 'expected true or false');
  return v;
}

/**
 * A secret: `<field>_env` names an environment variable (preferred, keeps secrets out of rules/),
 * or `<field>` holds the value itself. The error never echoes the value.
 */
export function secretField(raw: Raw, env: Env, field: string, required: boolean): string | undefined {
  const envName = stringField(raw, `${field}_env`);
  if (envName !== undefined) {
    const v = env[envName];
    if (v === undefined || v.trim() === '') throw new ConfigError(FILE, `${field}_env`, `environment variable ${envName} is not set`);
    return v.trim();
  }
  const v = raw[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new ConfigError(FILE, field, `is required (set ${field}_env to the name of an environment variable)`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ConfigError(FILE, field, 'expected a string');
  return v.trim();
}

/**
 * A webhook URL on one of the platform's official hosts, so a typo or a hostile config cannot send
 * alerts (and their secrets) elsewhere. `allow_custom_host: true` opts out for proxies and tests.
 */
export function webhookUrlField(raw: Raw, env: Env, officialHosts: RegExp): string {
  const url = secretField(raw, env, 'url', true)!;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(FILE, 'url', 'is not a valid URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new ConfigError(FILE, 'url', 'must be http(s)');
  if (!booleanField(raw, 'allow_custom_host', false)) {
    if (u.protocol !== 'https:' || !officialHosts.test(u.hostname)) throw new ConfigError(FILE, 'url', `host ${u.hostname} is not an official endpoint of this platform (set allow_custom_host: true for a proxy)`);
  }
  return u.toString();
}

/** The secret-bearing pieces of a webhook URL: the whole URL, its path segments and query values that look like tokens. */
export function urlSecrets(url: string): string[] {
  const out = [url];
  try {
    const u = new URL(url);
    for (const seg of u.pathname.split('/')) if (seg.length >= 12) out.push(seg);
    for (const [, v] of u.searchParams) if (v.length >= 8) out.push(v);
  } catch {
    /* parseConfig already rejected invalid URLs */
  }
  return out;
}
