/**
 * Most posts a brand monitor sees are plain chatter; each one scored negative is a false alarm.
 * Every post here was written for this test (not from any data set, and not from the templates
 * in src/lexicon/neutral-chatter.ts that the learned weights were tuned with).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { repoModel } from './helpers.js';
import { CHATTER_BRANDS, zhEverydayChatter, zhNeutralChatter } from '../../src/lexicon/neutral-chatter.js';

const CHATTER: Record<string, string[]> = {
  'Chinese announcements': ['官方公告：本店春节期间营业时间调整为上午十点到晚上八点', '小米新店下周六在人民路开业', '新品上市，欢迎大家到店品尝', '比亚迪的新车下个月交付', '农夫山泉出了一款新的茶饮料', '618活动从下周一开始，记得提前加购物车'],
  'Chinese questions': ['新款手机什么时候发布？', '请问星巴克的会员卡可以在外卖上用吗？', '有没有人知道蔚来的换电站在哪里', '元旦假期海底捞营业到几点？', '请问顺丰寄到北京一般要几天', '周杰伦代言的那款饮料在哪里能买到'],
  'Chinese orders and plain mentions': ['刚在京东下单了一台洗衣机，周五送到', '今天中午吃的麦当劳，两个汉堡一杯可乐', '晚上点了一份肯德基全家桶，看球赛', '拼多多上买的纸巾到了，放在门卫', '下载了新版的微信，界面换了颜色', '这款耳机有白色和黑色两种颜色', '雨天点了一杯热豆浆和两根油条', '奶奶让我帮她在淘宝上买一个保温杯'],
  'Chinese check-ins': ['早上来一杯鹿鸣咖啡的拿铁，开始上班。', '在鹿鸣咖啡等朋友，环境挺安静的。', '打卡西湖边的喜茶，排队的人挺多', '周末带孩子去宜家逛了逛', '同学聚会定在大董烤鸭，六点半到', '电影院楼下的必胜客换了新菜单'],
  'English announcements': ['Tesla is holding its earnings call on Wednesday at 5pm', 'Our new store opens on Elm Street next Saturday, come say hi', 'Samsung announced the Galaxy event for August 10', 'Reminder: our support hours change to 9am-6pm starting Monday', 'We are hiring baristas at our downtown location', 'Ford is unveiling the new Bronco trim next week'],
  'English questions': ['When does the new iPhone come out?', 'Does Target price match with Amazon?', 'Which Uber Eats restaurants deliver after midnight here?', 'How late is the Walmart pharmacy open on Sundays?', 'Is the Starbucks holiday menu out yet?', 'Does anyone know what time McDonalds stops serving breakfast?'],
  'English orders and check-ins': ['Just ordered a pair of running shoes from Nike, arrives Friday', 'Checked in at the Starbucks on Main Street', 'Ordered two pizzas from Dominos for the game tonight', 'Waiting at the gate for my Delta flight to Boston', 'Lunch at Chipotle with the team', 'Booked a room at the Hilton for the conference', 'Morning flat white from Lumen Coffee, same as every day.'],
};

const COMPLAINTS = [
  '在瑞幸买的咖啡里有苍蝇，店员还不承认',
  '京东买的冰箱送来就是坏的，客服一直推脱',
  '快递丢了一个星期了，没人管',
  '充了会员第二天就不能用了，要求退款',
  '这家店的服务员态度太差了，再也不来了',
  '外卖晚了一个半小时，打电话也没人接',
  '被乱扣费了，查都查不到是什么项目',
  'Lumen Coffee got my order wrong again, asked for decaf and got a double',
  'Been on the phone with Comcast for an hour and still no internet',
  'My Uber driver cancelled three times and I still got charged a fee',
  '@bank why is there a charge on my account I never made',
  'Your customer service line hung up on me twice today',
];

describe('plain brand chatter is not negative', () => {
  const model = repoModel();
  for (const [kind, posts] of Object.entries(CHATTER)) {
    for (const text of posts) {
      it(`does not count ${kind.toLowerCase()} such as "${text}" as negative`, () => {
        const r = scoreText(model, text);
        assert.equal(r.negative, false, `${r.negativity}: ${r.evidence.join('; ')}`);
        assert.equal(r.complaint, false);
      });
    }
  }

  for (const text of COMPLAINTS) {
    it(`still counts the complaint "${text}" as negative`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, `${r.negativity}: ${r.evidence.join('; ')}`);
    });
  }

  it('needs some negative evidence: a post of only brand and product names is not negative', () => {
    for (const text of ['鹿鸣咖啡', '华为 小米 苹果', 'Lumen Coffee', '鹿鸣咖啡 Lumen Coffee', '']) assert.equal(scoreText(model, text).negative, false, text);
  });
});

describe('generated everyday chatter for the Chinese tuning set', () => {
  it('fills every slot, repeats itself for a seed, and names no brand', () => {
    const posts = zhEverydayChatter(500, 13);
    assert.deepEqual(zhEverydayChatter(500, 13), posts);
    assert.notDeepEqual(zhEverydayChatter(500, 14), posts);
    for (const p of posts) assert.doesNotMatch(p, /[{}]/, p);
    for (const p of posts) for (const b of CHATTER_BRANDS) assert.ok(!p.includes(b), `${b} in ${p}`);
    // The brand chatter does name them: the check above can fail.
    assert.ok(zhNeutralChatter(50, 7).some((p) => CHATTER_BRANDS.some((b) => p.includes(b))));
  });
});
