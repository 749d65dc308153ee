/**
 * `emberwatch backtest <series.csv>... --out <dir> [--windows <windows.json>]`: runs the live detector over NAB-format
 * series and writes `<dir>/<file>` with timestamp,value,anomaly_score (≥ 0.5 exactly where a new alert would go
 * out); with --windows, prints NAB scores from the project's own scorer.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { replaySeries } from '../core/detect/replay-series.js';
import { NAB_PROFILES, normalisedScore, scoreFile, windowsToRows, type FileScore } from '../core/nab/index.js';
import { withoutBom } from '../lib/bom.js';

export interface Series {
  name: string;
  stamps: string[];
  times: number[];
  values: number[];
}

/** Parses "2015-02-26 21:42:53" (or ISO) as UTC epoch ms. */
export function parseTimestamp(s: string): number {
  const iso = s.trim().replace(' ', 'T');
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** Reads a NAB-format CSV: a `timestamp,value` header, then one row per fixed step. */
export function readSeries(file: string): Series {
  const lines = withoutBom(readFileSync(file, 'utf8')).split(/\r?\n/);
  const stamps: string[] = [];
  const times: number[] = [];
  const values: number[] = [];
  let header = true;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (header) {
      header = false;
      continue;
    }
    const [ts = '', v = ''] = line.split(',');
    const t = parseTimestamp(ts);
    if (!Number.isFinite(t)) throw new Error(`${file}:${i + 1}: bad timestamp '${ts}'`);
    // Number('') is 0: a missing count must not pass as a quiet interval.
    if (v.trim() === '' || !Number.isFinite(Number(v))) throw new Error(`${file}:${i + 1}: bad value '${v}' (expected a number)`);
    stamps.push(ts.trim());
    times.push(t);
    values.push(Number(v));
  }
  return { name: path.basename(file), stamps, times, values };
}

/** Labelled windows for a file, matched by file name against the keys of a NAB windows.json. */
export function windowsFor(all: Record<string, Array<[string, string]>>, name: string): Array<[number, number]> {
  const key = Object.keys(all).find((k) => path.basename(k) === name);
  return key ? (all[key] ?? []).map(([a, b]) => [parseTimestamp(a), parseTimestamp(b)] as [number, number]) : [];
}

/** Anomaly scores of a series from the live detector (≥ 0.5 exactly on alert rows). */
export function scoreSeries(s: Series): number[] {
  return replaySeries(s.times, s.values).map((d) => d.score);
}

function parseArgs(args: string[]): { files: string[]; out: string | null; windows: string | null } {
  const files: string[] = [];
  let out: string | null = null;
  let windows: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--out') out = args[++i] ?? null;
    else if (a === '--windows') windows = args[++i] ?? null;
    else files.push(a);
  }
  return { files, out, windows };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

export async function run(args: string[]): Promise<number> {
  const { files, out, windows } = parseArgs(args);
  if (!files.length || !out) {
    process.stderr.write('usage: emberwatch backtest <series.csv>... --out <dir> [--windows <windows.json>]\n');
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const labelled = windows ? (JSON.parse(withoutBom(readFileSync(windows, 'utf8'))) as Record<string, Array<[string, string]>>) : null;
  const perProfile = new Map<string, FileScore[]>(NAB_PROFILES.map((p) => [p.name, []]));
  for (const file of files) {
    const s = readSeries(file);
    const scores = scoreSeries(s);
    const rows = s.stamps.map((ts, i) => `${ts},${s.values[i]},${(scores[i] as number).toFixed(4)}`);
    writeFileSync(path.join(out, s.name), ['timestamp,value,anomaly_score', ...rows].join('\n') + '\n');
    const alerts = scores.filter((x) => x >= 0.5).length;
    if (!labelled) {
      process.stdout.write(`${s.name}: ${s.values.length} rows, ${alerts} alerts\n`);
      continue;
    }
    const rowWindows = windowsToRows(s.times, windowsFor(labelled, s.name));
    const detections = scores.map((x) => x >= 0.5);
    const cells = NAB_PROFILES.map((p) => {
      const f = scoreFile(detections, rowWindows, p);
      perProfile.get(p.name)?.push(f);
      return `${p.name} ${fmt(normalisedScore([f], p))}`;
    });
    const f0 = scoreFile(detections, rowWindows, NAB_PROFILES[0]!);
    process.stdout.write(`${s.name}: ${alerts} alerts, ${f0.detectedWindows}/${f0.windows} windows detected, ${f0.falsePositives} false positives; ${cells.join(', ')}\n`);
  }
  if (labelled) {
    const totals = NAB_PROFILES.map((p) => `${p.name} ${fmt(normalisedScore(perProfile.get(p.name) ?? [], p))}`);
    process.stdout.write(`NAB (all files together): ${totals.join(', ')}\n`);
  }
  return 0;
}
