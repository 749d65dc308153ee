/** The per-brand adaptive negativity layer, trained from stored corrections and cached per database handle. */
import { trainCorrections, type AdaptiveModel } from '../core/negativity/index.js';
import { correctionsOf } from '../db/queries/corrections.js';
import type { Db } from '../db/schema.js';

const cache = new WeakMap<Db, Map<string, AdaptiveModel | null>>();

/** The brand's adaptive model, or null when nobody has corrected anything yet. */
export async function adaptiveFor(db: Db, brandId: string): Promise<AdaptiveModel | null> {
  let byBrand = cache.get(db);
  if (!byBrand) cache.set(db, (byBrand = new Map()));
  if (!byBrand.has(brandId)) {
    const corrections = await correctionsOf(db, brandId);
    byBrand.set(brandId, corrections.length ? trainCorrections(corrections) : null);
  }
  return byBrand.get(brandId) ?? null;
}

/** Drops the cached model after a new correction, so the next post is scored with it. */
export function forgetAdaptive(db: Db, brandId: string): void {
  cache.get(db)?.delete(brandId);
}
