/** Users, API tokens (stored as SHA-256 hashes) and spent single-use ack tokens. */
import type { Db } from '../schema.js';
import { sha256Hex } from '../../lib/signing.js';

export type Role = 'admin' | 'responder' | 'viewer';

export async function upsertUser(db: Db, u: { id: string; name: string; email: string | null; role: Role }, now: number): Promise<void> {
  await db.insertInto('users').values({ ...u, created_at: now }).onConflict((oc) => oc.column('id').doUpdateSet({ name: u.name, email: u.email, role: u.role })).execute();
}

export async function addToken(db: Db, t: { id: string; userId: string; hash: string; label: string }, now: number): Promise<void> {
  await db.insertInto('api_tokens').values({ id: t.id, user_id: t.userId, token_hash: t.hash, label: t.label, created_at: now }).execute();
}

/** The user behind a token hash (the hash lookup is an index probe; the comparison is done by the database). */
export async function userByTokenHash(db: Db, hash: string) {
  return db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').select(['u.id', 'u.name', 'u.email', 'u.role']).where('t.token_hash', '=', hash).executeTakeFirst();
}

/** Makes `token` an API token of the admin user (created if missing); only its hash is stored. Idempotent. */
export async function grantAdminToken(db: Db, token: string, label: string, now: number): Promise<void> {
  const hash = await sha256Hex(token);
  if (await db.selectFrom('api_tokens').select('id').where('token_hash', '=', hash).executeTakeFirst()) return;
  if (!(await db.selectFrom('users').select('id').where('id', '=', 'admin').executeTakeFirst())) await upsertUser(db, { id: 'admin', name: 'admin', email: null, role: 'admin' }, now);
  await addToken(db, { id: hash.slice(0, 16), userId: 'admin', hash, label }, now);
}

export async function countTokens(db: Db): Promise<number> {
  const r = await db.selectFrom('api_tokens').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks a single-use ack token as spent; false if it was already used. */
export async function spendAckToken(db: Db, jti: string, now: number): Promise<boolean> {
  const res = await db.insertInto('used_ack_tokens').values({ jti, used_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function isAckTokenSpent(db: Db, jti: string): Promise<boolean> {
  return !!(await db.selectFrom('used_ack_tokens').select('jti').where('jti', '=', jti).executeTakeFirst());
}
