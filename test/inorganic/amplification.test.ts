import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessAmplification, normaliseRepostText, type Repost } from '../../src/core/inorganic/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 3, 10, 8, 0);

/** Deterministic pseudo-random numbers so fixtures are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const makeRepost = (over: Partial<Repost>): Repost => ({ authorHandle: 'u', authorFollowers: 300, authorCreatedAt: T0 - 800 * DAY, text: '', createdAt: T0, ...over });

/** Real-looking organic spread: front-loaded times, varied accounts, mostly plain reposts or own words. */
function organic(n: number, seed = 1): Repost[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => makeRepost({
    authorHandle: `fan${i}`,
    authorFollowers: Math.floor(Math.exp(2.5 + r() * 6)),
    authorCreatedAt: T0 - (60 + r() * 3000) * DAY,
    text: r() < 0.5 ? '转发微博' : `这家店${['太离谱了', '我也遇到过', '退款三次没人理', '再也不去了', '求官方回应'][i % 5]}${i}`,
    createdAt: T0 + Math.floor(-Math.log(1 - r()) * 3_600_000),
  }));
}

/** A bought campaign: fresh accounts with no followers posting one script in tight bursts. */
function campaign(bursts: number, perBurst: number, seed = 2): Repost[] {
  const r = rng(seed);
  const out: Repost[] = [];
  for (let b = 0; b < bursts; b++) {
    for (let k = 0; k < perBurst; k++) {
      out.push(makeRepost({
        authorHandle: `user${b}_${k}`,
        authorFollowers: Math.floor(r() * 4),
        authorCreatedAt: T0 - Math.floor(r() * 10) * DAY,
        text: `${k % 2 ? '🔥' : ''}某品牌就是黑心企业，大家千万别买！！${k % 3 ? ' http://t.cn/abc' : ''}`,
        createdAt: T0 + b * 600_000 + Math.floor(r() * 3000),
      }));
    }
  }
  return out;
}

describe('normaliseRepostText', () => {
  it('makes copy-pasted texts equal despite emoji, links, mentions and punctuation', () => {
    assert.equal(normaliseRepostText('🔥某品牌就是黑心企业！！ http://t.cn/x @abc'), normaliseRepostText('某品牌就是黑心企业'));
  });

  it('keeps only the reposter’s own words from a Weibo repost chain and drops the default repost text', () => {
    assert.equal(normaliseRepostText('太过分了//@张三:真的假的//@李四:转发'), '太过分了');
    assert.equal(normaliseRepostText('转发微博'), '');
    assert.equal(normaliseRepostText('RT @acme: outage'), 'outage');
  });
});

describe('assessAmplification', () => {
  it('does not call an organic spread coordinated', () => {
    const a = assessAmplification(organic(400));
    assert.equal(a.possiblyCoordinated, false, a.evidence.join(' '));
    assert.deepEqual(a.tripped, []);
  });

  it('marks a bought campaign mixed into real anger as possibly coordinated, with evidence for each signal', () => {
    const a = assessAmplification([...organic(200), ...campaign(10, 25)]);
    assert.equal(a.possiblyCoordinated, true);
    assert.deepEqual(a.tripped.sort(), ['duplicate-text', 'low-quality-accounts', 'synchronised-bursts']);
    assert.equal(a.evidence.length, 3);
    assert.ok(a.evidence.some((e) => /within 5 s at 2025-04-10T/.test(e)));
    assert.ok(a.evidence.some((e) => /repeated text appears 250 times/.test(e)));
    assert.match(a.reason, /report them to the platform/);
  });

  it('needs more than one ordinary signal: many small accounts alone is a real grassroots complaint', () => {
    const grassroots = organic(300).map((r, i) => ({ ...r, authorFollowers: i % 3 ? 3 : 500 }));
    const a = assessAmplification(grassroots);
    assert.deepEqual(a.tripped, ['low-quality-accounts']);
    assert.equal(a.possiblyCoordinated, false);
    assert.match(a.reason, /not enough/);
  });

  it('concludes nothing from too few reposts', () => {
    const a = assessAmplification(campaign(1, 10));
    assert.equal(a.possiblyCoordinated, false);
    assert.match(a.reason, /too few/);
  });

  it('leaves the account signal out when the platform reports neither followers nor account age', () => {
    const a = assessAmplification(organic(100).map((r) => ({ ...r, authorFollowers: null, authorCreatedAt: null })));
    assert.equal(a.signals.lowQualityShare, null);
  });

  it('does not flag a fast organic start as a burst, judging each window against its neighbourhood', () => {
    // 600 reposts in the first ten minutes, evenly spread: fast, but not synchronised.
    const fast = Array.from({ length: 600 }, (_, i) => makeRepost({ authorHandle: `f${i}`, createdAt: T0 + i * 1000 }));
    assert.equal(assessAmplification(fast).signals.burstShare, 0);
  });

  it('does not call a real Twitter cascade of 15,000 retweets coordinated', (t) => {
    const file = path.resolve(repoRoot, '../shared/data/cascades/twitter_cascade_127001313513967616.csv');
    if (!existsSync(file)) return t.skip('shared data not present');
    const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const reposts = rows.map(([sec, followers], i) => makeRepost({ authorHandle: `r${i}`, authorFollowers: followers!, authorCreatedAt: null, createdAt: T0 + sec! * 1000 }));
    const a = assessAmplification(reposts);
    assert.equal(a.possiblyCoordinated, false, a.evidence.join(' '));
  });
});
