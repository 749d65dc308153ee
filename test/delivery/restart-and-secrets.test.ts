/**
 * A restart mid-dispatch sends nothing twice; secrets never reach delivery rows, logs or pages even when every
 * channel fails through the dispatcher; routing.yaml problems stop start-up naming the file and field.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../src/core/errors.js';
import { sweepInterrupted } from '../../src/db/queries/outbox.js';
import { dispatchOutbox } from '../../src/pipeline/dispatch.js';
import { createHttpClient, type HttpRequest } from '../../src/lib/http.js';
import { DINGTALK_SECRET, FEISHU_SECRET, NEW_WEBHOOK_KEY, OLD_WEBHOOK_KEY, startFakePlatforms, type FakePlatforms } from '../channels/fake-platforms.js';
import { SMTP_PASS, SMTP_USER, startSmtp, type SmtpFixture } from '../channels/smtp-fixture.js';
import { api, cyclesUntil, deliveriesOf, eventsOf, openIncident, userToken, world, type World } from './helpers.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 2, 0);

/** A Slack-like endpoint that holds every request until released: a send stays in flight as long as we like. */
async function hangingSlack() {
  const held: ServerResponse[] = [];
  let requests = 0;
  const server = createServer((req: IncomingMessage, res) => {
    requests++;
    req.resume();
    held.push(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T0KEN-hang-0123456789`,
    requests: () => requests,
    release: () => held.splice(0).forEach((res) => res.end('ok')),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe('restarts', () => {
  it('never sends twice when the process dies mid-send: the interrupted row is marked for review, not resent', async () => {
    const slack = await hangingSlack();
    const routing = `channels:\n  pr-slack: { kind: slack, url_env: PR_SLACK_URL, allow_custom_host: true }\nroutes:\n  - { name: pr, channels: [pr-slack], group_wait: 10s, repeat: [1d] }\n`; // no reminder within the test's half hour
    const w = await world(routing, { PR_SLACK_URL: slack.url }, T0);
    const dead = w.deps;
    let inFlight: Promise<unknown> = Promise.resolve();
    try {
      const id = await openIncident(w, 'critical');
      w.clock.advance(MIN);
      // The "old process": its send is stuck for good (no client timeout), however slow this machine is.
      const base = createHttpClient({ allowPrivate: true });
      const stuck = { ...dead, channelIO: { ...dead.channelIO, http: { request: (req: HttpRequest) => base.request({ ...req, timeoutMs: 10 * MIN }) } } };
      inFlight = dispatchOutbox(stuck, w.clock.now()).catch((e: Error) => e);
      while ((await deliveriesOf(w, id))[0]!.status !== 'sending' || slack.requests() === 0) await new Promise((r) => setTimeout(r, 10));
      await w.restart(); // a new process on the same database file, while the old one is stuck mid-send
      assert.equal(await sweepInterrupted(w.deps.db, Number.MAX_SAFE_INTEGER, w.clock.now()), 1, 'start-up finds the interrupted row');
      await cyclesUntil(w, T0 + 30 * MIN);
      assert.equal(slack.requests(), 1, 'the new process did not send it again');
      const [row] = await deliveriesOf(w, id);
      assert.equal(row!.status, 'failed');
      assert.match(row!.last_error ?? '', /interrupted mid-send/);
      assert.ok((await eventsOf(w, id)).some((e) => e.type === 'alert-failed' && /interrupted/.test(e.message)), 'the timeline asks a person to check the channel');
    } finally {
      // Whatever happened above, the old process goes away and nothing is left holding the test open.
      slack.release();
      await inFlight;
      await dead.close().catch(() => {});
      await w.cleanup();
      await slack.close();
    }
    assert.equal(slack.requests(), 1);
  });
});

describe('secrets through the dispatcher', () => {
  let fake: FakePlatforms;
  let smtp: SmtpFixture;
  const TOKEN = 'T0KEN-5ecret-abcdef0123456789';
  const SECRETS = [TOKEN, FEISHU_SECRET, DINGTALK_SECRET, NEW_WEBHOOK_KEY.slice(6), OLD_WEBHOOK_KEY.slice(6), SMTP_PASS];
  before(async () => {
    fake = await startFakePlatforms();
    smtp = await startSmtp();
    smtp.echoPassword = true; // the server answers bad credentials by echoing the password it got
  });
  after(async () => {
    await fake.close();
    await smtp.close();
  });

  it('keeps every secret out of delivery rows, channel health, the timeline, logs, the API and the incident page when every channel fails', async () => {
    const routing = `
channels:
  c-slack: { kind: slack, url_env: U_SLACK, allow_custom_host: true }
  c-teams: { kind: teams, url_env: U_TEAMS, allow_custom_host: true }
  c-feishu: { kind: feishu, url_env: U_FEISHU, secret_env: S_FEISHU, allow_custom_host: true }
  c-dingtalk: { kind: dingtalk, url_env: U_DINGTALK, secret_env: S_DINGTALK, allow_custom_host: true }
  c-wecom: { kind: wecom, url_env: U_WECOM, allow_custom_host: true }
  c-webhook: { kind: webhook, url_env: U_WEBHOOK, signing_keys_env: S_WEBHOOK }
  c-mail: { kind: email, from: ew@acme.example, to: [pr@acme.example] }
routes:
  - name: everywhere
    channels: [c-slack, c-teams, c-feishu, c-dingtalk, c-wecom, c-webhook, c-mail]
    group_wait: 10s
`;
    const env = {
      U_SLACK: `${fake.base}/slack/echo/${TOKEN}`, U_TEAMS: `${fake.base}/teams/echo/${TOKEN}`, U_FEISHU: `${fake.base}/feishu/echo/${TOKEN}`,
      U_DINGTALK: `${fake.base}/dingtalk/echo/send?access_token=${TOKEN}`, U_WECOM: `${fake.base}/wecom/echo/send?key=${TOKEN}`, U_WEBHOOK: `${fake.base}/webhook/echo/${TOKEN}`,
      S_FEISHU: FEISHU_SECRET, S_DINGTALK: DINGTALK_SECRET, S_WEBHOOK: `${NEW_WEBHOOK_KEY} ${OLD_WEBHOOK_KEY}`,
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_USER, SMTP_PASS, ALERT_EMAIL_TO: 'pr@acme.example',
    };
    const w: World = await world(routing, env, T0);
    const id = await openIncident(w, 'critical');
    await cyclesUntil(w, T0 + 5 * MIN);
    const rows = await deliveriesOf(w, id);
    assert.equal(rows.length, 7);
    assert.ok(rows.every((r) => r.status === 'failed'), rows.map((r) => `${r.channel}:${r.status}`).join(' '));
    assert.ok(rows.some((r) => (r.last_error ?? '').includes('<secret>')), 'an echoed secret was there and got replaced');
    const admin = await userToken(w, 'root', 'admin');
    const login = await w.app.request(`/login?token=${admin}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const surfaces: Record<string, string> = {
      'delivery rows': JSON.stringify(await w.deps.db.selectFrom('deliveries').selectAll().execute()),
      'channel health': JSON.stringify(await w.deps.db.selectFrom('channel_health').selectAll().execute()),
      timeline: JSON.stringify(await w.deps.db.selectFrom('incident_events').selectAll().execute()),
      logs: w.logs.join('\n'),
      'API outbox': JSON.stringify((await api(w, admin, 'GET', '/api/outbox')).json),
      'API channels': JSON.stringify((await api(w, admin, 'GET', '/api/channels')).json),
      'incident page': await (await w.app.request(`/incidents/${id}`, { headers: { cookie } })).text(),
      overview: await (await w.app.request('/', { headers: { cookie } })).text(),
    };
    assert.match(surfaces['incident page']!, /c-dingtalk/, 'the page does show the deliveries');
    for (const [where, text] of Object.entries(surfaces)) for (const s of SECRETS) assert.ok(!text.includes(s) && !text.includes(encodeURIComponent(s)), `${where} leaks ${s.slice(0, 6)}…`);
    await w.cleanup();
  });
});

describe('routing.yaml at start-up', () => {
  it('stops start-up naming the file and field when a channel names an unset environment variable', async () => {
    const routing = `channels:\n  pr-feishu: { kind: feishu, url_env: NOT_SET_FEISHU_URL }\nroutes:\n  - { channels: [pr-feishu] }\n`;
    await assert.rejects(world(routing, {}, T0), (e: unknown) => e instanceof ConfigError && e.file === 'routing.yaml' && e.field === 'channels.pr-feishu.url_env' && /NOT_SET_FEISHU_URL/.test(e.problem));
  });

  it('stops start-up when an email channel has no SMTP transport, and for an unknown kind', async () => {
    const mail = `channels:\n  pr-mail: { kind: email, from: a@b.example, to: [c@d.example] }\nroutes:\n  - { channels: [pr-mail] }\n`;
    await assert.rejects(world(mail, {}, T0), (e: unknown) => e instanceof ConfigError && e.field === 'channels.pr-mail.kind' && /SMTP_HOST/.test(e.problem));
    const pager = `channels:\n  p: { kind: pager }\nroutes:\n  - { channels: [p] }\n`;
    await assert.rejects(world(pager, {}, T0), (e: unknown) => e instanceof ConfigError && e.field === 'channels.p.kind' && /unknown channel kind/.test(e.problem));
  });

  it('keeps alerts in the local outbox on a fresh machine (no routing.yaml, no SMTP)', async () => {
    const w = await world(null, {}, T0);
    const id = await openIncident(w, 'critical');
    await cyclesUntil(w, T0 + 2 * MIN);
    assert.deepEqual((await deliveriesOf(w, id)).map((r) => [r.channel, r.status]), [['outbox', 'held']]);
    await w.cleanup();
  });
});
