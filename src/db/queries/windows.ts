/** Spread windows and the detector's state per brand. A batch of closed windows and the new state commit together. */
import { atomically } from '../atomic.js';
import type { Db } from '../schema.js';
import type { DetectorDecision, SpreadWindow } from '../../core/types.js';

export interface JudgedWindow {
  window: SpreadWindow;
  decision: DetectorDecision;
}

export async function getDetectorState(db: Db, brandId: string) {
  return db.selectFrom('detector_states').selectAll().where('brand_id', '=', brandId).executeTakeFirst();
}

/** Saves judged windows and the detector state after them in one transaction. */
export async function saveJudgedWindows(db: Db, brandId: string, judged: JudgedWindow[], state: unknown, nextWindowStart: number): Promise<void> {
  await atomically(db, async (trx) => {
    for (const { window: w, decision: d } of judged) {
      const row = {
        brand_id: brandId, start: w.start, end: w.end, posts: w.posts, neg_posts: w.negPosts, neg_engagement: w.negEngagement,
        neg_engagement_per_min: w.negEngagementPerMin, reach: w.reach, complete: w.complete ? 1 : 0, expected: d.expected,
        band_lo: d.band.lo, band_hi: d.band.hi, score: d.score, phase: d.phase, reason: d.reason,
      };
      await trx.insertInto('spread_windows').values(row).onConflict((oc) => oc.columns(['brand_id', 'start']).doUpdateSet(row)).execute();
    }
    const s = JSON.stringify(state);
    await trx.insertInto('detector_states').values({ brand_id: brandId, state: s, next_window_start: nextWindowStart }).onConflict((oc) => oc.column('brand_id').doUpdateSet({ state: s, next_window_start: nextWindowStart })).execute();
  });
}

/** Windows of a brand in [from, to), oldest first, for charts. */
export async function windowsBetween(db: Db, brandId: string, from: number, to: number) {
  return db.selectFrom('spread_windows').selectAll().where('brand_id', '=', brandId).where('start', '>=', from).where('start', '<', to).orderBy('start').execute();
}

export async function latestWindow(db: Db, brandId: string) {
  return db.selectFrom('spread_windows').selectAll().where('brand_id', '=', brandId).orderBy('start', 'desc').limit(1).executeTakeFirst();
}
