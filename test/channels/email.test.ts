/** Email end to end: nodemailer → a real SMTP server on 127.0.0.1 → mailparser. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import { simpleParser } from 'mailparser';
import { email } from '../../src/channels/email.js';
import { createSmtpMailer } from '../../src/lib/mailer.js';
import { createHttpClient } from '../../src/lib/http.js';
import type { ChannelIO } from '../../src/channels/channel.js';
import { makeAlert } from './fixtures.js';
import { SMTP_PASS, SMTP_USER, startSmtp, type SmtpFixture } from './smtp-fixture.js';

const cfg = email.parseConfig({ from: 'ember@example.com', to: ['pr@example.com', 'lead@example.com'] }, {});

function ioWith(port: number, pass = SMTP_PASS): ChannelIO & { close(): void } {
  const mailer = createSmtpMailer({ host: '127.0.0.1', port, user: SMTP_USER, pass, timeoutMs: 2000 });
  return { http: createHttpClient({ allowPrivate: true }), mail: mailer.send, now: () => Date.UTC(2025, 1, 3, 2, 0), idempotencyKey: 'delivery-inc-42-email-1', close: mailer.close };
}

/** A port with nothing listening: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('email over SMTP', () => {
  let smtp: SmtpFixture;
  before(async () => { smtp = await startSmtp(); });
  after(async () => { await smtp.close(); });

  for (const lang of ['en', 'zh'] as const) {
    it(`delivers an ${lang} alert with HTML, plain text and the chart as an inline PNG`, async () => {
      smtp.mode = 'accept';
      const io = ioWith(smtp.port);
      const alert = makeAlert({ lang });
      const d = await email.send(email.render(alert, cfg), cfg, io);
      io.close();
      assert.equal(d.ok, true);
      const mail = await simpleParser(smtp.messages.at(-1)!, { keepCidLinks: true });
      assert.ok(mail.subject?.includes(alert.title));
      assert.ok(mail.text?.includes(alert.summary) && mail.text.includes(alert.ackUrl), 'plain text carries the numbers and the ack link');
      const html = mail.html || '';
      assert.ok(html.includes(alert.guidance!.holdingStatement[lang]));
      assert.ok(!html.includes('<script>') && html.includes('&lt;script&gt;'), 'hostile post text is escaped');
      const png = mail.attachments.find((a) => a.contentType === 'image/png');
      assert.ok(png, 'inline PNG attached');
      assert.equal(png.cid ?? png.contentId?.replace(/[<>]/g, ''), 'spread-chart@emberwatch');
      assert.ok(html.includes('cid:spread-chart@emberwatch'));
      assert.deepEqual([...png.content.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
      assert.ok(mail.messageId?.startsWith('<delivery-inc-42-email-1@'), 'Message-ID derives from the idempotency key');
    });
  }

  it('classifies a 451 answer as transient', async () => {
    smtp.mode = 451;
    const io = ioWith(smtp.port);
    const d = await email.send(email.render(makeAlert(), cfg), cfg, io);
    io.close();
    assert.deepEqual(d.ok ? d : { permanent: d.permanent, reason: d.reason }, { permanent: false, reason: 'server-error' });
  });

  it('classifies a 550 answer as permanent', async () => {
    smtp.mode = 550;
    const io = ioWith(smtp.port);
    const d = await email.send(email.render(makeAlert(), cfg), cfg, io);
    io.close();
    assert.deepEqual(d.ok ? d : { permanent: d.permanent, reason: d.reason }, { permanent: true, reason: 'rejected' });
  });

  it('classifies a refused connection as transient', async () => {
    const io = ioWith(await closedPort());
    const d = await email.send(email.render(makeAlert(), cfg), cfg, io);
    io.close();
    assert.deepEqual(d.ok ? d : { permanent: d.permanent, reason: d.reason }, { permanent: false, reason: 'network' });
  });

  it('classifies bad credentials as a permanent config problem', async () => {
    smtp.mode = 'accept';
    const io = ioWith(smtp.port, 'wrong-password-123');
    const d = await email.send(email.render(makeAlert(), cfg), cfg, io);
    io.close();
    assert.deepEqual(d.ok ? d : { permanent: d.permanent, reason: d.reason }, { permanent: true, reason: 'bad-config' });
  });

  it('refuses to send without a mail transport, permanently', async () => {
    const d = await email.send(email.render(makeAlert(), cfg), cfg, { http: createHttpClient(), now: () => 0, idempotencyKey: 'k' });
    assert.ok(!d.ok && d.permanent && d.reason === 'bad-config');
  });

  it('draws a chart whose PNG inflates to one palette byte per pixel plus a filter byte per row', () => {
    const part = email.render(makeAlert(), cfg).parts[0]!;
    assert.ok(part.kind === 'email' && part.attachments?.[0]);
    const png = Buffer.from(part.attachments![0]!.content);
    const idat = png.indexOf('IDAT');
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    assert.equal(raw.length, 200 * (600 + 1));
  });
});
