import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLintRules } from '../../src/core/reply-lint/index.js';
import { brandResponses, isBrandPost, parseBrandAccount, responseOverdue, summariseResponses, type BrandPostLike, type ResponseIncident } from '../../src/core/response/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });
const MIN = 60_000;
const T0 = Date.UTC(2025, 5, 1, 9, 0);
const accounts = ['weibo:AcmeOfficial', '@acme_support'];

const makePost = (over: Partial<BrandPostLike>): BrandPostLike => ({ authorHandle: 'someone', platform: 'weibo', text: '', createdAt: T0, ...over });
const incident = (over: Partial<ResponseIncident> = {}): ResponseIncident => ({ openedAt: T0, responseTargetMinutes: 30, state: 'open', ...over });

describe('brand accounts', () => {
  it('recognises the brand regardless of @ and case, and respects the platform when configured', () => {
    assert.equal(isBrandPost({ authorHandle: '@acmeofficial', platform: 'Weibo' }, accounts), true);
    assert.equal(isBrandPost({ authorHandle: 'AcmeOfficial', platform: 'bluesky' }, accounts), false);
    assert.equal(isBrandPost({ authorHandle: 'ACME_SUPPORT', platform: 'x' }, accounts), true);
    assert.equal(isBrandPost({ authorHandle: 'acme_fan', platform: 'weibo' }, accounts), false);
  });

  it('does not mistake a URL-like handle for a platform prefix', () => {
    assert.deepEqual(parseBrandAccount('bluesky:acme.bsky.social'), { platform: 'bluesky', handle: 'acme.bsky.social' });
    assert.equal(parseBrandAccount('https://x.com/acme').platform, null);
  });
});

describe('brandResponses', () => {
  it('keeps only the brand posts after opening, oldest first, each linted', () => {
    const posts = [
      makePost({ authorHandle: 'AcmeOfficial', text: '暂不回应', createdAt: T0 + 40 * MIN }),
      makePost({ authorHandle: 'AcmeOfficial', text: '新品上市', createdAt: T0 - 5 * MIN }),
      makePost({ authorHandle: 'angry_user', text: '退款三次都没人理', createdAt: T0 + 1 * MIN }),
      makePost({ authorHandle: 'acme_support', platform: 'x', text: 'This is on us; refunds have been issued to everyone.', createdAt: T0 + 50 * MIN }),
    ];
    const r = brandResponses(posts, accounts, T0, rules);
    assert.deepEqual(r.map((x) => [x.at - T0, x.deflecting]), [[40 * MIN, true], [50 * MIN, false]]);
    assert.equal(r[0]!.findings[0]!.rule, 'delay-no-comment');
  });
});

describe('summariseResponses', () => {
  it('reports time to first response, the missed target and a deflecting first reply that was later corrected', () => {
    const r = brandResponses(
      [makePost({ authorHandle: 'AcmeOfficial', text: '暂不回应', createdAt: T0 + 40 * MIN }), makePost({ authorHandle: 'AcmeOfficial', text: '这是我们的错，已全额退款。', createdAt: T0 + 70 * MIN })],
      accounts, T0, rules,
    );
    const s = summariseResponses(incident(), r, T0 + 90 * MIN);
    assert.equal(s.timeToFirstResponseMinutes, 40);
    assert.equal(s.withinTarget, false);
    assert.equal(s.firstDeflecting, true);
    assert.equal(s.anyEngaging, true);
    assert.match(s.summary, /40 min.*over.*30 min.*deflected at first, engaged later/);
  });

  it('ignores responses that are still in the future of `now`', () => {
    const r = brandResponses([makePost({ authorHandle: 'AcmeOfficial', text: 'We are refunding everyone.', createdAt: T0 + 20 * MIN })], accounts, T0, rules);
    assert.equal(summariseResponses(incident(), r, T0 + 10 * MIN).firstResponseAt, null);
  });
});

describe('responseOverdue', () => {
  it('stays quiet before the target passes, fires once after it, then stays quiet', () => {
    const inc = incident();
    assert.equal(responseOverdue(inc, [], T0 + 29 * MIN).fire, false);
    const d = responseOverdue(inc, [], T0 + 31 * MIN);
    assert.equal(d.fire, true);
    assert.match(d.reason, /31 min.*target is 30 min/);
    assert.equal(d.dueAt, T0 + 30 * MIN);
    const again = responseOverdue({ ...inc, overdueAlertedAt: T0 + 31 * MIN }, [], T0 + 45 * MIN);
    assert.equal(again.fire, false);
    assert.match(again.reason, /already sent/);
  });

  it('does not fire when the brand answered in time, even if late in the window', () => {
    const d = responseOverdue(incident(), [{ at: T0 + 29 * MIN }], T0 + 60 * MIN);
    assert.equal(d.fire, false);
    assert.match(d.reason, /responded 29 min/);
  });

  it('does not fire for a resolved incident', () => {
    assert.equal(responseOverdue(incident({ state: 'resolved', resolvedAt: T0 + 20 * MIN }), [], T0 + 60 * MIN).fire, false);
  });

  it('does not count a brand post from before the incident opened as a response', () => {
    assert.equal(responseOverdue(incident(), [{ at: T0 - MIN }], T0 + 31 * MIN).fire, true);
  });
});
