/** The alert's one-line numbers: the signal that fired first, and no "audience reached 0" when nobody new posted. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from '../../src/core/alert-content.js';
import type { DetectorDecision, SpreadWindow } from '../../src/core/types.js';

const window = (over: Partial<SpreadWindow>): SpreadWindow => ({ brandId: 'b', start: 0, end: 300_000, posts: 30, negPosts: 23, negEngagement: 240, negEngagementPerMin: 48, reach: 120_000, complete: true, ...over });
const decision = (reason: string): DetectorDecision => ({ action: 'open', score: 0.9, severity: 'critical', phase: 'incident', reason, observed: 23, expected: 1.2, band: { lo: 0, hi: 4 } });

describe('the alert summary line', () => {
  it('leads with new negative posts when they fired, and says the audience they reached', () => {
    assert.equal(summarise(window({}), decision('negative posts 23 vs 1.2 expected'), 5, 'en'), 'negative posts 23 in 5 min vs baseline 1.2; negative reposts+quotes+replies 48/min; audience reached 120,000');
    assert.equal(summarise(window({}), decision('negative posts 23 vs 1.2 expected'), 5, 'zh'), '5 分钟内负面帖 23 条（基线预期 1.2 条）；负面帖转发+引用+回复 48/分钟；触达 120,000 人');
  });

  it('leads with engagement when reposts of older posts fired, and leaves out an audience of nobody', () => {
    const s = summarise(window({ negPosts: 0, reach: 0 }), decision('negative engagement 66 vs 0.05 expected'), 5, 'en');
    assert.equal(s, 'negative reposts+quotes+replies 48/min; negative posts 0 in 5 min vs baseline 1.2');
    assert.doesNotMatch(summarise(window({ reach: 0 }), decision('negative engagement 66'), 5, 'zh'), /触达/);
  });
});
