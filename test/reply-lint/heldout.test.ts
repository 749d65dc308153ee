/**
 * Held-out statements the rules were not tuned on (see the report in the commit history):
 * heldout.jsonl was written before any rule change, heldout-after-tuning.jsonl after tuning and before measuring.
 * The 0.85 floor guards against regressions; it is not a target to tune the rules to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintReply, parseLintRules } from '../../src/core/reply-lint/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });

interface Labelled {
  id: string;
  text: string;
  deflecting: boolean;
}

const load = (name: string): Labelled[] =>
  readFileSync(path.join(here, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Labelled);

/** Accuracy of the deflecting verdict over some statements, with the misses for the failure message. */
function score(rows: Labelled[]) {
  const misses = rows.filter((r) => lintReply(rules, r.text).deflecting !== r.deflecting);
  return { acc: 1 - misses.length / rows.length, misses: misses.map((r) => `${r.id} (${r.deflecting ? 'deflecting' : 'engaging'}): ${r.text}`) };
}

describe('reply linter on held-out crisis statements', () => {
  for (const file of ['heldout.jsonl', 'heldout-after-tuning.jsonl']) {
    const rows = load(file);

    it(`${file} has both kinds in both languages, with unique ids`, () => {
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
      for (const zh of [true, false]) {
        const lang = rows.filter((r) => /[\u4e00-\u9fff]/.test(r.text) === zh);
        const d = lang.filter((r) => r.deflecting).length;
        assert.ok(d >= 10 && lang.length - d >= 10, `${zh ? 'zh' : 'en'}: ${d} deflecting of ${lang.length}`);
      }
    });

    it(`tells deflecting from engaging statements in ${file} at least 85% of the time`, () => {
      for (const zh of [true, false]) {
        const { acc } = score(rows.filter((r) => /[\u4e00-\u9fff]/.test(r.text) === zh));
        console.log(`# ${file} ${zh ? 'Chinese' : 'English'}: accuracy ${(acc * 100).toFixed(1)}%`);
      }
      const { acc, misses } = score(rows);
      console.log(`# ${file}: ${rows.length} statements, accuracy ${(acc * 100).toFixed(1)}%`);
      assert.ok(acc >= 0.85, `accuracy ${(acc * 100).toFixed(1)}%, misses:\n${misses.join('\n')}`);
    });
  }
});
