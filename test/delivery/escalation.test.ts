/**
 * Escalation on a fake clock through the real cycle: a critical incident pages level 1 with its opening alert, level 2
 * after the level-1 timeout; acknowledging stops it; a snooze holds it and re-notifies whoever is on call when it ends.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakePlatforms, type FakePlatforms } from '../channels/fake-platforms.js';
import { api, cyclesUntil, deliveriesOf, eventsOf, openIncident, shanghai, userToken, world, type World } from './helpers.js';

const MIN = 60_000;
const routing = (base: string) => `
channels:
  pr-slack:
    kind: slack
    url_env: PR_SLACK_URL
    allow_custom_host: true
schedules:
  pr-primary:
    timezone: Asia/Shanghai
    handoff: mon 10:00
    start: 2026-01-05
    rotation: [alice, bob]
escalations:
  pr-default:
    levels:
      - { notify: [schedule:pr-primary], timeout: 15m }
      - { notify: [user:carol], timeout: 30m }
routes:
  - name: pr
    channels: [pr-slack]
    escalation: pr-default
    group_wait: 10s
`;

describe('escalation through the cycle', () => {
  let fake: FakePlatforms;
  let w: World;
  const T0 = shanghai(5, 9, 40); // Monday 09:40 in Shanghai: bob is on call until the 10:00 handoff to alice
  const bodies = () => fake.received.filter((r) => r.platform === 'slack').map((r) => r.body);

  before(async () => {
    fake = await startFakePlatforms();
  });
  after(async () => {
    await w?.cleanup();
    await fake.close();
  });

  it('pages level 2 (carol) once the 15-minute level-1 timeout passes without an acknowledgement, and not before', async () => {
    w = await world(routing(fake.base), { PR_SLACK_URL: `${fake.base}/slack/ok/T0KEN-escalation-0123456789` }, T0);
    const id = await openIncident(w, 'critical');
    let firstReminderAt = 0;
    await cyclesUntil(w, T0 + 20 * MIN, MIN, async (t) => {
      const rows = await deliveriesOf(w, id);
      if (!firstReminderAt && rows.some((r) => r.kind === 'reminder' && r.status === 'sent')) firstReminderAt = t;
    });
    const rows = await deliveriesOf(w, id);
    assert.deepEqual(rows.map((r) => [r.kind, r.status]), [['opened', 'sent'], ['reminder', 'sent']]);
    assert.equal((firstReminderAt - T0) / MIN, 15, 'level 2 goes out at the level-1 timeout');
    const reminder = bodies().find((b) => b.includes('still unacknowledged'))!;
    assert.match(reminder, /Level 2 of pr-default: on call now carol/);
    const paged = (await eventsOf(w, id)).filter((e) => e.type === 'paged').map((e) => e.message);
    assert.equal(paged.length, 2);
    assert.match(paged[0]!, /level 1 of pr-default: bob \(by the opening alert\)/);
    assert.match(paged[1]!, /level 2 of pr-default: carol/);
    await w.cleanup();
  });

  it('stops escalating once someone acknowledges, and the timeline names who', async () => {
    fake.received.length = 0;
    w = await world(routing(fake.base), { PR_SLACK_URL: `${fake.base}/slack/ok/T0KEN-escalation-0123456789` }, T0);
    const id = await openIncident(w, 'critical');
    const token = await userToken(w, 'dana', 'responder');
    await cyclesUntil(w, T0 + 5 * MIN);
    assert.equal((await api(w, token, 'POST', `/api/incidents/${id}/ack`)).status, 200);
    await cyclesUntil(w, T0 + 3 * 60 * MIN, 5 * MIN);
    const rows = await deliveriesOf(w, id);
    assert.deepEqual(rows.map((r) => r.kind), ['opened'], 'no reminder after the acknowledgement');
    assert.equal(bodies().length, 1);
    const events = await eventsOf(w, id);
    assert.equal(events.find((e) => e.type === 'acknowledged')?.actor, 'dana');
    assert.equal(events.filter((e) => e.type === 'paged').length, 1, 'only level 1 (with the opening alert)');
    await w.cleanup();
  });

  it('holds escalation during a snooze and then re-notifies whoever is on call when it ends (alice, not bob)', async () => {
    fake.received.length = 0;
    w = await world(routing(fake.base), { PR_SLACK_URL: `${fake.base}/slack/ok/T0KEN-escalation-0123456789` }, T0);
    const id = await openIncident(w, 'critical');
    const token = await userToken(w, 'erin', 'responder');
    await cyclesUntil(w, T0 + 5 * MIN);
    const snoozed = await api(w, token, 'POST', `/api/incidents/${id}/snooze`, { duration: '1h' });
    assert.equal(snoozed.status, 200, JSON.stringify(snoozed.json));
    assert.equal((await api(w, token, 'POST', `/api/incidents/${id}/snooze`, { duration: '8d' })).status, 400, 'a snooze is limited to a week');
    const snoozeEnd = T0 + 66 * MIN; // snoozed at 09:46 (just after the 09:45 cycle) for an hour
    await cyclesUntil(w, snoozeEnd - MIN);
    assert.deepEqual((await deliveriesOf(w, id)).map((r) => r.kind), ['opened'], 'nothing during the snooze, though level 2 was due at 09:55');
    await cyclesUntil(w, snoozeEnd + 2 * MIN);
    const rows = await deliveriesOf(w, id);
    assert.deepEqual(rows.map((r) => [r.kind, r.status]), [['opened', 'sent'], ['reminder', 'sent']]);
    assert.equal(rows[1]!.sent_at, snoozeEnd, 'the re-notification goes out the cycle the snooze ends');
    const reminder = bodies().find((b) => b.includes('still unacknowledged'))!;
    assert.match(reminder, /on call now alice/, 'alice took over at the 10:00 handoff during the snooze');
    assert.doesNotMatch(reminder, /on call now bob/);
    const events = await eventsOf(w, id);
    const s = events.find((e) => e.type === 'snoozed')!;
    assert.equal(s.actor, 'erin');
    assert.ok(events.some((e) => e.type === 'snooze-ended'));
    await w.cleanup();
  });
});
