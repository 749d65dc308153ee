/**
 * On-call and delivery administration: snooze and reassign incidents (API and page forms), who is on call now,
 * channel health with an admin re-enable, and admin-made users and API tokens (a token is shown once, stored hashed).
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { snoozeUntil, whoIsOnCall } from '../../core/oncall/index.js';
import { parseDuration } from '../../core/oncall/zoned-time.js';
import { addToken, upsertUser, type Role } from '../../db/queries/auth.js';
import { enableChannel, listChannelHealth } from '../../db/queries/channels.js';
import { getIncident } from '../../db/queries/incidents.js';
import { insertOnCallEvent, reassignIncident, snoozeIncident } from '../../db/queries/oncall.js';
import { randomId, sha256Hex } from '../../lib/signing.js';
import type { Deps } from '../../pipeline/deps.js';
import { checkCsrf, requireRole, type AppEnv } from '../auth.js';
import type { ActionResult } from '../incident-actions.js';

const ROLES: readonly Role[] = ['admin', 'responder', 'viewer'];

/** Snoozes an open incident for `duration` ("30m", "2h", "1w"; at most a week): escalation holds, then re-notifies. */
export async function snooze(deps: Deps, id: string, duration: string, actor: string): Promise<ActionResult> {
  const now = deps.sourceIO.now();
  const ms = parseDuration(duration);
  const d = snoozeUntil(now, ms ?? NaN);
  if (!d.ok) return { ok: false, status: 400, error: ms === null ? `not a duration: ${JSON.stringify(duration.slice(0, 20))} (use 30m, 2h, 1d)` : d.reason };
  const inc = await getIncident(deps.db, id);
  if (!inc) return { ok: false, status: 404, error: 'no such incident' };
  if (inc.state !== 'open') return { ok: false, status: 409, error: `only open incidents can be snoozed (this one is ${inc.state})` };
  if (!(await snoozeIncident(deps.db, id, d.until, actor, now, `Snoozed by ${actor}: ${d.reason}; whoever is on call then is notified again`))) return { ok: false, status: 409, error: 'the incident changed state meanwhile; nothing was changed' };
  return { ok: true, message: `Snoozed until ${new Date(d.until).toISOString()}` };
}

/** Assigns an unresolved incident to a person. */
export async function reassign(deps: Deps, id: string, assignee: string, actor: string): Promise<ActionResult> {
  const who = assignee.trim();
  if (!who || who.length > 80) return { ok: false, status: 400, error: 'give the name of the person (up to 80 characters)' };
  if (!(await getIncident(deps.db, id))) return { ok: false, status: 404, error: 'no such incident' };
  return (await reassignIncident(deps.db, id, who, actor, deps.sourceIO.now())) ? { ok: true, message: `Assigned to ${who}` } : { ok: false, status: 409, error: 'the incident is resolved; nothing was changed' };
}

/** Re-enables a failing channel (admin), recorded on the timelines of the incidents whose alerts it failed. */
export async function reenableChannel(deps: Deps, channel: string, actor: string): Promise<ActionResult> {
  if (!deps.channels.has(channel)) return { ok: false, status: 404, error: `no channel named ${channel}` };
  const now = deps.sourceIO.now();
  if (!(await enableChannel(deps.db, channel, actor, now))) return { ok: false, status: 409, error: `channel ${channel} is not failing` };
  const hit = await deps.db.selectFrom('incident_events').select('incident_id').distinct().where('type', '=', 'channel-failing').where('data', 'like', `%"channel":${JSON.stringify(channel)}%`).execute();
  for (const h of hit) await insertOnCallEvent(deps.db, { incidentId: h.incident_id, at: now, type: 'channel-enabled', actor, message: `Channel ${channel} re-enabled by ${actor}`, data: { channel } });
  return { ok: true, message: `Channel ${channel} re-enabled` };
}

/** Who is on call now on every schedule. */
export function onCallNow(deps: Deps, now: number) {
  return Object.values(deps.config.routing.schedules).map((s) => ({ schedule: s.id, ...whoIsOnCall(s, now) }));
}

/** Channels by id with their kind and health; never their config (it holds secrets). */
export async function channelStatus(deps: Deps) {
  const health = await listChannelHealth(deps.db);
  return Object.values(deps.config.routing.channels).map((c) => {
    const h = health.find((x) => x.channel === c.id);
    return { id: c.id, kind: c.kind, failing: !!h?.failingSince, failingSince: h?.failingSince ?? null, reason: h?.failingSince ? h.reason : null, reenabledBy: h && !h.failingSince ? h.updatedBy : null };
  });
}

async function body(c: Context): Promise<Record<string, unknown>> {
  try {
    const v = (await c.req.json()) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const reply = (c: Context, r: ActionResult) => (r.ok ? c.json({ ok: true, message: r.message }) : c.json({ error: r.error }, r.status));

/** JSON API, mounted under /api. */
export function oncallApiRoutes(deps: Deps) {
  const api = new Hono<AppEnv>();
  api.use('*', requireRole('viewer', 'api'));
  api.get('/oncall', (c) => c.json({ at: deps.sourceIO.now(), oncall: onCallNow(deps, deps.sourceIO.now()) }));
  api.get('/channels', async (c) => c.json({ channels: await channelStatus(deps) }));
  api.post('/channels/:id/enable', requireRole('admin', 'api'), async (c) => reply(c, await reenableChannel(deps, c.req.param('id'), c.get('user')!.name)));
  api.post('/incidents/:id/snooze', requireRole('responder', 'api'), async (c) => {
    const b = await body(c);
    return reply(c, await snooze(deps, c.req.param('id'), str(b.duration) || (typeof b.minutes === 'number' ? `${b.minutes}m` : ''), c.get('user')!.name));
  });
  api.post('/incidents/:id/reassign', requireRole('responder', 'api'), async (c) => reply(c, await reassign(deps, c.req.param('id'), str((await body(c)).assignee), c.get('user')!.name)));
  api.post('/users', requireRole('admin', 'api'), async (c) => {
    const b = await body(c);
    const id = str(b.id).trim();
    const role = str(b.role) as Role;
    if (!/^[\w.@-]{1,64}$/.test(id)) return c.json({ error: 'id: letters, digits, . _ - @ (up to 64)' }, 400);
    if (!ROLES.includes(role)) return c.json({ error: `role: one of ${ROLES.join(', ')}` }, 400);
    await upsertUser(deps.db, { id, name: str(b.name).trim().slice(0, 80) || id, email: str(b.email).trim() || null, role }, deps.sourceIO.now());
    return c.json({ ok: true, user: { id, role } }, 201);
  });
  api.post('/users/:id/tokens', requireRole('admin', 'api'), async (c) => {
    const userId = c.req.param('id');
    if (!(await deps.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst())) return c.json({ error: 'no such user' }, 404);
    const token = randomId(24);
    await addToken(deps.db, { id: randomId(8), userId, hash: await sha256Hex(token), label: str((await body(c)).label).slice(0, 80) || 'api' }, deps.sourceIO.now());
    // Shown once: only its hash is stored.
    return c.json({ ok: true, token, note: 'store this token now; it cannot be shown again' }, 201);
  });
  return api;
}

/** Page forms (session + CSRF token), mounted at /. */
export function oncallPageRoutes(deps: Deps) {
  const r = new Hono<AppEnv>();
  r.use('/incidents/*', csrf());
  r.use('/channels/*', csrf());
  const form = async (c: Context<AppEnv>) => {
    const f = await c.req.parseBody();
    return (await checkCsrf(deps, c.get('user')!, f.csrf)) ? f : null;
  };
  const back = (c: Context, to: string, r: ActionResult) => c.redirect(`${to}?done=${encodeURIComponent(r.ok ? r.message : r.error)}`);
  const denied = (c: Context) => c.text('This form has expired or did not come from Emberwatch (CSRF check failed). Reload the page.', 403);
  r.post('/incidents/:id/snooze', requireRole('responder', 'page'), async (c) => {
    const f = await form(c);
    return f ? back(c, `/incidents/${c.req.param('id')}`, await snooze(deps, c.req.param('id'), String(f.duration ?? ''), c.get('user')!.name)) : denied(c);
  });
  r.post('/incidents/:id/reassign', requireRole('responder', 'page'), async (c) => {
    const f = await form(c);
    return f ? back(c, `/incidents/${c.req.param('id')}`, await reassign(deps, c.req.param('id'), String(f.assignee ?? ''), c.get('user')!.name)) : denied(c);
  });
  r.post('/channels/:id/enable', requireRole('admin', 'page'), async (c) => {
    const f = await form(c);
    return f ? back(c, '/', await reenableChannel(deps, c.req.param('id'), c.get('user')!.name)) : denied(c);
  });
  return r;
}
