import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGuidance, matchPlaybook, parsePlaybooks } from '../../src/core/playbook/index.js';
import { parseLintRules } from '../../src/core/reply-lint/index.js';
import { brandResponses, responseOverdue, summariseResponses } from '../../src/core/response/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(repoRoot, 'rules/playbooks');
const books = parsePlaybooks(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ path: `playbooks/${f}`, text: readFileSync(path.join(dir, f), 'utf8') })));
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });
const MIN = 60_000;
const opened = Date.UTC(2025, 6, 3, 12, 0);

describe('scenario: a food-safety video spreads and the brand stays silent, then deflects', () => {
  const playbook = matchPlaybook(books, { topics: ['food-safety', 'service-failure'], severity: 'critical', lang: 'zh', platforms: ['weibo'] })!;
  const guidance = buildGuidance(playbook, { brand: '鲜味坊', what: 'a video of expired ingredients', what_zh: '门店使用过期原料的视频', count: 320, platform: 'Weibo' });
  const incident = { openedAt: opened, responseTargetMinutes: guidance.responseTargetMinutes, state: 'open' as const };

  it('the opening alert carries the food-safety playbook with a pre-filled Chinese draft', () => {
    assert.equal(guidance.playbookId, 'food-safety');
    assert.match(guidance.holdingStatement.zh, /草稿/);
    assert.match(guidance.holdingStatement.zh, /鲜味坊门店使用过期原料的视频/);
    assert.ok(guidance.firstActions.some((a) => /off sale|pull it/i.test(a)));
  });

  it('the response-overdue alert fires once, when the playbook target passes without a brand post', () => {
    const times = [5, 10, 15, 19, 21, 25, 30].map((m) => opened + m * MIN);
    let alertedAt: number | null = null;
    const fired: number[] = [];
    for (const now of times) {
      const d = responseOverdue({ ...incident, overdueAlertedAt: alertedAt }, [], now);
      if (d.fire) {
        fired.push((now - opened) / MIN);
        alertedAt = now;
      }
    }
    assert.deepEqual(fired, [21]);
    assert.equal(guidance.responseTargetMinutes, 20);
  });

  it('the late reply is recorded as over target and deflecting, with the finding that says why', () => {
    const posts = [{ authorHandle: '鲜味坊官方微博', platform: 'weibo', createdAt: opened + 55 * MIN, text: '关于网传视频，我司暂不回应，一切以官方通报为准。' }];
    const responses = brandResponses(posts, ['weibo:鲜味坊官方微博'], opened, rules);
    const s = summariseResponses(incident, responses, opened + 60 * MIN);
    assert.equal(s.withinTarget, false);
    assert.equal(s.firstDeflecting, true);
    assert.equal(responses[0]!.findings[0]!.rule, 'delay-no-comment');
  });
});
