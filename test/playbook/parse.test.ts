import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCIDENT_KINDS, parsePlaybook, parsePlaybooks, REQUIRED_SECTIONS } from '../../src/core/playbook/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { TOPICS } from '../../src/core/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(repoRoot, 'rules/playbooks');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ path: `playbooks/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));

const minimal = (front: string, body?: string) => ({
  path: 'playbooks/x.md',
  text: `---\n${front}\n---\n${body ?? REQUIRED_SECTIONS.map((s) => `## ${s}\n- step for ${s}\n`).join('\n')}`,
});

function throwsField(file: { path: string; text: string }, field: string) {
  assert.throws(() => parsePlaybook(file), (e: unknown) => e instanceof ConfigError && e.field === field && e.file === 'playbooks/x.md');
}

describe('playbook files in rules/playbooks', () => {
  it('all parse, with exactly one default', () => {
    const books = parsePlaybooks(files);
    assert.equal(books.filter((b) => b.isDefault).length, 1);
  });

  it('every playbook has bilingual holding statements that name the brand or the problem', () => {
    for (const b of parsePlaybooks(files)) {
      assert.match(b.holding.zh, /[\u4e00-\u9fff]/, `${b.id} zh statement is Chinese`);
      assert.match(b.holding.en, /\b(we|our)\b/i, `${b.id} en statement speaks as the company`);
      assert.match(b.holding.zh + b.holding.en, /\{(brand|what)\}/, `${b.id} statement uses facts`);
    }
  });

  it('covers every post topic and incident kind with at least one non-default playbook', () => {
    const covered = new Set(parsePlaybooks(files).flatMap((b) => b.match.topics));
    const missing = [...TOPICS, ...INCIDENT_KINDS].filter((t) => !covered.has(t));
    assert.deepEqual(missing, []);
  });
});

describe('parsePlaybook', () => {
  it('reads topics, target, who to loop in and sections from front matter and headings', () => {
    const p = parsePlaybook(minimal('title: T\nmatch:\n  topics: [pricing]\n  severity: critical\nresponse_target_minutes: 20\nloop_in: [legal]'));
    assert.equal(p.id, 'x');
    assert.deepEqual(p.match.topics, ['pricing']);
    assert.deepEqual(p.match.severity, ['critical']);
    assert.equal(p.responseTargetMinutes, 20);
    assert.deepEqual(p.loopIn, ['legal']);
    assert.equal(p.sections['first hour'], '- step for first hour');
  });

  it('names the field when the response target is missing', () => {
    throwsField(minimal('title: T\nmatch: {topics: [pricing]}'), 'response_target_minutes');
  });

  it('names the field when a topic is unknown', () => {
    throwsField(minimal('title: T\nmatch: {topics: [weather]}\nresponse_target_minutes: 5'), 'match.topics');
  });

  it('names the field when a severity is unknown', () => {
    throwsField(minimal('title: T\nmatch: {topics: [pricing], severity: [high]}\nresponse_target_minutes: 5'), 'match.severity');
  });

  it('names the missing section', () => {
    const body = REQUIRED_SECTIONS.filter((s) => s !== 'follow-up').map((s) => `## ${s}\n- x\n`).join('\n');
    throwsField(minimal('title: T\nmatch: {topics: [pricing]}\nresponse_target_minutes: 5', body), 'section "## follow-up"');
  });

  it('rejects a file without front matter', () => {
    throwsField({ path: 'playbooks/x.md', text: '# just markdown' }, 'front matter');
  });

  it('rejects a second default when parsing a set', () => {
    const a = minimal('title: A\ndefault: true\nresponse_target_minutes: 5');
    const b = { ...minimal('title: B\ndefault: true\nresponse_target_minutes: 5'), path: 'playbooks/y.md' };
    assert.throws(() => parsePlaybooks([a, b]), (e: unknown) => e instanceof ConfigError && e.field === 'default');
  });
});
