/** Migrations in a static map, so the Worker bundle needs no filesystem. Add new ones with the next number. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-response-tracking.js';
import * as m003 from './003-routing.js';
import * as m004 from './004-source-health.js';
import * as m005 from './005-corrections.js';
import * as m006 from './006-cascade-incidents.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-response-tracking': m002,
  '003-routing': m003,
  '004-source-health': m004,
  '005-corrections': m005,
  '006-cascade-incidents': m006,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
