/** The on-call forms and channel health on the pages: CSRF-checked snooze and reassign, an admin's re-enable button. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakePlatforms, type FakePlatforms } from '../channels/fake-platforms.js';
import { cyclesUntil, eventsOf, openIncident, userToken, world, type World } from './helpers.js';

const T0 = Date.UTC(2026, 0, 5, 2, 0);
const form = (cookie: string, fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });

describe('on-call on the pages', () => {
  let fake: FakePlatforms;
  let w: World;
  before(async () => {
    fake = await startFakePlatforms();
    const routing = `channels:\n  team-slack: { kind: slack, url_env: TEAM_SLACK_URL, allow_custom_host: true }\nroutes:\n  - { name: team, channels: [team-slack], group_wait: 10s }\n`;
    w = await world(routing, { TEAM_SLACK_URL: `${fake.base}/slack/reject/T0KEN-pages-0123456789` }, T0);
  });
  after(async () => {
    await w.cleanup();
    await fake.close();
  });

  async function session(id: string, role: 'admin' | 'responder' | 'viewer') {
    const res = await w.app.request(`/login?token=${await userToken(w, id, role)}`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }

  it('lets a responder snooze and reassign from the incident page, attributed on the timeline, and refuses a forged form', async () => {
    const id = await openIncident(w, 'critical');
    const cookie = await session('fiona', 'responder');
    const page = await (await w.app.request(`/incidents/${id}`, { headers: { cookie } })).text();
    assert.match(page, /action="\/incidents\/[\w-]+\/snooze"/);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    assert.equal((await w.app.request(`/incidents/${id}/snooze`, form(cookie, { csrf: 'forged', duration: '1h' }))).status, 403);
    assert.equal((await w.app.request(`/incidents/${id}/snooze`, form(cookie, { csrf, duration: '1h' }))).status, 302);
    assert.equal((await w.app.request(`/incidents/${id}/reassign`, form(cookie, { csrf, assignee: 'Gao Lin' }))).status, 302);
    const events = await eventsOf(w, id);
    assert.deepEqual(events.filter((e) => e.type === 'snoozed' || e.type === 'reassigned').map((e) => [e.type, e.actor]), [['snoozed', 'fiona'], ['reassigned', 'fiona']]);
    const after = await (await w.app.request(`/incidents/${id}`, { headers: { cookie } })).text();
    assert.match(after, /Assigned to Gao Lin · paging snoozed until/);
  });

  it('shows a failing channel on the overview with a re-enable button for admins only', async () => {
    await openIncident(w, 'critical');
    await cyclesUntil(w, T0 + 3 * 60_000);
    const viewer = await (await w.app.request('/', { headers: { cookie: await session('vic', 'viewer') } })).text();
    assert.match(viewer, /team-slack/);
    assert.match(viewer, /failing/);
    assert.doesNotMatch(viewer, /Re-enable/);
    const cookie = await session('ada', 'admin');
    const admin = await (await w.app.request('/', { headers: { cookie } })).text();
    const csrf = /action="\/channels\/team-slack\/enable">\s*<input type="hidden" name="csrf" value="([^"]+)"/.exec(admin)?.[1];
    assert.ok(csrf, 'the admin sees a re-enable form');
    assert.equal((await w.app.request('/channels/team-slack/enable', form(cookie, { csrf }))).status, 302);
    assert.match(await (await w.app.request('/', { headers: { cookie } })).text(), /re-enabled by ada/);
  });
});
