/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one (Kysely cannot nest them).
 * On D1 the "transaction" is one batch sent at the end (see d1-dialect.ts): inside `fn`, reads do not see the
 * group's own writes yet, and a write's row count is a prediction the batch re-checks. Read first, then write.
 */
import type { Db } from './schema.js';

export async function atomically<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
