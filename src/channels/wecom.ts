/** WeCom (企业微信) group robot: markdown messages of at most 4,096 bytes, `errcode` checked in the body. */
import type { Channel } from './channel.js';
import { alertView } from './alert-view.js';
import { markdownParts } from './markdown-parts.js';
import { urlSecrets, webhookUrlField } from './config-fields.js';
import { fromCodedBody, postJsonParts } from './outcome.js';

export interface WeComConfig {
  url: string;
}

/** WeCom rejects markdown content over 4,096 UTF-8 bytes. */
export const WECOM_MARKDOWN_LIMIT = 4096;
/** 45009: API frequency limit (20 a minute); -1: system busy. 93000 (invalid key) and the rest are permanent. */
const TRANSIENT = [45009, -1];

export const wecom: Channel<WeComConfig> = {
  kind: 'wecom',
  description: 'WeCom group robot (markdown, split at 4096 bytes; errcode checked)',
  configSchema: {
    url: { type: 'string', required: true, secret: true, description: 'robot webhook URL with key= (or url_env)' },
    allow_custom_host: { type: 'boolean', description: 'allow a host other than qyapi.weixin.qq.com (proxies, tests)' },
  },
  parseConfig(raw, env) {
    return { url: webhookUrlField(raw, env, /^qyapi\.weixin\.qq\.com$/) };
  },
  render(alert) {
    const v = alertView(alert);
    return { parts: markdownParts(v, WECOM_MARKDOWN_LIMIT).map((content) => ({ kind: 'json' as const, body: { msgtype: 'markdown', markdown: { content } } })) };
  },
  async send(msg, cfg, io) {
    const secrets = wecom.secrets(cfg);
    return postJsonParts('wecom', msg, io, secrets, async (body) => ({ url: cfg.url, body }), (text) => fromCodedBody(text, 'errcode', 'errmsg', TRANSIENT, secrets, 'wecom'));
  },
  secrets(cfg) {
    return urlSecrets(cfg.url);
  },
};
