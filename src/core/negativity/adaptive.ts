/**
 * Per-brand adaptive layer over user corrections: a Bernoulli naive Bayes over the same features
 * as the scorer, plus an exact memory of corrected texts so the very same post is never misjudged
 * again. Pure and JSON-serialisable: the runtime stores the corrections and passes the model in.
 */
import { extractFeatures, type Features } from './features.js';

export interface Correction {
  text: string;
  negative: boolean;
}

export interface AdaptiveModel {
  version: 1;
  docs: { negative: number; notNegative: number };
  /** feature → [corrections marked negative containing it, corrections marked not negative]. */
  counts: Record<string, [number, number]>;
  /** Hash of the normalised text → the label a user gave it. */
  exact: Record<string, boolean>;
}

const EXACT_LOGIT = 6; // a remembered verdict outweighs everything else
const MAX_NB_LOGIT = 4; // a handful of corrections nudges, it cannot swamp the lexicons

/** Normalises a text for the exact memory: lower case, links and handles dropped, spaces collapsed. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/https?:\/\/\S+|@\w+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** FNV-1a, 32 bits: keeps the stored model small and free of post text. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function featureSet(f: Features): Set<string> {
  return new Set([...f.en, ...f.zh, ...f.common]);
}

/** Creates an adaptive model with no corrections. */
export function emptyAdaptiveModel(): AdaptiveModel {
  return { version: 1, docs: { negative: 0, notNegative: 0 }, counts: {}, exact: {} };
}

/** Learns from corrections, on top of `base` when given (online: the base is not modified). */
export function trainCorrections(corrections: Correction[], base: AdaptiveModel = emptyAdaptiveModel()): AdaptiveModel {
  const model: AdaptiveModel = structuredClone(base);
  for (const c of corrections) {
    const slot = c.negative ? 0 : 1;
    if (c.negative) model.docs.negative++;
    else model.docs.notNegative++;
    for (const feat of featureSet(extractFeatures(c.text))) {
      const pair = (model.counts[feat] ??= [0, 0]);
      pair[slot]++;
    }
    model.exact[hash(normalise(c.text))] = c.negative;
  }
  return model;
}

/** The adaptive layer's push on one text: a logit to add and a line of evidence (or null). */
export function adaptiveLogit(model: AdaptiveModel, f: Features, text: string): { logit: number; evidence: string | null } {
  const remembered = model.exact[hash(normalise(text))];
  if (remembered !== undefined) {
    return { logit: remembered ? EXACT_LOGIT : -EXACT_LOGIT, evidence: `corrected by a user: ${remembered ? 'negative' : 'not negative'}` };
  }
  const { negative: dn, notNegative: dp } = model.docs;
  let sum = 0;
  let used = 0;
  for (const feat of featureSet(f)) {
    const pair = model.counts[feat];
    if (!pair) continue;
    // Laplace-smoothed P(feature | class) ratio; a feature seen equally in both classes cancels out.
    sum += Math.log((pair[0] + 1) / (dn + 2)) - Math.log((pair[1] + 1) / (dp + 2));
    used++;
  }
  if (used === 0) return { logit: 0, evidence: null };
  const logit = Math.max(-MAX_NB_LOGIT, Math.min(MAX_NB_LOGIT, sum));
  return { logit, evidence: `learned from ${dn + dp} corrections ${logit >= 0 ? '+' : ''}${logit.toFixed(2)}` };
}
