/** Bearer tokens for the API, a signed session cookie for pages, CSRF tokens for forms, and roles. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../db/queries/auth.js';
import { userByTokenHash } from '../db/queries/auth.js';
import { sha256Hex, signBody, timingSafeEqual } from '../lib/signing.js';
import type { Deps } from '../pipeline/deps.js';

export interface User {
  id: string;
  name: string;
  role: Role;
}

export type AppEnv = { Variables: { user: User | null } };

const SESSION = 'ew_session';
const SESSION_TTL_MS = 7 * 24 * 3600_000;
const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** Resolves an API token to its user (stored hashed; the lookup compares hashes, never raw tokens). */
export async function userForToken(deps: Deps, token: string): Promise<User | null> {
  if (!token || token.length < 20) return null;
  const u = await userByTokenHash(deps.db, await sha256Hex(token));
  return u ? { id: u.id, name: u.name, role: u.role as Role } : null;
}

async function sessionSig(deps: Deps, payload: string): Promise<string> {
  return (await signBody(deps.secret, `session.${payload}`)).slice(7);
}

/** Starts a page session for a user. */
export async function startSession(c: Context, deps: Deps, user: User): Promise<void> {
  const payload = btoa(JSON.stringify({ u: user.id, n: user.name, r: user.role, e: deps.sourceIO.now() + SESSION_TTL_MS }));
  setCookie(c, SESSION, `${payload}.${await sessionSig(deps, payload)}`, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_TTL_MS / 1000 });
}

async function sessionUser(c: Context, deps: Deps): Promise<User | null> {
  const raw = getCookie(c, SESSION);
  if (!raw) return null;
  const [payload, sig] = raw.split('.');
  if (!payload || !sig || !timingSafeEqual(await sessionSig(deps, payload), sig)) return null;
  try {
    const s = JSON.parse(atob(payload)) as { u: string; n: string; r: Role; e: number };
    return s.e > deps.sourceIO.now() ? { id: s.u, name: s.n, role: s.r } : null;
  } catch {
    return null;
  }
}

/** Sets `user` from a bearer token or a session cookie (or null). */
export function identify(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function identifyUser(c, next) {
    const auth = c.req.header('authorization');
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    c.set('user', bearer ? await userForToken(deps, bearer) : await sessionUser(c, deps));
    await next();
  };
}

/** Requires a signed-in user with at least `role`: 401 JSON for the API, a redirect to /login for pages. */
export function requireRole(role: Role, kind: 'api' | 'page'): MiddlewareHandler<AppEnv> {
  return async function requireUserRole(c, next) {
    const user = c.get('user');
    if (!user) return kind === 'api' ? c.json({ error: 'unauthorised: send Authorization: Bearer <token>' }, 401) : c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
    if (RANK[user.role] < RANK[role]) return c.json({ error: `forbidden: needs the ${role} role, you are ${user.role}` }, 403);
    await next();
  };
}

/** A CSRF token bound to the session's user. */
export async function csrfToken(deps: Deps, user: User): Promise<string> {
  return (await signBody(deps.secret, `csrf.${user.id}`)).slice(7, 39);
}

export async function checkCsrf(deps: Deps, user: User, token: unknown): Promise<boolean> {
  return typeof token === 'string' && timingSafeEqual(await csrfToken(deps, user), token);
}
