/**
 * `emberwatch lint-reply`: reads JSONL {"id","text"} on stdin and writes {"id","deflecting","findings"} per line,
 * in order, as each line arrives. Rules come from rules/reply-lint.yaml next to the source tree, not the cwd.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { lintReply, parseLintRules, type LintRules } from '../core/reply-lint/index.js';
import { withoutBom } from '../lib/bom.js';

const RULES_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rules/reply-lint.yaml');

/** Loads and parses the shipped linter rules. */
export async function loadLintRules(file = RULES_PATH): Promise<LintRules> {
  return parseLintRules({ path: 'reply-lint.yaml', text: await readFile(file, 'utf8') });
}

/** Lints one JSONL line; a bad line yields an error object for that line instead of stopping the stream. */
export function lintLine(rules: LintRules, line: string): Record<string, unknown> {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return { id: null, error: 'invalid JSON' };
  }
  const r = row as { id?: unknown; text?: unknown };
  const id = r && typeof r === 'object' && 'id' in r ? r.id : null;
  if (!r || typeof r !== 'object' || typeof r.text !== 'string') return { id, error: 'expected {"id", "text"} with text a string' };
  const { deflecting, findings } = lintReply(rules, r.text);
  return { id, deflecting, findings };
}

/** Streams stdin to stdout; exit code 1 when any line was invalid, 0 otherwise. */
export async function lintStream(rules: LintRules, input: Readable, output: Writable): Promise<number> {
  let bad = 0;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let first = true;
  for await (const raw of rl) {
    const line = first ? withoutBom(raw) : raw;
    first = false;
    if (!line.trim()) continue;
    const out = lintLine(rules, line);
    if ('error' in out) bad++;
    if (!output.write(JSON.stringify(out) + '\n')) await new Promise((res) => output.once('drain', res));
  }
  return bad ? 1 : 0;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('usage: emberwatch lint-reply < replies.jsonl\n  in:  {"id": ..., "text": "..."} per line\n  out: {"id": ..., "deflecting": bool, "findings": [...]} per line\n');
    return 0;
  }
  const rules = await loadLintRules();
  return lintStream(rules, process.stdin, process.stdout);
}
