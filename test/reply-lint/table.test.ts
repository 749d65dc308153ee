import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintReply, parseLintRules } from '../../src/core/reply-lint/index.js';
import { ZH_REPLIES } from './replies-zh.js';
import { EN_REPLIES } from './replies-en.js';
import { ZH_FUNCTION_REPLIES } from './replies-zh-functions.js';
import { EN_FUNCTION_REPLIES } from './replies-en-functions.js';

const ZH_TABLE = [...ZH_REPLIES, ...ZH_FUNCTION_REPLIES];
const EN_TABLE = [...EN_REPLIES, ...EN_FUNCTION_REPLIES];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });

/** Share of replies whose deflecting verdict matches the label, with the misses for the failure message. */
function accuracy(table: Array<[string, boolean]>) {
  const misses = table.filter(([text, label]) => lintReply(rules, text).deflecting !== label);
  return { acc: 1 - misses.length / table.length, misses: misses.map(([t, l]) => `${l ? 'deflecting' : 'engaging'}: ${t}`) };
}

describe('reply linter over the written table', () => {
  for (const [name, table] of [['Chinese', ZH_TABLE], ['English', EN_TABLE]] as const) {
    it(`tells deflecting from engaging ${name} replies at least 95% of the time`, () => {
      const { acc, misses } = accuracy(table);
      console.log(`# ${name}: ${table.length} replies, accuracy ${(acc * 100).toFixed(1)}%`);
      assert.ok(acc >= 0.95, `accuracy ${(acc * 100).toFixed(1)}%, misses:\n${misses.join('\n')}`);
    });
  }

  it('has both kinds in both languages so accuracy cannot come from one answer', () => {
    for (const table of [ZH_TABLE, EN_TABLE]) {
      const d = table.filter(([, l]) => l).length;
      assert.ok(d >= 25 && table.length - d >= 25);
    }
  });

  it('explains every finding on a deflecting reply with a rule, why it hurts and a rewrite', () => {
    for (const [text, label] of [...ZH_TABLE, ...EN_TABLE]) {
      if (!label) continue;
      for (const f of lintReply(rules, text).findings) {
        assert.equal(text.slice(f.span[0], f.span[1]), f.match);
        assert.ok(f.rule && f.why.length > 10 && f.rewrite.length > 10);
      }
    }
  });
});
