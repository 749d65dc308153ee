/** One poll cycle: poll sources → judge windows → deliver alerts. Both runtimes call exactly this. */
import { pollSources, type SourcePollOutcome } from './poll-sources.js';
import { judgeBrand, type JudgeOutcome } from './judge-windows.js';
import { dispatchOutbox, type DispatchOutcome } from './dispatch.js';
import { escalateIncidents } from './escalate.js';
import { watchResponses } from './response-watch.js';
import { watchAmplification } from './amplification-watch.js';
import { watchCascades } from './cascade-watch.js';
import type { Deps } from './deps.js';

export interface CycleOutcome {
  at: number;
  sources: SourcePollOutcome[];
  brands: JudgeOutcome[];
  deliveries: DispatchOutcome;
}

/** Runs one cycle at `now`. A failing brand is logged and does not stop the others. */
export async function runPollCycle(deps: Deps, now: number): Promise<CycleOutcome> {
  const sources = await pollSources(deps, now);
  const brands: JudgeOutcome[] = [];
  for (const brand of deps.config.brands) {
    try {
      brands.push(await judgeBrand(deps, brand, now));
    } catch (err) {
      deps.log(`brand ${brand.id}: judging windows failed: ${(err as Error).stack ?? String(err)}`);
    }
    // After judging (incidents are current) and before dispatch (their alerts go out this cycle).
    // The early warning first, so an incident it opens is tracked for a response and amplification this cycle.
    for (const [what, watch] of [['early warning', watchCascades], ['response tracking', watchResponses], ['amplification check', watchAmplification]] as const) {
      try {
        await watch(deps, brand, now);
      } catch (err) {
        deps.log(`brand ${brand.id}: ${what} failed: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }
  // Escalation before dispatch, so a level that falls due this cycle is delivered this cycle.
  try {
    await escalateIncidents(deps, now);
  } catch (err) {
    deps.log(`escalation failed: ${(err as Error).stack ?? String(err)}`);
  }
  const deliveries = await dispatchOutbox(deps, now);
  return { at: now, sources, brands, deliveries };
}
