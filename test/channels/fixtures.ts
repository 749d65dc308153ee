/** Alert factories for channel tests, with hostile post text and author names. */
import type { Alert, AlertPost, ChartPoint } from '../../src/core/types.js';

export const HOSTILE_TEXT = '<!channel> @all @所有人 <at user_id="all">所有人</at> <@U024BE7LH> [click](http://evil.example/steal) <script>alert(1)</script> **boss** https://phish.example/login 退款三次都没人理';
export const HOSTILE_AUTHOR = '<img src=x onerror=alert(1)> @here';

/** Fragments that must never survive into an IM message or mail as live markup. */
export const LIVE_MARKUP = ['<!channel>', '<script>', '@all', '@here', '<at user_id', '<@U024BE7LH>', '](http://evil.example', 'https://phish.example', 'onerror=alert(1)>'];

export function makeChart(n = 24, spikeFrom = 18): ChartPoint[] {
  const t0 = Date.UTC(2025, 1, 3, 0, 0);
  return Array.from({ length: n }, (_, i) => ({ t: t0 + i * 300_000, observed: i >= spikeFrom ? 3 + (i - spikeFrom + 1) * 9 : 3 + (i % 3) * 0.5, expected: 3.1, lo: 1.2, hi: 6 }));
}

export function makePost(over: Partial<AlertPost> = {}): AlertPost {
  return { text: HOSTILE_TEXT, url: 'https://weibo.com/123/abc', author: HOSTILE_AUTHOR, followers: 120_000, negativity: 0.93, engagement: 4_800, platform: 'weibo', ...over };
}

export function makeAlert(over: Partial<Alert> = {}): Alert {
  const lang = over.lang ?? 'en';
  return {
    id: 'alert-1',
    incidentId: 'inc-42',
    kind: 'opened',
    brand: { id: 'acme', name: 'Acme 咖啡' },
    severity: 'critical',
    lang,
    createdAt: Date.UTC(2025, 1, 3, 2, 0),
    title: lang === 'zh' ? '退款投诉快速扩散' : 'Refund complaints spreading fast',
    summary: lang === 'zh' ? '负面转发 48/分钟，基线 3.1/分钟' : 'negative reposts 48/min vs baseline 3.1/min',
    reason: lang === 'zh' ? '负面转发 48/分钟，远高于基线 3.1（p < 1e-6）' : 'opened: negative reposts/min 48 vs baseline 3.1, p < 1e-6',
    chart: makeChart(),
    topPosts: [makePost(), makePost({ author: '小王', text: '第二条：客服一直不回复', url: null, platform: 'douyin' })],
    guidance: {
      playbookId: 'service-failure',
      title: lang === 'zh' ? '服务失误' : 'Service failure',
      responseTargetMinutes: 30,
      loopIn: ['customer-care', 'legal'],
      firstActions: lang === 'zh' ? ['核实退款记录', '联系发帖人'] : ['Check the refund records', 'Contact the author privately'],
      doNot: lang === 'zh' ? ['删除批评评论'] : ['Delete critical comments'],
      holdingStatement: { zh: '我们已注意到相关反馈，正在核实，将尽快回复。', en: 'We have seen the reports and are looking into them now; we will update within the hour.' },
    },
    ackUrl: 'https://ember.example/ack/inc-42?sig=abc123&exp=1738555200',
    incidentUrl: 'https://ember.example/incidents/inc-42',
    ...over,
  };
}

/** An alert too long for any single IM message: many long posts. */
export function makeLongAlert(lang: 'zh' | 'en'): Alert {
  const long = (lang === 'zh' ? '客服不理人，退款拖了三个月。' : 'Support ignored me, refund delayed three months. ').repeat(60);
  return makeAlert({ lang, topPosts: Array.from({ length: 40 }, (_, i) => makePost({ text: `${i + 1}: ${long}`, author: `user${i}` })) });
}
