/** An m.weibo.cn fake: getIndex search (cards/card_group, page numbers), statuses/show, repostTimeline with //@ chains. */
import { Hono } from 'hono';
import type { Source } from '../../../src/sources/source.js';
import { weibo } from '../../../src/sources/weibo.js';
import { allItems, answer, pageAt, withRefresh, type FakeItem, type PlatformFake, type Scenario } from './harness.js';

const COOKIE = 'SUB=_2A25abcdefSECRETcookie; SUBP=0033WrSXqPxfM72';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue Nov 17 10:00:00 +0800 2026" for an instant. */
export function weiboTime(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0800 ${d.getUTCFullYear()}`;
}

export const mblog = (it: FakeItem) => ({
  created_at: weiboTime(it.at), id: it.id, mid: it.id, bid: `B${it.id}`, text: `${it.text}<a href="/n/x">#话题#</a>`,
  reposts_count: it.reposts >= 10000 ? `${it.reposts / 10000}万` : it.reposts, comments_count: it.replies, attitudes_count: String(it.likes),
  user: { id: Number(it.id) * 7, screen_name: it.author, followers_count: it.followers },
});

export const search = (items: FakeItem[]) => JSON.stringify({ ok: 1, data: { cardlistInfo: { page_type: 'searchall', page: 2 }, cards: [{ card_type: 11, card_group: items.map((it) => ({ card_type: 9, mblog: mblog(it) })) }] } });

export const weiboFake: PlatformFake = {
  name: 'weibo',
  source: weibo as Source<unknown>,
  env: { WB: COOKIE },
  secret: COOKIE,
  paged: true,
  config: (base) => ({ cookie_env: 'WB', api_base: base, page_delay_ms: 0, timeout_ms: 2000, max_pages: 10 }),
  externalId: (it) => it.id,
  app(s: Scenario) {
    const app = new Hono();
    app.use('*', async (c, next) => (c.req.header('cookie') === COOKIE ? next() : c.json({ ok: 0, msg: '请先登录' })));
    app.get('/api/container/getIndex', (c) => answer(s, search(pageAt(s, Number(c.req.query('page') ?? 1) - 1)), JSON.stringify({ ok: 1, data: { cards: [] } })));
    app.get('/statuses/show', (c) => {
      const it = allItems(s).find((i) => i.id === c.req.query('id'));
      return c.json(it ? { ok: 1, data: mblog(withRefresh(s, it)) } : { ok: 0, msg: '微博不存在' });
    });
    app.get('/api/statuses/repostTimeline', (c) => {
      const root = c.req.query('id')!;
      const t = Date.parse('2026-11-17T02:50:00Z');
      return c.json({ ok: 1, data: { data: [
        { created_at: weiboTime(t + 5 * 60_000), id: '8002', mid: '8002', raw_text: '扩散//@消费观察:已经收到多起投诉', reposts_count: 0, comments_count: 0, attitudes_count: 0, user: { screen_name: '普通网友', followers_count: 301 }, retweeted_status: { id: root, mid: root } },
        { created_at: weiboTime(t), id: '8001', mid: '8001', raw_text: '已经收到多起投诉', reposts_count: 96, comments_count: 12, attitudes_count: 230, user: { screen_name: '消费观察', followers_count: '125万' }, retweeted_status: { id: root, mid: root } },
      ], total_number: 2, max: 1 } });
    });
    return app;
  },
};
