/** Migrations in a static map, so the Worker bundle needs no filesystem. Add new ones with the next number. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial.js';
import * as m003 from './003-routing.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '003-routing': m003,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
