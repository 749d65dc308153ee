import type { Kysely } from 'kysely';

/**
 * Routing, delivery health and on-call (issue 6). Delivery rows remember the route they were sent for and the last
 * noise-control decision; channels that fail permanently are recorded until an admin re-enables them; incidents
 * carry their escalation progress, snooze and assignee so a restart resumes escalation where it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('deliveries').addColumn('route', 'text').execute();
  await db.schema.alterTable('deliveries').addColumn('decision', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('escalation_started_at', 'integer').execute();
  await db.schema.alterTable('incidents').addColumn('escalation_steps', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('incidents').addColumn('snoozed_until', 'integer').execute();
  await db.schema.alterTable('incidents').addColumn('assignee', 'text').execute();
  await db.schema
    .createTable('channel_health')
    .addColumn('channel', 'text', (c) => c.primaryKey())
    .addColumn('failing_since', 'integer')
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
