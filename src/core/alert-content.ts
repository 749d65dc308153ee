/** Builds the alert a channel renders: the numbers in words, the chart, the posts that drive it, the guidance. */
import type { Alert, AlertGuidance, AlertKind, AlertPost, ChartPoint, DetectorDecision, Incident, Severity, SpreadWindow } from './types.js';

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
  if (lang === 'zh') {
    return `${windowMinutes} 分钟内负面帖 ${w.negPosts} 条（基线预期 ${fmt(d.expected)} 条）；负面帖转发+引用+回复 ${fmt(w.negEngagementPerMin)}/分钟；触达 ${fmt(w.reach)} 人`;
  }
  return `negative posts ${w.negPosts} in ${windowMinutes} min vs baseline ${fmt(d.expected)}; negative reposts+quotes+replies ${fmt(w.negEngagementPerMin)}/min; audience reached ${fmt(w.reach)}`;
}

const TITLES: Record<AlertKind, { en: string; zh: string }> = {
  opened: { en: 'negative spread breaking away from normal', zh: '负面传播明显偏离常态' },
  escalated: { en: 'negative spread still growing', zh: '负面传播仍在扩大' },
  reminder: { en: 'incident still unacknowledged', zh: '事件仍未确认' },
  'response-overdue': { en: 'no public response yet', zh: '尚未公开回应' },
  'source-degraded': { en: 'a source is failing', zh: '数据源异常' },
};

const SEV: Record<Severity, { en: string; zh: string }> = { warning: { en: 'WARNING', zh: '警告' }, critical: { en: 'CRITICAL', zh: '严重' } };

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
    title: `[${SEV[i.incident.severity][lang]}] ${i.brand.name}: ${TITLES[i.kind][lang]}`,
    summary: summarise(i.window, i.decision, i.brand.windowMinutes, lang),
    reason: i.decision.reason,
    chart: i.chart,
    topPosts: i.topPosts,
    guidance: i.guidance,
    ackUrl: i.ackUrl,
    incidentUrl: i.incidentUrl,
  };
}
