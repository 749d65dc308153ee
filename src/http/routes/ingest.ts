/** `POST /api/ingest`: signed pushes from the `webhook` source. A bad signature or payload stores nothing. */
import { Hono } from 'hono';
import type { ScoredPost } from '../../core/types.js';
import { commitPoll, getSourceState } from '../../db/queries/posts.js';
import { verifyBody } from '../../lib/signing.js';
import { parseIngestBody } from '../../sources/webhook.js';
import type { WebhookConfig } from '../../sources/webhook.js';
import { scorePosts } from '../../pipeline/poll-sources.js';
import type { Deps } from '../../pipeline/deps.js';

const MAX_BODY = 2 * 1024 * 1024;

export function ingestRoutes(deps: Deps) {
  const r = new Hono();
  r.post('/', async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > MAX_BODY) return c.json({ error: 'body larger than 2 MiB' }, 413);
    const text = new TextDecoder().decode(raw);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return c.json({ error: 'body is not valid JSON' }, 400);
    }
    const target = parsed as { brand?: unknown; source?: unknown };
    const brand = deps.config.brands.find((b) => b.id === target?.brand);
    const src = brand?.sources.find((s) => s.kind === 'webhook' && s.name === target?.source);
    // The signature is checked before any detail of the payload is reported back.
    if (!brand || !src || !(await verifyBody((src.cfg as WebhookConfig).secret, raw, c.req.header('x-emberwatch-signature')))) {
      return c.json({ error: 'bad signature, or no webhook source with that brand and name' }, 401);
    }
    let body;
    try {
      body = parseIngestBody(parsed);
    } catch (err) {
      return c.json({ error: `malformed payload: ${(err as Error).message}` }, 422);
    }
    const posts = body.records.flatMap((r) => (r.type === 'post' ? [r.post] : []));
    const snapshots = body.records.flatMap((r) => (r.type === 'engagement' ? [r.snapshot] : []));
    const scores = await scorePosts(deps, brand, posts);
    const scored: ScoredPost[] = posts.map((p, i) => ({ ...p, brandId: brand.id, sourceId: src.id, score: scores[i]! }));
    const state = await getSourceState(deps.db, src.id);
    await commitPoll(deps.db, { sourceId: src.id, brandId: brand.id, posts: scored, ownAccounts: brand.ownAccounts, snapshots, cursor: state?.cursor ?? null, now: deps.sourceIO.now() });
    return c.json({ ok: true, posts: posts.length, snapshots: snapshots.length }, 202);
  });
  return r;
}
