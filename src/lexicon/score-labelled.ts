/**
 * Scores posts labelled by hand and says how well the scorer reads them: macro-F1 (negative vs not-negative, the
 * figure of issue 4's goals), the negatives it caught, the plain posts it flagged and, with --misses, each post it got
 * wrong with the evidence behind its score. The files use the format of rules/examples/*.tsv (`negative<TAB>post` or
 * `not-negative<TAB>post`, `#` comments), so a PR lead can label a hundred of the brand's own posts, see where the
 * scorer is wrong, and then add them to the examples and refit. Sessions 5-13 measured every round of blind probe
 * posts this way (src/lexicon/README.md).
 *
 *   npx tsx src/lexicon/score-labelled.ts [--rules DIR] [--misses] FILE...
 *
 * --rules reads another rules directory, e.g. an earlier revision's, to compare:
 *   git archive <rev> rules | tar -x -C /tmp/old && npx tsx src/lexicon/score-labelled.ts --rules /tmp/old/rules FILE
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildNegativityModel, scoreText, type NegativityModel } from '../core/negativity/index.js';
import { parseExamples, repoRoot, type Labelled } from './datasets.js';
import { readLexiconFiles } from './load-lexicons.js';
import { confusion, macroF1, type BinaryCounts } from './metrics.js';

export interface Miss {
  text: string;
  /** The label: a miss with `negative` true is a negative post the scorer let through, else a false alarm. */
  negative: boolean;
  negativity: number;
  evidence: string[];
}

export interface LabelledScore {
  counts: BinaryCounts;
  macroF1: number;
  misses: Miss[];
}

/** Scores labelled posts with a model; pure. */
export function scoreLabelled(model: NegativityModel, posts: Labelled[]): LabelledScore {
  const results = posts.map((p) => scoreText(model, p.text));
  const counts = confusion(
    results.map((r) => r.negative),
    posts.map((p) => p.negative),
  );
  const misses: Miss[] = [];
  posts.forEach((p, i) => {
    const r = results[i]!;
    if (r.negative !== p.negative) misses.push({ text: p.text, negative: p.negative, negativity: r.negativity, evidence: r.evidence });
  });
  return { counts, macroF1: macroF1(counts), misses };
}

/** One line per file, as the tool prints it. */
export function summaryLine(name: string, s: LabelledScore): string {
  const { tp, fp, fn, tn } = s.counts;
  return `${name}: ${tp + fp + fn + tn} posts, macro-F1 ${s.macroF1.toFixed(3)}, negatives caught ${tp}/${tp + fn}, not-negative flagged ${fp}/${fp + tn}`;
}

function main(argv: string[]): number {
  let rules = path.join(repoRoot, 'rules');
  let showMisses = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rules') rules = argv[++i] ?? '';
    else if (a === '--misses') showMisses = true;
    else files.push(a);
  }
  if (files.length === 0 || rules === '') {
    console.error('usage: npx tsx src/lexicon/score-labelled.ts [--rules DIR] [--misses] FILE...');
    return 2;
  }
  let model: NegativityModel;
  const sets: Array<[string, Labelled[]]> = [];
  try {
    model = buildNegativityModel(readLexiconFiles(rules));
    for (const f of files) sets.push([f, parseExamples(readFileSync(f, 'utf8'), f)]);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  for (const [name, posts] of sets) {
    const s = scoreLabelled(model, posts);
    console.log(summaryLine(name, s));
    if (showMisses) {
      for (const m of s.misses) {
        console.log(`  ${m.negative ? 'missed' : 'flagged'} ${m.negativity.toFixed(3)}  ${m.text}`);
        if (m.evidence.length) console.log(`      ${m.evidence.join('; ')}`);
      }
    }
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) process.exitCode = main(process.argv.slice(2));
