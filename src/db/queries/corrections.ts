/** Corrections of post negativity: stored, applied to the post, and listed for the brand's adaptive layer. */
import type { Db } from '../schema.js';
import { atomically } from '../atomic.js';

export async function getPost(db: Db, id: number) {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a correction and applies it to the post (its counts use `corrected_negative` from now on). */
export async function addCorrection(db: Db, c: { brandId: string; postId: number; text: string; negative: boolean; actor: string; at: number }): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.insertInto('corrections').values({ brand_id: c.brandId, post_id: c.postId, text: c.text, negative: c.negative ? 1 : 0, actor: c.actor, at: c.at }).execute();
    await trx.updateTable('posts').set({ corrected_negative: c.negative ? 1 : 0 }).where('id', '=', c.postId).execute();
  });
}

export async function correctionsOf(db: Db, brandId: string): Promise<{ text: string; negative: boolean }[]> {
  const rows = await db.selectFrom('corrections').select(['text', 'negative']).where('brand_id', '=', brandId).orderBy('id').execute();
  return rows.map((r) => ({ text: r.text, negative: r.negative === 1 }));
}
