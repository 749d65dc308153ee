/** Slack incoming webhook with Block Kit. Incoming webhooks carry link buttons only, which suits the ack confirmation page. */
import type { Channel, OutboundPart } from './channel.js';
import { alertView, type AlertView } from './alert-view.js';
import { inertSlack as s, clip } from './neutralise.js';
import { urlSecrets, webhookUrlField } from './config-fields.js';
import { postJsonParts } from './outcome.js';

export interface SlackConfig {
  url: string;
}

type Block = Record<string, unknown>;

/** Slack: at most 50 blocks a message, 3,000 characters a section text, 150 a header. */
const MAX_BLOCKS = 50;
const SECTION_CHARS = 3000;

const mrkdwn = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_CHARS) } });
/** Slack's <url|label> syntax breaks on '|' and '>' in the URL; those are percent-encoded. */
const link = (url: string, label: string) => `<${url.replace(/[|<>]/g, encodeURIComponent)}|${label}>`;

function bodyBlocks(v: AlertView): Block[] {
  const L = v.labels;
  const b: Block[] = [mrkdwn(`*${L.numbers}*: ${s(v.summary)}\n*${L.why}*: ${s(v.reason)}`)];
  if (v.chartCaption) b.push(mrkdwn(`*${L.chart}*: \`${v.sparkline}\`\n${s(v.chartCaption)}`));
  if (v.posts.length) b.push({ type: 'divider' }, mrkdwn(`*${L.topPosts}*`));
  for (const p of v.posts) {
    b.push(mrkdwn(`*${s(p.author)}*: ${s(p.text)}`));
    b.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`${s(p.meta)}${p.url ? ` · ${link(p.url, '↗')}` : ''}`, SECTION_CHARS) }] });
  }
  const g = v.guidance;
  if (g) {
    b.push({ type: 'divider' }, mrkdwn(`*${L.guidance}: ${s(g.title)}* (${s(g.target)})${g.loopIn.length ? `\n${L.loopIn}: ${g.loopIn.map(s).join(', ')}` : ''}`));
    if (g.firstActions.length) b.push(mrkdwn(`*${L.firstActions}*\n${g.firstActions.map((a, i) => `${i + 1}. ${s(a)}`).join('\n')}`));
    if (g.doNot.length) b.push(mrkdwn(`*${L.doNot}*\n${g.doNot.map((a) => `• ${s(a)}`).join('\n')}`));
    b.push(mrkdwn(`*${L.holdingStatement}*\n>${s(g.holding)}\n_${L.draftNote}_`));
  }
  return b;
}

function actionBlocks(v: AlertView): Block[] {
  return [
    { type: 'actions', elements: [
      { type: 'button', style: 'primary', text: { type: 'plain_text', text: v.labels.ack }, url: v.ackUrl },
      { type: 'button', text: { type: 'plain_text', text: v.labels.incident }, url: v.incidentUrl },
    ] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: v.labels.ackNote }] },
  ];
}

/** Splits blocks into messages of at most 50, each with the header and the ack buttons. */
function messages(v: AlertView): OutboundPart[] {
  const heading = clip(s(v.heading), 150);
  const tail = actionBlocks(v);
  const room = MAX_BLOCKS - 1 - tail.length;
  const body = bodyBlocks(v);
  const chunks: Block[][] = [];
  for (let i = 0; i < body.length; i += room) chunks.push(body.slice(i, i + room));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((c, i) => {
    const title = chunks.length > 1 ? clip(`${heading} ${v.labels.continued(i + 1, chunks.length)}`, 150) : heading;
    // `text` is the notification fallback and is parsed as mrkdwn, so it carries the escaped heading only.
    return { kind: 'json', body: { text: title, blocks: [{ type: 'header', text: { type: 'plain_text', text: title } }, ...c, ...tail] } };
  });
}

export const slack: Channel<SlackConfig> = {
  kind: 'slack',
  description: 'Slack incoming webhook (Block Kit; ack as a link button to the confirmation page)',
  configSchema: {
    url: { type: 'string', required: true, secret: true, description: 'incoming webhook URL https://hooks.slack.com/services/… (or url_env)' },
    allow_custom_host: { type: 'boolean', description: 'allow a host other than hooks.slack.com (proxies, tests)' },
  },
  parseConfig(raw, env) {
    return { url: webhookUrlField(raw, env, /^hooks\.slack\.com$/) };
  },
  render(alert) {
    return { parts: messages(alertView(alert)) };
  },
  async send(msg, cfg, io) {
    // Slack answers errors as text bodies with 4xx (invalid_payload, no_service, channel_is_archived): http.ts classifies them.
    return postJsonParts('slack', msg, io, slack.secrets(cfg), async (body) => ({ url: cfg.url, body }));
  },
  secrets(cfg) {
    return urlSecrets(cfg.url);
  },
};
