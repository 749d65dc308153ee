import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGuidance, choosePlaybook, DRAFT_MARK, matchPlaybook, parsePlaybooks, type PlaybookContext } from '../../src/core/playbook/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(repoRoot, 'rules/playbooks');
const books = parsePlaybooks(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ path: `playbooks/${f}`, text: readFileSync(path.join(dir, f), 'utf8') })));

const ctx = (over: Partial<PlaybookContext>): PlaybookContext => ({ topics: [], severity: 'warning', lang: 'zh', platforms: ['weibo'], ...over });
const pick = (over: Partial<PlaybookContext>) => matchPlaybook(books, ctx(over))?.id;

describe('matchPlaybook over the shipped playbooks', () => {
  it('sends an outage to the service-failure playbook', () => {
    assert.equal(pick({ topics: ['service-failure'] }), 'service-failure');
  });

  it('lets safety outrank a service failure mentioned in the same incident', () => {
    assert.equal(pick({ topics: ['service-failure', 'safety-health'] }), 'safety-health');
  });

  it('prefers food safety over general safety when both appear', () => {
    assert.equal(pick({ topics: ['safety-health', 'food-safety'] }), 'food-safety');
  });

  it('offers the inorganic playbook when the incident is possibly coordinated', () => {
    assert.equal(pick({ topics: ['pricing'], inorganic: true }), 'inorganic-attack');
  });

  it('keeps the safety playbook even when the spread looks coordinated', () => {
    assert.equal(pick({ topics: ['food-safety'], inorganic: true }), 'food-safety');
  });

  it('sends money taken by scams to the pricing and refunds playbook', () => {
    assert.equal(pick({ topics: ['fraud-money'] }), 'pricing-refunds');
  });

  it('falls back to the default playbook when no topic matches, and says why', () => {
    const c = choosePlaybook(books, ctx({ topics: [] }));
    assert.equal(c?.playbook.id, 'default');
    assert.match(c!.reason, /default/);
  });

  it('returns null only when there are no playbooks at all', () => {
    assert.equal(matchPlaybook([], ctx({ topics: ['pricing'] })), null);
  });
});

describe('matchPlaybook constraints', () => {
  const base = books.find((b) => b.id === 'pricing-refunds')!;
  const criticalOnly = { ...base, id: 'pricing-critical', priority: base.priority, match: { ...base.match, severity: ['critical' as const] } };
  const weiboOnly = { ...base, id: 'pricing-weibo', match: { ...base.match, platform: ['weibo'] } };

  it('skips a playbook whose severity does not admit the incident', () => {
    assert.equal(matchPlaybook([criticalOnly, base], ctx({ topics: ['pricing'], severity: 'warning' }))?.id, 'pricing-refunds');
  });

  it('prefers the more specific playbook when priorities tie', () => {
    assert.equal(matchPlaybook([base, criticalOnly], ctx({ topics: ['pricing'], severity: 'critical' }))?.id, 'pricing-critical');
  });

  it('matches platforms case-insensitively', () => {
    assert.equal(matchPlaybook([weiboOnly], ctx({ topics: ['pricing'], platforms: ['Weibo'] }))?.id, 'pricing-weibo');
    assert.equal(matchPlaybook([weiboOnly], ctx({ topics: ['pricing'], platforms: ['bluesky'] })), null);
  });
});

describe('buildGuidance', () => {
  const p = books.find((b) => b.id === 'pricing-refunds')!;
  const g = buildGuidance(p, { brand: 'Acme', what: 'double charges', what_zh: '重复扣费', count: 1234 });

  it('marks both holding statements as drafts to edit', () => {
    assert.ok(g.holdingStatement.zh.startsWith(DRAFT_MARK.zh));
    assert.ok(g.holdingStatement.en.startsWith(DRAFT_MARK.en));
  });

  it('fills brand, what happened and counts, using the Chinese wording in the Chinese draft', () => {
    assert.match(g.holdingStatement.en, /Acme/);
    assert.match(g.holdingStatement.en, /double charges/);
    assert.match(g.holdingStatement.en, /1,234/);
    assert.match(g.holdingStatement.zh, /Acme重复扣费/);
    assert.doesNotMatch(g.holdingStatement.zh, /double charges/);
  });

  it('shows facts it does not have as visible gaps rather than raw braces', () => {
    assert.match(g.holdingStatement.en, /\[fill in: next_update\]/);
    assert.match(g.holdingStatement.zh, /【待填：next_update】/);
    assert.doesNotMatch(g.holdingStatement.en + g.holdingStatement.zh, /\{\w+\}/);
  });

  it('carries the first actions, what not to do, the target and who to loop in', () => {
    assert.ok(g.firstActions.length >= 3);
    assert.ok(g.doNot.some((d) => /terms/.test(d)));
    assert.equal(g.responseTargetMinutes, p.responseTargetMinutes);
    assert.deepEqual(g.loopIn, p.loopIn);
    assert.ok(g.followUp.length > 0 && g.firstHour.length > 0 && g.whatToSay.length > 0);
  });
});
