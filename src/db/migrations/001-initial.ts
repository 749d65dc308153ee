import { sql, type Kysely } from 'kysely';

/** The first schema: posts, engagement over time, cursors, windows, incidents and their events, alerts, outbox, users. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('brand_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('author_followers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_created_at', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', 'integer', (c) => c.notNull())
    .addColumn('negativity', 'real', (c) => c.notNull())
    .addColumn('negative', 'integer', (c) => c.notNull())
    .addColumn('complaint', 'integer', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('corrected_negative', 'integer')
    .addColumn('is_own', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('posts_source_external', ['source_id', 'external_id'])
    .execute();
  await db.schema.createIndex('posts_brand_created').on('posts').columns(['brand_id', 'created_at']).execute();

  await db.schema
    .createTable('engagement_snapshots')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('reposts', 'integer', (c) => c.notNull())
    .addColumn('quotes', 'integer', (c) => c.notNull())
    .addColumn('replies', 'integer', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_pk', ['source_id', 'external_id', 'at'])
    .execute();
  await db.schema.createIndex('engagement_at').on('engagement_snapshots').column('at').execute();

  await db.schema
    .createTable('source_cursors')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('last_ok_at', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('spread_windows')
    .addColumn('brand_id', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('neg_posts', 'integer', (c) => c.notNull())
    .addColumn('neg_engagement', 'integer', (c) => c.notNull())
    .addColumn('neg_engagement_per_min', 'real', (c) => c.notNull())
    .addColumn('reach', 'integer', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('expected', 'real', (c) => c.notNull())
    .addColumn('band_lo', 'real', (c) => c.notNull())
    .addColumn('band_hi', 'real', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('spread_windows_pk', ['brand_id', 'start'])
    .execute();

  await db.schema
    .createTable('detector_states')
    .addColumn('brand_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('next_window_start', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'integer')
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('playbook_id', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_brand_state').on('incidents').columns(['brand_id', 'state']).execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('incident_events_incident').on('incident_events').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'integer')
    .execute();
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('used_ack_tokens')
    .addColumn('jti', 'text', (c) => c.primaryKey())
    .addColumn('used_at', 'integer', (c) => c.notNull())
    .execute();
  await sql`select 1`.execute(db);
}
