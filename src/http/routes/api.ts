/** The JSON API (bearer tokens): brands, incidents, an incident's timeline, and acting on it. */
import { Hono } from 'hono';
import { listIncidents } from '../../db/queries/incidents.js';
import { countPostsBySource, listSourceStates } from '../../db/queries/posts.js';
import { latestWindow } from '../../db/queries/windows.js';
import { listDeliveries } from '../../db/queries/outbox.js';
import type { Deps } from '../../pipeline/deps.js';
import { requireRole, type AppEnv } from '../auth.js';
import { acknowledge, addNote, resolveIncident, type ActionResult } from '../incident-actions.js';
import { incidentView } from '../incident-view.js';
import { correctionRoutes } from './corrections.js';

async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  try {
    const v = (await req.json()) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function apiRoutes(deps: Deps) {
  const api = new Hono<AppEnv>();
  api.use('*', requireRole('viewer', 'api'));

  api.get('/brands', async (c) => {
    const states = await listSourceStates(deps.db);
    // What each source delivered in the last day: the first thing to look at when a source seems quiet.
    const counts = await countPostsBySource(deps.db, deps.sourceIO.now() - 24 * 3_600_000);
    const brands = await Promise.all(
      deps.config.brands.map(async (b) => {
        const w = await latestWindow(deps.db, b.id);
        return {
          id: b.id,
          name: b.name,
          timezone: b.timezone,
          windowMinutes: b.windowMs / 60_000,
          phase: w?.phase ?? 'learning',
          latestWindow: w ? { start: w.start, negativePosts: w.neg_posts, expected: w.expected, reason: w.reason, complete: w.complete === 1 } : null,
          sources: b.sources.map((s) => {
            const st = states.find((x) => x.source_id === s.id);
            const n = counts.get(s.id);
            return { id: s.id, kind: s.kind, lastOkAt: st?.last_ok_at ?? null, lastError: st?.last_error ?? null, failing: (st?.consecutive_failures ?? 0) > 0, postsLast24h: n?.posts ?? 0, negativeLast24h: n?.negative ?? 0 };
          }),
        };
      }),
    );
    return c.json({ brands });
  });

  api.get('/incidents', async (c) => {
    const incidents = await listIncidents(deps.db, { brandId: c.req.query('brand') || undefined, limit: Math.min(500, Number(c.req.query('limit')) || 100) });
    return c.json({ incidents });
  });

  api.get('/incidents/:id', async (c) => {
    const v = await incidentView(deps, c.req.param('id'));
    return v ? c.json(v) : c.json({ error: 'no such incident' }, 404);
  });

  api.get('/incidents/:id/timeline', async (c) => {
    const v = await incidentView(deps, c.req.param('id'));
    return v ? c.json({ incident: v.incident, events: v.events, chart: v.chart }) : c.json({ error: 'no such incident' }, 404);
  });

  const act = (r: ActionResult) => (r.ok ? { body: { ok: true, message: r.message }, status: 200 as const } : { body: { error: r.error }, status: r.status });

  api.post('/incidents/:id/ack', requireRole('responder', 'api'), async (c) => {
    const r = act(await acknowledge(deps, c.req.param('id'), c.get('user')!.name));
    return c.json(r.body, r.status);
  });
  api.post('/incidents/:id/resolve', requireRole('responder', 'api'), async (c) => {
    const r = act(await resolveIncident(deps, c.req.param('id'), c.get('user')!.name));
    return c.json(r.body, r.status);
  });
  api.post('/incidents/:id/notes', requireRole('responder', 'api'), async (c) => {
    const body = await jsonBody(c.req.raw);
    const r = act(await addNote(deps, c.req.param('id'), c.get('user')!.name, typeof body.note === 'string' ? body.note : ''));
    return c.json(r.body, r.status);
  });

  api.route('/posts', correctionRoutes(deps));

  api.get('/outbox', async (c) => c.json({ deliveries: await listDeliveries(deps.db, { limit: 200 }) }));
  return api;
}
