/** Builds the alert a channel renders: the numbers in words, the chart, the posts that drive it, the guidance. */
import type { Alert, AlertGuidance, AlertKind, AlertPost, ChartPoint, DetectorDecision, Incident, SpreadWindow } from './types.js';

export interface AlertInput {
  id: string;
  kind: AlertKind;
  incident: Incident;
  brand: { id: string; name: string; lang: 'zh' | 'en'; windowMinutes: number };
  window: SpreadWindow;
  decision: DetectorDecision;
  chart: ChartPoint[];
  topPosts: AlertPost[];
  guidance: AlertGuidance | null;
  ackUrl: string;
  incidentUrl: string;
  now: number;
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** "negative posts 23 in 5 min vs 1.2 expected; negative reposts+quotes+replies 48/min; audience 120,000". */
export function summarise(w: SpreadWindow, d: DetectorDecision, windowMinutes: number, lang: 'zh' | 'en'): string {
  const reach = Math.round(w.reach).toLocaleString('en-US');
  // Lead with the signal that fired: spread of a few posts (engagement) or many new posts.
  const engagementFirst = /engagement/.test(d.reason) && !/^negative posts/.test(d.reason);
  if (lang === 'zh') {
    const posts = `${windowMinutes} 分钟内负面帖 ${w.negPosts} 条（基线预期 ${fmt(d.expected)} 条）`;
    const eng = `负面帖转发+引用+回复 ${fmt(w.negEngagementPerMin)}/分钟`;
    return `${engagementFirst ? `${eng}；${posts}` : `${posts}；${eng}`}${w.reach > 0 ? `；触达 ${reach} 人` : ''}`;
  }
  const posts = `negative posts ${w.negPosts} in ${windowMinutes} min vs baseline ${fmt(d.expected)}`;
  const eng = `negative reposts+quotes+replies ${fmt(w.negEngagementPerMin)}/min`;
  // Reach is the followers of this window's new negative posts: none when the spread is all reposts of older ones.
  return `${engagementFirst ? `${eng}; ${posts}` : `${posts}; ${eng}`}${w.reach > 0 ? `; audience reached ${reach}` : ''}`;
}

const TITLES: Record<AlertKind, { en: string; zh: string }> = {
  opened: { en: 'negative spread breaking away from normal', zh: '负面传播明显偏离常态' },
  'early-warning': { en: 'one negative post predicted to outgrow usual reach', zh: '单条负面帖预计超出常规传播范围' },
  escalated: { en: 'negative spread still growing', zh: '负面传播仍在扩大' },
  reminder: { en: 'incident still unacknowledged', zh: '事件仍未确认' },
  'response-overdue': { en: 'no public response yet', zh: '尚未公开回应' },
  'source-degraded': { en: 'a source is failing', zh: '数据源异常' },
};

/** Assembles the alert payload. */
export function buildAlert(i: AlertInput): Alert {
  const lang = i.brand.lang;
  return {
    id: i.id,
    incidentId: i.incident.id,
    kind: i.kind,
    brand: { id: i.brand.id, name: i.brand.name },
    severity: i.incident.severity,
    lang,
    createdAt: i.now,
    // Channels prefix severity, kind and brand themselves; the title is what happened.
    title: TITLES[i.kind][lang],
    summary: summarise(i.window, i.decision, i.brand.windowMinutes, lang),
    reason: i.decision.reason,
    chart: i.chart,
    topPosts: i.topPosts,
    guidance: i.guidance,
    ackUrl: i.ackUrl,
    incidentUrl: i.incidentUrl,
  };
}

const TOPIC_WORDS: Record<string, { en: string; zh: string }> = {
  'safety-health': { en: 'the safety concern', zh: '安全问题' },
  'food-safety': { en: 'the food safety complaint', zh: '食品安全投诉' },
  'fraud-money': { en: 'the complaint about charges and money', zh: '扣费与退款投诉' },
  'privacy-data': { en: 'the privacy concern', zh: '隐私与数据问题' },
  'discrimination-conduct': { en: 'the complaint about how our staff treated a customer', zh: '员工对待顾客的问题' },
  'executive-conduct': { en: 'the remarks by one of our executives', zh: '我们高管的言论' },
  'product-defect': { en: 'the product fault', zh: '产品质量问题' },
  'service-failure': { en: 'the service failure', zh: '服务问题' },
  pricing: { en: 'the pricing complaint', zh: '价格投诉' },
};

const PLATFORM_ZH: Record<string, string> = { weibo: '微博', bluesky: 'Bluesky', mastodon: 'Mastodon', reddit: 'Reddit', x: 'X', hackernews: 'Hacker News' };

/**
 * Plain words for "what happened", for a public holding statement (never the detector's statistics):
 * "the food safety complaint shared on weibo" / "微博上的食品安全投诉".
 */
export function describeWhat(topics: string[], platforms: string[]): { en: string; zh: string } {
  const t = TOPIC_WORDS[topics[0] ?? ''] ?? { en: 'the complaint', zh: '顾客投诉' };
  const p = platforms[0];
  return { en: p ? `${t.en} shared on ${p === 'x' ? 'X' : p.charAt(0).toUpperCase() + p.slice(1)}` : t.en, zh: p ? `${PLATFORM_ZH[p] ?? p}上的${t.zh}` : t.zh };
}
