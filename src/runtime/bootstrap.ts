/** First-start set-up on Node: the admin user and its API token in `data/admin-token` (mode 600). */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { countTokens, grantAdminToken } from '../db/queries/auth.js';
import type { Db } from '../db/schema.js';
import { randomId } from '../lib/signing.js';

/**
 * Makes sure an admin token exists. Reuses the token already in `file` (so a fresh database keeps the same
 * credentials) or creates one. Returns the token and whether it was created now.
 */
export async function ensureAdminToken(db: Db, file: string, now: number): Promise<{ token: string; created: boolean }> {
  const existing = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if ((await countTokens(db)) > 0 && existing) return { token: existing, created: false };
  const token = existing || randomId(24);
  await grantAdminToken(db, token, 'created at first start', now);
  if (!existing) writeFileSync(file, token + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, created: !existing };
}
