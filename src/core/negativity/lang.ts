/** Language detection by script: Han characters against Latin letters (links and @handles ignored). */
import type { Lang } from '../types.js';
import { extractFeatures } from './features.js';

/** Decides the language from counts of Han characters and Latin letters in words. */
export function langFromCounts(han: number, latin: number): Lang {
  if (han === 0 && latin === 0) return 'other';
  // A Han character carries about as much as three Latin letters.
  const zhShare = (3 * han) / (3 * han + latin);
  if (zhShare >= 0.8) return 'zh';
  if (zhShare <= 0.2) return 'en';
  return 'mixed';
}

/** Detects the language of a text: Chinese, English, mixed or other. */
export function detectLang(text: string): Lang {
  const f = extractFeatures(text);
  return langFromCounts(f.hanChars, f.latinChars);
}
