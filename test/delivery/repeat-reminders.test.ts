/**
 * Without an escalation policy, an unacknowledged incident is re-announced on its route's repeat back-off:
 * 30 minutes after the alert, then 2 hours after that, then daily; acknowledging stops the reminders.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakePlatforms, type FakePlatforms } from '../channels/fake-platforms.js';
import { api, cyclesUntil, openIncident, shanghai, userToken, world, type World } from './helpers.js';

const MIN = 60_000;
const ROUTING = `
defaults:
  repeat: [30m, 2h, 1d]
channels:
  pr-slack:
    kind: slack
    url_env: PR_SLACK_URL
    allow_custom_host: true
routes:
  - name: pr
    channels: [pr-slack]
    group_wait: 1s
`;

describe('repeat reminders without an escalation policy', () => {
  let fake: FakePlatforms;
  let w: World;
  const T0 = shanghai(6, 10, 0);
  const sentAt: number[] = [];

  before(async () => {
    fake = await startFakePlatforms();
  });
  after(async () => {
    await w?.cleanup();
    await fake.close();
  });

  it('reminds 30 min after the opening alert, then 2 h after that, and not in between', async () => {
    w = await world(ROUTING, { PR_SLACK_URL: `${fake.base}/slack/ok/T0KEN-repeat-0123456789abc` }, T0);
    await openIncident(w, 'warning');
    let seen = 0;
    await cyclesUntil(w, T0 + 160 * MIN, 5 * MIN, (t) => {
      const n = fake.received.filter((r) => r.platform === 'slack').length;
      for (; seen < n; seen++) sentAt.push(t);
    });
    const minutes = sentAt.map((t) => (t - sentAt[0]!) / MIN);
    assert.deepEqual(minutes, [0, 30, 150], `slack messages at minutes ${minutes.join(', ')} after the first`);
    const texts = fake.received.filter((r) => r.platform === 'slack').map((r) => JSON.stringify(r.body));
    assert.match(texts[1]!, /still unacknowledged/);
  });

  it('stops reminding once someone acknowledges', async () => {
    const token = await userToken(w, 'lin', 'responder');
    const incident = (await w.deps.db.selectFrom('incidents').select('id').executeTakeFirstOrThrow()).id;
    assert.equal((await api(w, token, 'POST', `/api/incidents/${incident}/ack`)).status, 200);
    const before = fake.received.length;
    await cyclesUntil(w, T0 + 30 * 60 * MIN, 30 * MIN);
    assert.equal(fake.received.length, before, 'no reminder after the acknowledgement, even a day later');
  });
});
