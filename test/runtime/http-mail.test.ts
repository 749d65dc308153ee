/** Email over an HTTP mail API (the Workers transport), against a fake provider on 127.0.0.1. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createHttpMailer } from '../../src/channels/http-mail.js';
import { createHttpClient } from '../../src/lib/http.js';
import type { MailMessage } from '../../src/channels/channel.js';

const KEY = 're_test_key_0123456789abcdef';

interface Call {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function makeMail(over: Partial<MailMessage> = {}): MailMessage {
  return { from: 'emberwatch@example.com', to: ['pr-oncall@example.com'], subject: '[critical] Acme: refund complaints spreading', text: 'plain', html: '<p>html</p>', idempotencyKey: 'alert-1:pr-mail', ...over };
}

describe('the HTTP mail transport', () => {
  const calls: Call[] = [];
  let server: Server;
  let base = '';
  const mailer = (path: string) => createHttpMailer({ url: `${base}${path}`, apiKey: KEY, http: createHttpClient({ allowPrivate: true }) });

  before(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        calls.push({ path: req.url!, headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> });
        if (req.url === '/busy') {
          res.writeHead(429, { 'retry-after': '7' }).end('{"message":"slow down"}');
        } else if (req.url === '/bad-key') {
          // Some providers echo what they were sent; the key must still not reach the delivery row.
          res.writeHead(401).end(`{"message":"API key ${req.headers.authorization} is invalid"}`);
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"msg_42"}');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise((r) => server.close(r)));

  it('posts the message as JSON with the bearer key and the delivery idempotency key, and returns the provider id', async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const d = await mailer('/emails')(makeMail({ attachments: [{ filename: 'chart.png', cid: 'chart@ew', contentType: 'image/png', content: png }] }));
    assert.deepEqual(d, { ok: true, id: 'msg_42' });
    const c = calls.at(-1)!;
    assert.equal(c.headers.authorization, `Bearer ${KEY}`);
    assert.equal(c.headers['idempotency-key'], 'alert-1:pr-mail');
    assert.deepEqual(c.body.to, ['pr-oncall@example.com']);
    assert.equal(c.body.subject, '[critical] Acme: refund complaints spreading');
    assert.deepEqual(c.body.attachments, [{ filename: 'chart.png', content: Buffer.from(png).toString('base64'), content_type: 'image/png', content_id: 'chart@ew' }]);
  });

  it('treats a rate limit as transient and keeps the wait the provider asked for', async () => {
    const d = await mailer('/busy')(makeMail());
    assert.equal(d.ok, false);
    assert.ok(!d.ok && !d.permanent && d.reason === 'rate-limited');
    assert.ok(!d.ok && d.retryAfterMs !== undefined && d.retryAfterMs >= 6_000);
  });

  it('treats a refused key as permanent without ever showing the key', async () => {
    const d = await mailer('/bad-key')(makeMail());
    assert.ok(!d.ok && d.permanent);
    assert.ok(!d.ok && !d.detail.includes(KEY), !d.ok ? d.detail : '');
    assert.match(!d.ok ? d.detail : '', /HTTP 401: .*<secret>/, 'the echoed key is redacted, the rest of the answer kept');
  });

  it('refuses a configuration without an API key', () => {
    assert.throws(() => createHttpMailer({ url: `${base}/emails`, apiKey: '', http: createHttpClient() }), /MAIL_API_KEY/);
  });
});
