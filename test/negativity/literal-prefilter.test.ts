import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alternationRequirement, LiteralPrefilter } from '../../src/core/negativity/literal-prefilter.js';
import { BRAND_POSTS, repoModel } from './helpers.js';

const model = repoModel();

// Pieces of Chinese complaints and filler, to build posts near the patterns' edges.
const PIECES = ['退款', '没', '未', '到账', '航班', '延误', '取消了', '等了', '3', '个', '小时', '客服', '不理', '质量', '问题', '坏了', '吃出', '虫子', '投诉', '为什么', '不', '又', '了', '第', '次', '，', ' ', 'x', '呵呵', '[怒]'];

describe('the literal pre-check of the Chinese intent patterns', () => {
  it('reads the literals a pattern cannot match without', () => {
    assert.deepEqual(alternationRequirement('退款.{0,10}(没|未)'), ['退款']);
    assert.deepEqual(alternationRequirement('(要求|申请)(退款|退钱吧)'), ['要求', '申请']);
    assert.deepEqual(alternationRequirement('(催|等)(退款|退钱)'), ['退款', '退钱']);
    assert.deepEqual(alternationRequirement('(?:cancell?ed)|(?:late)'), ['cancel', 'late']);
    assert.deepEqual(alternationRequirement('xab?c+de{0,2}fgh'), ['fgh']);
  });

  it('finds no requirement when an alternative can match without any literal', () => {
    assert.equal(alternationRequirement('退款|\\d+'), null);
    assert.equal(alternationRequirement('(退款)?[a-z]'), null);
    assert.equal(alternationRequirement('\\u9000\\x41'), null);
  });

  it('marks exactly the requirements whose literals occur in a text', () => {
    const f = new LiteralPrefilter([['退款', 'refund'], ['了'], null, ['ab']]);
    assert.deepEqual([...f.check('我要退款了')], [1, 1, 1, 0]);
    assert.deepEqual([...f.check('no refund, a b')], [1, 0, 1, 0]);
  });

  it('never rules out an intent whose Chinese patterns match the post', () => {
    const check = (text: string): void => {
      const met = model.zhIntentLiterals.check(text);
      model.intents.forEach((intent, k) => {
        if (intent.zh?.test(text)) assert.equal(met[k], 1, `${intent.id} on ${text}`);
      });
    };
    for (const [text] of BRAND_POSTS) check(text.toLowerCase());
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (parts) => check(parts.join(''))), { numRuns: 2000 });
  });
});
