import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintReply, parseLintRules } from '../../src/core/reply-lint/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = parseLintRules({ path: 'reply-lint.yaml', text: readFileSync(path.join(repoRoot, 'rules/reply-lint.yaml'), 'utf8') });
const dir = path.join(repoRoot, 'rules/playbooks');

/** The holding statements of every playbook, placeholders filled as an alert would fill them. */
function holdingStatements(): Array<{ where: string; text: string }> {
  const fill: Record<string, string> = { brand: 'Acme', what: 'the outage', next_update: '18:00', count: '120', platform: 'Weibo' };
  return readdirSync(dir).filter((f) => f.endsWith('.md')).flatMap((f) =>
    [...readFileSync(path.join(dir, f), 'utf8').matchAll(/## Holding statement \((zh|en)\)\n([^\n]+)/g)].map((m) => ({
      where: `${f} (${m[1]})`,
      text: m[2]!.replace(/\{(\w+)\}/g, (_, k: string) => fill[k] ?? 'X'),
    })),
  );
}

describe('reply linter on the playbooks’ own holding statements', () => {
  it('finds a holding statement in both languages in every playbook', () => {
    const found = holdingStatements();
    assert.ok(found.length >= 2 * 10, `only ${found.length} holding statements`);
  });

  it('does not call any of our own holding statements deflecting', () => {
    const flagged = holdingStatements().filter((h) => lintReply(rules, h.text).deflecting);
    assert.deepEqual(flagged.map((h) => h.where), []);
  });
});
