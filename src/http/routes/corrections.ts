/** `POST /api/posts/:id/correction {"negative": bool}`: a responder says a post's negativity was wrong. */
import { Hono } from 'hono';
import { addCorrection, getPost } from '../../db/queries/corrections.js';
import { forgetAdaptive } from '../../pipeline/adaptive.js';
import type { Deps } from '../../pipeline/deps.js';
import { requireRole, type AppEnv } from '../auth.js';

export function correctionRoutes(deps: Deps) {
  const r = new Hono<AppEnv>();
  r.post('/:id/correction', requireRole('responder', 'api'), async (c) => {
    const id = Number(c.req.param('id'));
    const post = Number.isInteger(id) ? await getPost(deps.db, id) : undefined;
    if (!post) return c.json({ error: 'no such post' }, 404);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON: {"negative": true|false}' }, 400);
    }
    const negative = (body as { negative?: unknown })?.negative;
    if (typeof negative !== 'boolean') return c.json({ error: '"negative" must be true or false' }, 400);
    await addCorrection(deps.db, { brandId: post.brand_id, postId: post.id, text: post.text, negative, actor: c.get('user')!.name, at: deps.sourceIO.now() });
    forgetAdaptive(deps.db, post.brand_id);
    return c.json({ ok: true, post: { id: post.id, negative, scoredNegative: post.negative === 1 } });
  });
  return r;
}
