/** `emberwatch poll`: one poll cycle on the configured brands, then exit (for system cron or a manual check). */
import { runPollCycle } from '../pipeline/cycle.js';
import { systemClock } from '../runtime/clock.js';
import { createNodeDeps } from '../runtime/node.js';

export async function run(_args: string[]): Promise<number> {
  const deps = await createNodeDeps({ ...process.env }, { clock: systemClock });
  try {
    const out = await runPollCycle(deps, systemClock.now());
    for (const s of out.sources) process.stdout.write(`source ${s.sourceId}: ${s.ok ? `${s.posts} posts, ${s.requests} requests` : `failed: ${s.error}`}\n`);
    for (const b of out.brands) {
      process.stdout.write(`brand ${b.brandId}: ${b.windows} window(s) judged\n`);
      for (const d of b.decisions) process.stdout.write(`  ${new Date(d.start).toISOString()} ${d.decision.action}: ${d.decision.reason}\n`);
    }
    process.stdout.write(`deliveries: ${out.deliveries.sent} sent, ${out.deliveries.retrying} retrying, ${out.deliveries.failed} failed\n`);
    return out.sources.every((s) => s.ok) ? 0 : 1;
  } finally {
    await deps.close();
  }
}
