/**
 * Benchmark of the single-post early warning on real cascades (`npm run bench:early-warning`): when would the live
 * rule (earlyWarning over a SEISMIC forecast, re-run every minute) warn about a post, and was the post then really
 * going to outgrow the usual reach? Compared in the same run with the obvious count rule "warn at half the usual
 * reach already reposted", and with the bare point forecast (supercritical, or predicted past the usual reach, from
 * 20 reposts on) that the live rule tightens with the forecast's lower bound. Reads ../shared/data/cascades (never copied into the repo).
 *
 * The 30 Weibo cascades (DeepHawkes format) carry no follower counts: every resharer is given the same audience
 * (`WEIBO_FOLLOWERS`), which is what the live pipeline does for platforms that only report counters.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { earlyWarning, usualReach } from '../../src/core/cascade/early-warning.js';
import { forecastCascade } from '../../src/core/cascade/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/cascades');
const WEIBO_FOLLOWERS = 200;
const HORIZON_S = 24 * 3600;
const STEP_S = 60;

interface Cascade { name: string; times: number[]; followers: number[]; final: number }

function weibo(): Cascade[] {
  const file = path.join(dir, 'weibo_cascades_sample.txt');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => {
    const [id, , , , ...paths] = line.split(/\s+/);
    const delays = paths.map((p) => Number(p.split(':')[1])).filter((d) => d > 0).sort((a, b) => a - b);
    return { name: `weibo ${id}`, times: delays, followers: delays.map(() => WEIBO_FOLLOWERS), final: delays.length };
  });
}

function twitter(): Cascade[] {
  const file = path.join(dir, 'twitter_cascade_127001313513967616.csv');
  if (!existsSync(file)) return [];
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const [root, ...rest] = rows;
  return [{ name: 'twitter 1270…967616', times: rest.map((r) => r[0]!), followers: [root![1]!, ...rest.map((r) => r[1]!)], final: rest.length }];
}

/** Minutes after posting when the live rule first warns (null = never within the horizon), and when the count rule does. */
function run(c: Cascade, usual: number): { warn: number | null; point: number | null; count: number | null; crossed: number | null; seconds: number; steps: number } {
  const author = c.followers.length > c.times.length ? c.followers[0]! : WEIBO_FOLLOWERS;
  const resharerFollowers = c.followers.length > c.times.length ? c.followers.slice(1) : c.followers;
  const u = usualReach([], usual);
  let warn: number | null = null;
  let point: number | null = null;
  let count: number | null = null;
  let steps = 0;
  const t0 = performance.now();
  for (let t = STEP_S; t <= HORIZON_S && (warn === null || point === null); t += STEP_S) {
    const seen = c.times.filter((x) => x <= t);
    if (seen.length === 0) continue;
    const f = forecastCascade({ postedAt: 0, authorFollowers: author, reshares: seen.map((x, i) => ({ at: x * 1000, followers: resharerFollowers[i]! })) }, t * 1000);
    steps++;
    if (warn === null && earlyWarning([{ postId: 1, author: c.name, forecast: f }], u)) warn = t / 60;
    if (point === null && f.accelerating && f.observed >= 20 && (f.supercritical || f.predictedFinal > usual)) point = t / 60;
  }
  const seconds = (performance.now() - t0) / 1000;
  const half = c.times[Math.ceil(usual / 2) - 1];
  if (half !== undefined) count = Math.ceil(half / STEP_S);
  const over = c.times[usual];
  return { warn, point, count, crossed: over === undefined ? null : over / 60, seconds, steps };
}

const cascades = [...twitter(), ...weibo()];
if (cascades.length === 0) {
  console.log('shared data not present: ../shared/data/cascades');
  process.exit(0);
}
const fmt = (m: number | null) => (m === null ? 'never' : m < 120 ? `${Math.round(m)} min` : `${(m / 60).toFixed(1)} h`);
for (const usual of [100, 200]) {
  console.log(`\nSingle-post early warning, usual reach ${usual} reposts (SEISMIC forecast re-run every minute for 24 h; n* = 100)`);
  console.log(`${'cascade'.padEnd(22)} ${'final'.padStart(6)}  ${'warned at'.padStart(10)}  ${`count ≥ ${usual / 2}`.padStart(12)}  ${`passed ${usual}`.padStart(11)}`);
  let tp = 0, fp = 0, fn = 0, countTp = 0, countFp = 0, pointTp = 0, pointFp = 0, secs = 0, steps = 0;
  const lead: number[] = [], countLead: number[] = [], pointLead: number[] = [];
  for (const c of cascades) {
    const r = run(c, usual);
    secs += r.seconds; steps += r.steps;
    const big = c.final > usual;
    if (big || r.warn !== null) console.log(`${c.name.padEnd(22)} ${String(c.final).padStart(6)}  ${fmt(r.warn).padStart(10)}  ${fmt(r.count).padStart(12)}  ${fmt(r.crossed).padStart(11)}`);
    if (big && r.warn !== null) { tp++; lead.push(r.crossed! - r.warn); } else if (big) fn++; else if (r.warn !== null) fp++;
    if (big && r.count !== null) { countTp++; countLead.push(r.crossed! - r.count); } else if (!big && r.count !== null) countFp++;
    if (big && r.point !== null) { pointTp++; pointLead.push(r.crossed! - r.point); } else if (!big && r.point !== null) pointFp++;
  }
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  const small = cascades.filter((c) => c.final <= usual).length;
  console.log(`forecast rule: warned ${tp} of ${tp + fn} posts that outgrew ${usual}, median ${fmt(median(lead))} before they passed it; false warnings ${fp} of ${small} that did not`);
  console.log(`point forecast: warned ${pointTp} of ${tp + fn}, median ${fmt(median(pointLead))} before they passed it; false warnings ${pointFp} of ${small}`);
  console.log(`count rule (≥ ${usual / 2} reposts): warned ${countTp} of ${tp + fn}, median ${fmt(median(countLead))} before they passed it; false warnings ${countFp} of ${small}`);
  console.log(`speed: ${Math.round(steps / secs).toLocaleString('en-US')} forecasts/s over ${steps.toLocaleString('en-US')} forecasts`);
}
