/**
 * A channel-neutral view of an alert: the words and numbers every channel shows, in the alert's language.
 * Strings here are still RAW (unescaped); each channel applies its own escaping when it renders.
 */
import type { Alert } from '../core/types.js';
import { labelsFor, type Labels } from './labels.js';
import { safeHttpUrl } from './neutralise.js';

export interface PostView {
  author: string;
  text: string;
  url: string | null;
  meta: string;
}

export interface AlertView {
  labels: Labels;
  heading: string;
  summary: string;
  reason: string;
  chartCaption: string | null;
  sparkline: string;
  posts: PostView[];
  guidance: null | { title: string; target: string; loopIn: string[]; firstActions: string[]; doNot: string[]; holding: string };
  ackUrl: string;
  incidentUrl: string;
}

const BARS = '▁▂▃▄▅▆▇█';

/** Formats a number for people: integers with separators, small values with up to two decimals. */
export function fmt(n: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(n)) return '–';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
}

/** A one-line unicode bar chart of the observed series (IM clients cannot show images from webhooks). */
export function sparkline(values: number[], width = 24): string {
  const v = values.slice(-width);
  if (v.length === 0) return '';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return v.map((x) => BARS[hi === lo ? 0 : Math.round(((x - lo) / (hi - lo)) * (BARS.length - 1))]).join('');
}

/** Builds the view of an alert in its language. */
export function alertView(alert: Alert): AlertView {
  const L = labelsFor(alert.lang);
  const last = alert.chart.at(-1);
  const g = alert.guidance;
  return {
    labels: L,
    heading: `[${L.severity[alert.severity]}] ${L.kind[alert.kind]} · ${alert.brand.name}: ${alert.title}`,
    summary: alert.summary,
    reason: alert.reason,
    chartCaption: last ? L.chartCaption(fmt(last.observed, alert.lang), fmt(last.expected, alert.lang), fmt(last.lo, alert.lang), fmt(last.hi, alert.lang)) : null,
    sparkline: sparkline(alert.chart.map((p) => p.observed)),
    posts: alert.topPosts.map((p) => ({
      author: p.author,
      text: p.text,
      url: safeHttpUrl(p.url),
      meta: [p.platform, `${fmt(p.followers, alert.lang)} ${L.followers}`, `${L.negativity} ${fmt(p.negativity, alert.lang)}`, `${L.engagement} ${fmt(p.engagement, alert.lang)}`].join(' · '),
    })),
    guidance: g && {
      title: g.title,
      target: L.respondWithin(g.responseTargetMinutes),
      loopIn: g.loopIn,
      firstActions: g.firstActions,
      doNot: g.doNot,
      holding: alert.lang === 'zh' ? g.holdingStatement.zh : g.holdingStatement.en,
    },
    ackUrl: alert.ackUrl,
    incidentUrl: alert.incidentUrl,
  };
}
