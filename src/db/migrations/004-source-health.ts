import type { Kysely } from 'kysely';

/** Source health: every poll's outcome (for health and complete windows) and an incident kind for operational incidents. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('source_polls')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('permanent', 'integer')
    .execute();
  await db.schema.createIndex('source_polls_source_at').on('source_polls').columns(['source_id', 'at']).execute();
  await db.schema.alterTable('source_cursors').addColumn('health', 'text', (c) => c.notNull().defaultTo('ok')).execute();
  await db.schema.alterTable('source_cursors').addColumn('health_reason', 'text').execute();
  // 'spread' incidents come from the detector; 'source' incidents say a source is degraded (quiet or broken).
  await db.schema.alterTable('incidents').addColumn('kind', 'text', (c) => c.notNull().defaultTo('spread')).execute();
  await db.schema.alterTable('incidents').addColumn('source_id', 'text').execute();
}
