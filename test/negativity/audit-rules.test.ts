import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleFile } from '../../src/core/errors.js';
import { buildNegativityModel } from '../../src/core/negativity/index.js';
import { auditIntents, auditTerms } from '../../src/lexicon/audit-rules.js';
import type { Labelled } from '../../src/lexicon/datasets.js';

// A tiny rule set with one good and one careless alternative, and posts written for this test.
const FILES: RuleFile[] = [
  {
    path: 'lexicons/complaints.yaml',
    text: 'intents:\n  - id: repeat\n    weight: 1.3\n    zh: ["又坏了", "第二次"]\n',
  },
  { path: 'lexicons/zh-negative.tsv', text: '差\t1.2\n' },
  { path: 'lexicons/zh-positive.tsv', text: '好吃\t1.6\n' },
];

function posts(): Labelled[] {
  const out: Labelled[] = [];
  for (let i = 0; i < 20; i++) {
    out.push({ text: `第二次订餐了，味道很好${i}`, negative: false });
    out.push({ text: `出差住了${i}晚，挺安静`, negative: false });
    out.push({ text: `下周出差${i}天，先订好酒店`, negative: false });
    out.push({ text: `刚修好又坏了，服务太差${i}`, negative: true });
    out.push({ text: `一点都不好吃，第${i}口就倒了`, negative: true });
  }
  return out;
}

describe('audit of the rules against labelled posts', () => {
  const model = buildNegativityModel(FILES);

  it('lists the alternative that fires on praise and not the one that fires on complaints', () => {
    const rows = auditIntents(model, 'zh', posts(), { minCount: 10, negativeMargin: 0.1, positiveMargin: 0.25 });
    assert.deepEqual(rows.map((r) => r.what), ['(?:第二次)']);
    assert.equal(rows[0]!.n, 20);
    assert.equal(rows[0]!.negativeShare, 0);
    assert.match(rows[0]!.against[0]!, /第二次订餐/);
  });

  it('lists a negative term inside a plain word (差 in 出差) and a positive term in negative posts (不好吃)', () => {
    const rows = auditTerms(FILES, 'zh', posts(), { minCount: 10, negativeMargin: 0.1, positiveMargin: 0.25 });
    const byTerm = new Map(rows.map((r) => [r.what, r]));
    assert.ok(byTerm.has('好吃'), JSON.stringify(rows));
    assert.equal(byTerm.get('好吃')!.negativeShare, 1);
    // 差 is in 60 posts: 20 complaints (太差) and 40 business trips (出差), 33% negative against a base rate of 40%.
    assert.equal(byTerm.get('差')?.n, 60);
    assert.match(byTerm.get('差')!.against[0]!, /出差/);
  });

  it('lists nothing when every rule agrees with the posts', () => {
    const plain = Array.from({ length: 20 }, (_, i): Labelled => ({ text: `今天去公园走了${i}圈`, negative: false }));
    const agreeing = [...posts().filter((p) => p.text.includes('又坏了')), ...plain];
    const o = { minCount: 5, negativeMargin: 0.1, positiveMargin: 0.25 };
    assert.deepEqual([...auditIntents(model, 'zh', agreeing, o), ...auditTerms(FILES, 'zh', agreeing, o)], []);
  });
});
