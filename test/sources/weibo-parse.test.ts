import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRepostChain, parseWeiboCount, parseWeiboDate, parseWeiboReposts } from '../../src/sources/weibo-parse.js';

// 2026-11-17 10:00 in Shanghai.
const NOW = Date.parse('2026-11-17T02:00:00Z');
const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('weibo counts', () => {
  for (const [raw, want] of [[1520, 1520], ['1520', 1520], ['1.2万', 12000], ['100万+', 1000000], ['3亿', 300000000], ['1,234', 1234], ['', 0], ['很多', 0], [null, 0], [-5, 0]] as const) {
    it(`reads ${JSON.stringify(raw)} as ${want}`, () => assert.equal(parseWeiboCount(raw), want));
  }
});

describe('weibo dates, read in Asia/Shanghai', () => {
  const cases: [string, number][] = [
    ['刚刚', NOW],
    ['30秒前', NOW - 30_000],
    ['5分钟前', NOW - 5 * 60_000],
    ['2小时前', NOW - 2 * 3_600_000],
    ['今天 09:15', shanghai('2026-11-17T09:15:00')],
    ['昨天 10:00', shanghai('2026-11-16T10:00:00')],
    ['前天 23:59', shanghai('2026-11-15T23:59:00')],
    ['11-24', shanghai('2025-11-24T00:00:00')], // later than today, so last year
    ['11-16', shanghai('2026-11-16T00:00:00')],
    ['2026-11-01', shanghai('2026-11-01T00:00:00')],
    ['2026-11-01 08:30', shanghai('2026-11-01T08:30:00')],
    ['Tue Nov 17 10:00:00 +0800 2026', Date.parse('2026-11-17T02:00:00Z')],
    ['Mon Nov 16 18:00:00 +0000 2026', Date.parse('2026-11-16T18:00:00Z')],
  ];
  for (const [raw, want] of cases) it(`reads "${raw}"`, () => assert.equal(parseWeiboDate(raw, NOW), want));

  it('treats "昨天" after midnight Shanghai time as the Shanghai yesterday, not the UTC one', () => {
    const justAfterMidnight = shanghai('2026-11-18T00:30:00'); // still Nov 17 in UTC
    assert.equal(parseWeiboDate('昨天 23:00', justAfterMidnight), shanghai('2026-11-17T23:00:00'));
  });

  for (const bad of ['', 'yesterday', '13-01', '2026-02-30', 'Tue Foo 17 10:00:00 +0800 2026', '昨天 25:00']) {
    it(`refuses "${bad}"`, () => assert.equal(parseWeiboDate(bad, NOW), undefined));
  }
});

describe('weibo repost chains', () => {
  it('splits the reposter\'s words from the chain, nearest reposter first', () => {
    assert.deepEqual(parseRepostChain('太离谱了//@路人甲:转发//@愤怒的顾客:AcmeCo 重复扣款'), { comment: '太离谱了', chain: ['路人甲', '愤怒的顾客'] });
  });

  it('accepts a full-width colon and an empty own comment', () => {
    assert.deepEqual(parseRepostChain('//@消费观察：已经收到多起投诉'), { comment: '', chain: ['消费观察'] });
  });

  it('points a repost at the reposter it names when that repost is on the page, else at the root', () => {
    const page = {
      ok: 1,
      data: {
        data: [
          { created_at: '1分钟前', mid: '302', raw_text: '扩散//@消费观察:已经收到多起投诉', user: { screen_name: '普通网友', followers_count: 12 }, retweeted_status: { mid: '100' } },
          { created_at: '3分钟前', mid: '301', raw_text: '已经收到多起投诉', user: { screen_name: '消费观察', followers_count: '125万' }, retweeted_status: { mid: '100' } },
          { created_at: '4分钟前', mid: '303', raw_text: '转发//@不在本页的人:看看', user: { screen_name: '甲' }, retweeted_status: { mid: '100' } },
        ],
      },
    };
    const r = parseWeiboReposts(page, NOW);
    assert.ok(r.ok);
    const parent = Object.fromEntries(r.value.items.map((i) => [i.post.externalId, i.post.parentExternalId]));
    assert.deepEqual(parent, { '302': '301', '301': '100', '303': '100' });
    assert.equal(r.value.items.find((i) => i.post.externalId === '301')!.post.authorFollowers, 1_250_000);
    assert.ok(r.value.items.every((i) => i.post.kind === 'repost'));
  });

  it('reports a login wall as an error with the platform\'s words', () => {
    const r = parseWeiboReposts({ ok: 0, msg: '请先登录' }, NOW);
    assert.ok(!r.ok);
    assert.match(r.detail, /请先登录/);
  });
});
