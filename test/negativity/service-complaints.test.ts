import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { repoModel } from './helpers.js';

// Customer-service complaints written for these tests (not from any data set). Most carry no
// sentiment word at all: the failure itself is the complaint.
const EN_COMPLAINTS = [
  "@skyjet my flight was cancelled and I've been on hold for 2 hours",
  "@skyjet flight 482 delayed again, third time this month",
  "@northtel I have been waiting 45 minutes to speak to someone",
  "@northtel internet has been down since yesterday morning",
  "@northtel the outage is still going, any ETA?",
  "@shopmart I was charged twice for the same order",
  "@shopmart still waiting on my refund from three weeks ago",
  "@shopmart where is my refund? returned the item on the 3rd",
  "@parcelgo my parcel says delivered but it is not here",
  "@parcelgo tracking hasn't updated in 6 days",
  "@skyjet you lost my luggage and nobody can tell me where it is",
  "@skyjet my bag didn't make it to Denver",
  "@shopmart ordered a blue jacket, received a red one in the wrong size",
  "@shopmart the package arrived with half the items missing",
  "@northtel sent three emails and no one has replied",
  "@northtel DM'd you twice, still no answer",
  "@foodly my order came 90 minutes late and cold",
  "@foodly the driver never showed up and the app says delivered",
  "@cafebrew the staff member at the counter was really rude to my mother",
  "@bankly there is a charge on my card I did not make",
  "@bankly my account has been locked for a week and support keeps transferring me",
  "@skyjet been sitting on the tarmac for 3 hours with no information",
  "@northtel I want to cancel my contract, this is the fourth outage this month",
  "@shopmart the blender stopped working after two uses",
  "@shopmart still no update on my order from last month",
  "@skyjet they rebooked me on a flight tomorrow evening, I'll miss the wedding",
  "@northtel you promised a technician between 8 and 12, nobody came",
  "@bankly transferred money 5 days ago and it never arrived",
  "@foodly I was given someone else's order",
  "@shopmart can someone call me back? it's been a week",
  "@railco the 7:15 was cancelled with no announcement, now I'm late for work",
  "@railco third train this week that just didn't show up",
  "@mobix my phone bill doubled this month and nobody can explain why",
  "@mobix I've been trying to port my number for 10 days",
  "@mobix no signal at home for the last four days",
  "@hotelier booked a king room, they gave us two singles and no apology",
  "@hotelier the room hadn't been cleaned when we checked in",
  "@airly I paid for extra legroom and got a middle seat at the back",
  "@airly stuck in Frankfurt overnight, no hotel voucher, no help",
  "@airly the gate agent told us to go away",
  "@shoply returned it a month ago and still haven't seen the money",
  "@shoply order says shipped but it's been sitting in the same place for a week",
  "@shoply got an empty box",
  "@shoply your chat bot keeps closing my conversation",
  "@bankly my card was declined everywhere today even though there's money in the account",
  "@bankly the app logs me out every time I try to pay",
  "@streamz paid for premium and it still shows ads",
  "@streamz service has been down all evening",
  "@carco the dealership has had my car for three weeks for a simple repair",
  "@insurely claim submitted in March, still pending",
  "@fooddash order arrived missing the drinks and the fries",
  "@fooddash refund denied even though the food never came",
  "@gymfit they keep billing me after I cancelled my membership",
  "@couriers left my package out in the rain, everything inside is soaked",
  "@telly 5th technician appointment missed",
];
const ZH_COMPLAINTS = [
  "我的快递丢件了，客服一直说在查",
  "退款申请了半个月还没到账",
  "在你们店买的手机用了三天就开不了机",
  "客服不理人，留言三天没回",
  "发错货了，我买的是黑色收到的是白色",
  "莫名其妙被扣费了两次",
  "售后电话一直打不通",
  "外卖送了两个小时才到",
  "航班取消了也不通知一声",
  "充了会员结果用不了，要求退款",
  "已经向12315投诉了",
  "我要维权，大家帮忙转发曝光一下",
  "买到的牛奶是过期的",
  "下单一周了还没发货",
  "物流信息五天没更新了",
  "申请售后被拒绝了",
  "家里宽带又断了，报修三天没人来",
  "预约的师傅没来也没打电话",
  "套餐被偷偷改了，每个月多扣二十块",
  "快递显示已签收，但我根本没收到",
  "买的衣服洗一次就缩水了",
  "店家发货太慢了，一个星期还没发",
  "退货寄回去半个月了，钱还没退",
  "打了十几次客服电话都没人接",
  "会员到期自动扣费，根本没提醒",
  "说好的赠品没有送",
  "下单之后商家说没货了，让我自己取消",
  "网购的鞋子两只不一样大",
  "维修了三次还是同样的问题",
  "酒店前台把我们的预订弄丢了",
  "银行卡莫名其妙被冻结了",
  "手机刚买一个月屏幕就出现绿线",
];
// Questions, thanks and praise addressed to the same kinds of brand: none of them is negative.
const EN_NOT_NEGATIVE = [
  "what time does the store open?",
  "does the new phone come in green?",
  "@skyjet can I bring a stroller on board?",
  "how do I change my delivery address?",
  "is the sale still on this weekend?",
  "@northtel what are your customer service hours?",
  "picked up my order today, thanks!",
  "the refund came through quickly, thank you",
  "great service at the downtown branch today",
  "@foodly loving the new menu",
  "my flight was on time and the crew were lovely",
  "just checked in at the hotel, lovely room",
  "@railco is the 7:15 running on the bank holiday?",
  "@mobix how do I add a second line to my plan?",
  "@hotelier do you have parking at the city centre hotel?",
  "@shoply what's your returns policy for sale items?",
  "@bankly how long does a transfer to another bank usually take?",
  "@fooddash is there a delivery fee for orders over 20?",
  "@airly can I change my seat online?",
  "the new update looks really clean, nice work",
  "refund arrived today, quick and painless",
  "customer service sorted my problem in minutes, thanks",
  "just got my order, fits perfectly",
  "waiting for my friend outside the cinema",
  "my package arrives tomorrow",
];
const ZH_NOT_NEGATIVE = [
  "门店几点开门？",
  "请问这款有没有红色的？",
  "怎么修改收货地址？",
  "今天收到货了，包装很好",
  "客服回复很快，问题解决了，点赞",
  "退款已经到账了，谢谢",
  "双十一活动什么时候开始？",
  "请问周末营业吗？",
  "这个套餐每个月多少钱？",
  "怎么申请发票？",
  "快递今天到了，很快",
  "客服很耐心，给我解决了问题",
  "衣服质量挺好，会回购",
];

describe('customer-service complaints without sentiment words', () => {
  const model = repoModel();
  for (const [lang, posts] of [['English', EN_COMPLAINTS], ['Chinese', ZH_COMPLAINTS]] as const) {
    for (const text of posts) {
      it(`counts the ${lang} complaint "${text}" as negative and as a complaint`, () => {
        const r = scoreText(model, text);
        assert.equal(r.negative, true, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
        assert.equal(r.complaint, true, r.evidence.join('; '));
      });
    }
  }
});

describe('questions and praise addressed to a brand', () => {
  const model = repoModel();
  for (const text of [...EN_NOT_NEGATIVE, ...ZH_NOT_NEGATIVE]) {
    it(`does not count "${text}" as negative or as a complaint`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, false, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
      assert.equal(r.complaint, false, r.evidence.join('; '));
    });
  }
});

describe('a complaint phrased as a question', () => {
  const model = repoModel();
  it('stays a complaint when the question carries the failure', () => {
    for (const text of ['how do I cancel my order? been waiting 3 weeks', '怎么申请退款？等了一个星期还没到']) {
      const r = scoreText(model, text);
      assert.equal(r.negative && r.complaint, true, text);
    }
  });
});
