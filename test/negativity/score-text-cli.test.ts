import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/score-text.js';
import { repoRoot } from './helpers.js';

/** A stdout that accepts little at a time and drains slowly, to exercise backpressure. */
function slowSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 256,
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  return { stream, text: () => chunks.join('') };
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), text: () => chunks.join('') };
}

async function score(input: string, args: string[] = []): Promise<{ code: number; lines: Array<Record<string, unknown>>; err: string }> {
  const out = slowSink();
  const err = sink();
  const code = await run(args, { stdin: Readable.from([input]), stdout: out.stream, stderr: err.stream });
  return { code, lines: out.text().split('\n').filter(Boolean).map((l) => JSON.parse(l)), err: err.text() };
}

describe('emberwatch score-text', () => {
  it('answers each input line with one line, in order, with exactly the contract fields', async () => {
    const { code, lines } = await score('{"id":1,"text":"退款三次都没人理"}\n{"id":"b","text":"love it"}\n');
    assert.equal(code, 0);
    assert.deepEqual(lines.map((l) => l['id']), [1, 'b']);
    assert.deepEqual(Object.keys(lines[0]!), ['id', 'negative', 'negativity', 'complaint', 'topics', 'lang']);
    assert.equal(lines[0]!['negative'], true);
    assert.equal(lines[0]!['lang'], 'zh');
  });

  it('answers a malformed line with an error line in its place and carries on', async () => {
    const { code, lines, err } = await score('{"id":1,"text":"ok"}\nnot json\n{"id":3}\n{"id":4,"text":"fine"}\n');
    assert.equal(code, 0);
    assert.deepEqual(lines.map((l) => l['id']), [1, null, 3, 4]);
    assert.match(String(lines[1]!['error']), /line 2: not valid JSON/);
    assert.match(String(lines[2]!['error']), /line 3: "text" must be a string/);
    assert.match(err, /line 2/);
  });

  it('reads a first line that starts with a byte-order mark (files saved by Windows tools)', async () => {
    const { lines, err } = await score('\uFEFF{"id":1,"text":"terrible service"}\r\n{"id":2,"text":"ok"}\r\n');
    assert.equal(err, '');
    assert.deepEqual(lines.map((l) => [l['id'], l['negative']]), [[1, true], [2, false]]);
  });

  it('skips blank lines and handles CRLF input', async () => {
    const { lines } = await score('{"id":1,"text":"a"}\r\n\r\n{"id":2,"text":"b"}\r\n');
    assert.deepEqual(lines.map((l) => l['id']), [1, 2]);
  });

  it('keeps order through a slow consumer over many lines', async () => {
    const n = 3000;
    const input = Array.from({ length: n }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? 'refund still missing, on hold for 2 hours' : 'great day' })).join('\n');
    const { lines } = await score(input);
    assert.equal(lines.length, n);
    assert.ok(lines.every((l, i) => l['id'] === i && l['negative'] === (i % 2 === 1)));
  });

  it('adds the evidence with --evidence and refuses unknown flags', async () => {
    const { lines } = await score('{"id":1,"text":"charged twice, scam"}\n', ['--evidence']);
    assert.ok(Array.isArray(lines[0]!['evidence']) && (lines[0]!['evidence'] as string[]).length > 0);
    const out = sink();
    const err = sink();
    assert.equal(await run(['--nope'], { stdin: Readable.from(['']), stdout: out.stream, stderr: err.stream }), 2);
    assert.match(err.text(), /unknown argument --nope/);
  });

  it('finds the lexicons from its own location, whatever the working directory', () => {
    const bin = path.join(repoRoot, 'src/bin/emberwatch.js');
    const r = spawnSync(process.execPath, [bin, 'score-text'], { cwd: os.tmpdir(), input: '{"id":7,"text":"worst service ever"}\n', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim())['negative'], true);
  });
});
