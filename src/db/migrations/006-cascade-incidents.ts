import type { Kysely } from 'kysely';

/**
 * Single-post early warnings: an incident of kind 'cascade' is opened for one negative post predicted to outgrow the
 * brand's usual reach, and remembers that post (so it is watched until it settles, and never warned about twice).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('post_id', 'integer').execute();
  // Every cycle forecasts a few posts from their reposts and quotes: find a post's children without a scan.
  await db.schema.createIndex('posts_parent').on('posts').columns(['source_id', 'parent_external_id']).execute();
  // Every poll counts a source's posts over a week (source health) and picks its young posts to re-read.
  await db.schema.createIndex('posts_source_created').on('posts').columns(['source_id', 'created_at']).execute();
}
