/**
 * `webhook`: other systems push posts to `POST /api/ingest`, signed with HMAC-SHA256 over the raw body
 * (`X-Emberwatch-Signature: sha256=<hex>`). Polling it does nothing; the HTTP route validates and stores.
 * Body: {"brand": "<brand id>", "source": "<source name>", "records": [<post-record>, ...]}.
 */
import type { Source } from './source.js';
import { parsePostRecord, type PostRecord } from './post-record.js';

export interface WebhookConfig {
  secret: string;
}

export const webhook: Source<WebhookConfig> = {
  kind: 'webhook',
  description: 'Push: signed POSTs to /api/ingest (HMAC-SHA256 over the raw body) from your own tools.',
  configSchema: {
    secret_env: { type: 'string', required: true, secret: true, description: 'Environment variable that holds the shared signing secret.' },
  },
  parseConfig(raw, env) {
    const name = raw.secret_env;
    if (typeof name !== 'string' || !name) throw new Error('secret_env: required name of the environment variable holding the signing secret');
    const secret = env[name];
    if (!secret || secret.length < 16) throw new Error(`secret_env: environment variable ${name} must be set to a secret of at least 16 characters`);
    return { secret };
  },
  async poll() {
    return { ok: true, posts: [], snapshots: [], cursor: null, requests: 0 };
  },
};

export interface IngestBody {
  brand: string;
  source: string;
  records: PostRecord[];
}

/** Validates a parsed ingest body; throws an Error that names the bad record and field. Max 1,000 records. */
export function parseIngestBody(raw: unknown): IngestBody {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('body must be a JSON object');
  const o = raw as Record<string, unknown>;
  if (typeof o.brand !== 'string' || !o.brand) throw new Error('"brand" must be a brand id');
  if (typeof o.source !== 'string' || !o.source) throw new Error('"source" must be the name of a webhook source of that brand');
  if (!Array.isArray(o.records) || o.records.length === 0) throw new Error('"records" must be a non-empty list');
  if (o.records.length > 1000) throw new Error('"records" may hold at most 1,000 records per request');
  const records = o.records.map((r, i) => {
    const rec = parsePostRecord(r, `records[${i}]`, () => NaN);
    if (rec.at === null) throw new Error(`records[${i}]: pushed records need "at" (ISO time or epoch ms)`);
    return rec;
  });
  return { brand: o.brand, source: o.source, records };
}
