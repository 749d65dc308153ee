/** First-start set-up on Workers: the admin user and its API token come from the EMBERWATCH_ADMIN_TOKEN secret. */
import { grantAdminToken } from '../db/queries/auth.js';
import type { Db } from '../db/schema.js';

/**
 * Makes sure the admin user exists and `token` (a secret set with `wrangler secret put EMBERWATCH_ADMIN_TOKEN`) is
 * one of its API tokens. There is no filesystem to hand a generated token to, so the operator chooses it; only its
 * hash is stored. Rotating the secret adds the new token; revoking an old one is done through the API.
 */
export async function ensureAdminFromSecret(db: Db, token: string, now: number): Promise<void> {
  if (token.length < 24) throw new Error('EMBERWATCH_ADMIN_TOKEN must be at least 24 characters');
  await grantAdminToken(db, token, 'EMBERWATCH_ADMIN_TOKEN (Worker secret)', now);
}
