/** DingTalk custom robot: markdown messages, optional HMAC-SHA256 timestamp signature, `errcode` checked in the body. */
import type { Channel } from './channel.js';
import { alertView } from './alert-view.js';
import { markdownParts } from './markdown-parts.js';
import { inertPlain, clip } from './neutralise.js';
import { secretField, urlSecrets, webhookUrlField } from './config-fields.js';
import { fromCodedBody, postJsonParts } from './outcome.js';
import { hmacSha256Base64 } from './hmac.js';

export interface DingTalkConfig {
  url: string;
  secret?: string;
}

/** DingTalk documents 20,000 bytes for markdown text; keep headroom for the JSON envelope. */
const MARKDOWN_LIMIT = 18_000;
/** 130101: sending too fast (20 messages a minute); -1: system busy. Other codes (310000 signature/keyword/IP, 300001 token) are permanent. */
const TRANSIENT = [130101, -1];

/** Appends `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), as DingTalk specifies. */
export async function signedDingTalkUrl(url: string, secret: string, now: number): Promise<string> {
  const sign = await hmacSha256Base64(secret, `${now}\n${secret}`);
  const u = new URL(url);
  u.searchParams.set('timestamp', String(now));
  u.searchParams.set('sign', sign);
  return u.toString();
}

export const dingtalk: Channel<DingTalkConfig> = {
  kind: 'dingtalk',
  description: 'DingTalk group robot (markdown; optional signature secret; errcode checked)',
  configSchema: {
    url: { type: 'string', required: true, secret: true, description: 'robot webhook URL with access_token (or url_env)' },
    secret: { type: 'string', secret: true, description: 'signing secret SEC… when the robot uses 加签 (or secret_env)' },
    allow_custom_host: { type: 'boolean', description: 'allow a host other than oapi.dingtalk.com (proxies, tests)' },
  },
  parseConfig(raw, env) {
    const cfg: DingTalkConfig = { url: webhookUrlField(raw, env, /^oapi\.dingtalk\.com$/) };
    const secret = secretField(raw, env, 'secret', false);
    if (secret) cfg.secret = secret;
    return cfg;
  },
  render(alert) {
    const v = alertView(alert);
    const title = clip(inertPlain(v.heading), 60);
    return { parts: markdownParts(v, MARKDOWN_LIMIT).map((text) => ({ kind: 'json' as const, body: { msgtype: 'markdown', markdown: { title, text } } })) };
  },
  async send(msg, cfg, io) {
    const secrets = dingtalk.secrets(cfg);
    // The signature goes in the URL and is made fresh for each part (it carries a timestamp).
    const sign = async (body: unknown) => ({ url: cfg.secret ? await signedDingTalkUrl(cfg.url, cfg.secret, io.now()) : cfg.url, body });
    return postJsonParts('dingtalk', msg, io, secrets, sign, (text) => fromCodedBody(text, 'errcode', 'errmsg', TRANSIENT, secrets, 'dingtalk'));
  },
  secrets(cfg) {
    return [...urlSecrets(cfg.url), ...(cfg.secret ? [cfg.secret] : [])];
  },
};
