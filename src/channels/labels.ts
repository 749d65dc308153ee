/** The fixed words of every alert, in Chinese and English. Channels pick by `alert.lang`. */
import type { AlertKind, Severity } from '../core/types.js';

export interface Labels {
  severity: Record<Severity, string>;
  kind: Record<AlertKind, string>;
  numbers: string;
  why: string;
  chart: string;
  chartCaption: (observed: string, expected: string, lo: string, hi: string) => string;
  topPosts: string;
  followers: string;
  negativity: string;
  engagement: string;
  guidance: string;
  respondWithin: (minutes: number) => string;
  loopIn: string;
  firstActions: string;
  doNot: string;
  holdingStatement: string;
  draftNote: string;
  ack: string;
  ackNote: string;
  incident: string;
  continued: (part: number, total: number) => string;
  truncated: string;
}

const en: Labels = {
  severity: { warning: 'Warning', critical: 'Critical' },
  kind: { opened: 'New incident', 'early-warning': 'Early warning', escalated: 'Escalated', reminder: 'Reminder', 'response-overdue': 'Response overdue', 'source-degraded': 'Source degraded' },
  numbers: 'Numbers',
  why: 'Why',
  chart: 'Spread vs baseline',
  chartCaption: (o, e, lo, hi) => `latest ${o} vs expected ${e} (normal band ${lo}–${hi})`,
  topPosts: 'Top posts',
  followers: 'followers',
  negativity: 'negativity',
  engagement: 'engagement',
  guidance: 'Playbook',
  respondWithin: (m) => `respond within ${m} min`,
  loopIn: 'Loop in',
  firstActions: 'First actions',
  doNot: 'Do not',
  holdingStatement: 'Holding statement (draft)',
  draftNote: 'A draft: edit and approve before posting.',
  ack: 'Acknowledge',
  ackNote: 'Opens a confirmation page; nothing changes until you press the button there.',
  incident: 'Open incident',
  continued: (p, t) => `(part ${p}/${t})`,
  truncated: '… (truncated, see the incident page)',
};

const zh: Labels = {
  severity: { warning: '预警', critical: '严重' },
  kind: { opened: '新事件', 'early-warning': '预警', escalated: '已升级', reminder: '提醒', 'response-overdue': '响应超时', 'source-degraded': '数据源异常' },
  numbers: '数据',
  why: '原因',
  chart: '传播量与基线',
  chartCaption: (o, e, lo, hi) => `最新 ${o}，预期 ${e}（正常区间 ${lo}–${hi}）`,
  topPosts: '重点帖子',
  followers: '粉丝',
  negativity: '负面度',
  engagement: '互动',
  guidance: '处置预案',
  respondWithin: (m) => `${m} 分钟内响应`,
  loopIn: '需通知',
  firstActions: '首要行动',
  doNot: '切勿',
  holdingStatement: '临时声明（草稿）',
  draftNote: '草稿：发布前请修改并审批。',
  ack: '确认接手',
  ackNote: '打开确认页面；在页面上点击按钮之前不会有任何改变。',
  incident: '查看事件',
  continued: (p, t) => `（第 ${p}/${t} 部分）`,
  truncated: '……（内容过长已截断，请查看事件页面）',
};

/** Labels for a language. */
export function labelsFor(lang: 'zh' | 'en'): Labels {
  return lang === 'zh' ? zh : en;
}
