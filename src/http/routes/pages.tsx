/** Pages for people: the overview, an incident's timeline (with actions for responders), the outbox, sign-in. */
import { Hono } from 'hono';
import type { Alert } from '../../core/types.js';
import { listIncidents } from '../../db/queries/incidents.js';
import { listSourceStates } from '../../db/queries/posts.js';
import { latestWindow, windowsBetween } from '../../db/queries/windows.js';
import type { Deps } from '../../pipeline/deps.js';
import { checkCsrf, csrfToken, requireRole, startSession, userForToken, type AppEnv } from '../auth.js';
import { acknowledge, addNote, resolveIncident } from '../incident-actions.js';
import { incidentView } from '../incident-view.js';
import { LoginPage } from '../views/ack-page.js';
import { IncidentPage } from '../views/incident-page.js';
import { OverviewPage, type BrandSummary } from '../views/overview-page.js';
import { onCallRow } from '../../db/queries/oncall.js';
import { channelStatus } from './oncall.js';

const safeNext = (n: unknown) => (typeof n === 'string' && /^\/(?!\/)/.test(n) ? n : '/');

export function pageRoutes(deps: Deps) {
  const r = new Hono<AppEnv>();

  r.get('/login', async (c) => {
    // A tokened link printed on the console at start (as Jupyter does) signs in once and drops the token from the URL.
    const token = c.req.query('token');
    if (token) {
      const user = await userForToken(deps, token);
      if (user) {
        await startSession(c, deps, user);
        return c.redirect(safeNext(c.req.query('next')));
      }
      return c.html(<LoginPage next="/" error="That token is not valid." />, 401);
    }
    return c.html(<LoginPage next={safeNext(c.req.query('next'))} />);
  });
  r.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const user = await userForToken(deps, String(form.token ?? '').trim());
    if (!user) return c.html(<LoginPage next={safeNext(form.next)} error="That token is not valid." />, 401);
    await startSession(c, deps, user);
    return c.redirect(safeNext(form.next));
  });

  r.get('/', requireRole('viewer', 'page'), async (c) => {
    const now = deps.sourceIO.now();
    const states = await listSourceStates(deps.db);
    const brands: BrandSummary[] = await Promise.all(
      deps.config.brands.map(async (b) => {
        const w = await latestWindow(deps.db, b.id);
        const to = w ? w.end : now;
        const windows = await windowsBetween(deps.db, b.id, to - 24 * 3600_000, to);
        return {
          id: b.id,
          name: b.name,
          timezone: b.timezone,
          phase: w?.phase ?? 'learning',
          reason: w?.reason ?? 'No windows judged yet.',
          chart: windows.map((x) => ({ t: x.start, observed: x.neg_posts, expected: x.expected, lo: x.band_lo, hi: x.band_hi })),
          incidents: await listIncidents(deps.db, { brandId: b.id, limit: 10 }),
          sources: b.sources.map((s) => {
            const st = states.find((x) => x.source_id === s.id);
            return { id: s.id, kind: s.kind, ok: (st?.consecutive_failures ?? 0) === 0, detail: st?.last_error ?? 'ok' };
          }),
        };
      }),
    );
    const held = await deps.db.selectFrom('deliveries as d').innerJoin('alerts as a', 'a.id', 'd.alert_id').select(['a.payload', 'a.created_at']).where('d.status', '=', 'held').orderBy('d.id', 'desc').limit(20).execute();
    const heldAlerts = held.map((h) => {
      const a = JSON.parse(h.payload) as Alert;
      return { title: a.title, summary: a.summary, at: h.created_at, incidentId: a.incidentId };
    });
    return c.html(<OverviewPage brands={brands} demo={deps.config.demo} heldAlerts={heldAlerts} user={c.get('user')} channels={await channelStatus(deps)} adminCsrf={c.get('user')!.role === 'admin' ? await csrfToken(deps, c.get('user')!) : null} />);
  });

  r.get('/incidents/:id', requireRole('viewer', 'page'), async (c) => {
    const v = await incidentView(deps, c.req.param('id'));
    if (!v) return c.text('No such incident', 404);
    const user = c.get('user')!;
    const canAct = user.role !== 'viewer';
    return c.html(<IncidentPage {...v} user={user} canAct={canAct} csrf={canAct ? await csrfToken(deps, user) : null} flash={c.req.query('done') ?? undefined} onCall={await onCallRow(deps.db, c.req.param('id'))} />);
  });

  for (const [action, run] of [
    ['ack', (id: string, who: string) => acknowledge(deps, id, who)],
    ['resolve', (id: string, who: string) => resolveIncident(deps, id, who)],
  ] as const) {
    r.post(`/incidents/:id/${action}`, requireRole('responder', 'page'), async (c) => {
      const user = c.get('user')!;
      const form = await c.req.parseBody();
      if (!(await checkCsrf(deps, user, form.csrf))) return c.text('This form has expired or did not come from Emberwatch (CSRF check failed). Reload the page.', 403);
      const res = await run(c.req.param('id'), user.name);
      return c.redirect(`/incidents/${c.req.param('id')}?done=${encodeURIComponent(res.ok ? res.message : res.error)}`);
    });
  }
  r.post('/incidents/:id/notes', requireRole('responder', 'page'), async (c) => {
    const user = c.get('user')!;
    const form = await c.req.parseBody();
    if (!(await checkCsrf(deps, user, form.csrf))) return c.text('CSRF check failed. Reload the page.', 403);
    const res = await addNote(deps, c.req.param('id'), user.name, String(form.note ?? ''));
    return c.redirect(`/incidents/${c.req.param('id')}?done=${encodeURIComponent(res.ok ? res.message : res.error)}`);
  });
  return r;
}
