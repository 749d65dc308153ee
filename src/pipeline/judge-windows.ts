/**
 * Step 2 of a cycle: close every finished window of a brand, judge it with the detector, and apply what the
 * detector decides to the brand's incident. A decision, its incident change, its alert and the windows up to it
 * commit in one transaction, so a crash never sends an alert twice or loses one.
 */
import { createDetectorState, stepDetector, type DetectorState } from '../core/detect/index.js';
import { computeSpreadWindow, latestTotals, windowStart, type WindowPost, type WindowSnapshot } from '../core/spread.js';
import type { DetectorDecision, SpreadWindow } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import { negativeSnapshotsIn, postsCreatedIn } from '../db/queries/posts.js';
import { firstPollAt, pollsSince } from '../db/queries/source-polls.js';
import { windowComplete, type PollOutcome } from '../core/source-health.js';
import { pollInterval } from './source-health.js';
import { getDetectorState, saveJudgedWindows, type JudgedWindow } from '../db/queries/windows.js';
import type { Deps } from './deps.js';
import { applyDecision } from './apply-decision.js';

/** At most this much history is judged in one cycle (a long outage is caught up over several cycles). */
const MAX_CATCH_UP_MS = 21 * 24 * 3600_000;

export interface JudgeOutcome {
  brandId: string;
  windows: number;
  decisions: { start: number; decision: DetectorDecision }[];
}

const isNegative = (p: { negative: number; corrected_negative: number | null }) => (p.corrected_negative ?? p.negative) === 1;

/**
 * Whether each window can teach the baseline: every source of the brand polled fine around it. Windows before a
 * source's first poll (history it brought in at once) count as complete; a push-only webhook source never blocks.
 */
async function completeness(deps: Deps, brand: Brand, from: number): Promise<(start: number, end: number) => boolean> {
  const checks: { first: number; outcomes: PollOutcome[]; interval: number }[] = [];
  for (const src of brand.sources) {
    if (src.kind === 'webhook') continue;
    const first = await firstPollAt(deps.db, src.id);
    if (first === null) continue;
    const outcomes = await pollsSince(deps.db, src.id, from - 3600_000);
    checks.push({ first, outcomes, interval: pollInterval(outcomes.map((o) => o.at)) });
  }
  return (start, end) => checks.every((c) => end <= c.first || windowComplete(c.outcomes, start, end, c.interval));
}

/** Judges every closed window of one brand up to `now`. */
export async function judgeBrand(deps: Deps, brand: Brand, now: number): Promise<JudgeOutcome> {
  const W = brand.windowMs;
  const cfg = { windowMs: W, timezone: brand.timezone };
  const row = await getDetectorState(deps.db, brand.id);
  let state: DetectorState = row ? (JSON.parse(row.state) as DetectorState) : createDetectorState(cfg);
  const lastEnd = windowStart(now, W);
  let next = row?.next_window_start;
  if (next === undefined) {
    const first = await deps.db.selectFrom('posts').select((e) => e.fn.min('created_at').as('t')).where('brand_id', '=', brand.id).executeTakeFirst();
    next = first?.t != null ? windowStart(Number(first.t), W) : lastEnd;
  }
  const outcome: JudgeOutcome = { brandId: brand.id, windows: 0, decisions: [] };
  if (next >= lastEnd) {
    if (!row) await saveJudgedWindows(deps.db, brand.id, [], state, next);
    return outcome;
  }
  if (lastEnd - next > MAX_CATCH_UP_MS) {
    deps.log(`brand ${brand.id}: skipping ${Math.round((lastEnd - next - MAX_CATCH_UP_MS) / 3600_000)} h of windows older than the catch-up limit`);
    next = lastEnd - MAX_CATCH_UP_MS;
  }
  const rows = await postsCreatedIn(deps.db, brand.id, next, lastEnd);
  const posts: WindowPost[] = rows.map((p) => ({ key: `${p.source_id}\u0000${p.external_id}`, createdAt: p.created_at, negative: isNegative(p), authorFollowers: p.author_followers, isOwn: p.is_own === 1 }));
  const snaps: WindowSnapshot[] = (await negativeSnapshotsIn(deps.db, brand.id, next, lastEnd)).map((s) => ({ ...s, externalId: s.external_id, key: `${s.source_id}\u0000${s.external_id}` }));
  const isComplete = await completeness(deps, brand, next);

  let pending: JudgedWindow[] = [];
  let pi = 0;
  let si = 0;
  const prevTotals = new Map<string, number>();
  const fold = (from: number, to: number) => {
    for (const [k, v] of latestTotals(snaps.slice(from, to))) prevTotals.set(k, Math.max(prevTotals.get(k) ?? 0, v));
  };
  while (si < snaps.length && snaps[si]!.at < next) si++;
  fold(0, si);
  for (let s = next; s < lastEnd; s += W) {
    // Posts and snapshots are sorted by time: hand each window only its own slice (plus earlier snapshots).
    const p0 = pi;
    const s0 = si;
    while (pi < posts.length && posts[pi]!.createdAt < s + W) pi++;
    while (si < snaps.length && snaps[si]!.at < s + W) si++;
    const w: SpreadWindow = computeSpreadWindow(brand.id, s, s + W, posts.slice(p0, pi), snaps.slice(s0, si), prevTotals, isComplete(s, s + W));
    fold(s0, si);
    const step = stepDetector(state, { start: s, value: w.negPosts, complete: w.complete, signals: { negEngagementPerMin: w.negEngagementPerMin, reach: w.reach } }, cfg);
    state = step.state;
    pending.push({ window: w, decision: step.decision });
    outcome.windows++;
    if (step.decision.action !== 'none') {
      outcome.decisions.push({ start: s, decision: step.decision });
      await applyDecision(deps, brand, pending, state, s + W, now);
      pending = [];
    }
  }
  await saveJudgedWindows(deps.db, brand.id, pending, state, lastEnd);
  return outcome;
}
