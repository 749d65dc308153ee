import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { scoreLabelled, summaryLine } from '../../src/lexicon/score-labelled.js';
import { repoModel, repoRoot } from './helpers.js';

// Posts written for this test, labelled by hand. The last two carry the wrong label on purpose, so that the scorer
// disagrees with some posts whatever its weights are: the tool must list them.
const LABELLED = [
  '# a comment, then a blank line',
  '',
  'negative\t@shopco still waiting for my refund, three weeks now',
  'negative\tThe blender stopped working after two weeks. Not impressed.',
  'negative\t@parcelco Day 9. The parcel is in Leeds. I am in Bristol.',
  'not-negative\tThanks @airline for the smooth flight and the friendly crew!',
  'not-negative\tNew store opening on Main Street this Saturday',
  'not-negative\tthis burger absolutely murdered my hunger',
  'negative\t退款三次都没人理，客服电话一直打不通',
  'not-negative\t东西收到了，质量不错，物流也很快',
  'not-negative\tthe worst service I have ever had, rude staff, disgusting food',
  'negative\tI love it, thank you so much, amazing work',
].join('\n');

const dir = mkdtempSync(path.join(os.tmpdir(), 'ew-labelled-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function runTool(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/lexicon/score-labelled.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('score-labelled: how well the scorer reads posts labelled by hand', () => {
  const model = repoModel();
  const posts = LABELLED.split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => ({ negative: l.startsWith('negative'), text: l.split('\t')[1]! }));

  it('counts each post as scoreText decides it, and lists exactly the posts it got wrong', () => {
    const s = scoreLabelled(model, posts);
    const wrong = posts.filter((p) => scoreText(model, p.text).negative !== p.negative);
    assert.deepEqual(
      s.misses.map((m) => m.text),
      wrong.map((p) => p.text),
    );
    assert.equal(s.counts.tp + s.counts.fp + s.counts.fn + s.counts.tn, posts.length);
    assert.equal(s.counts.fn + s.counts.fp, wrong.length);
    assert.ok(s.misses.some((m) => m.negative) && s.misses.some((m) => !m.negative), 'both kinds of miss are listed');
    for (const m of s.misses) assert.equal(m.negativity >= 0.5, !m.negative, m.text);
  });

  it('reads 1 on the posts it gets right, and 0 when every one of their labels is flipped', () => {
    const right = posts.filter((p) => scoreText(model, p.text).negative === p.negative);
    assert.ok(right.some((p) => p.negative) && right.some((p) => !p.negative));
    assert.equal(scoreLabelled(model, right).macroF1, 1);
    // Every label flipped on the posts it reads right: all wrong, macro-F1 0.
    assert.equal(scoreLabelled(model, right.map((p) => ({ ...p, negative: !p.negative }))).macroF1, 0);
  });

  it('prints a line per file and, with --misses, each wrong post with its evidence', () => {
    const file = path.join(dir, 'brand.tsv');
    writeFileSync(file, LABELLED);
    const r = runTool(['--misses', file]);
    assert.equal(r.code, 0, r.err);
    const s = scoreLabelled(model, posts);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], summaryLine(file, s));
    for (const m of s.misses) assert.ok(r.out.includes(`${m.negative ? 'missed' : 'flagged'} ${m.negativity.toFixed(3)}  ${m.text}`), r.out);
  });

  it('scores with another rules directory given by --rules (an earlier revision, a PR lead\'s draft)', () => {
    const file = path.join(dir, 'one.tsv');
    writeFileSync(file, 'not-negative\tthe acmeglow lamp arrived today\n');
    const rules = path.join(dir, 'rules');
    cpSync(path.join(repoRoot, 'rules'), rules, { recursive: true });
    const neg = path.join(rules, 'lexicons/en-negative.tsv');
    writeFileSync(neg, readFileSync(neg, 'utf8') + 'acmeglow\t3\n');
    assert.match(runTool([file]).out, /not-negative flagged 0\/1/);
    assert.match(runTool(['--rules', rules, file]).out, /not-negative flagged 1\/1/);
  });

  it('refuses a line with another label, naming the file and line, and prints no figures', () => {
    const file = path.join(dir, 'bad.tsv');
    writeFileSync(file, 'negative\tfine post\nneg\tshort label\n');
    const r = runTool([file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.tsv:2: expected "negative" or "not-negative"/);
    assert.equal(r.out, '');
  });
});
