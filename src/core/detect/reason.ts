/** Sentences a PR lead can read: what was seen, what was expected for this local time, how sure, and the trend. */
import type { ScaleEvidence } from './spread-evidence.js';

/** Formats a count or rate with sensible precision: 48, 3.1, 0.25. */
export function num(x: number): string {
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  if (x >= 10) return (Math.round(x * 10) / 10).toString();
  return (Math.round(x * 100) / 100).toString();
}

/** "p < 1e-6" for tiny p-values, "p = 0.012" otherwise. */
export function pText(surprise: number): string {
  // Beyond 1e-12 the model's own assumptions dominate; a longer exponent would claim precision it does not have.
  if (surprise >= 12) return 'p < 1e-12';
  if (surprise >= 3) return `p < 1e-${Math.floor(surprise)}`;
  return `p = ${Math.pow(10, -surprise).toPrecision(2)}`;
}

/** Minutes covered by a scale, for "last 30 min". */
export function spanText(windows: number, windowMs: number): string {
  const min = Math.round((windows * windowMs) / 60_000);
  return min >= 120 && min % 60 === 0 ? `${min / 60} h` : `${min} min`;
}

export interface ReasonParts {
  signal: string;
  observed: number;
  expected: number;
  slotLabel: string;
  best: ScaleEvidence;
  surprise: number;
  rising: number;
  windowMs: number;
  extra?: string;
}

/** One sentence for a judged window: "negative posts 48 vs 3.1 expected for a Tuesday 10:00; p < 1e-6; rising for 3 windows". */
export function spreadReason(r: ReasonParts): string {
  const head = `${r.signal} ${num(r.observed)} vs ${num(r.expected)} expected for a ${r.slotLabel}`;
  const parts = [head];
  if (r.best.windows > 1 && r.surprise > 0) parts.push(`last ${spanText(r.best.windows, r.windowMs)}: ${num(r.best.observed)} vs ${num(r.best.expected)}`);
  parts.push(r.surprise > 0 ? pText(r.surprise) : 'within the usual range');
  if (r.rising >= 2) parts.push(`rising for ${r.rising} windows`);
  if (r.extra) parts.push(r.extra);
  return parts.join('; ');
}
