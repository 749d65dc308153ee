/** Shared test helpers: the repo's lexicons as a model, built once per test file. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNegativityModel, scoreText, type NegativityModel } from '../../src/core/negativity/index.js';
import { readLexiconFiles } from '../../src/lexicon/load-lexicons.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let cached: NegativityModel | undefined;

/** The model built from rules/lexicons/ exactly as shipped. */
export function repoModel(): NegativityModel {
  return (cached ??= buildNegativityModel(readLexiconFiles(path.join(repoRoot, 'rules'))));
}

/** Brand posts written for these tests (not from any data set): [text, negative, complaint]. */
export const BRAND_POSTS: Array<[string, boolean, boolean]> = [
  ["my flight was cancelled and I've been on hold 2 hours", true, true],
  ['Still waiting for my refund from @shopco, three weeks now', true, true],
  ['@telco charged me twice this month and nobody answers the chat', true, true],
  ['Ordered on Monday, package never arrived and support keeps closing my ticket', true, true],
  ['The blender stopped working after two weeks. Not impressed.', true, true],
  ['Found a hair in my burger at @burgerplace, gross', true, true],
  ['Got food poisoning after eating at the new branch last night', true, true],
  ['great, another cancelled flight. thanks @airline', true, true],
  ['The cashier was so rude to my mum, never shopping there again', true, true],
  ['Your app leaked my personal data and you say nothing?', true, true],
  ['Just got my new headphones from @audioco and they sound amazing', false, false],
  ['Thanks @airline for the smooth flight and the friendly crew!', false, false],
  ['The support agent fixed my issue in five minutes, great service', false, false],
  ['New store opening on Main Street this Saturday', false, false],
  ['Not bad at all, the new update runs fast', false, false],
  ['退款三次都没人理，客服电话一直打不通', true, true],
  ['外卖送了两个小时，饭都凉了[怒]', true, true],
  ['吃出虫子，还拉肚子了，必须给个说法', true, true],
  ['手机用了一周就死机，售后推来推去，我要投诉', true, true],
  ['被自动续费扣了两次钱，太坑了', true, true],
  ['好是好，但是太贵了', true, true],
  ['不太满意，包装破损，质量一般', true, true],
  ['东西收到了，质量不错，物流也很快[哈哈]', false, false],
  ['客服态度很好，问题很快就解决了，点赞', false, false],
  ['今天新品发布会，大家一起来看看吧', false, false],
];

/** One test per post: it counts as negative and as a complaint. */
export function itCountsComplaints(model: NegativityModel, texts: string[]): void {
  for (const text of texts) {
    it(`counts "${text}" as a negative complaint`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
      assert.equal(r.complaint, true, r.evidence.join('; '));
    });
  }
}

/** One test per post: it counts as negative (a complaint or not: sadness and worry are no complaint). */
export function itCountsNegative(model: NegativityModel, texts: string[]): void {
  for (const text of texts) {
    it(`counts "${text}" as negative`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
    });
  }
}

/** One test per post: it counts neither as negative nor as a complaint. */
export function itCountsPlain(model: NegativityModel, texts: string[]): void {
  for (const text of texts) {
    it(`does not count "${text}" as negative or as a complaint`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, false, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
      assert.equal(r.complaint, false, r.evidence.join('; '));
    });
  }
}
