import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeries, run } from '../../src/cli/backtest.js';
import { replaySeries } from '../../src/core/detect/replay-series.js';

function writeSeries(dir: string): string {
  const start = Date.UTC(2015, 2, 2);
  const rows = ['timestamp,value'];
  for (let i = 0; i < 288 * 4; i++) {
    const t = new Date(start + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    const spreading = i >= 288 * 3 && i < 288 * 3 + 24;
    rows.push(`${t},${10 + (i % 7) + (spreading ? 60 : 0)}`);
  }
  const file = path.join(dir, 'brand.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('emberwatch backtest', () => {
  it('writes timestamp,value,anomaly_score per row with ≥ 0.5 exactly where the live detector alerts, and prints NAB scores', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ew-bt-'));
    const file = writeSeries(dir);
    const windows = path.join(dir, 'windows.json');
    writeFileSync(windows, JSON.stringify({ 'realBrand/brand.csv': [['2015-03-05 00:00:00.000000', '2015-03-05 06:00:00.000000']] }));
    const out = path.join(dir, 'out');
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (lines.push(String(s)), true)) as typeof process.stdout.write;
    let code: number;
    try { code = await run([file, '--out', out, '--windows', windows]); } finally { process.stdout.write = write; }
    assert.equal(code, 0);
    const rows = readFileSync(path.join(out, 'brand.csv'), 'utf8').trim().split('\n');
    assert.equal(rows[0], 'timestamp,value,anomaly_score');
    assert.equal(rows.length, 288 * 4 + 1);
    const input = readFileSync(file, 'utf8').trim().split('\n').slice(1);
    const decisions = replaySeries(input.map((l) => Date.parse(l.split(',')[0]!.replace(' ', 'T') + 'Z')), input.map((l) => Number(l.split(',')[1])));
    rows.slice(1).forEach((r, i) => {
      const alert = decisions[i]!.action === 'open' || decisions[i]!.action === 'escalate';
      assert.equal(Number(r.split(',')[2]) >= 0.5, alert, `row ${i}`);
    });
    assert.ok(decisions.some((d) => d.action === 'open'));
    assert.match(lines.join(''), /NAB \(all files together\): standard [\d.-]+, reward_low_FP [\d.-]+, reward_low_FN [\d.-]+/);
  });

  it('reads a series saved with a byte-order mark and CRLF, and names the line of a missing or non-numeric count', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ew-bt-'));
    const file = path.join(dir, 'bom.csv');
    writeFileSync(file, '\uFEFFtimestamp,value\r\n2015-03-02 00:00:00,12\r\n2015-03-02 00:05:00,14\r\n');
    assert.deepEqual(readSeries(file).values, [12, 14]);
    for (const [bad, shown] of [['', "''"], ['n/a', "'n/a'"]] as const) {
      writeFileSync(file, `timestamp,value\n2015-03-02 00:00:00,12\n2015-03-02 00:05:00,${bad}\n`);
      assert.throws(() => readSeries(file), (e: Error) => e.message === `${file}:3: bad value ${shown} (expected a number)`, bad);
    }
  });

  it('prints usage and returns 2 without --out', async () => {
    const err = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try { assert.equal(await run(['x.csv']), 2); } finally { process.stderr.write = err; }
  });
});
