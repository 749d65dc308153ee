/** Microsoft Teams via a Workflows webhook: one Adaptive Card per part, link actions for ack and the incident page. */
import type { Channel, OutboundPart } from './channel.js';
import { alertView, type AlertView } from './alert-view.js';
import { inertMarkdown as m } from './neutralise.js';
import { urlSecrets, webhookUrlField } from './config-fields.js';
import { postJsonParts } from './outcome.js';
import { utf8Bytes } from './split.js';

export interface TeamsConfig {
  url: string;
}

type Item = Record<string, unknown>;

/** Teams rejects messages over about 28 KB; stay below it with room for the envelope. */
const CARD_LIMIT = 24_000;

const text = (t: string, extra: Item = {}): Item => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

function bodyItems(v: AlertView): Item[] {
  const L = v.labels;
  const items: Item[] = [{ type: 'FactSet', facts: [{ title: L.numbers, value: m(v.summary) }, { title: L.why, value: m(v.reason) }] }];
  if (v.chartCaption) items.push(text(`**${L.chart}**: ${v.sparkline}  \n${m(v.chartCaption)}`));
  if (v.posts.length) items.push(text(L.topPosts, { weight: 'Bolder', separator: true }));
  for (const p of v.posts) {
    items.push({ type: 'Container', items: [text(`**${m(p.author)}**: ${m(p.text)}`), text(m(p.meta), { isSubtle: true, size: 'Small', spacing: 'None' })], ...(p.url ? { selectAction: { type: 'Action.OpenUrl', url: p.url } } : {}) });
  }
  const g = v.guidance;
  if (g) {
    items.push(text(`**${L.guidance}: ${m(g.title)}** (${m(g.target)})`, { separator: true }));
    if (g.loopIn.length) items.push(text(`${L.loopIn}: ${g.loopIn.map(m).join(', ')}`));
    if (g.firstActions.length) items.push(text(`**${L.firstActions}**\n\n${g.firstActions.map((a, i) => `${i + 1}. ${m(a)}`).join('\n')}`));
    if (g.doNot.length) items.push(text(`**${L.doNot}**\n\n${g.doNot.map((a) => `- ${m(a)}`).join('\n')}`));
    items.push(text(`**${L.holdingStatement}**`), text(m(g.holding), { fontType: 'Monospace' }), text(L.draftNote, { isSubtle: true, size: 'Small' }));
  }
  return items;
}

function cardMessage(v: AlertView, title: string, items: Item[]): Item {
  const L = v.labels;
  const content = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [text(m(title), { size: 'Large', weight: 'Bolder', color: 'Attention' }), ...items, text(L.ackNote, { isSubtle: true, size: 'Small' })],
    actions: [{ type: 'Action.OpenUrl', title: L.ack, url: v.ackUrl, style: 'positive' }, { type: 'Action.OpenUrl', title: L.incident, url: v.incidentUrl }],
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] };
}

/** Packs body items into cards under the size limit. */
function cards(v: AlertView): OutboundPart[] {
  const groups: Item[][] = [[]];
  for (const it of bodyItems(v)) {
    const cur = groups[groups.length - 1]!;
    if (cur.length > 0 && utf8Bytes(JSON.stringify(cardMessage(v, v.heading, [...cur, it]))) > CARD_LIMIT) groups.push([it]);
    else cur.push(it);
  }
  return groups.map((g, i) => ({ kind: 'json', body: cardMessage(v, groups.length > 1 ? `${v.heading} ${v.labels.continued(i + 1, groups.length)}` : v.heading, g) }));
}

export const teams: Channel<TeamsConfig> = {
  kind: 'teams',
  description: 'Microsoft Teams Workflows webhook (Adaptive Card 1.4)',
  configSchema: {
    url: { type: 'string', required: true, secret: true, description: 'workflow HTTP trigger URL with its sig= token (or url_env)' },
    allow_custom_host: { type: 'boolean', description: 'allow a host outside logic.azure.com / powerplatform.com (proxies, tests)' },
  },
  parseConfig(raw, env) {
    return { url: webhookUrlField(raw, env, /(^|\.)(logic\.azure\.com|powerplatform\.com|webhook\.office\.com)$/) };
  },
  render(alert) {
    return { parts: cards(alertView(alert)) };
  },
  async send(msg, cfg, io) {
    return postJsonParts('teams', msg, io, teams.secrets(cfg), async (body) => ({ url: cfg.url, body }));
  },
  secrets(cfg) {
    return urlSecrets(cfg.url);
  },
};
