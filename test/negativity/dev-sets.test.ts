import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { semevalTest, weibo, zhReviewsHeldOut, type Labelled } from '../../src/lexicon/datasets.js';
import { confusion, macroF1 } from '../../src/lexicon/metrics.js';
import { repoModel, repoRoot } from './helpers.js';

const present = existsSync(path.resolve(repoRoot, '../shared/data/sentiment'));
const f1 = (data: Labelled[], classify: (t: string) => boolean) => macroF1(confusion(data.map((d) => classify(d.text)), data.map((d) => d.negative)));

describe('quality on the shared dev sets (held out from tuning)', () => {
  it('beats the AFINN lexicon package on SemEval 2017 test tweets', async (t) => {
    if (!present) return t.skip('shared data not present');
    const name = 'sentiment';
    const Sentiment = ((await import(name)) as { default: new () => { analyze(s: string): { score: number } } }).default;
    const afinn = new Sentiment();
    const data = semevalTest();
    const ours = f1(data, (s) => scoreText(repoModel(), s).negative);
    const ref = f1(data, (s) => afinn.analyze(s).score < 0);
    assert.ok(ours > ref, `ours ${ours.toFixed(3)} vs AFINN ${ref.toFixed(3)}`);
  });

  it('separates negative Chinese reviews of a dairy brand and phones it never saw in tuning', (t) => {
    if (!present) return t.skip('shared data not present');
    const score = f1(zhReviewsHeldOut(), (s) => scoreText(repoModel(), s).negative);
    assert.ok(score >= 0.85, `macro-F1 ${score.toFixed(3)}`);
  });

  it('separates negative Weibo posts (fear, disgust, sadness, anger) on the held-out split', (t) => {
    if (!present) return t.skip('shared data not present');
    const score = f1(weibo('test'), (s) => scoreText(repoModel(), s).negative);
    assert.ok(score >= 0.75, `macro-F1 ${score.toFixed(3)}`);
  });
});
