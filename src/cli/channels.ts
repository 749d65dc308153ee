/** `emberwatch channels [--json]`: lists every registered channel kind with its config schema. */
import process from 'node:process';
import { CHANNELS } from '../channels/registry.js';

/** Prints the channel kinds; `--json` prints an array of {kind, description, config}. */
export async function run(args: string[]): Promise<number> {
  const kinds = Object.values(CHANNELS).map((c) => ({ kind: c.kind, description: c.description, config: c.configSchema }));
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(kinds, null, 2) + '\n');
    return 0;
  }
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) {
    process.stderr.write(`emberwatch channels: unknown argument ${unknown[0]}\nusage: emberwatch channels [--json]\n`);
    return 2;
  }
  for (const k of kinds) {
    process.stdout.write(`${k.kind.padEnd(9)} ${k.description}\n`);
    for (const [field, f] of Object.entries(k.config)) {
      process.stdout.write(`          ${field}${f.required ? '*' : ''} (${f.type}${f.secret ? ', secret: use ' + field + '_env' : ''}) ${f.description}\n`);
    }
  }
  return 0;
}
