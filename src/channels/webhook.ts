/**
 * Generic JSON webhook signed the Standard Webhooks way: `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64> v1,<base64>` (one signature per active key, so receivers can rotate keys).
 */
import type { Channel } from './channel.js';
import { ConfigError } from '../core/errors.js';
import { secretField, stringField, urlSecrets } from './config-fields.js';
import { fromHttpFailure, sendParts } from './outcome.js';
import { base64ToBytes, hmacSha256Base64 } from './hmac.js';

export interface WebhookConfig {
  url: string;
  /** Signing keys, newest first; `whsec_` prefix optional, base64 body. */
  signingKeys: string[];
}

/** Signs `${id}.${timestamp}.${body}` with each key; returns the space-separated header value. */
export async function standardWebhookSignature(keys: readonly string[], id: string, timestampSec: number, body: string): Promise<string> {
  const sigs = await Promise.all(keys.map(async (k) => `v1,${await hmacSha256Base64(base64ToBytes(k.replace(/^whsec_/, '')), `${id}.${timestampSec}.${body}`)}`));
  return sigs.join(' ');
}

function parseKeys(raw: Record<string, unknown>, env: Record<string, string | undefined>): string[] {
  const joined = secretField(raw, env, 'signing_keys', true)!;
  const keys = joined.split(/[\s,]+/).filter(Boolean);
  for (const [i, k] of keys.entries()) {
    const b64 = k.replace(/^whsec_/, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || base64ToBytes(b64).length < 24) throw new ConfigError('channel config', `signing_keys[${i}]`, 'expected whsec_<base64> of at least 24 bytes');
  }
  return keys;
}

export const webhook: Channel<WebhookConfig> = {
  kind: 'webhook',
  description: 'Generic JSON webhook with Standard Webhooks HMAC-SHA256 signatures and key rotation',
  configSchema: {
    url: { type: 'string', required: true, secret: true, description: 'receiver URL (or url_env); private addresses are refused' },
    signing_keys: { type: 'string[]', required: true, secret: true, description: 'whsec_<base64> keys, space-separated, newest first (or signing_keys_env)' },
  },
  parseConfig(raw, env) {
    const url = secretField(raw, env, 'url', true)!;
    if (!/^https?:\/\//.test(url)) throw new ConfigError('channel config', 'url', 'must be an http(s) URL');
    const rawKeys = Array.isArray(raw['signing_keys']) ? { ...raw, signing_keys: (raw['signing_keys'] as unknown[]).join(' ') } : raw;
    stringField(rawKeys, 'signing_keys_env');
    return { url, signingKeys: parseKeys(rawKeys, env) };
  },
  render(alert) {
    // The payload is the alert itself: consumers escape for their own medium.
    return { parts: [{ kind: 'json', body: { type: `alert.${alert.kind}`, timestamp: new Date(alert.createdAt).toISOString(), data: alert } }] };
  },
  async send(msg, cfg, io) {
    const secrets = webhook.secrets(cfg);
    return sendParts(msg.parts, async (part) => {
      if (part.kind !== 'json') return { ok: false, permanent: true, reason: 'bad-config', detail: 'webhook sends JSON parts only' };
      const body = JSON.stringify(part.body);
      const ts = Math.floor(io.now() / 1000);
      const headers = {
        'content-type': 'application/json',
        'webhook-id': io.idempotencyKey,
        'webhook-timestamp': String(ts),
        'webhook-signature': await standardWebhookSignature(cfg.signingKeys, io.idempotencyKey, ts, body),
      };
      const r = await io.http.request({ url: cfg.url, method: 'POST', headers, body });
      return r.ok ? { ok: true, id: io.idempotencyKey } : fromHttpFailure(r, secrets);
    });
  },
  secrets(cfg) {
    return [...urlSecrets(cfg.url), ...cfg.signingKeys, ...cfg.signingKeys.map((k) => k.replace(/^whsec_/, ''))];
  },
};
