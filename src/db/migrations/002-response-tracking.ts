import type { Kysely } from 'kysely';

/**
 * Response tracking and inorganic amplification (issue 7): when the brand first answered and whether it deflected,
 * when the "no response yet" alert went out, and the "possibly coordinated" verdict. The columns are nullable and
 * set once by compare-and-set (`where x is null`), which is what makes each of them happen exactly once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE.
  for (const [name, type] of [
    ['first_response_at', 'integer'],
    ['first_response_deflecting', 'integer'],
    ['response_overdue_at', 'integer'],
    ['coordinated_at', 'integer'],
    ['coordination', 'text'],
  ] as const) {
    await db.schema.alterTable('incidents').addColumn(name, type).execute();
  }
  // One row per brand post recognised as a response to an incident, with its lint verdict.
  await db.schema
    .createTable('incident_responses')
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'integer', (c) => c.notNull())
    .addColumn('deflecting', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_responses_pk', ['incident_id', 'source_id', 'external_id'])
    .execute();
}
