import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { lintStream, loadLintRules } from '../../src/cli/lint-reply.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function runStream(lines: string[]) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  const code = await lintStream(await loadLintRules(), Readable.from(lines.map((l) => l + '\n')), out);
  return { code, rows: chunks.join('').trim().split('\n').map((l) => JSON.parse(l)) };
}

describe('lint-reply CLI', () => {
  it('answers each line in order with id, deflecting and findings', async () => {
    const { code, rows } = await runStream([
      JSON.stringify({ id: 'a', text: '暂不回应。' }),
      JSON.stringify({ id: 2, text: 'We got this wrong and have refunded everyone.' }),
    ]);
    assert.equal(code, 0);
    assert.deepEqual(rows.map((r) => [r.id, r.deflecting]), [['a', true], [2, false]]);
    assert.deepEqual(Object.keys(rows[0]), ['id', 'deflecting', 'findings']);
    assert.equal(rows[0].findings[0].rule, 'delay-no-comment');
    assert.deepEqual(rows[0].findings[0].span, [0, 4]);
  });

  it('reads a first line that starts with a byte-order mark', async () => {
    const { code, rows } = await runStream(['\uFEFF' + JSON.stringify({ id: 'a', text: '暂不回应。' })]);
    assert.equal(code, 0);
    assert.deepEqual([rows[0].id, rows[0].deflecting], ['a', true]);
  });

  it('reports a bad line and keeps going, exiting 1', async () => {
    const { code, rows } = await runStream(['not json', JSON.stringify({ id: 'b', text: 'No comment.' })]);
    assert.equal(code, 1);
    assert.equal(rows[0].error, 'invalid JSON');
    assert.equal(rows[1].deflecting, true);
  });

  it('runs as `emberwatch lint-reply` from another directory, finding its rules next to the source', () => {
    const bin = path.join(repoRoot, 'src/bin/emberwatch.js');
    const r = spawnSync(process.execPath, [bin, 'lint-reply'], { cwd: os.tmpdir(), input: '{"id":"x","text":"请拨打客服热线"}\n', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const row = JSON.parse(r.stdout.trim());
    assert.equal(row.id, 'x');
    assert.equal(row.deflecting, true);
  });
});
