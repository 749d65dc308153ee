/**
 * Inorganic amplification, run in every cycle for each open incident not yet judged coordinated: the reposts and
 * quotes of the incident's negative posts, and the brand's negative posts, since shortly before it opened are
 * assessed; when they look coordinated the incident is marked with the evidence and the inorganic playbook is
 * offered, once (a compare-and-set on `coordinated_at`).
 */
import { atomically } from '../db/atomic.js';
import { assessAmplification, type AmplificationAssessment, type Repost } from '../core/inorganic/index.js';
import { buildGuidance, choosePlaybook, type PlaybookChoice } from '../core/playbook/index.js';
import type { Severity } from '../core/types.js';
import type { Brand } from '../config/brand.js';
import { insertEvent } from '../db/queries/incidents.js';
import { amplificationPosts, markCoordinated, negativeParents, trackedIncidents } from '../db/queries/responses.js';
import type { Deps } from './deps.js';
import { brandPlaybooks, guidanceFacts } from './guidance-facts.js';

/** The burst that opened an incident began before the window that detected it. */
const LOOKBACK_MS = 60 * 60_000;

/**
 * Platforms whose posts arrive without follower counts, so a 0 means "unknown", not "no followers" (a bot sign).
 * Bluesky search results carry none; the source fills them from profiles when it can, and a leftover 0 is ambiguous.
 */
export const FOLLOWERS_UNREPORTED: ReadonlySet<string> = new Set(['hackernews', 'reddit', 'rss', 'bluesky', 'unknown']);

/** Share of known authors below which the accounts count as established. */
const ESTABLISHED_SHARE = 0.2;

type Candidate = Awaited<ReturnType<typeof amplificationPosts>>[number];

const isNegative = (p: Candidate) => (p.corrected_negative ?? p.negative) === 1;
const isSpread = (p: Candidate) => p.kind === 'repost' || p.kind === 'quote';

/** A stored post as the assessment sees it, with follower counts the platform never reported made unknown. */
export function toRepost(p: Pick<Candidate, 'platform' | 'author_handle' | 'author_followers' | 'author_created_at' | 'text' | 'created_at'>): Repost {
  const unknown = p.author_followers === 0 && FOLLOWERS_UNREPORTED.has(p.platform.toLowerCase());
  return { authorHandle: p.author_handle, authorFollowers: unknown ? null : p.author_followers, authorCreatedAt: p.author_created_at, text: p.text, createdAt: p.created_at };
}

/**
 * The core lets one overwhelming signal decide. In the pipeline a lone signal is not enough when the authors we can
 * see are established accounts: real people copy a slogan word for word (带话题转发, "repost if you agree").
 */
export function coordinatedVerdict(a: AmplificationAssessment): { coordinated: boolean; reason: string } {
  if (!a.possiblyCoordinated) return { coordinated: false, reason: a.reason };
  const established = a.signals.lowQualityShare !== null && a.signals.lowQualityShare < ESTABLISHED_SHARE;
  if (a.tripped.length === 1 && established) {
    return { coordinated: false, reason: `one signal (${a.tripped[0]}) over ${a.reposts} posts, but ${Math.round(a.signals.lowQualityShare! * 100)}% of known authors are new or low-follower accounts: reads as real people repeating a slogan` };
  }
  return { coordinated: true, reason: a.reason };
}

/** The posts of one incident to assess: its negative posts and the reposts/quotes of negative posts. */
async function incidentSpread(deps: Deps, brandId: string, from: number, to: number): Promise<Candidate[]> {
  const rows = await amplificationPosts(deps.db, brandId, from, to);
  const key = (platform: string, id: string) => `${platform}\u0000${id}`;
  const negative = new Set(rows.filter(isNegative).map((p) => key(p.platform, p.external_id)));
  const missing = new Map<string, Set<string>>();
  for (const p of rows) {
    if (isSpread(p) && p.parent_external_id && !negative.has(key(p.platform, p.parent_external_id))) {
      missing.set(p.platform, (missing.get(p.platform) ?? new Set()).add(p.parent_external_id));
    }
  }
  // A parent older than the look-back (the complaint that started it all) is looked up once, per platform.
  for (const [platform, ids] of missing) for (const id of await negativeParents(deps.db, brandId, platform, [...ids])) negative.add(key(platform, id));
  return rows.filter((p) => isNegative(p) || (isSpread(p) && p.parent_external_id != null && negative.has(key(p.platform, p.parent_external_id))));
}

export interface AmplificationOutcome {
  brandId: string;
  assessed: number;
  marked: number;
}

/** Assesses each open incident of the brand that is not yet marked, and marks the ones that look coordinated. */
export async function watchAmplification(deps: Deps, brand: Brand, now: number): Promise<AmplificationOutcome> {
  const out: AmplificationOutcome = { brandId: brand.id, assessed: 0, marked: 0 };
  const incidents = (await trackedIncidents(deps.db, brand.id, Number.MAX_SAFE_INTEGER)).filter((i) => i.state !== 'resolved' && i.coordinated_at == null);
  for (const inc of incidents) {
    const posts = await incidentSpread(deps, brand.id, inc.opened_at - LOOKBACK_MS, now + 1);
    const a = assessAmplification(posts.map(toRepost));
    out.assessed++;
    const v = coordinatedVerdict(a);
    if (!v.coordinated) continue;
    const platforms = [...new Set(posts.map((p) => p.platform))];
    const offered: PlaybookChoice | null =
      choosePlaybook(brandPlaybooks(deps.config, brand).filter((p) => p.match.topics.includes('inorganic')), { topics: ['inorganic'], severity: inc.severity as Severity, lang: brand.lang, platforms, inorganic: true });
    const pb = offered && offered.playbook.id !== inc.playbook_id ? offered.playbook : null;
    const topics = JSON.parse(inc.topics) as string[];
    const guidance = pb ? buildGuidance(pb, guidanceFacts(brand, { topics, platforms, count: posts.length, now, targetMinutes: pb.responseTargetMinutes })) : null;
    const coordination = { at: now, reason: v.reason, tripped: a.tripped, evidence: a.evidence, signals: a.signals, posts: a.reposts, offeredPlaybookId: pb?.id ?? null, offerReason: pb ? offered!.reason : null };
    const marked = await atomically(deps.db, async (trx) => {
      if (!(await markCoordinated(trx, inc.id, now, coordination))) return false;
      await insertEvent(trx, { incidentId: inc.id, at: now, type: 'note', actor: null, message: `Possibly coordinated: ${v.reason}. ${a.evidence.join(' ')}`, data: { kind: 'possibly-coordinated', ...coordination } });
      if (pb && guidance) {
        await insertEvent(trx, { incidentId: inc.id, at: now, type: 'note', actor: null, message: `Playbook offered: ${pb.title} (respond within ${pb.responseTargetMinutes} min). ${guidance.firstActions[0] ?? ''}`, data: { kind: 'playbook-offered', playbookId: pb.id, reason: offered!.reason, guidance } });
      }
      return true;
    });
    if (marked) out.marked++;
  }
  return out;
}
