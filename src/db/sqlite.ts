/** Opens the embedded SQLite database (WAL) through Kysely and brings its schema up to date. */
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as Schema, Db } from './schema.js';
import { migrationProvider } from './migrations/index.js';

export type { Db } from './schema.js';

/** Opens (creating if needed) the SQLite file and runs pending migrations; throws with the failing migration's name. */
export async function openSqlite(file: string): Promise<Db> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db);
  return db;
}

/** Runs every migration in the static map that has not run yet. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? String(error)}`);
  }
}
