/** Forces every channel to fail and checks that no secret reaches a Delivery detail or a rendered message. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNELS } from '../../src/channels/registry.js';
import type { Channel, ChannelIO, Delivery } from '../../src/channels/channel.js';
import { createHttpClient } from '../../src/lib/http.js';
import { createSmtpMailer } from '../../src/lib/mailer.js';
import { makeAlert } from './fixtures.js';
import { DINGTALK_SECRET, FEISHU_SECRET, NEW_WEBHOOK_KEY, OLD_WEBHOOK_KEY, startFakePlatforms, type FakePlatforms } from './fake-platforms.js';
import { SMTP_PASS, SMTP_USER, startSmtp, type SmtpFixture } from './smtp-fixture.js';

const TOKEN = 'T0KEN-5ecret-abcdef0123456789';

function urlFor(kind: string, base: string, mode: string): string {
  // DingTalk and WeCom carry the token as a query value, the others in the path.
  if (kind === 'dingtalk') return `${base}/dingtalk/${mode}/send?access_token=${TOKEN}`;
  if (kind === 'wecom') return `${base}/wecom/${mode}/send?key=${TOKEN}`;
  return `${base}/${kind}/${mode}/${TOKEN}`;
}

function rawConfig(kind: string, url: string): Record<string, unknown> {
  const extra: Record<string, unknown> = kind === 'feishu' ? { secret: FEISHU_SECRET } : kind === 'dingtalk' ? { secret: DINGTALK_SECRET } : kind === 'webhook' ? { signing_keys: [NEW_WEBHOOK_KEY, OLD_WEBHOOK_KEY] } : {};
  return { url, allow_custom_host: true, ...extra };
}

const SECRETS = [TOKEN, FEISHU_SECRET, DINGTALK_SECRET, NEW_WEBHOOK_KEY.slice(6), OLD_WEBHOOK_KEY.slice(6), SMTP_PASS];

function assertNoSecret(where: string, text: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s) && !text.includes(encodeURIComponent(s)), `${where} leaks ${s.slice(0, 6)}…`);
}

const io = (mail?: ChannelIO['mail']): ChannelIO => ({ http: createHttpClient({ allowPrivate: true }), mail, now: () => Date.UTC(2025, 1, 3), idempotencyKey: 'd-1' });

describe('secrets never leak', () => {
  let fake: FakePlatforms;
  let smtp: SmtpFixture;
  before(async () => {
    fake = await startFakePlatforms();
    smtp = await startSmtp();
  });
  after(async () => {
    await fake.close();
    await smtp.close();
  });

  for (const kind of ['slack', 'teams', 'feishu', 'dingtalk', 'wecom', 'webhook'] as const) {
    for (const mode of ['echo', 'reject', 'down']) {
      it(`${kind} keeps its secrets out of the delivery detail when the platform answers '${mode}'`, async () => {
        const ch = CHANNELS[kind] as Channel<any>;
        const cfg = ch.parseConfig(rawConfig(kind, urlFor(kind, fake.base, mode)), {});
        const msg = ch.render(makeAlert(), cfg);
        const d: Delivery = await ch.send(msg, cfg, io());
        assert.equal(d.ok, false);
        assertNoSecret('detail', JSON.stringify(d));
        assertNoSecret('rendered message', JSON.stringify(msg));
        for (const s of ch.secrets(cfg)) assert.ok(!JSON.stringify(d).includes(s));
        if (mode === 'echo') assert.ok(!d.ok && d.detail.includes('<secret>'), 'the echoed token was there and got replaced');
      });
    }
    it(`${kind} keeps its secrets out of the detail when nothing listens`, async () => {
      const ch = CHANNELS[kind] as Channel<any>;
      const cfg = ch.parseConfig(rawConfig(kind, urlFor(kind, 'http://127.0.0.1:1', 'ok')), {});
      const d = await ch.send(ch.render(makeAlert(), cfg), cfg, io());
      assert.ok(!d.ok && !d.permanent, 'a refused connection is transient');
      assertNoSecret('detail', JSON.stringify(d));
    });
  }

  it('email keeps the SMTP password out of the detail even when the server echoes it', async () => {
    smtp.echoPassword = true;
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, user: SMTP_USER, pass: SMTP_PASS });
    const cfg = CHANNELS.email.parseConfig({ from: 'e@example.com', to: ['p@example.com'] }, {});
    const msg = CHANNELS.email.render(makeAlert(), cfg);
    const d = await CHANNELS.email.send(msg, cfg, io(mailer.send));
    mailer.close();
    smtp.echoPassword = false;
    assert.ok(!d.ok && d.permanent);
    assert.ok(!d.ok && d.detail.includes('<secret>'), 'the echoed password is replaced');
    assertNoSecret('detail', JSON.stringify(d));
    assertNoSecret('rendered mail', JSON.stringify({ ...msg, parts: msg.parts.map((p) => ({ ...p, attachments: [] })) }));
  });

  it('lists every configured secret, so the runtime can redact logs too', () => {
    const cfg = CHANNELS.webhook.parseConfig(rawConfig('webhook', urlFor('webhook', 'https://h.example', 'ok')), {});
    const listed = CHANNELS.webhook.secrets(cfg);
    for (const s of [TOKEN, NEW_WEBHOOK_KEY, OLD_WEBHOOK_KEY]) assert.ok(listed.includes(s), s.slice(0, 6));
  });
});
