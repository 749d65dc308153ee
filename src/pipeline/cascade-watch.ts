/**
 * The single-post early warning, run in every cycle for each brand after its windows are judged: the brand's most
 * reposted negative posts of the last 6 h are forecast (SEISMIC); one predicted to outgrow the brand's usual reach
 * opens a 'cascade' incident with an 'early-warning' alert, before the count of negative posts has broken away.
 * - While any incident about the brand's posts is open, a further such post is only noted on its timeline, once.
 * - A 'cascade' incident resolves itself when its post stops spreading (no repost for an hour). If the detector
 *   opens meanwhile, the incident becomes a spread incident (apply-decision) and the detector owns it.
 * - Each post is warned about at most once.
 */
import { buildGuidance, choosePlaybook } from '../core/playbook/index.js';
import { cascadeSettled, earlyWarning, forecastSentence, MIN_OBSERVED, usualReach, type EarlyWarning } from '../core/cascade/early-warning.js';
import { roughCount } from '../core/cascade/index.js';
import type { Alert, Incident } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import { atomically } from '../db/atomic.js';
import { insertEvent, insertIncident, openPostIncident, postWarnedBefore, transition } from '../db/queries/incidents.js';
import { forecastPost, forecastTopPosts, pastPeaks, type PostForecast } from './cascades.js';
import { chartFor, keyPosts } from './alert-context.js';
import { alertLinks } from './alert-links.js';
import { routeAlert } from './route-alert.js';
import { brandPlaybooks, guidanceFacts } from './guidance-facts.js';
import type { Deps } from './deps.js';

const HOUR = 3600_000;
/** Posts younger than this are candidates; older ones have shown what they are. */
const YOUNG_MS = 6 * HOUR;
/** The usual reach is learned from this much history, ending where the candidates begin. */
const HISTORY_MS = 30 * 24 * HOUR;

export interface CascadeWatchOutcome {
  brandId: string;
  opened: string | null;
  noted: number;
  resolved: string | null;
}

/** One cycle of the early warning for one brand. */
export async function watchCascades(deps: Deps, brand: Brand, now: number): Promise<CascadeWatchOutcome> {
  const out: CascadeWatchOutcome = { brandId: brand.id, opened: null, noted: 0, resolved: null };
  const open = await openPostIncident(deps.db, brand.id);
  if (open?.kind === 'cascade' && open.postId !== null) {
    const f = await forecastPost(deps.db, brand.id, open.postId, now);
    const s = cascadeSettled(f?.lastReshareAt ?? null, f?.postedAt ?? open.incident.openedAt, now);
    if (s.settled) {
      const message = `Auto-resolved: ${s.reason}${f ? ` (${f.observed.toLocaleString('en-US')} reposts in all)` : ''}.`;
      const done = await transition(deps.db, { id: open.incident.id, from: open.incident.state, to: 'resolved', patch: { resolved_at: now, reason: s.reason }, event: { incidentId: open.incident.id, at: now, type: 'auto-resolved', actor: null, message } });
      if (done) out.resolved = open.incident.id;
      return out;
    }
  }
  // Most cycles no post is growing at all: only then read 30 days of history and the incidents' records.
  const growing = (await forecastTopPosts(deps.db, brand.id, now - YOUNG_MS, now, 3)).filter((f) => f.accelerating && f.observed >= MIN_OBSERVED);
  if (growing.length === 0) return out;
  const usual = usualReach(await pastPeaks(deps.db, brand.id, now - YOUNG_MS - HISTORY_MS, now - YOUNG_MS), brand.usualReach);
  const fresh: PostForecast[] = [];
  for (const f of growing) if (f.postId !== open?.postId && !(await postWarnedBefore(deps.db, f.postId)) && !(await notedBefore(deps, open?.incident.id, f.postId))) fresh.push(f);
  const warning = earlyWarning(fresh.map((f) => ({ postId: f.postId, author: f.author, forecast: f })), usual);
  if (!warning) return out;
  const f = warning.post.forecast;
  if (open) {
    await insertEvent(deps.db, { incidentId: open.incident.id, at: now, type: 'forecast', actor: null, message: `Another post is set to outgrow the usual reach (~${roughCount(usual.reposts)} reposts): ${warning.reason}`, data: forecastData(f) });
    out.noted++;
    return out;
  }
  out.opened = await openEarlyWarning(deps, brand, warning, f, usual.reposts, now);
  return out;
}

/** A forecast as a timeline event's data; `postId` is what notedBefore looks for. */
function forecastData(f: PostForecast): Record<string, unknown> {
  return { kind: 'cascade-forecast', postId: f.postId, predictedFinal: Number.isFinite(f.predictedFinal) ? f.predictedFinal : null, observed: f.observed, basis: f.basis };
}

/** Whether a post was already noted on the open incident's timeline as set to outgrow the usual reach. */
async function notedBefore(deps: Deps, incidentId: string | undefined, postId: number): Promise<boolean> {
  if (!incidentId) return false;
  const rows = await deps.db.selectFrom('incident_events').select('data').where('incident_id', '=', incidentId).where('type', '=', 'forecast').execute();
  return rows.some((r) => r.data !== null && (JSON.parse(r.data) as { postId?: number }).postId === postId);
}

async function openEarlyWarning(deps: Deps, brand: Brand, w: EarlyWarning, f: PostForecast, usual: number, now: number): Promise<string> {
  const key = await keyPosts(deps, brand, now);
  const lead = key.posts.find((p) => p.author === f.author) ?? null;
  const topics = key.topics;
  const choice = choosePlaybook(brandPlaybooks(deps.config, brand), { topics, severity: w.severity, lang: brand.lang, platforms: key.platforms });
  const incident: Incident = {
    id: deps.newId(), brandId: brand.id, state: 'open', severity: w.severity, title: `${brand.name}: one negative post predicted to outgrow its usual reach`,
    openedAt: now, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: w.reason, topics, playbookId: choice?.playbook.id ?? null,
  };
  const pb = choice?.playbook ?? null;
  const guidance = pb ? buildGuidance(pb, guidanceFacts(brand, { topics, platforms: key.platforms, count: 1, now, targetMinutes: pb.responseTargetMinutes })) : null;
  const zh = brand.lang === 'zh';
  const followers = lead?.followers.toLocaleString('en-US');
  const who = !lead ? f.author : zh ? `${f.author}（${followers} 粉丝，${lead.platform}）` : `${f.author} (${followers} followers, ${lead.platform})`;
  const alertId = deps.newId();
  const alert: Alert = {
    id: alertId, incidentId: incident.id, kind: 'early-warning', brand: { id: brand.id, name: brand.name }, severity: w.severity, lang: brand.lang, createdAt: now,
    title: zh ? '单条负面帖预计超出常规传播范围' : 'one negative post predicted to outgrow usual reach',
    summary: zh
      ? `${who} 的一条负面帖：${forecastSentence(f, 'zh')}；该品牌负面帖通常不超过约 ${roughCount(usual)} 次转发。负面帖总数尚未偏离基线。`
      : `One negative post by ${who}: ${forecastSentence(f, 'en')}; this brand's negative posts usually stay under ~${roughCount(usual)} reposts. The count of negative posts has not broken away from its baseline yet.`,
    reason: w.reason,
    chart: await chartFor(deps, brand, [], now),
    // The post that drives it first, then the rest of the brand's most-spread negative posts.
    topPosts: lead ? [lead, ...key.posts.filter((p) => p !== lead)] : key.posts,
    guidance,
    ...(await alertLinks(deps, incident.id, alertId, now)),
  };
  let held = false;
  await atomically(deps.db, async (trx) => {
    await insertIncident(trx, incident, { incidentId: incident.id, at: now, type: 'opened', actor: null, message: `Opened (early warning): ${w.reason}`, data: { severity: w.severity, usualReach: usual, postId: f.postId } }, { kind: 'cascade', postId: f.postId });
    await insertEvent(trx, { incidentId: incident.id, at: now, type: 'forecast', actor: null, message: `Post by ${f.author}: ${f.sentence}`, data: forecastData(f) });
    if (choice) await insertEvent(trx, { incidentId: incident.id, at: now, type: 'note', actor: null, message: `Playbook: ${choice.playbook.title} — ${choice.reason}`, data: { kind: 'playbook-chosen', playbookId: choice.playbook.id } });
    if (lead) await insertEvent(trx, { incidentId: incident.id, at: now, type: 'key-post', actor: null, message: `${lead.author} (${lead.followers.toLocaleString('en-US')} followers) on ${lead.platform}: ${lead.text.slice(0, 280)}`, data: { url: lead.url, engagement: lead.engagement } });
    const routed = await routeAlert(deps, trx, alert, topics, now);
    held = routed.held;
    await insertEvent(trx, { incidentId: incident.id, at: now, type: 'alert-queued', actor: null, message: `Alert queued (early-warning) to ${routed.description}: ${alert.summary}`, data: { alertId } });
  });
  if (held) deps.log(`EARLY WARNING [${alert.severity}] ${brand.name}: ${alert.summary}\n  acknowledge: ${alert.ackUrl}`);
  return incident.id;
}
