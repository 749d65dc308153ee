import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintReply, parseLintRules } from '../../src/core/reply-lint/index.js';
import { ZH_REPLIES } from './replies-zh.js';
import { EN_REPLIES } from './replies-en.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });

/** Share of replies whose deflecting verdict matches the label, with the misses for the failure message. */
function accuracy(table: Array<[string, boolean]>) {
  const misses = table.filter(([text, label]) => lintReply(rules, text).deflecting !== label);
  return { acc: 1 - misses.length / table.length, misses: misses.map(([t, l]) => `${l ? 'deflecting' : 'engaging'}: ${t}`) };
}

describe('reply linter over the written table', () => {
  for (const [name, table] of [['Chinese', ZH_REPLIES], ['English', EN_REPLIES]] as const) {
    it(`tells deflecting from engaging ${name} replies at least 90% of the time`, () => {
      const { acc, misses } = accuracy(table);
      console.log(`# ${name}: ${table.length} replies, accuracy ${(acc * 100).toFixed(1)}%`);
      assert.ok(acc >= 0.9, `accuracy ${(acc * 100).toFixed(1)}%, misses:\n${misses.join('\n')}`);
    });
  }

  it('has both kinds in both languages so accuracy cannot come from one answer', () => {
    for (const table of [ZH_REPLIES, EN_REPLIES]) {
      const d = table.filter(([, l]) => l).length;
      assert.ok(d >= 25 && table.length - d >= 25);
    }
  });

  it('explains every finding on a deflecting reply with a rule, why it hurts and a rewrite', () => {
    for (const [text, label] of [...ZH_REPLIES, ...EN_REPLIES]) {
      if (!label) continue;
      for (const f of lintReply(rules, text).findings) {
        assert.equal(text.slice(f.span[0], f.span[1]), f.match);
        assert.ok(f.rule && f.why.length > 10 && f.rewrite.length > 10);
      }
    }
  });
});
