/**
 * Inorganic amplification: does a spread look bought? Three signals over one incident's reposts: the share from new
 * or low-follower accounts, the share of copy-pasted text, and the share arriving in synchronised bursts.
 */
import { normaliseRepostText } from './normalise-text.js';

export interface Repost {
  authorHandle: string;
  /** Null when the platform does not report followers (do not pass 0 for unknown: it would look like a bot). */
  authorFollowers: number | null;
  authorCreatedAt?: number | null;
  text: string;
  createdAt: number;
}

export interface InorganicThresholds {
  /** Below this many reposts nothing is concluded. */
  minReposts: number;
  newAccountDays: number;
  lowFollowers: number;
  /** Share of reposts (with known author data) from new or low-follower accounts. */
  lowQualityShare: number;
  /** A normalised text this long or longer counts; short cheers ("顶", "+1") are common organically. */
  minTextLength: number;
  duplicateMinCopies: number;
  duplicateShare: number;
  burstWindowSeconds: number;
  burstMinReposts: number;
  /** A window is a burst when it holds this many times the rate of the surrounding neighbourhood. */
  burstFactor: number;
  burstNeighbourhoodSeconds: number;
  burstShare: number;
  /** One signal at or above this share is enough on its own. */
  strongShare: number;
}

export const DEFAULT_THRESHOLDS: InorganicThresholds = {
  minReposts: 30,
  newAccountDays: 30,
  lowFollowers: 10,
  lowQualityShare: 0.5,
  minTextLength: 6,
  duplicateMinCopies: 3,
  duplicateShare: 0.3,
  burstWindowSeconds: 5,
  burstMinReposts: 10,
  burstFactor: 5,
  burstNeighbourhoodSeconds: 300,
  burstShare: 0.3,
  strongShare: 0.8,
};

export interface AmplificationAssessment {
  possiblyCoordinated: boolean;
  reposts: number;
  signals: {
    lowQualityShare: number | null;
    newAccountShare: number | null;
    lowFollowerShare: number | null;
    duplicateShare: number | null;
    topDuplicate: { sample: string; copies: number } | null;
    burstShare: number | null;
    largestBurst: { count: number; at: number } | null;
  };
  /** Which signals passed their threshold: 'low-quality-accounts', 'duplicate-text', 'synchronised-bursts'. */
  tripped: string[];
  /** Sentences a PR lead can check and forward to the platform. */
  evidence: string[];
  reason: string;
}

const DAY = 86_400_000;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

function accountSignals(reposts: Repost[], th: InorganicThresholds) {
  const known = reposts.filter((r) => r.authorFollowers !== null || r.authorCreatedAt != null);
  // Too little author data makes the share meaningless.
  if (known.length < Math.max(th.minReposts / 2, reposts.length / 2)) return null;
  const isNew = (r: Repost) => r.authorCreatedAt != null && r.createdAt - r.authorCreatedAt < th.newAccountDays * DAY;
  const isLow = (r: Repost) => r.authorFollowers !== null && r.authorFollowers < th.lowFollowers;
  return {
    known: known.length,
    newShare: known.filter(isNew).length / known.length,
    lowShare: known.filter(isLow).length / known.length,
    share: known.filter((r) => isNew(r) || isLow(r)).length / known.length,
  };
}

function duplicateSignal(reposts: Repost[], th: InorganicThresholds) {
  const texts = reposts.map((r) => normaliseRepostText(r.text)).filter((t) => t.length >= th.minTextLength);
  if (texts.length < th.minReposts / 3) return null;
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  let dup = 0;
  let top: [string, number] | null = null;
  for (const [t, c] of counts) {
    if (c >= th.duplicateMinCopies) dup += c;
    if (!top || c > top[1]) top = [t, c];
  }
  return { share: dup / texts.length, texts: texts.length, top: top && top[1] >= th.duplicateMinCopies ? { sample: top[0].slice(0, 40), copies: top[1] } : null };
}

/**
 * Bursts are judged against the local rate (the few minutes around each window), not the incident's average:
 * organic cascades are front-loaded, so only a spike far above its own neighbourhood looks synchronised.
 */
function burstSignal(reposts: Repost[], th: InorganicThresholds) {
  const ts = reposts.map((r) => r.createdAt).sort((a, b) => a - b);
  const w = th.burstWindowSeconds * 1000;
  const half = th.burstNeighbourhoodSeconds * 500;
  const inBurst = new Uint8Array(ts.length);
  let largest: { count: number; at: number } | null = null;
  for (let i = 0, j = 0, lo = 0, hi = 0; i < ts.length; i++) {
    while (j < ts.length && ts[j]! < ts[i]! + w) j++;
    while (ts[lo]! < ts[i]! - half) lo++;
    while (hi < ts.length && ts[hi]! < ts[i]! + w + half) hi++;
    const count = j - i;
    const localExpected = ((hi - lo) * w) / (w + 2 * half);
    if (count >= th.burstMinReposts && count >= th.burstFactor * localExpected) {
      inBurst.fill(1, i, j);
      if (!largest || count > largest.count) largest = { count, at: ts[i]! };
    }
  }
  return { share: inBurst.reduce((a, b) => a + b, 0) / ts.length, largest };
}

/** Assesses one incident's reposts; pure, deterministic, and explains every signal it uses. */
export function assessAmplification(reposts: Repost[], thresholds: Partial<InorganicThresholds> = {}): AmplificationAssessment {
  const th = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const n = reposts.length;
  const empty = { lowQualityShare: null, newAccountShare: null, lowFollowerShare: null, duplicateShare: null, topDuplicate: null, burstShare: null, largestBurst: null };
  if (n < th.minReposts) {
    return { possiblyCoordinated: false, reposts: n, signals: empty, tripped: [], evidence: [], reason: `too few reposts to judge (${n} < ${th.minReposts})` };
  }
  const acc = accountSignals(reposts, th);
  const dup = duplicateSignal(reposts, th);
  const burst = burstSignal(reposts, th);
  const tripped: string[] = [];
  const evidence: string[] = [];
  let strong = false;
  if (acc && acc.share >= th.lowQualityShare) {
    tripped.push('low-quality-accounts');
    strong ||= acc.share >= th.strongShare;
    evidence.push(`${pct(acc.share)} of ${acc.known} reposts with known authors came from accounts under ${th.newAccountDays} days old (${pct(acc.newShare)}) or with fewer than ${th.lowFollowers} followers (${pct(acc.lowShare)}).`);
  }
  if (dup && dup.share >= th.duplicateShare) {
    tripped.push('duplicate-text');
    strong ||= dup.share >= th.strongShare;
    const top = dup.top ? ` The most repeated text appears ${dup.top.copies} times ("${dup.top.sample}…").` : '';
    evidence.push(`${pct(dup.share)} of ${dup.texts} reposts with their own words repeat a text posted at least ${th.duplicateMinCopies} times.${top}`);
  }
  if (burst.share >= th.burstShare && burst.largest) {
    tripped.push('synchronised-bursts');
    strong ||= burst.share >= th.strongShare;
    evidence.push(`${pct(burst.share)} of ${n} reposts arrived in synchronised bursts; the largest was ${burst.largest.count} reposts within ${th.burstWindowSeconds} s at ${iso(burst.largest.at)}.`);
  }
  const possiblyCoordinated = tripped.length >= 2 || strong;
  const reason = possiblyCoordinated
    ? `possibly coordinated: ${tripped.join(', ')} over ${n} reposts; document the accounts and report them to the platform`
    : tripped.length
      ? `one signal (${tripped[0]}) over ${n} reposts is not enough to call it coordinated`
      : `no sign of coordination over ${n} reposts`;
  return {
    possiblyCoordinated,
    reposts: n,
    signals: {
      lowQualityShare: acc?.share ?? null,
      newAccountShare: acc?.newShare ?? null,
      lowFollowerShare: acc?.lowShare ?? null,
      duplicateShare: dup?.share ?? null,
      topDuplicate: dup?.top ?? null,
      burstShare: burst.share,
      largestBurst: burst.largest,
    },
    tripped,
    evidence,
    reason,
  };
}
