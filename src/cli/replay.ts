/**
 * `emberwatch replay <file.jsonl> [--brand <id>]`: plays a whole replay file through the real pipeline as fast as
 * possible, window by window, into the configured database, ending at the present. Windows older than an hour open
 * incidents on the timeline without paging anyone; use it to review a past crisis or to try detection settings.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPollCycle } from '../pipeline/cycle.js';
import { parseReplayFile } from '../sources/replay.js';
import { createNodeDeps } from '../runtime/node.js';

export async function run(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  const brandArg = args.includes('--brand') ? args[args.indexOf('--brand') + 1] : undefined;
  if (!file) {
    process.stderr.write('usage: emberwatch replay <file.jsonl> [--brand <id>]\n');
    return 2;
  }
  const path = resolve(file);
  const records = parseReplayFile(readFileSync(path, 'utf8'), file);
  if (records.length === 0) throw new Error(`${file}: no records`);
  const first = records[0]!.t!;
  const duration = (records[records.length - 1]!.t! - first) * 1000;
  let now = Date.now() - duration;
  const deps = await createNodeDeps({ ...process.env }, { clock: { now: () => now } });
  try {
    const brand = brandArg ? deps.config.brands.find((b) => b.id === brandArg) : deps.config.brands[0];
    if (!brand) throw new Error(brandArg ? `no brand with id ${brandArg}` : 'no brand configured');
    const source = { id: `${brand.id}:replay-${Date.now()}`, kind: 'replay', name: 'replay', cfg: { file: path, speed: 1, startAt: first }, budget: 1 };
    const replayDeps = { ...deps, config: { ...deps.config, brands: deps.config.brands.map((b) => (b === brand ? { ...b, sources: [source] } : b)) } };
    let windows = 0;
    const decisions: string[] = [];
    for (; now <= Date.now(); now += brand.windowMs) {
      const out = await runPollCycle(replayDeps, now);
      for (const b of out.brands) {
        windows += b.windows;
        for (const d of b.decisions) decisions.push(`${new Date(d.start).toISOString()} ${d.decision.action}: ${d.decision.reason}`);
      }
    }
    process.stdout.write(`replayed ${records.length} records of ${file} for ${brand.id}: ${windows} windows judged\n${decisions.map((d) => `  ${d}\n`).join('')}`);
    return 0;
  } finally {
    await deps.close();
  }
}
