/**
 * Chinese scoring speed in a process that has already scored many English posts, as a poller's or `score-text`'s
 * process has when a brand's stream is mostly English. Run by `npm run bench:negativity` in a child process of its
 * own (a fresh V8 isolate), and on its own with: npx tsx test/bench/negativity-after-english.ts [english posts]
 *
 * Prints one JSON line: `{"english": n, "zh": posts, "perCpuSec": …}`, the fastest of five passes over the held-out
 * reviews after the first `n` SemEval training tweets were scored (default 20,000; 0 for none). V8 compiles regexes
 * without optimization once a process has generated about 1 MB of regex code (see `compileChineseNow` in
 * src/core/negativity/intent-rules.ts), so Chinese patterns compiled only after that ran 10-15 times slower. The
 * parent runs it with 0 and with 20,000, alternately, and compares the two.
 */
import path from 'node:path';
import { buildNegativityModel, scoreText } from '../../src/core/negativity/index.js';
import { repoRoot, semevalTrain, sharedDataPresent, zhReviewsHeldOut } from '../../src/lexicon/datasets.js';
import { readLexiconFiles } from '../../src/lexicon/load-lexicons.js';

const PASSES = 5;

function main(): void {
  if (!sharedDataPresent()) {
    console.log(JSON.stringify({ skipped: 'shared data not present (../shared/data/sentiment)' }));
    return;
  }
  const model = buildNegativityModel(readLexiconFiles(path.join(repoRoot, 'rules')));
  const arg = process.argv[2];
  const englishFirst = arg === undefined ? 20_000 : Number(arg);
  if (!Number.isInteger(englishFirst) || englishFirst < 0) throw new Error(`expected a number of English posts, got ${arg}`);
  const english = englishFirst > 0 ? semevalTrain().slice(0, englishFirst) : [];
  const zh = zhReviewsHeldOut();
  for (const p of english) scoreText(model, p.text);
  let best = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const cpu0 = process.cpuUsage();
    for (const p of zh) scoreText(model, p.text);
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, (cpu.user + cpu.system) / 1000);
  }
  console.log(JSON.stringify({ english: english.length, zh: zh.length, perCpuSec: Math.round((zh.length / best) * 1000) }));
}

main();
