/** Feishu / Lark custom bot: rich-text `post` messages, optional signature, `code` checked in the body. */
import type { Channel, OutboundPart } from './channel.js';
import { alertView, type AlertView } from './alert-view.js';
import { inertMarkdown as p, clip } from './neutralise.js';
import { secretField, urlSecrets, webhookUrlField } from './config-fields.js';
import { fromCodedBody, postJsonParts } from './outcome.js';
import { hmacSha256Base64 } from './hmac.js';
import { utf8Bytes } from './split.js';

export interface FeishuConfig {
  url: string;
  secret?: string;
}

type El = { tag: 'text'; text: string } | { tag: 'a'; text: string; href: string };
type Paragraph = El[];

/** Feishu caps a bot request body at 20 KB; leave room for the envelope and signature. */
const BODY_LIMIT = 18_000;
/** 11232: frequency limited. 19021 (bad signature), 19024 (keyword), 9499 and the rest are permanent. */
const TRANSIENT = [11232];

/** Feishu signs nothing but the key: sign = base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")). */
export async function feishuSign(secret: string, timestampSec: number): Promise<string> {
  return hmacSha256Base64(`${timestampSec}\n${secret}`, '');
}

/** Paragraphs of a post; `text` tags are literal, but <at> and @ parsing differ by client, so markup characters go full-width too. */
function paragraphs(v: AlertView): Paragraph[] {
  const L = v.labels;
  const t = (text: string): El => ({ tag: 'text', text });
  const out: Paragraph[] = [[t(`${L.numbers}: ${p(v.summary)}`)], [t(`${L.why}: ${p(v.reason)}`)]];
  if (v.chartCaption) out.push([t(`${L.chart}: ${v.sparkline}  ${p(v.chartCaption)}`)]);
  if (v.posts.length) out.push([t(`${L.topPosts}:`)]);
  v.posts.forEach((post, i) => {
    out.push([t(`${i + 1}. ${p(post.author)}: ${p(post.text)}`)]);
    out.push([t(`    ${p(post.meta)} `), ...(post.url ? [{ tag: 'a' as const, text: '↗', href: post.url }] : [])]);
  });
  const g = v.guidance;
  if (g) {
    out.push([t(`${L.guidance}: ${p(g.title)} (${p(g.target)})`)]);
    if (g.loopIn.length) out.push([t(`${L.loopIn}: ${g.loopIn.map(p).join(', ')}`)]);
    if (g.firstActions.length) out.push([t(`${L.firstActions}:\n${g.firstActions.map((a, i) => `${i + 1}. ${p(a)}`).join('\n')}`)]);
    if (g.doNot.length) out.push([t(`${L.doNot}:\n${g.doNot.map((a) => `- ${p(a)}`).join('\n')}`)]);
    out.push([t(`${L.holdingStatement}:\n「${p(g.holding)}」\n${L.draftNote}`)]);
  }
  return out;
}

function actions(v: AlertView): Paragraph[] {
  return [[{ tag: 'a', text: v.labels.ack, href: v.ackUrl }, { tag: 'text', text: ' · ' }, { tag: 'a', text: v.labels.incident, href: v.incidentUrl }], [{ tag: 'text', text: v.labels.ackNote }]];
}

/** Packs paragraphs into posts under the byte limit; every post carries the title and the ack link. */
function posts(v: AlertView, lang: 'zh_cn' | 'en_us'): OutboundPart[] {
  const title = clip(p(v.heading), 100);
  const tail = actions(v);
  const size = (ps: Paragraph[]) => utf8Bytes(JSON.stringify({ msg_type: 'post', content: { post: { [lang]: { title, content: [...ps, ...tail] } } } }));
  const groups: Paragraph[][] = [[]];
  for (const para of paragraphs(v)) {
    const cur = groups[groups.length - 1]!;
    if (cur.length > 0 && size([...cur, para]) > BODY_LIMIT) groups.push([para]);
    else cur.push(para);
  }
  return groups.map((g, i) => ({
    kind: 'json',
    body: { msg_type: 'post', content: { post: { [lang]: { title: groups.length > 1 ? `${title} ${v.labels.continued(i + 1, groups.length)}` : title, content: [...g, ...tail] } } } },
  }));
}

export const feishu: Channel<FeishuConfig> = {
  kind: 'feishu',
  description: 'Feishu / Lark custom bot (rich-text post; optional signature; code checked)',
  configSchema: {
    url: { type: 'string', required: true, secret: true, description: 'bot webhook URL open-apis/bot/v2/hook/… (or url_env)' },
    secret: { type: 'string', secret: true, description: 'signature secret when 签名校验 is on (or secret_env)' },
    allow_custom_host: { type: 'boolean', description: 'allow a host other than open.feishu.cn / open.larksuite.com (proxies, tests)' },
  },
  parseConfig(raw, env) {
    const cfg: FeishuConfig = { url: webhookUrlField(raw, env, /^open\.(feishu\.cn|larksuite\.com)$/) };
    const secret = secretField(raw, env, 'secret', false);
    if (secret) cfg.secret = secret;
    return cfg;
  },
  render(alert) {
    return { parts: posts(alertView(alert), alert.lang === 'zh' ? 'zh_cn' : 'en_us') };
  },
  async send(msg, cfg, io) {
    const secrets = feishu.secrets(cfg);
    const sign = async (body: unknown) => {
      if (!cfg.secret) return { url: cfg.url, body };
      const timestamp = Math.floor(io.now() / 1000);
      return { url: cfg.url, body: { timestamp: String(timestamp), sign: await feishuSign(cfg.secret, timestamp), ...(body as Record<string, unknown>) } };
    };
    return postJsonParts('feishu', msg, io, secrets, sign, (text) => fromCodedBody(text, 'code', 'msg', TRANSIENT, secrets, 'feishu'));
  },
  secrets(cfg) {
    return [...urlSecrets(cfg.url), ...(cfg.secret ? [cfg.secret] : [])];
  },
};
