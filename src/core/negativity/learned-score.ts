/** The derived part of the score: a linear model over features, weights in rules/lexicons/learned-*.tsv. */
import type { FeatureVisitor, TextShape } from './features.js';
import type { LearnedWeights, NegativityModel } from './model.js';

export interface LearnedScore {
  logit: number;
  /** The two features that pushed hardest, for evidence. */
  top: Array<{ feature: string; weight: number }>;
}

/** Share of the text written in Han script, weighting a character like three Latin letters. */
export function zhShare(f: { hanChars: number; latinChars: number }): number {
  const total = 3 * f.hanChars + f.latinChars;
  return total === 0 ? 0 : (3 * f.hanChars) / total;
}

/**
 * Sums learned weights while the features are visited, looking them up in split tables so no
 * feature string is built (string building and hashing were most of the scoring time).
 */
export class LearnedAccumulator implements FeatureVisitor {
  private sum = 0;
  private best1: { feature: string; weight: number } | null = null;
  private best2: { feature: string; weight: number } | null = null;
  private readonly symbols: string[] = [];

  constructor(private readonly model: NegativityModel) {}

  private note(w: number | undefined, name: () => string): void {
    if (w === undefined) return;
    this.sum += w;
    // Keep the two strongest contributions: cheap, and enough to say why.
    const a = Math.abs(w);
    if (!this.best1 || a > Math.abs(this.best1.weight)) {
      this.best2 = this.best1;
      this.best1 = { feature: name(), weight: w };
    } else if (!this.best2 || a > Math.abs(this.best2.weight)) this.best2 = { feature: name(), weight: w };
  }

  word(word: string, negated: boolean): void {
    const t = this.model.learned.en;
    this.note((negated ? t.negated : t.plain).get(word), () => (negated ? '!' + word : word));
  }

  wordPair(a: string, b: string): void {
    this.note(this.model.learned.en.pairs.get(a)?.get(b), () => a + ' ' + b);
  }

  han(ch: string, negated: boolean): void {
    const t = this.model.learned.zh;
    this.note((negated ? t.negated : t.plain).get(ch), () => (negated ? '!' + ch : ch));
  }

  hanPair(a: string, b: string): void {
    this.note(this.model.learned.zh.pairs.get(a)?.get(b), () => a + b);
  }

  symbol(sym: string): void {
    this.symbols.push(sym);
  }

  /** The total, once the whole text was visited: bias blended by script share, symbols by the main script. */
  finish(shape: TextShape): LearnedScore {
    const { en, zh } = this.model.learned;
    const share = zhShare(shape);
    const table: LearnedWeights = share >= 0.5 ? zh : en;
    for (const s of this.symbols) this.note(table.plain.get(s), () => s);
    const top = [this.best1, this.best2].filter((x): x is { feature: string; weight: number } => x !== null);
    return { logit: share * zh.bias + (1 - share) * en.bias + this.sum, top };
  }
}
