/**
 * The demo's response story on the real pipeline: the incident opens, the brand stays silent past the food-safety
 * playbook's 20-minute target (one "no public response yet" alert, however many cycles and restarts), and its
 * reply ~100 minutes after the complaint is recognised, timed and linted.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Alert } from '../../src/core/types.js';
import { createApp } from '../../src/http/app.js';
import { CRISIS, MIN, WINDOW, demoWorld, eventsOfKind, signIn, theIncident, tokenFor, type World } from './pipeline-world.js';

const overdueAlerts = (w: World) => w.deps.db.selectFrom('alerts').selectAll().where('kind', '=', 'response-overdue').execute();

describe('an incident the brand does not answer in time', () => {
  let w: World;
  before(async () => {
    w = await demoWorld();
  });
  after(async () => w.close());

  it('sends no overdue alert while the target has not passed', async () => {
    await w.runUntil(CRISIS + 20 * MIN); // the early warning opened the incident about 5 min after the complaint
    const inc = await theIncident(w);
    assert.ok(w.clock.now() - WINDOW < inc.opened_at + 20 * MIN, 'the last cycle ran before the target passed');
    assert.equal((await overdueAlerts(w)).length, 0);
  });

  it('queues exactly one overdue alert in the first cycle after the target passes, through the outbox', async () => {
    await w.runUntil(CRISIS + 60 * MIN);
    const inc = await theIncident(w);
    const alerts = await overdueAlerts(w);
    assert.equal(alerts.length, 1);
    const due = inc.opened_at + 20 * MIN;
    assert.ok(alerts[0]!.created_at >= due && alerts[0]!.created_at < due + WINDOW, `queued ${(alerts[0]!.created_at - due) / MIN} min after the target`);
    assert.equal(inc.response_overdue_at, alerts[0]!.created_at);
    const a = JSON.parse(alerts[0]!.payload) as Alert;
    assert.match(a.title, /no public response yet/);
    assert.match(a.summary, /lumen_coffee_official/);
    assert.equal(a.guidance?.playbookId, 'food-safety', 'the overdue alert repeats the guidance');
    const rows = await w.deps.db.selectFrom('deliveries').selectAll().where('alert_id', '=', a.id).execute();
    assert.deepEqual(rows.map((r) => r.status), ['held'], 'no channel configured: it waits in the local outbox');
    const overdue = await eventsOfKind(w, 'response-overdue');
    assert.equal(overdue.length, 1);
    assert.equal(overdue[0]!.type, 'response');
  });

  it('does not send it again after a restart', async () => {
    await w.restart();
    await w.runUntil(CRISIS + 90 * MIN);
    assert.equal((await overdueAlerts(w)).length, 1);
  });

  it('records the brand reply with its time to respond, over target, and the linter reading it as engaging', async () => {
    await w.runUntil(CRISIS + 110 * MIN);
    const inc = await theIncident(w);
    const replyAt = CRISIS + 100 * MIN;
    assert.equal(inc.first_response_at, replyAt);
    assert.equal(inc.first_response_deflecting, 0);
    const rows = await w.deps.db.selectFrom('incident_responses').selectAll().execute();
    assert.equal(rows.length, 1, 'one reply, recorded once over several cycles');
    const ev = (await eventsOfKind(w, 'brand-response'))[0]!;
    const data = JSON.parse(ev.data!) as { first: boolean; minutesToRespond: number; withinTarget: boolean; deflecting: boolean };
    assert.equal(ev.type, 'response');
    assert.equal(data.first, true);
    assert.equal(data.minutesToRespond, Math.round((replyAt - inc.opened_at) / MIN));
    assert.equal(data.withinTarget, false);
    assert.equal(data.deflecting, false);
    assert.match(ev.message, /First response from lumen_coffee_official on weibo, \d+ min after opening \(over the 20 min target\)/);
    assert.equal((await overdueAlerts(w)).length, 1, 'still one overdue alert');
  });

  it('shows the response on the incident page and in the API', async () => {
    const app = createApp(w.deps);
    const inc = await theIncident(w);
    const token = await tokenFor(w.deps.db, 'viewer');
    const api = (await (await app.request(`/api/incidents/${inc.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { response: { firstResponseAt: number; withinTarget: boolean; firstDeflecting: boolean; responses: unknown[] } };
    assert.equal(api.response.firstResponseAt, CRISIS + 100 * MIN);
    assert.equal(api.response.withinTarget, false);
    assert.equal(api.response.firstDeflecting, false);
    const html = await (await app.request(`/incidents/${inc.id}`, { headers: { cookie: await signIn(app, token) } })).text();
    assert.ok(html.includes('Brand response') && html.includes('over target') && html.includes('first reply engaged'));
    assert.ok(!html.includes('Lint a draft reply'), 'viewers get no draft box');
  });
});
