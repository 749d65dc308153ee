/**
 * Delivery you can trust, on a fake clock through the real cycle: quiet hours hold a warning but not a critical;
 * SMTP down for 30 minutes, then up, delivers exactly once; a permanent 404 marks the channel failing and the
 * fallback route fires; an admin re-enables the channel.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startFakePlatforms, type FakePlatforms } from '../channels/fake-platforms.js';
import { api, cyclesUntil, deliveriesOf, eventsOf, openIncident, shanghai, userToken, world, type World } from './helpers.js';

const MIN = 60_000;

/** A real SMTP server on a fixed loopback port that can be stopped and started again ("down", then "up"). */
async function smtpOn(port: number, messages: Buffer[]): Promise<{ port: number; stop(): Promise<void> }> {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, cb) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => (messages.push(Buffer.concat(chunks)), cb()));
  } });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('noise control and outages', () => {
  let fake: FakePlatforms;
  let w: World | undefined;
  before(async () => {
    fake = await startFakePlatforms();
  });
  after(async () => {
    await w?.cleanup();
    await fake.close();
  });

  it('holds a warning during quiet hours until they end, while a critical goes out at once', async () => {
    const routing = `
channels:
  pr-slack: { kind: slack, url_env: PR_SLACK_URL, allow_custom_host: true }
routes:
  - name: warnings
    match: { severity: [warning] }
    channels: [pr-slack]
    group_wait: 10s
    quiet_hours: { timezone: Asia/Shanghai, from: "22:00", to: "08:00" }
  - name: criticals
    match: { severity: [critical] }
    channels: [pr-slack]
    group_wait: 10s
`;
    const night = shanghai(5, 23, 0);
    w = await world(routing, { PR_SLACK_URL: `${fake.base}/slack/ok/T0KEN-quiet-0123456789` }, night);
    const warning = await openIncident(w, 'warning');
    const critical = await openIncident(w, 'critical');
    await cyclesUntil(w, night + 5 * MIN);
    const [c] = await deliveriesOf(w, critical);
    const [h] = await deliveriesOf(w, warning);
    assert.equal(c!.status, 'sent');
    assert.ok(c!.sent_at! - night <= MIN, 'the critical went out in the first cycle after its group wait');
    assert.equal(h!.status, 'pending');
    assert.equal(h!.next_attempt_at, shanghai(6, 8, 0), 'held until 08:00 Shanghai');
    assert.match(h!.decision ?? '', /^quiet-hours: quiet hours of route warnings hold this warning/);
    assert.ok((await eventsOf(w, warning)).some((e) => e.type === 'delivery-held' && /quiet hours/.test(e.message)), 'the hold is on the timeline');
    w.clock.set(shanghai(6, 7, 0));
    await cyclesUntil(w, shanghai(6, 7, 30), 30 * MIN);
    assert.equal((await deliveriesOf(w, warning))[0]!.status, 'pending', 'still held at 07:30');
    await cyclesUntil(w, shanghai(6, 8, 0), 30 * MIN);
    const [after8] = await deliveriesOf(w, warning);
    assert.equal(after8!.status, 'sent');
    assert.equal(after8!.sent_at, shanghai(6, 8, 0), 'delivered when quiet hours end');
    await w.cleanup();
    w = undefined;
  });

  it('delivers exactly once when SMTP is down for 30 minutes and then comes back', async (t) => {
    const messages: Buffer[] = [];
    const probe = await smtpOn(0, messages);
    const port = probe.port;
    await probe.stop(); // down: connections are refused
    const t0 = Date.UTC(2026, 0, 5, 2, 0);
    // No routing.yaml: the built-in default sends to SMTP_HOST + ALERT_EMAIL_TO.
    w = await world(null, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), ALERT_EMAIL_TO: 'pr@acme.example' }, t0);
    const id = await openIncident(w, 'critical');
    let up: Awaited<ReturnType<typeof smtpOn>> | null = null;
    await cyclesUntil(w, t0 + 60 * MIN, MIN, async (t) => {
      if (!up && t >= t0 + 30 * MIN) up = await smtpOn(port, messages);
    });
    await up!.stop();
    const rows = await deliveriesOf(w, id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'sent');
    assert.equal(messages.length, 1, 'one mail, not one per attempt');
    assert.ok(rows[0]!.attempts >= 5, `retried while down (${rows[0]!.attempts} attempts)`);
    assert.ok(rows[0]!.sent_at! >= t0 + 30 * MIN && rows[0]!.sent_at! <= t0 + 46 * MIN, `delivered ${(rows[0]!.sent_at! - t0) / MIN} min after queueing (backoff is capped at 15 min)`);
    assert.equal((await eventsOf(w, id)).filter((e) => e.type === 'alert-failed').length, 0, 'transient failures are not give-ups');
    t.diagnostic(`SMTP outage: ${rows[0]!.attempts} attempts, delivered ${(rows[0]!.sent_at! - t0) / MIN} min after queueing, ${messages.length} mail received`);
    assert.ok(w.logs.some((l) => /will retry/.test(l)));
    await w.cleanup();
    w = undefined;
  });

  it('marks a channel failing on a permanent 404, sends the alert down the fallback route, and routes later alerts around it until an admin re-enables it', async () => {
    const routing = `
channels:
  team-slack: { kind: slack, url_env: TEAM_SLACK_URL, allow_custom_host: true }
  pr-feishu: { kind: feishu, url_env: PR_FEISHU_URL, secret_env: PR_FEISHU_SECRET, allow_custom_host: true }
routes:
  - name: team
    channels: [team-slack]
    group_wait: 10s
  - name: feishu-fallback
    channels: [pr-feishu]
    group_wait: 10s
`;
    const t0 = Date.UTC(2026, 0, 5, 2, 0);
    const { FEISHU_SECRET } = await import('../channels/fake-platforms.js');
    w = await world(routing, { TEAM_SLACK_URL: `${fake.base}/slack/reject/T0KEN-404-0123456789`, PR_FEISHU_URL: `${fake.base}/feishu/ok/T0KEN-fs-0123456789`, PR_FEISHU_SECRET: FEISHU_SECRET }, t0);
    const first = await openIncident(w, 'critical');
    await cyclesUntil(w, t0 + 3 * MIN);
    const rows = await deliveriesOf(w, first);
    assert.deepEqual(rows.map((r) => [r.channel, r.route, r.status]), [['team-slack', 'team', 'failed'], ['pr-feishu', 'feishu-fallback', 'sent']]);
    assert.equal(rows[0]!.attempts, 1, 'a permanent failure is not retried');
    const admin = await userToken(w, 'root', 'admin');
    const channels = (await api(w, admin, 'GET', '/api/channels')).json.channels as { id: string; failing: boolean; reason: string | null }[];
    const slack = channels.find((c) => c.id === 'team-slack')!;
    assert.equal(slack.failing, true);
    assert.match(slack.reason ?? '', /404/);
    const types = (await eventsOf(w, first)).map((e) => e.type);
    assert.ok(types.includes('channel-failing') && types.includes('rerouted'), types.join(', '));

    const second = await openIncident(w, 'critical');
    assert.deepEqual((await deliveriesOf(w, second)).map((r) => r.channel), ['pr-feishu'], 'a failing channel is skipped for new alerts');
    const responder = await userToken(w, 'ron', 'responder');
    assert.equal((await api(w, responder, 'POST', '/api/channels/team-slack/enable')).status, 403, 'only an admin re-enables a channel');
    assert.equal((await api(w, admin, 'POST', '/api/channels/team-slack/enable')).status, 200);
    assert.ok((await eventsOf(w, first)).some((e) => e.type === 'channel-enabled' && e.actor === 'root'));
    const third = await openIncident(w, 'critical');
    assert.deepEqual((await deliveriesOf(w, third)).map((r) => r.channel), ['team-slack'], 'back on the primary route');
    await w.cleanup();
    w = undefined;
  });
});
