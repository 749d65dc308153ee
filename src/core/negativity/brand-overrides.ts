/** Per-brand overrides from the brand's rules file under `negativity:`, validated and compiled once. */
import { ConfigError } from '../errors.js';
import type { AdaptiveModel } from './adaptive.js';
import { normaliseWord } from './features.js';

/** Per-brand additions from `rules/brands/*.yaml` under `negativity:`. */
export interface BrandNegativityOverrides {
  /** Terms that count as negative for this brand ("recall", a rival's slogan…). */
  extraNegative?: string[];
  /** Terms that count as positive for this brand. */
  extraPositive?: string[];
  /** Terms removed before scoring: a product called "Killer", a campaign called "Sick Deals". */
  ignore?: string[];
  /** The brand's adaptive layer, trained on user corrections (see trainCorrections). */
  adaptive?: AdaptiveModel;
  /**
   * The brand's own names and aliases (from the brand file, not from `negativity:`). Those that are one
   * English word carry no learned weight in its posts: the weights were fitted on tweets about many topics,
   * where a name leans one way by what was in the news ("toyota" and its letter groups read -1.5), and in a
   * brand's own stream that lean would move every post by the same amount, a different one per brand.
   */
  ownNames?: string[];
}

export interface CompiledOverrides {
  ignore: RegExp | null;
  extraNegative: string[];
  extraPositive: string[];
  /** ownNames that are one English word, as the scorer reads words (lower case, long letter runs cut to two). */
  ownWords: string[];
}

export const EXTRA_TERM_LOGIT = 1.5;

const cache = new WeakMap<BrandNegativityOverrides, CompiledOverrides>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles overrides once per overrides object (scoring calls this for every post). */
export function compileOverrides(o: BrandNegativityOverrides): CompiledOverrides {
  let c = cache.get(o);
  if (c) return c;
  // Latin terms match whole words only, so ignoring "Killer" leaves "killers" alone; Han terms match anywhere.
  const alts = (o.ignore ?? []).filter((t) => t.trim()).map((t) => {
    const e = escape(t.trim());
    return /^[a-z0-9]/i.test(t.trim()) ? `\\b${e}\\b` : e;
  });
  c = {
    ignore: alts.length ? new RegExp(alts.join('|'), 'giu') : null,
    extraNegative: (o.extraNegative ?? []).map((t) => t.toLowerCase().trim()).filter(Boolean),
    extraPositive: (o.extraPositive ?? []).map((t) => t.toLowerCase().trim()).filter(Boolean),
    ownWords: [...new Set((o.ownNames ?? []).map((t) => t.trim().toLowerCase()).filter((t) => /^[a-z0-9]+$/.test(t)).map(normaliseWord))],
  };
  cache.set(o, c);
  return c;
}

function stringList(file: string, field: string, v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) throw new ConfigError(file, field, 'must be a list of non-empty strings');
  return v as string[];
}

/** Validates the `negativity:` block of a brand file: `{extra_negative?, extra_positive?, ignore?}`. */
export function parseBrandNegativity(raw: unknown, file: string, field = 'negativity'): BrandNegativityOverrides {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, field, 'must be a mapping with extra_negative, extra_positive, ignore');
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!['extra_negative', 'extra_positive', 'ignore'].includes(k)) throw new ConfigError(file, `${field}.${k}`, 'unknown key; expected extra_negative, extra_positive or ignore');
  }
  const out: BrandNegativityOverrides = {};
  const neg = stringList(file, `${field}.extra_negative`, r['extra_negative']);
  const pos = stringList(file, `${field}.extra_positive`, r['extra_positive']);
  const ign = stringList(file, `${field}.ignore`, r['ignore']);
  if (neg) out.extraNegative = neg;
  if (pos) out.extraPositive = pos;
  if (ign) out.ignore = ign;
  return out;
}
