/** Contract suite: every IM/webhook channel against a local server that behaves like its platform. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNELS } from '../../src/channels/registry.js';
import type { Channel, ChannelIO, Delivery } from '../../src/channels/channel.js';
import { createHttpClient, type HttpClient } from '../../src/lib/http.js';
import { makeAlert, makeLongAlert } from './fixtures.js';
import { DINGTALK_SECRET, FEISHU_SECRET, NEW_WEBHOOK_KEY, OLD_WEBHOOK_KEY, startFakePlatforms, type FakePlatforms } from './fake-platforms.js';

const KINDS = ['slack', 'teams', 'feishu', 'dingtalk', 'wecom', 'webhook'] as const;
const TOKEN = 'tok3n-abcdef0123456789';

/**
 * A short request timeout only for the "hangs" case (the fake platform waits 3 s there), so it stays quick;
 * every other case keeps a generous one, so a busy CI machine does not turn a slow answer into a failure.
 */
function io(mode = 'ok'): ChannelIO {
  const base = createHttpClient({ allowPrivate: true });
  const http: HttpClient = { request: (req) => base.request({ ...req, timeoutMs: mode === 'timeout' ? 1000 : 5000 }) };
  return { http, now: () => Date.UTC(2025, 1, 3, 2, 0), idempotencyKey: 'delivery-inc-42-feishu-1' };
}

function config(kind: (typeof KINDS)[number], base: string, mode: string): Record<string, unknown> {
  const url = `${base}/${kind}/${mode}/${TOKEN}`;
  if (kind === 'feishu') return { url, secret: FEISHU_SECRET, allow_custom_host: true };
  if (kind === 'dingtalk') return { url, secret: DINGTALK_SECRET, allow_custom_host: true };
  if (kind === 'webhook') return { url, signing_keys: [NEW_WEBHOOK_KEY, OLD_WEBHOOK_KEY] };
  return { url, allow_custom_host: true };
}

async function deliver(kind: (typeof KINDS)[number], base: string, mode: string, alert = makeAlert()): Promise<Delivery> {
  const ch = CHANNELS[kind] as Channel<any>;
  const cfg = ch.parseConfig(config(kind, base, mode), {});
  return ch.send(ch.render(alert, cfg), cfg, io(mode));
}

describe('channel contract', () => {
  let fake: FakePlatforms;
  before(async () => { fake = await startFakePlatforms(); });
  after(async () => { await fake.close(); });

  for (const kind of KINDS) {
    it(`${kind} delivers when the platform accepts (signatures verified by the platform)`, async () => {
      assert.deepEqual({ ...(await deliver(kind, fake.base, 'ok')), id: undefined }, { ok: true, id: undefined });
    });
    it(`${kind} reports the platform's own rejection as permanent`, async () => {
      const d = await deliver(kind, fake.base, 'reject');
      assert.equal(d.ok, false);
      if (d.ok) return;
      assert.equal(d.permanent, true);
      assert.ok(['rejected', 'platform-error'].includes(d.reason), d.reason);
    });
    it(`${kind} treats a hung platform as a transient timeout`, async () => {
      const d = await deliver(kind, fake.base, 'timeout');
      assert.deepEqual(d.ok ? d : { ok: d.ok, permanent: d.permanent, reason: d.reason }, { ok: false, permanent: false, reason: 'timeout' });
    });
    it(`${kind} treats 429 as transient and passes Retry-After on`, async () => {
      const d = await deliver(kind, fake.base, 'ratelimit');
      assert.deepEqual(d.ok ? d : { ok: d.ok, permanent: d.permanent, reason: d.reason, retryAfterMs: d.retryAfterMs }, { ok: false, permanent: false, reason: 'rate-limited', retryAfterMs: 30_000 });
    });
    it(`${kind} treats 5xx as transient`, async () => {
      const d = await deliver(kind, fake.base, 'down');
      assert.deepEqual(d.ok ? d : { ok: d.ok, permanent: d.permanent, reason: d.reason }, { ok: false, permanent: false, reason: 'server-error' });
    });
  }

  it('slack reports invalid_payload as a permanent rejection naming the error', async () => {
    const d = await deliver('slack', fake.base, 'invalid');
    assert.ok(!d.ok && d.permanent && d.detail.includes('invalid_payload'));
  });

  for (const kind of ['feishu', 'dingtalk', 'wecom'] as const) {
    it(`${kind} does not trust HTTP 200: an error code in the body is a failure`, async () => {
      const d = await deliver(kind, fake.base, 'reject');
      assert.equal(d.ok, false);
      assert.ok(!d.ok && /\b(19021|310000|93000)\b/.test(d.detail), !d.ok ? d.detail : '');
    });
    it(`${kind} retries the platform's rate-limit code answered with HTTP 200`, async () => {
      const d = await deliver(kind, fake.base, 'busy');
      assert.deepEqual(d.ok ? d : { permanent: d.permanent, reason: d.reason }, { permanent: false, reason: 'rate-limited' });
    });
    it(`${kind} does not count a 200 without a code (a proxy page) as delivered`, async () => {
      const d = await deliver(kind, fake.base, 'garbage');
      assert.equal(d.ok, false);
    });
  }

  it('feishu with a wrong signing secret is rejected by the platform as 19021', async () => {
    const ch = CHANNELS.feishu;
    const cfg = ch.parseConfig({ url: `${fake.base}/feishu/ok/${TOKEN}`, secret: 'wrong', allow_custom_host: true }, {});
    const d = await ch.send(ch.render(makeAlert(), cfg), cfg, io());
    assert.ok(!d.ok && d.permanent && d.detail.includes('19021'));
  });

  it('sends every part of a long alert, in order', async () => {
    const before = fake.received.length;
    const ch = CHANNELS.wecom;
    const cfg = ch.parseConfig(config('wecom', fake.base, 'ok'), {});
    const msg = ch.render(makeLongAlert('zh'), cfg);
    assert.deepEqual(await ch.send(msg, cfg, io()), { ok: true });
    const got = fake.received.slice(before).map((r) => JSON.parse(r.body).markdown.content as string);
    assert.equal(got.length, msg.parts.length);
    got.forEach((c, i) => assert.ok(c.includes(`第 ${i + 1}/${msg.parts.length} 部分`)));
  });
});
