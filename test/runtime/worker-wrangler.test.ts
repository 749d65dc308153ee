/**
 * The Workers build, run for real: `wrangler dev` (workerd, a local D1 that the Worker migrates at its first
 * request, Cron Triggers through /__scheduled) with a brand fed by the signed push webhook and a routing file that
 * sends alerts to a signed webhook, to Slack, Teams, Feishu, DingTalk and WeCom, and, as email, to an HTTP mail API, all
 * served by this test on 127.0.0.1 (the IM platforms by the channel suite's fake, which checks signatures). A quiet
 * history, then a burst of complaints: the Worker opens an incident, delivers its alert once to each however often
 * the cron runs, and the ack link works.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBody } from '../../src/lib/signing.js';
import { standardWebhookSignature } from '../../src/channels/webhook.js';
import { DINGTALK_SECRET, FEISHU_SECRET, startFakePlatforms, type FakePlatforms } from '../channels/fake-platforms.js';
import { acmePushBrand } from '../helpers/brands.js';
import { REPO_ROOT, startWranglerDev, type WranglerDev } from './wrangler-dev.js';

const INGEST_SECRET = 'ingest-secret-0123456789abcdef';
const ADMIN_TOKEN = 'admin-token-for-the-wrangler-test-0123';
const HOOK_KEY = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const MIN = 60_000;
const HOUR = 60 * MIN;

interface Hit {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const BRAND = acmePushBrand({ name: 'Acme Coffee', lang: 'en' });

const MAIL_KEY = 're_worker_test_key_0123456789';

const ROUTING = `channels:
  hook:
    kind: webhook
    url_env: HOOK_URL
    signing_keys_env: HOOK_KEYS
  pr-mail:
    kind: email
    from: emberwatch@example.com
    to: [pr-oncall@example.com]
  slack:
    kind: slack
    url_env: SLACK_URL
    allow_custom_host: true
  teams:
    kind: teams
    url_env: TEAMS_URL
    allow_custom_host: true
  feishu:
    kind: feishu
    url_env: FEISHU_URL
    allow_custom_host: true
    secret_env: FEISHU_SECRET
  dingtalk:
    kind: dingtalk
    url_env: DINGTALK_URL
    allow_custom_host: true
    secret_env: DINGTALK_SECRET
  wecom:
    kind: wecom
    url_env: WECOM_URL
    allow_custom_host: true
routes:
  - name: everything
    channels: [hook, pr-mail, slack, teams, feishu, dingtalk, wecom]
    group_wait: 1s
`;
/** The IM platforms the alert goes to (besides the signed webhook), each served by the channel suite's fake. */
const IM = ['slack', 'teams', 'feishu', 'dingtalk', 'wecom'];

/** Four days of a calm, occasional customer, then forty complaints in the last quarter hour. */
function history(now: number): unknown[] {
  const recs: unknown[] = [];
  for (let t = now - 4 * 24 * HOUR; t < now - HOUR; t += 2 * HOUR) recs.push({ type: 'post', at: new Date(t).toISOString(), id: `calm-${t}`, platform: 'forum', author: `regular${(t / HOUR) % 13}`, followers: 50, text: 'Had a nice latte at Acme today' });
  for (let i = 0; i < 40; i++) recs.push({ type: 'post', at: new Date(now - 14 * MIN + i * 20_000).toISOString(), id: `angry-${i}`, platform: 'forum', author: `angry${i}`, followers: 300, text: `Acme charged me twice and nobody answers, I want a refund (${i})` });
  return recs;
}

describe('the Worker under wrangler dev', { timeout: 120_000 }, () => {
  const rules = mkdtempSync(join(tmpdir(), 'ew-worker-rules-'));
  const hits: Hit[] = [];
  const mails: Hit[] = [];
  let hooks: Server;
  let im: FakePlatforms;
  let dev: WranglerDev | null = null;
  const api = (path: string, init: RequestInit = {}) => fetch(`${dev!.base}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(init.headers ?? {}) } });
  const cron = async () => {
    const r = await fetch(`${dev!.base}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
    assert.equal(r.status, 200, `scheduled run failed:\n${dev!.output().slice(-3000)}`);
  };

  before(async () => {
    mkdirSync(join(rules, 'brands'));
    writeFileSync(join(rules, 'brands', 'acme.yaml'), BRAND);
    writeFileSync(join(rules, 'routing.yaml'), ROUTING);
    // The repo's lexicons and playbooks: the Worker reads posts with the same negativity model as Node.
    for (const d of ['lexicons', 'playbooks']) cpSync(join(REPO_ROOT, 'rules', d), join(rules, d), { recursive: true });
    hooks = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        (req.url === '/mail/emails' ? mails : hits).push({ headers: req.headers, body });
        if (req.url === '/mail/emails') res.setHeader('content-type', 'application/json');
        res.statusCode = req.url === '/mail/emails' ? 200 : 204;
        res.end(req.url === '/mail/emails' ? '{"id":"msg_1"}' : undefined);
      });
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', () => r()));
    const hookPort = (hooks.address() as { port: number }).port;
    im = await startFakePlatforms();
    dev = await startWranglerDev(rules, {
      EMBERWATCH_SECRET: 'worker-test-secret-0123456789abcdef0123',
      EMBERWATCH_ADMIN_TOKEN: ADMIN_TOKEN,
      EMBERWATCH_ALLOW_PRIVATE_URLS: 'true',
      ACME_INGEST_SECRET: INGEST_SECRET,
      HOOK_URL: `http://127.0.0.1:${hookPort}/hooks/emberwatch`,
      HOOK_KEYS: HOOK_KEY,
      MAIL_API_URL: `http://127.0.0.1:${hookPort}/mail/emails`,
      MAIL_API_KEY: MAIL_KEY,
      ...Object.fromEntries(IM.map((p) => [`${p.toUpperCase()}_URL`, `${im.base}/${p}/ok/token-${p}`])),
      FEISHU_SECRET,
      DINGTALK_SECRET,
    });
  });

  after(async () => {
    await dev?.stop();
    await new Promise((r) => hooks?.close(r));
    await im?.close();
    rmSync(rules, { recursive: true, force: true });
  });

  it('stores a signed push and refuses an unsigned one', async () => {
    const body = JSON.stringify({ brand: 'acme', source: 'push', records: history(Date.now()) });
    const unsigned = await fetch(`${dev!.base}/api/ingest`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(unsigned.status, 401);
    const signed = await fetch(`${dev!.base}/api/ingest`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-emberwatch-signature': await signBody(INGEST_SECRET, body) } });
    assert.equal(signed.status, 202, await signed.clone().text());
    assert.equal(((await signed.json()) as { posts: number }).posts, (JSON.parse(body) as { records: unknown[] }).records.length);
  });

  it('opens an incident from the burst at the next cron run', async () => {
    await cron();
    const r = await api('/api/incidents');
    assert.equal(r.status, 200);
    const { incidents } = (await r.json()) as { incidents: { brandId: string; state: string; reason: string }[] };
    assert.equal(incidents.length, 1, dev!.output().slice(-3000));
    assert.equal(incidents[0]!.brandId, 'acme');
    assert.equal(incidents[0]!.state, 'open');
    assert.match(incidents[0]!.reason, /negative posts \d+ vs/);
  });

  it('delivers its alert to the webhook exactly once, signed, however often the cron runs', async () => {
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 1_100)); // past the route's group_wait
      await cron();
    }
    assert.equal(hits.length, 1, `deliveries: ${hits.map((h) => h.body.slice(0, 120)).join('\n')}`);
    const h = hits[0]!;
    const id = String(h.headers['webhook-id']);
    const ts = Number(h.headers['webhook-timestamp']);
    assert.equal(h.headers['webhook-signature'], await standardWebhookSignature([HOOK_KEY], id, ts, h.body));
    const payload = JSON.parse(h.body) as { type: string; data: { brand: { id: string }; ackUrl: string } };
    assert.equal(payload.data.brand.id, 'acme');
    assert.ok(payload.data.ackUrl.startsWith(`${dev!.base}/ack/`), payload.data.ackUrl);
  });

  it('sends the same alert once as email through the HTTP mail API', () => {
    assert.equal(mails.length, 1, `mails: ${mails.map((m) => m.body.slice(0, 120)).join('\n')}`);
    const m = mails[0]!;
    assert.equal(m.headers.authorization, `Bearer ${MAIL_KEY}`);
    const mail = JSON.parse(m.body) as { from: string; to: string[]; subject: string; html: string };
    assert.deepEqual(mail.to, ['pr-oncall@example.com']);
    assert.match(mail.subject, /Acme Coffee/);
    const { data } = JSON.parse(hits[0]!.body) as { data: { ackUrl: string } };
    assert.ok(mail.html.includes(data.ackUrl), 'the mail carries the ack link');
  });

  it('posts the same alert once to each IM platform, signed where the platform checks it', async () => {
    for (const p of IM) {
      const got = im.received.filter((r) => r.platform === p);
      assert.equal(got.length, 1, `${p}: ${got.map((g) => g.body.slice(0, 120)).join('\n')}\n${dev!.output().slice(-2000)}`);
      assert.match(got[0]!.body, /Acme Coffee/, p);
    }
    // The platforms accepted them (the fake rejects a Feishu or DingTalk message whose signature does not verify).
    const { deliveries } = (await (await api('/api/outbox')).json()) as { deliveries: { channel: string; status: string; last_error: string | null }[] };
    for (const p of IM) assert.deepEqual(deliveries.filter((d) => d.channel === p).map((d) => [d.status, d.last_error]), [['sent', null]], p);
  });

  it('serves the ack link page, and acknowledging through it moves the incident on', async () => {
    const { data } = JSON.parse(hits[0]!.body) as { data: { ackUrl: string } };
    const page = await fetch(data.ackUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Acme Coffee/);
    // A browser sends its Origin with a form post (Hono's CSRF guard checks it).
    const ack = await fetch(data.ackUrl, { method: 'POST', body: new URLSearchParams({ name: 'Dana' }), headers: { origin: dev!.base } });
    if (ack.status !== 200) await new Promise((r) => setTimeout(r, 1_000)); // let the Worker's log line arrive
    assert.equal(ack.status, 200, `${await ack.clone().text()}\n${dev!.output().slice(-3000)}`);
    const { incidents } = (await (await api('/api/incidents')).json()) as { incidents: { state: string; acknowledgedBy: string | null }[] };
    assert.equal(incidents[0]!.state, 'acknowledged');
    assert.match(incidents[0]!.acknowledgedBy ?? '', /Dana/);
  });
});
