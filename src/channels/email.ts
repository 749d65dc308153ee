/** Email: HTML and plain text, the spread chart as an inline PNG (cid), sent through the injected mailer. */
import type { Channel } from './channel.js';
import type { Alert } from '../core/types.js';
import { alertView, type AlertView } from './alert-view.js';
import { renderMailHtml, CHART_CID } from './email-html.js';
import { clip, inertPlain as p, oneLine } from './neutralise.js';
import { stringField, stringListField } from './config-fields.js';
import { failure } from './outcome.js';
import { chartPng } from '../lib/png.js';
import { ConfigError } from '../core/errors.js';

export interface EmailConfig {
  from: string;
  to: string[];
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** Plain-text alternative: links stay as bare URLs (only ours), post text is defanged. */
export function mailText(v: AlertView): string {
  const L = v.labels;
  const lines = [v.heading, '', `${L.numbers}: ${p(v.summary)}`, `${L.why}: ${p(v.reason)}`, '', `${L.ack}: ${v.ackUrl}`, `(${L.ackNote})`, `${L.incident}: ${v.incidentUrl}`];
  if (v.chartCaption) lines.push('', `${L.chart}: ${v.sparkline}`, p(v.chartCaption));
  if (v.posts.length) lines.push('', `${L.topPosts}:`, ...v.posts.flatMap((x, i) => [`${i + 1}. ${p(x.author)}: ${p(x.text)}`, `   ${p(x.meta)}${x.url ? ` ${x.url}` : ''}`]));
  const g = v.guidance;
  if (g) {
    lines.push('', `${L.guidance}: ${p(g.title)} (${g.target})`);
    if (g.loopIn.length) lines.push(`${L.loopIn}: ${g.loopIn.map(p).join(', ')}`);
    if (g.firstActions.length) lines.push(`${L.firstActions}:`, ...g.firstActions.map((a, i) => `  ${i + 1}. ${p(a)}`));
    if (g.doNot.length) lines.push(`${L.doNot}:`, ...g.doNot.map((a) => `  - ${p(a)}`));
    lines.push('', `${L.holdingStatement}:`, `  ${p(g.holding)}`, `  (${L.draftNote})`);
  }
  return lines.join('\n') + '\n';
}

function renderEmail(alert: Alert) {
  const v = alertView(alert);
  const hasChart = alert.chart.length > 0;
  return {
    kind: 'email' as const,
    subject: clip(oneLine(v.heading), 150),
    text: mailText(v),
    html: renderMailHtml(v, alert.lang, alert.severity === 'critical', hasChart),
    attachments: hasChart ? [{ filename: 'spread.png', cid: CHART_CID, contentType: 'image/png', content: chartPng(alert.chart) }] : [],
  };
}

export const email: Channel<EmailConfig> = {
  kind: 'email',
  description: 'Email through the configured SMTP (or HTTP mail API) transport: HTML + text + inline PNG chart',
  configSchema: {
    from: { type: 'string', required: true, description: 'sender address' },
    to: { type: 'string[]', required: true, description: 'recipient addresses' },
  },
  parseConfig(raw) {
    const from = stringField(raw, 'from', true);
    const to = stringListField(raw, 'to', true);
    for (const [field, a] of [['from', from], ...to.map((x, i) => [`to[${i}]`, x])] as [string, string][]) {
      if (!ADDRESS.test(a)) throw new ConfigError('channel config', field, `not an email address: ${a.slice(0, 60)}`);
    }
    return { from, to };
  },
  render(alert) {
    return { parts: [renderEmail(alert)] };
  },
  async send(msg, cfg, io) {
    if (!io.mail) return { ok: false, permanent: true, reason: 'bad-config', detail: 'no mail transport configured' };
    const part = msg.parts[0];
    if (!part || part.kind !== 'email') return { ok: false, permanent: true, reason: 'bad-config', detail: 'email needs an email part' };
    try {
      return await io.mail({ from: cfg.from, to: cfg.to, subject: part.subject, text: part.text, html: part.html, attachments: part.attachments ?? [], idempotencyKey: io.idempotencyKey });
    } catch (e) {
      // A mailer is supposed to classify its own errors; an escape here is treated as transient so nothing is lost.
      return failure('network', false, `mailer threw: ${e instanceof Error ? e.message : String(e)}`, []);
    }
  },
  secrets() {
    return [];
  },
};
