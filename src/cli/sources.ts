/** `emberwatch sources [--json]`: every registered source kind with its config schema. */
import process from 'node:process';
import { ALL_SOURCES } from '../sources/all.js';
import { SOURCES } from '../sources/registry.js';
import type { FieldSchema } from '../sources/source.js';

interface Listed { kind: string; description: string; config: Record<string, FieldSchema> }

/** The registered kinds (platform sources plus the lead's replay/webhook), sorted by kind. */
export function listSources(): Listed[] {
  const all: Record<string, { kind: string; description: string; configSchema: Record<string, FieldSchema> }> = { ...SOURCES, ...ALL_SOURCES };
  return Object.values(all).map((s) => ({ kind: s.kind, description: s.description, config: s.configSchema })).sort((a, b) => a.kind.localeCompare(b.kind));
}

/** Prints the list as JSON (`--json`) or as a readable table; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`emberwatch sources: unknown argument ${unknown[0]}\nusage: emberwatch sources [--json]\n`);
    return 2;
  }
  const list = listSources();
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  for (const s of list) {
    process.stdout.write(`${s.kind.padEnd(11)} ${s.description}\n`);
    for (const [name, f] of Object.entries(s.config)) {
      const flags = [f.required ? 'required' : '', f.secret ? 'secret' : '', f.default !== undefined ? `default ${JSON.stringify(f.default)}` : ''].filter(Boolean).join(', ');
      process.stdout.write(`  ${name.padEnd(18)} ${f.type.padEnd(8)} ${f.description}${flags ? ` (${flags})` : ''}\n`);
    }
  }
  return 0;
}
