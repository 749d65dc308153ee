/**
 * `emberwatch score-text [--evidence]`: JSONL `{"id", "text"}` on stdin → one JSONL line per input,
 * in order, `{"id","negative","negativity","complaint","topics","lang"}` on stdout (plus "evidence"
 * with --evidence). Streams with constant memory and respects stdout backpressure. A malformed line
 * gets `{"id": <id or null>, "error": "..."}` in its place (order kept) and a message on stderr;
 * the stream goes on. Blank lines are skipped. Exit code 0 unless reading or writing fails.
 */
import { once } from 'node:events';
import path from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { buildNegativityModel, scoreText } from '../core/negativity/index.js';
import { readLexiconFiles } from '../lexicon/load-lexicons.js';
import { withoutBom } from '../lib/bom.js';

export interface ScoreTextIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** The repo's rules/ folder, found from this file (not from the working directory). */
export const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules');
const FLUSH_BYTES = 64 * 1024; // batch small lines into fewer writes

function scoreLine(model: ReturnType<typeof buildNegativityModel>, line: string, n: number, evidence: boolean): { out: string; error?: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return fail(null, `line ${n}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(null, `line ${n}: expected an object {"id", "text"}`);
  const { id = null, text } = input as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return fail(id, `line ${n}: "text" must be a string`);
  const r = scoreText(model, text);
  const out: Record<string, unknown> = { id, negative: r.negative, negativity: r.negativity, complaint: r.complaint, topics: r.topics, lang: r.lang };
  if (evidence) out['evidence'] = r.evidence;
  return { out: JSON.stringify(out) };
}

function fail(id: unknown, error: string): { out: string; error: string } {
  return { out: JSON.stringify({ id, error }), error };
}

/** Runs the command; `io` defaults to the process streams (tests pass their own). */
export async function run(args: string[], io: ScoreTextIo = process): Promise<number> {
  const unknown = args.filter((a) => a !== '--evidence');
  if (unknown.length) {
    io.stderr.write(`emberwatch score-text: unknown argument ${unknown[0]}\nusage: emberwatch score-text [--evidence] < posts.jsonl\n`);
    return 2;
  }
  const model = buildNegativityModel(readLexiconFiles(RULES_DIR));
  const evidence = args.includes('--evidence');
  let pending = '';
  let n = 0;
  let bad = 0;
  let closed = false;
  io.stdout.on('error', () => (closed = true)); // e.g. piped into `head`: stop quietly
  const flush = async (): Promise<void> => {
    if (!pending || closed) return;
    const chunk = pending;
    pending = '';
    if (!io.stdout.write(chunk)) await Promise.race([once(io.stdout, 'drain'), once(io.stdout, 'close')]);
  };
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    const r = scoreLine(model, n === 1 ? withoutBom(line) : line, n, evidence);
    if (r.error) {
      bad++;
      io.stderr.write(`emberwatch score-text: ${r.error}\n`);
    }
    pending += r.out + '\n';
    if (pending.length >= FLUSH_BYTES) await flush();
    if (closed) break;
  }
  await flush();
  if (bad) io.stderr.write(`emberwatch score-text: ${bad} malformed line(s) answered with {"error"}\n`);
  return 0;
}
