/** Runs `fn` in a transaction, or inside the caller's when `db` already is one (Kysely cannot nest them). */
import type { Db } from './schema.js';

export async function atomically<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
