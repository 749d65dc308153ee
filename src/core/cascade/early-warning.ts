/**
 * The single-post early warning: one negative post whose SEISMIC forecast says it will outgrow what this brand's
 * negative posts usually reach, seen before the count of negative posts has broken away from its baseline.
 */
import { quantile } from 'simple-statistics';
import { outgrowsUsualReach, roughCount, type CascadeForecast } from './forecast.js';
import type { Severity } from '../types.js';

/** With fewer past negative posts than this, the brand's own history says too little: use the default. */
export const MIN_HISTORY = 30;
/** Usual reach when the brand has too little history (reposts+quotes of one negative post). */
export const DEFAULT_USUAL_REACH = 200;
/** Never below this, however quiet the brand: a post reposted 50 times is not yet a story on its own. */
export const USUAL_REACH_FLOOR = 50;
/** No post is warned about before this many reposts, whatever its forecast (outgrowsUsualReach's floor). */
export const MIN_OBSERVED = 20;
/** A post stops being watched when no repost has arrived for this long. */
export const SETTLED_AFTER_MS = 60 * 60_000;

export interface UsualReach {
  reposts: number;
  basis: 'configured' | 'history' | 'default';
  /** "99th percentile of its 412 negative posts in the last 30 days". */
  why: string;
}

/** The brand's usual reach: configured, else the 99th percentile of its past negative posts' reposts+quotes. */
export function usualReach(pastPeaks: readonly number[], configured: number | null): UsualReach {
  if (configured !== null) return { reposts: configured, basis: 'configured', why: 'set in the brand file' };
  if (pastPeaks.length < MIN_HISTORY) {
    return { reposts: DEFAULT_USUAL_REACH, basis: 'default', why: `default; only ${pastPeaks.length} past negative posts to learn from` };
  }
  const p99 = quantile([...pastPeaks], 0.99);
  return { reposts: Math.max(USUAL_REACH_FLOOR, Math.ceil(p99)), basis: 'history', why: `99th percentile of its ${pastPeaks.length} negative posts in the last 30 days` };
}

export interface WatchedPost {
  postId: number;
  author: string;
  forecast: CascadeForecast;
}

export interface EarlyWarning<P extends WatchedPost = WatchedPost> {
  post: P;
  severity: Severity;
  reason: string;
}

/** How far past the usual reach a forecast goes; supercritical counts as unbounded. */
const excess = (f: CascadeForecast, usual: number) => (f.supercritical ? Infinity : f.predictedFinal / usual);

/**
 * The post to warn about, if any: the one predicted to go furthest past the usual reach, while still growing.
 * Critical when it is supercritical or predicted to pass ten times the usual reach.
 */
export function earlyWarning<P extends WatchedPost>(posts: readonly P[], usual: UsualReach): EarlyWarning<P> | null {
  const over = posts.filter((p) => p.forecast.accelerating && outgrowsUsualReach(p.forecast, usual.reposts, MIN_OBSERVED));
  if (over.length === 0) return null;
  const post = over.reduce((a, b) => (excess(b.forecast, usual.reposts) > excess(a.forecast, usual.reposts) ? b : a));
  const severity: Severity = excess(post.forecast, usual.reposts) >= 10 ? 'critical' : 'warning';
  const reason = `one negative post by ${post.author}: ${post.forecast.sentence}; this brand's negative posts usually stay under ~${roughCount(usual.reposts)} reposts (${usual.why})`;
  return { post, severity, reason };
}

/** The forecast in the brand's language, for alerts: "预计转发约 8,800 次（目前 42 次）；仍在加速". */
export function forecastSentence(f: CascadeForecast, lang: 'zh' | 'en'): string {
  if (lang === 'en') return f.sentence;
  const trend = f.accelerating ? '仍在加速' : '正在放缓';
  return f.supercritical
    ? `目前已转发 ${f.observed} 次，每次转发带来不止一次新转发（p̂·n* = ${(f.infectiousness * 100).toFixed(2)}），最终规模暂无法预测；${trend}`
    : `预计转发约 ${roughCount(f.predictedFinal)} 次（目前 ${f.observed} 次）；${trend}`;
}

/** Whether a watched post has stopped spreading: no repost for an hour (or none at all after an hour). */
export function cascadeSettled(lastReshareAt: number | null, postedAt: number, now: number): { settled: boolean; reason: string } {
  const last = lastReshareAt ?? postedAt;
  const quietMin = Math.round((now - last) / 60_000);
  return now - last >= SETTLED_AFTER_MS
    ? { settled: true, reason: `the post has stopped spreading: no new repost for ${quietMin} min` }
    : { settled: false, reason: `last repost ${quietMin} min ago` };
}
