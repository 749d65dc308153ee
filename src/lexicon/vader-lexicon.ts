/**
 * Reads the word valences of VADER's lexicon from the `vader-sentiment` devDependency (Apache-2.0,
 * © Comcast; the lexicon itself is from C.J. Hutto's vaderSentiment, MIT; see README.md), for the
 * derive script only: the lexicon never reaches rules/ or the scorer, only our own word weights
 * computed with it do (see vector-words.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normaliseWord } from '../core/negativity/features.js';

/** Path of vader_lexicon.txt, or null when the devDependency is not installed. */
export function vaderLexiconPath(): string | null {
  try {
    const main = createRequire(import.meta.url).resolve('vader-sentiment');
    // The package's main file sits in build/ or src/; the lexicon text file is at the package root.
    for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const p = path.join(dir, 'vader_lexicon.txt');
      if (existsSync(p)) return p;
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * VADER's mean valences (−4 … 4, > 0 = pleasant) of the entries that are words as our tokenizer
 * yields them (after normaliseWord: "don't" → "dont"); emoticons are left out. Where two entries
 * normalise to one word, the first in the file counts.
 */
export function loadVaderValences(): Map<string, number> {
  const file = vaderLexiconPath();
  if (!file) throw new Error('vader-sentiment is not installed (npm install; it is a devDependency)');
  const out = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [entry, mean] = line.split('\t');
    if (!entry || mean === undefined) continue;
    const word = normaliseWord(entry.toLowerCase());
    const val = Number(mean);
    if (/^[a-z0-9]+$/.test(word) && Number.isFinite(val) && !out.has(word)) out.set(word, val);
  }
  return out;
}
