/** Table tests for render: every channel, both languages, hostile text, long messages. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNELS } from '../../src/channels/registry.js';
import type { Channel, Outbound } from '../../src/channels/channel.js';
import { utf8Bytes } from '../../src/channels/split.js';
import { makeAlert, makeLongAlert, LIVE_MARKUP } from './fixtures.js';

const CONFIGS: Record<string, Record<string, unknown>> = {
  email: { from: 'ember@example.com', to: ['pr@example.com'] },
  slack: { url: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX' },
  teams: { url: 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=SIGSIGSIGSIG' },
  feishu: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/00000000-aaaa-bbbb-cccc-000000000000', secret: 'feishu-secret-1' },
  dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=ffffffffffffffffffff', secret: 'SECdingtalksecret' },
  wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' },
  webhook: { url: 'https://hooks.example.com/ember', signing_keys: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const channels = Object.values(CHANNELS) as Channel<any>[];
const text = (o: Outbound) => o.parts.map((p) => (p.kind === 'json' ? JSON.stringify(p.body) : `${p.subject}\n${p.text}\n${p.html}`)).join('\n');

describe('render', () => {
  for (const ch of channels) {
    const cfg = ch.parseConfig(CONFIGS[ch.kind]!, {});
    for (const lang of ['en', 'zh'] as const) {
      it(`${ch.kind} (${lang}) shows the numbers, the posts, the guidance and the ack link`, () => {
        const a = makeAlert({ lang });
        const out = text(ch.render(a, cfg));
        for (const needle of [a.summary, a.guidance!.holdingStatement[lang], a.ackUrl, a.incidentUrl, '退款三次都没人理']) assert.ok(out.includes(needle), `missing ${needle}`);
        if (ch.kind !== 'webhook') assert.ok(out.includes(lang === 'zh' ? '确认接手' : 'Acknowledge'), 'ack label in the alert language');
      });
    }
    if (ch.kind !== 'webhook' && ch.kind !== 'email') {
      it(`${ch.kind} leaves no live mention, link or markup from post text`, () => {
        const out = text(ch.render(makeAlert(), cfg));
        for (const bad of LIVE_MARKUP) assert.ok(!out.includes(bad), `${bad} survived`);
      });
    }
  }

  it('email HTML escapes post text and authors, and defangs their links', () => {
    const part = CHANNELS.email.render(makeAlert(), CHANNELS.email.parseConfig(CONFIGS.email!, {})).parts[0]!;
    assert.equal(part.kind, 'email');
    if (part.kind !== 'email') return;
    for (const bad of ['<script>', '<img src=x', '<!channel>', '<at user_id', 'https://phish.example']) assert.ok(!part.html.includes(bad), `${bad} in html`);
    assert.ok(part.html.includes('&lt;script&gt;'));
    assert.ok(part.html.includes('src="cid:spread-chart@emberwatch"'));
    assert.equal(part.attachments?.[0]?.contentType, 'image/png');
  });

  it('drops non-http post links instead of rendering them', () => {
    const a = makeAlert({ topPosts: [{ ...makeAlert().topPosts[0]!, url: 'javascript:alert(1)' }] });
    for (const ch of channels.filter((c) => c.kind !== 'webhook')) assert.ok(!text(ch.render(a, ch.parseConfig(CONFIGS[ch.kind]!, {}))).includes('javascript:'), ch.kind);
  });

  const LIMITS: Record<string, (body: Record<string, any>) => boolean> = {
    slack: (b) => b.blocks.length <= 50 && b.blocks.every((x: any) => (x.text?.text ?? '').length <= 3000),
    teams: (b) => utf8Bytes(JSON.stringify(b)) <= 28_000,
    feishu: (b) => utf8Bytes(JSON.stringify(b)) <= 20_000,
    dingtalk: (b) => utf8Bytes(b.markdown.text) <= 20_000,
    wecom: (b) => utf8Bytes(b.markdown.content) <= 4096,
  };
  for (const [kind, fits] of Object.entries(LIMITS)) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${kind} (${lang}) splits a long alert into parts within the platform limit, each with the ack link`, () => {
        const ch = CHANNELS[kind as keyof typeof CHANNELS] as Channel<any>;
        const out = ch.render(makeLongAlert(lang), ch.parseConfig(CONFIGS[kind]!, {}));
        assert.ok(out.parts.length > 1, `expected several parts, got ${out.parts.length}`);
        for (const p of out.parts) {
          assert.equal(p.kind, 'json');
          if (p.kind !== 'json') continue;
          assert.ok(fits(p.body as Record<string, any>), `a ${kind} part exceeds the limit`);
          assert.ok(JSON.stringify(p.body).includes('ember.example/ack/inc-42'), 'ack link in every part');
        }
      });
    }
  }

  it('rejects webhook URLs on hosts that are not the platform', () => {
    for (const kind of ['slack', 'feishu', 'dingtalk', 'wecom', 'teams'] as const) {
      assert.throws(() => CHANNELS[kind].parseConfig({ url: 'https://attacker.example/hook/abcdefabcdefabcdef' }, {}), /url/, kind);
    }
  });

  it('reads secrets from the environment and names the missing variable', () => {
    const cfg = CHANNELS.slack.parseConfig({ url_env: 'SLACK_URL' }, { SLACK_URL: CONFIGS.slack!.url as string });
    assert.equal(cfg.url, CONFIGS.slack!.url);
    assert.throws(() => CHANNELS.slack.parseConfig({ url_env: 'NOPE' }, {}), /NOPE is not set/);
  });
});
