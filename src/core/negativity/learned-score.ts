/** The derived part of the score: a linear model over features, weights in rules/lexicons/learned-*.tsv. */
import type { Features } from './features.js';
import type { LearnedWeights, NegativityModel } from './model.js';

export interface LearnedScore {
  logit: number;
  /** The features that pushed hardest, for evidence. */
  top: Array<{ feature: string; weight: number }>;
}

function add(table: LearnedWeights, feats: string[], scale: number, acc: LearnedScore): void {
  for (const feat of feats) {
    const w = table.weights.get(feat);
    if (w === undefined) continue;
    acc.logit += w * scale;
    // Keep only the two strongest contributions: cheap, and enough to say why.
    const top = acc.top;
    if (top.length < 2) top.push({ feature: feat, weight: w * scale });
    else {
      const weakest = Math.abs(top[0]!.weight) < Math.abs(top[1]!.weight) ? 0 : 1;
      if (Math.abs(w * scale) > Math.abs(top[weakest]!.weight)) top[weakest] = { feature: feat, weight: w * scale };
    }
  }
}

/** Share of the text written in Han script, weighting a character like three Latin letters. */
export function zhShare(f: Features): number {
  const total = 3 * f.hanChars + f.latinChars;
  return total === 0 ? 0 : (3 * f.hanChars) / total;
}

/** Sums the learned weights of a text's features; bias is blended by script share for mixed posts. */
export function scoreLearned(model: NegativityModel, f: Features): LearnedScore {
  const { en, zh } = model.learned;
  const share = zhShare(f);
  const acc: LearnedScore = { logit: share * zh.bias + (1 - share) * en.bias, top: [] };
  add(en, f.en, 1, acc);
  add(zh, f.zh, 1, acc);
  add(share >= 0.5 ? zh : en, f.common, 1, acc);
  return acc;
}
