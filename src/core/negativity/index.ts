/**
 * Negativity scorer contract (issue 4 owns the implementation).
 * PLACEHOLDER v0 — a tiny bilingual lexicon so the pipeline runs; issue 4 replaces this file's internals
 * but keeps the exported names and signatures.
 */
import type { NegativityResult, Lang } from '../types.js';
import type { RuleFile } from '../errors.js';

/** Per-brand additions from `rules/brands/*.yaml` under `negativity:`. */
export interface BrandNegativityOverrides {
  extraNegative?: string[];
  ignore?: string[];
}

export interface NegativityModel {
  negative: Map<string, number>;
}

/** Builds the model from the files under rules/lexicons/ (pure: the runtime reads the files). */
export function buildNegativityModel(_files: RuleFile[]): NegativityModel {
  const terms = ['refund', 'cancelled', 'broken', 'worst', 'scam', 'angry', 'never again', 'on hold', 'ignored', '退款', '投诉', '垃圾', '骗', '维权', '曝光', '不理', '质量问题', '坏了', '恶心', '失望'];
  return { negative: new Map(terms.map((t) => [t, 1])) };
}

/** Detects the language of a text: Chinese, English, mixed or other. */
export function detectLang(text: string): Lang {
  const han = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0 && latin === 0) return 'other';
  if (han > 0 && latin > han * 3) return 'mixed';
  if (han > 0) return latin > 20 ? 'mixed' : 'zh';
  return 'en';
}

/** Scores one text. */
export function scoreText(model: NegativityModel, text: string, brand?: BrandNegativityOverrides): NegativityResult {
  const lower = text.toLowerCase();
  const evidence: string[] = [];
  for (const [term] of model.negative) if (lower.includes(term)) evidence.push(term);
  for (const term of brand?.extraNegative ?? []) if (lower.includes(term.toLowerCase())) evidence.push(term);
  const negativity = Math.min(1, evidence.length * 0.4);
  return { negativity, negative: negativity >= 0.4, complaint: evidence.length > 0, topics: [], lang: detectLang(text), evidence };
}
