/** The pure parts of the single-post early warning: usual reach, which post to warn about, and when it settles. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_USUAL_REACH, USUAL_REACH_FLOOR, cascadeSettled, earlyWarning, forecastSentence, usualReach } from '../../src/core/cascade/early-warning.js';
import type { CascadeForecast } from '../../src/core/cascade/index.js';

const forecast = (over: Partial<CascadeForecast>): CascadeForecast => {
  const f = { observed: 60, infectiousness: 0.005, predictedFinal: 900, supercritical: false, accelerating: true, sentence: 'predicted ~900 reposts (60 so far); still accelerating', ...over };
  return { predictedLow: f.predictedFinal * 0.6, ...f };
};

describe('the brand\'s usual reach', () => {
  it('is the 99th percentile of its past negative posts\' reposts, never below the floor', () => {
    const peaks = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    const u = usualReach(peaks, null);
    assert.equal(u.basis, 'history');
    assert.ok(u.reposts >= 99 && u.reposts <= 100, `p99 of 1..100 is ${u.reposts}`);
    assert.match(u.why, /99th percentile of its 100 negative posts/);
    assert.equal(usualReach(Array(50).fill(2), null).reposts, USUAL_REACH_FLOOR, 'a quiet brand still needs a post to pass the floor');
  });

  it('falls back to the default with too little history, and a configured value wins over both', () => {
    assert.deepEqual([usualReach([5, 8], null).reposts, usualReach([5, 8], null).basis], [DEFAULT_USUAL_REACH, 'default']);
    assert.deepEqual([usualReach(Array(500).fill(3), 5000).reposts, usualReach([], 5000).basis], [5000, 'configured']);
  });
});

describe('which post to warn about', () => {
  const usual = usualReach([], 200);

  it('picks the post predicted to go furthest past the usual reach, and says why in words', () => {
    const w = earlyWarning([
      { postId: 1, author: 'small', forecast: forecast({ predictedFinal: 300 }) },
      { postId: 2, author: 'big', forecast: forecast({ predictedFinal: 8_761, sentence: 'predicted ~8,800 reposts (60 so far); still accelerating' }) },
    ], usual);
    assert.equal(w?.post.postId, 2);
    assert.equal(w?.severity, 'critical', 'more than ten times the usual reach');
    assert.match(w!.reason, /one negative post by big: predicted ~8,800 reposts .*usually stay under ~200 reposts \(set in the brand file\)/);
  });

  it('is a warning, not critical, a little past the usual reach', () => {
    assert.equal(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ predictedFinal: 450 }) }], usual)?.severity, 'warning');
  });

  it('needs the lower bound of the forecast past the usual reach, not just the point forecast', () => {
    assert.equal(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ predictedFinal: 450, predictedLow: 190 }) }], usual), null);
    assert.ok(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ predictedFinal: 450, predictedLow: 210 }) }], usual));
  });

  it('ignores posts that are slowing down, still small, or predicted to stay within the usual reach', () => {
    assert.equal(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ accelerating: false }) }], usual), null);
    assert.equal(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ observed: 12, predictedFinal: 5000 }) }], usual), null);
    assert.equal(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ observed: 45, predictedFinal: 5000 }) }], usual), null, 'fewer than a quarter of the usual reach so far');
    assert.equal(earlyWarning([{ postId: 1, author: 'a', forecast: forecast({ predictedFinal: 150 }) }], usual), null);
  });

  it('counts a post confidently supercritical once it has a quarter of the usual reach', () => {
    const sc = (observed: number) => [{ postId: 1, author: 'a', forecast: forecast({ observed, supercritical: true, predictedFinal: Infinity, predictedLow: Infinity }) }];
    assert.equal(earlyWarning(sc(80), usualReach([], 300))?.severity, 'critical', '80 reposts, usual reach 300');
    assert.equal(earlyWarning(sc(80), usualReach([], 1000)), null, '80 reposts, usual reach 1,000');
  });
});

describe('the forecast in the brand\'s language, and when a post settles', () => {
  it('says the forecast in Chinese for a Chinese brand', () => {
    assert.equal(forecastSentence(forecast({ predictedFinal: 8_761, accelerating: false }), 'zh'), '预计转发约 8,800 次（目前 60 次）；正在放缓');
    assert.match(forecastSentence(forecast({ supercritical: true, infectiousness: 0.0249 }), 'zh'), /最终规模暂无法预测；仍在加速/);
  });

  it('settles after an hour without a repost, counting from the post itself when it never had one', () => {
    const t = Date.UTC(2026, 0, 1);
    assert.equal(cascadeSettled(t - 59 * 60_000, t - 5 * 3600_000, t).settled, false);
    assert.deepEqual(cascadeSettled(t - 61 * 60_000, t - 5 * 3600_000, t), { settled: true, reason: 'the post has stopped spreading: no new repost for 61 min' });
    assert.equal(cascadeSettled(null, t - 30 * 60_000, t).settled, false);
  });
});
