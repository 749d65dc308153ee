/**
 * A local server that behaves like the IM platforms: it accepts, rejects with each platform's own error
 * shape, hangs, rate-limits and fails. It verifies signatures with node:crypto, independently of the channels.
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

export const FEISHU_SECRET = 'feishu-signing-secret-9f8e';
export const DINGTALK_SECRET = 'SECdingtalk0123456789abcdef';
/** The receiver knows only the OLD key: the channel must still sign with it during rotation. */
export const OLD_WEBHOOK_KEY = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const NEW_WEBHOOK_KEY = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg).digest('base64');

/** Platform error answers, as the platforms send them. */
const REJECT: Record<string, () => Response> = {
  slack: () => new Response('no_service', { status: 404 }),
  teams: () => Response.json({ error: { code: 'InvalidRequestContent', message: 'The request content is not valid' } }, { status: 400 }),
  feishu: () => Response.json({ code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} }),
  dingtalk: () => Response.json({ errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' }),
  wecom: () => Response.json({ errcode: 93000, errmsg: 'invalid webhook url, hint: [1699999999_1_abcdef]' }),
  webhook: () => new Response('gone', { status: 410 }),
};
const OK: Record<string, () => Response> = {
  slack: () => new Response('ok'),
  teams: () => new Response(null, { status: 202 }),
  feishu: () => Response.json({ code: 0, msg: 'success', data: {} }),
  dingtalk: () => Response.json({ errcode: 0, errmsg: 'ok' }),
  wecom: () => Response.json({ errcode: 0, errmsg: 'ok' }),
  webhook: () => new Response(null, { status: 204 }),
};

function signatureProblem(platform: string, url: URL, headers: Headers, raw: string): string | null {
  if (platform === 'feishu') {
    const b = JSON.parse(raw) as { timestamp?: string; sign?: string };
    return b.sign === hmac(`${b.timestamp}\n${FEISHU_SECRET}`, '') ? null : 'feishu';
  }
  if (platform === 'dingtalk') {
    const ts = url.searchParams.get('timestamp');
    return url.searchParams.get('sign') === hmac(DINGTALK_SECRET, `${ts}\n${DINGTALK_SECRET}`) ? null : 'dingtalk';
  }
  if (platform === 'webhook') {
    const expected = hmac(Buffer.from(OLD_WEBHOOK_KEY.slice(6), 'base64'), `${headers.get('webhook-id')}.${headers.get('webhook-timestamp')}.${raw}`);
    return (headers.get('webhook-signature') ?? '').split(' ').includes(`v1,${expected}`) ? null : 'webhook';
  }
  return null;
}

export interface FakePlatforms {
  base: string;
  received: { platform: string; mode: string; body: string }[];
  close(): Promise<void>;
}

/** Starts the fake platforms on 127.0.0.1; URLs are `${base}/<platform>/<mode>/<token>`. */
export async function startFakePlatforms(): Promise<FakePlatforms> {
  const received: FakePlatforms['received'] = [];
  const app = new Hono();
  app.post('/:platform/:mode/*', async (c) => {
    const { platform, mode } = c.req.param();
    const raw = await c.req.text();
    received.push({ platform, mode, body: raw });
    const url = new URL(c.req.url);
    switch (mode) {
      case 'ok':
        return signatureProblem(platform, url, c.req.raw.headers, raw) ? REJECT[platform]!() : OK[platform]!();
      case 'reject':
        return REJECT[platform]!();
      case 'invalid':
        return new Response('invalid_payload', { status: 400 });
      case 'busy':
        return Response.json(platform === 'feishu' ? { code: 11232, msg: 'frequency limited' } : { errcode: platform === 'wecom' ? 45009 : 130101, errmsg: 'send too fast' });
      case 'garbage':
        return new Response('<html>proxy error</html>', { status: 200 });
      case 'ratelimit':
        return new Response('rate_limited', { status: 429, headers: { 'retry-after': '30' } });
      case 'down':
        return new Response('upstream unavailable', { status: 503 });
      case 'echo':
        // A misbehaving platform that echoes the request (token and all) into its error.
        return new Response(`bad request to ${c.req.url}: ${raw.slice(0, 200)}`, { status: 400 });
      case 'timeout':
        await new Promise((r) => setTimeout(r, 3000));
        return OK[platform]!();
      default:
        return new Response('unknown mode', { status: 500 });
    }
  });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
