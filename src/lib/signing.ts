/** HMAC signing for ingest pushes and one-click ack links, with timing-safe comparison. Web Crypto, so Workers can run it. */

const enc = new TextEncoder();

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s: string): string {
  return atob(s.replace(/-/g, '+').replace(/_/g, '/'));
}

async function hmac(secret: string, data: string | Uint8Array): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', key, typeof data === 'string' ? enc.encode(data) : data);
}

/** Compares two strings in time independent of where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i % x.length] ?? 0) ^ (y[i % y.length] ?? 0);
  return diff === 0 && x.length > 0;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, body). */
export async function signBody(secret: string, body: string | Uint8Array): Promise<string> {
  return `sha256=${hex(await hmac(secret, body))}`;
}

/** Checks an ingest signature header against the raw body. */
export async function verifyBody(secret: string, body: string | Uint8Array, header: string | undefined | null): Promise<boolean> {
  if (!header || !secret) return false;
  return timingSafeEqual(await signBody(secret, body), header.trim());
}

export interface AckClaims {
  /** Incident id. */
  inc: string;
  /** Who the link was sent to (attribution), e.g. an email address or route name. */
  to: string;
  /** Expiry, epoch ms. */
  exp: number;
  /** Single-use id. */
  jti: string;
}

/** Signs ack claims into a URL-safe token `<payload>.<signature>`. */
export async function signAckToken(secret: string, claims: AckClaims): Promise<string> {
  const payload = b64url(enc.encode(JSON.stringify(claims)));
  const sig = b64url(new Uint8Array(await hmac(secret, `ack.${payload}`)));
  return `${payload}.${sig}`;
}

/** Verifies an ack token; returns the claims or the reason it is refused. */
export async function verifyAckToken(secret: string, token: string, now: number): Promise<{ ok: true; claims: AckClaims } | { ok: false; reason: string }> {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return { ok: false, reason: 'malformed link' };
  const expected = b64url(new Uint8Array(await hmac(secret, `ack.${payload}`)));
  if (!timingSafeEqual(expected, sig)) return { ok: false, reason: 'this link was not issued by Emberwatch (bad signature)' };
  let claims: AckClaims;
  try {
    claims = JSON.parse(fromB64url(payload)) as AckClaims;
  } catch {
    return { ok: false, reason: 'malformed link' };
  }
  if (typeof claims.exp !== 'number' || claims.exp < now) return { ok: false, reason: 'this link has expired; acknowledge from the incident page' };
  return { ok: true, claims };
}

/** SHA-256 hex of a token, for storing API tokens without keeping them. */
export async function sha256Hex(s: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', enc.encode(s)));
}

/** A random URL-safe id with `bytes` bytes of entropy. */
export function randomId(bytes = 16): string {
  return b64url(crypto.getRandomValues(new Uint8Array(bytes)));
}
