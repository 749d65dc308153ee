import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintReply, parseLintRules, replyLang } from '../../src/core/reply-lint/index.js';
import { ConfigError } from '../../src/core/errors.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });

const rule = (over: string) => `
deflection:
  - id: no-comment
    weight: 3
    why: { en: silence, zh: 沉默 }
    rewrite: { en: "say what you know about '{match}'", zh: 说出已知 }
    en: ['${over}']
engagement:
  - id: fix
    weight: 2
    label: { en: fix, zh: 措施 }
    en: ['\\bfixed\\b']
`;

describe('lintReply', () => {
  it('flags the hotline push with its exact span, why it hurts and a rewrite in the reply language', () => {
    const text = '您好，请拨打客服热线400-123-4567咨询。';
    const r = lintReply(rules, text);
    const f = r.findings.find((x) => x.rule === 'push-elsewhere')!;
    assert.ok(f, 'push-elsewhere found');
    assert.equal(text.slice(f.span[0], f.span[1]), f.match);
    assert.match(f.match, /客服热线/);
    assert.match(f.why, /[\u4e00-\u9fff]/);
    assert.match(f.rewrite, /[\u4e00-\u9fff]/);
    assert.equal(r.deflecting, true);
  });

  it('writes why and rewrite in English for an English reply', () => {
    const f = lintReply(rules, 'No further comment.').findings[0]!;
    assert.equal(f.rule, 'delay-no-comment');
    assert.doesNotMatch(f.why + f.rewrite, /[\u4e00-\u9fff]/);
  });

  it('lets ownership, a fix and a named time outweigh a hotline mention', () => {
    const r = lintReply(rules, '这是我们的错，已为所有用户全额退款；如未到账请拨打客服热线，我们今晚8点前会再更新一次。');
    assert.ok(r.findings.some((f) => f.rule === 'push-elsewhere'));
    assert.deepEqual([...new Set(r.engagement.signals.map((s) => s.kind))].sort(), ['concrete-fix', 'follow-up-time', 'ownership']);
    assert.equal(r.deflecting, false);
  });

  it('does not count an apology word that sits inside a non-apology', () => {
    const r = lintReply(rules, '给您带来的不便深表歉意。');
    assert.equal(r.engagement.score, 0);
    assert.equal(r.deflecting, true);
  });

  it('does not read "not our problem" as ownership', () => {
    const r = lintReply(rules, '这不是我们的问题，责任不在我们。');
    assert.ok(!r.engagement.signals.some((s) => s.kind === 'ownership'));
    assert.equal(r.deflecting, true);
  });

  it('calls a reply that says nothing concrete deflecting, with one no-substance finding over the whole reply', () => {
    const text = '  您好，请问是哪家门店呢？ ';
    const r = lintReply(rules, text);
    assert.equal(r.deflecting, true);
    assert.deepEqual(r.findings.map((f) => f.rule), ['no-substance']);
    assert.deepEqual(r.findings[0]!.span, [2, text.trimEnd().length]);
    assert.match(r.findings[0]!.why, /[\u4e00-\u9fff]/);
  });

  it('does not let an apology alone outweigh a deflection: engaging needs substance', () => {
    const r = lintReply(rules, "We're so sorry. We are looking into it.");
    assert.ok(r.engagement.signals.some((s) => s.kind === 'apology'));
    assert.ok(r.findings.some((f) => f.rule === 'process-talk'));
    assert.equal(r.deflecting, true);
  });

  it('lets one concrete remedy carry a reply that also says "we are looking into it"', () => {
    const r = lintReply(rules, 'We are looking into it, and every affected order has been refunded.');
    assert.equal(r.deflecting, false);
  });

  it('flags blame pushed onto a contractor even when a sanction is announced', () => {
    const r = lintReply(rules, '涉事人员系外包公司员工，已被辞退。');
    assert.ok(r.findings.some((f) => f.rule === 'blame-shift'));
    assert.equal(r.deflecting, true);
  });

  it('keeps a reply with neither deflection nor engagement not deflecting when the rules have no no-substance section', () => {
    const custom = parseLintRules({ path: 'r.yaml', text: rule('\\bno comment\\b') });
    const r = lintReply(custom, 'Can you tell us which store this was?');
    assert.deepEqual(r.findings, []);
    assert.equal(r.deflecting, false);
  });

  it('says nothing about an empty reply', () => {
    const r = lintReply(rules, '   ');
    assert.deepEqual(r.findings, []);
    assert.equal(r.deflecting, false);
  });

  it('counts a rule once however often it fires, so repetition does not snowball', () => {
    const once = lintReply(rules, 'No comment.').deflectionScore;
    const thrice = lintReply(rules, 'No comment. No comment. No comment.');
    assert.equal(thrice.deflectionScore, once);
    assert.equal(thrice.findings.length, 3);
  });

  it('fills {match} in a rewrite with the words found', () => {
    const custom = parseLintRules({ path: 'r.yaml', text: rule('\\bno comment\\b') });
    assert.equal(lintReply(custom, 'No comment').findings[0]!.rewrite, "say what you know about 'No comment'");
  });
});

describe('parseLintRules', () => {
  it('names the pattern that is not a valid regular expression', () => {
    assert.throws(
      () => parseLintRules({ path: 'r.yaml', text: rule('(unclosed') }),
      (e: unknown) => e instanceof ConfigError && e.file === 'r.yaml' && e.field === 'deflection[0].en[0]',
    );
  });

  it('rejects a pattern that matches empty text, which would flag every reply', () => {
    assert.throws(() => parseLintRules({ path: 'r.yaml', text: rule('x*') }), (e: unknown) => e instanceof ConfigError && /empty/.test(e.problem));
  });

  it('names the no-substance field that is missing its explanation', () => {
    const text = rule('x') + 'no-substance:\n  id: no-substance\n  weight: 1\n  rewrite: { en: add a fact, zh: 加上事实 }\n';
    assert.throws(() => parseLintRules({ path: 'r.yaml', text }), (e: unknown) => e instanceof ConfigError && e.field === 'no-substance.why');
  });

  it('rejects a substance flag that is not true or false', () => {
    const text = rule('x').replace('label: { en: fix, zh: 措施 }', 'label: { en: fix, zh: 措施 }\n    substance: maybe');
    assert.throws(() => parseLintRules({ path: 'r.yaml', text }), (e: unknown) => e instanceof ConfigError && e.field === 'engagement[0].substance');
  });

  it('requires both lists', () => {
    assert.throws(() => parseLintRules({ path: 'r.yaml', text: 'deflection: []' }), (e: unknown) => e instanceof ConfigError && e.field === 'deflection');
  });
});

describe('replyLang', () => {
  it('reads a Chinese reply with an English brand name as Chinese', () => {
    assert.equal(replyLang('Acme 已全额退款'), 'zh');
    assert.equal(replyLang('We refunded the 王 family'), 'en');
  });
});
