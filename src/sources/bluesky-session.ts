/**
 * Bluesky app-password sessions. createSession is limited to 30 per 5 min and 300 per day per account, so a
 * session is cached in memory per (service, identifier) and refreshed with refreshSession before it expires;
 * tokens never enter the cursor (it is stored in the database) or any message.
 */
import type { Caller } from './backoff.js';
import { asObj, asStr } from './json.js';
import type { SourceError } from './source.js';

interface Session { accessJwt: string; refreshJwt: string; expiresAt: number }

const sessions = new Map<string, Session>();

/** The `exp` claim of a JWT in ms, or undefined (no signature check: we only schedule a refresh). */
export function jwtExpiry(jwt: string): number | undefined {
  const part = jwt.split('.')[1];
  if (!part) return undefined;
  try {
    const payload = asObj(JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))));
    return typeof payload?.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function toSession(v: unknown, now: number): Session | undefined {
  const o = asObj(v);
  const accessJwt = asStr(o?.accessJwt);
  const refreshJwt = asStr(o?.refreshJwt);
  if (!accessJwt || !refreshJwt) return undefined;
  return { accessJwt, refreshJwt, expiresAt: jwtExpiry(accessJwt) ?? now + 60 * 60_000 };
}

export interface SessionTarget { service: string; identifier: string; password: string }

/** A valid access token: cached, refreshed when under a minute is left (or `force`), else a new session. */
export async function accessToken(caller: Caller, t: SessionTarget, now: number, force = false): Promise<{ ok: true; token: string } | { ok: false; error: SourceError }> {
  const key = `${t.service}|${t.identifier}`;
  const cached = sessions.get(key);
  if (cached && !force && cached.expiresAt - now > 60_000) return { ok: true, token: cached.accessJwt };
  if (cached) {
    const res = await caller.json({ url: `${t.service}/xrpc/com.atproto.server.refreshSession`, method: 'POST', headers: { authorization: `Bearer ${cached.refreshJwt}` } });
    const s = res.ok ? toSession(res.value, now) : undefined;
    if (s) { sessions.set(key, s); return { ok: true, token: s.accessJwt }; }
    sessions.delete(key);
  }
  const res = await caller.json({
    url: `${t.service}/xrpc/com.atproto.server.createSession`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: t.identifier, password: t.password }),
  });
  if (!res.ok) return res.error.reason === 'bad-config' ? { ok: false, error: { ...res.error, reason: 'auth' } } : res;
  const s = toSession(res.value, now);
  if (!s) return { ok: false, error: caller.error('bad-response', 'createSession answered without accessJwt/refreshJwt', false) };
  sessions.set(key, s);
  return { ok: true, token: s.accessJwt };
}

/** Forgets every cached session (tests, and a config reload that changes credentials). */
export function clearBlueskySessions(): void {
  sessions.clear();
}
