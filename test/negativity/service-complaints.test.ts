import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { itCountsComplaints, itCountsNegative, itCountsPlain, repoModel } from './helpers.js';

// Customer-service complaints written for these tests (not from any data set). Most carry no
// sentiment word at all: the failure itself is the complaint.
const EN_COMPLAINTS = [
  // Session 5 probes: a broken promise, a defect told without a sentiment word, a price rise, a
  // repair that should be free, a hair in the food, a detour, sarcastic thanks, paid and not working.
  "@Verizon charged me an activation fee I was told would be waived",
  "@Apple my iPhone 7 battery drains in 3 hours since the update",
  "@Netflix raising prices again while removing half the catalogue",
  "@Ford dealership wants $900 for a repair that should be under warranty",
  "@KFC found a hair in my bucket. lovely",
  "@lyft driver took a weird route and charged me $40 for a 10 min ride",
  "thanks @united for losing my luggage on my honeymoon",
  "@Xbox paid for game pass and half the games won't download",
  // A second, fresh set of probes: 32 of 40 English right before its fixes (these 6 were missed).
  "@DoorDash driver marked it delivered and ate my food apparently",
  "@Peloton my bike has been making a grinding noise since week one",
  "@Marriott booked a king bed, got two twins, front desk shrugged",
  "@Google my Pixel randomly reboots several times a day",
  "@Costco membership renewal charged to a card I removed months ago",
  "@Whirlpool fridge stopped cooling 4 months after purchase",
  // A third fresh set: 36 of 40 right before its fixes (these 4 were missed).
  "@Dropbox synced an old version over my file and now my work is gone",
  "@GrubHub restaurant was closed but the app still took my order and payment",
  "@Xfinity my speed is 5mbps on a 300mbps plan",
  '@TurboTax charged me $120 for the "free" edition',
  // Session 6 probes: airline-style posts (47 of 50 right before the fixes) and product opinions
  // (42 of 60 right before), and four that narrowing the handle rule must not lose.
  "@united why does it take 45 min to get a gate after landing",
  "@united my connection is in 20 min and we're still sitting here. fantastic",
  "@JetBlue the pilot said we're waiting on paperwork. for an hour.",
  "my macbook fan sounds like a jet engine since the update",
  "apple's customer support chat took an hour to tell me to restart my phone",
  "my galaxy screen has a green line down the middle. 8 months old",
  "uber charged me surge pricing at 3am on a tuesday",
  "windows update restarted my laptop in the middle of a presentation",
  "ios update killed my battery life",
  "my fitbit band gave me a rash",
  "the new starbucks cups leak every single time",
  "@Walmart no one was at the register for 20 minutes",
  "@Allstate adjuster hasn't returned a single call in 3 weeks",
  "@Hyundai engine light on again, 3rd time at the dealer this year",
  "@AmericanAir you charged me a bag fee twice",
  "@att my autopay went through twice this month",
  // Session 6, later probe rounds of product opinions (half or fewer caught before their fixes).
  'the new kindle update removed the page turn buttons i actually used',
  'ordered a large pizza from dominos and it was the size of a medium',
  '@Fitbit my sleep data has been blank for 3 nights',
  "my iphone 15 gets so hot when charging i can't hold it",
  '@Spotify why did my downloaded playlists vanish',
  '@Canon printer says out of ink after 20 pages',
  'the lululemon leggings went see-through after two washes',
  'apple maps took me down a dirt road',
  'my garmin watch lost gps halfway through the marathon',
  "wendy's fries were cold and limp",
  '@PlayStation the new firmware made my controller disconnect every 10 min',
  'my lg tv turns itself off during movies',
  '@Logitech my mouse started double clicking after a month',
  'my vitamix lid cracked the first week',
  '@Spectrum internet goes out every night at 11',
  '@Nike the sole on my air max separated after 3 weeks',
  '@Uber driver drove off with my luggage in the trunk',
  'the new firefox update reset all my settings',
  'chick-fil-a forgot the sauce again',
  '@Target my drive up order has been "preparing" for an hour',
  // Round 21, conference-floor posts about tech brands (30 plain ones all right, 6 of 10 complaints before).
  'the ipad 2 smart cover already scratched the screen',
  'google maps sent us to a venue that closed last year',
  'the iphone autocorrect keeps changing google to goggle',
  // "late" written "Late Flight", as one public airline-tweet set spells it (its word replacement).
  '@united flight is Late Flight again',
  // Round 22, airline complaints written fresh after the rounds above: 19 of 30 right before their fixes.
  '@AmericanAir the gate agent gave my seat to a standby passenger',
  "@JetBlue 2 hours on the tarmac and now they're deplaning us",
  '@SouthwestAir your agent told me one thing and the desk told me another',
  "@Delta i paid for wifi and it hasn't worked once this flight",
  '@Alaska_Air the kiosk ate my boarding pass',
  "@united i've been rebooked 3 times and i'm still in chicago",
  '@AmericanAir no vegetarian meal even though i requested one at booking',
  '@Frontier they made me check my bag at the gate and charged me for it',
  '@united the toilets on this plane have been out of order the whole flight',
  "@Delta sent my bag to atlanta. i'm in seattle",
  // Round 23, the last fresh round: 14 of 25 complaints and opinions right before their fixes (25 of 25 plain posts).
  "@Comcast tech was supposed to come between 8 and 12. it's 3pm",
  'the sony tv remote stopped pairing after one week',
  '@Wingstop 20 boneless wings and 6 of them were just breading',
  'the philips hue app forgot all my rooms',
  'the kitchenaid stand mixer bowl scratched after a month',
  "the new lenovo laptop came with 12 trial apps i can't uninstall",
  '@Ticketmaster the fees were 40% of the ticket price',
  // Round eight, implicit complaints: 27 of 35 right before its fixes (these 8 were missed).
  "@united seriously?",
  "@Comcast I just want to talk to a human",
  "@Apple how hard is it to make a charger that lasts more than a year",
  "@Target you had one job",
  "@Verizon 4 different reps, 4 different answers",
  "@HomeDepot 3 trips for one part that was supposed to be in stock",
  "@united you made a 7 year old fly alone next to strangers after promising seats together",
  "@Lyft my driver was on the phone the entire ride and ran a red light",
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
  "@jetstar we sat at the gate for four hours and then they told us to go home",
  "@jetstar flight got moved to 6am without any email",
  "@vodaline my bill says I used 40GB roaming, I wasn't even abroad",
  "@vodaline been trying to cancel for a month and they keep saying it's processing",
  "@amazin package was left with a neighbour I've never met",
  "@amazin the seller sent a used item as new",
  "@amazin where is my order? it said arriving today",
  "@deliveroo rider ate half my chips",
  "@deliveroo my food was spilled all over the bag",
  "@ubercab driver took a longer route and I paid double",
  "@ubercab charged a cancellation fee when the driver cancelled",
  "@starbrew waited 25 minutes for a latte",
  "@starbrew my drink was made with regular milk, I asked for oat",
  "@hilltonhotels the AC in our room doesn't work and it's 35 degrees",
  "@hilltonhotels front desk lost our reservation",
  "@comcastic my internet keeps dropping every evening",
  "@comcastic paying for 500mbps and getting 20",
  "@applecare repair took 3 weeks and the screen is still flickering",
  "@ikeo half the screws were not in the box",
  "@nikeshoes the sole came off after a month",
  "@britishair our connecting flight left without us even though we landed on time",
  "@britishair the lounge turned us away with valid tickets",
  "@spotifly my playlist disappeared after the update",
  "@spotifly why am I being asked to pay again when I already have family plan",
  "@verizen my phone has had no bars since the tower work started",
  "@verizen I was promised a $200 credit that never showed up on my bill",
  "@walmartt the pickup order was ready 2 hours after the time you gave me",
  "@walmartt half the groceries were substituted with stuff I didn't want",
  "@dominoz pizza showed up an hour after the tracker said delivered",
  "@dominoz the order was for large and we got a medium",
  "@netflixx it keeps asking me to log in on my own tv",
  "@fedexx you left a note saying no one was home, I was home all day",
  "@fedexx package has been in transit for 12 days",
  "@upss driver threw my parcel over the fence",
  "@marriotte booked a non-smoking room and it smells of smoke",
  "@marriotte we were charged a resort fee nobody told us about",
  "@tmobil after the merger my plan price went up by $15",
  "@tmobil I've explained my issue to 5 different reps today",
  "@targett self checkout charged me for the same item 3 times",
  "@chipotl my bowl had maybe two spoons of chicken",
  "@easyfly boarding passes wouldn't print at the kiosk and the desk was closed",
  "@easyfly paid for priority and they made everyone board at once",
  "@kroger my delivery showed up with melted ice cream and crushed eggs",
  "@kroger the coupon didn't apply at checkout",
  "@hulu you raised the price and removed the shows I watch",
  "@lyft the app showed 4 minutes and the car never moved",
  "@bestbuy the install team didn't bring the right bracket, now we wait another week",
  "@att been without landline since Tuesday",
  "@att my autopay went through twice this month",
  "@ryanair they made my daughter pay 60 euros for a bag that fit the sizer",
  "@ryanair gate changed three times and nobody announced it",
  "@homedepot ordered a fridge, they delivered a dishwasher",
  "@wendys my burger was raw in the middle",
  "@wendys drive thru took 40 minutes",
  "@paypal my account is limited and I can't access my own money",
  "@paypal the seller never shipped and you closed my case",
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
  "外卖洒了一半，汤都漏在袋子里",
  "打车被绕路，多收了三十块",
  "酒店空调坏了，前台说明天再修",
  "快递员没打电话就把包裹放在门口，结果不见了",
  "买的电脑用了两个月屏幕就闪",
  "办的宽带说好一百兆，实际只有十几兆",
  "信用卡年费没说清楚就扣了",
  "说好七天无理由退货，现在又不给退",
  "商家一直不发货，也不给说法",
  "取消订单后钱迟迟没退回来",
  "在京东买的冰箱，送来就是坏的，客服让我等三天",
  // Round ten, Weibo-style brand complaints: 16 of 20 right before its fixes (these 4 were missed).
  "买了三个月的会员，结果广告一个没少",
  "电动车刚骑一周就掉链子，售后说不归他们管",
  "奶茶里喝出了塑料片，店家还说不可能",
  "健身房说好的随时可退卡，现在各种理由拖着",
  "说好的24小时发货呢？都三天了",
  "双十一说好的优惠呢？",
  // Session 6: Weibo-style product complaints, 22 of 30 right before their fixes (these 8 were missed).
  '新买的扫地机器人每天都卡在沙发底下',
  '华为手机升级完系统以后电池一天两充',
  '小米手环戴了一个月表带就断了',
  '瑞幸今天的拿铁跟白开水一样',
  '微信更新以后聊天记录没了，找了一晚上',
  '买的会员一集广告九十秒，还不能跳过',
  '刚买的电动牙刷充一次电只能用三天',
  '电视开机广告三十秒，关都关不掉',
  // Round 24: 13 of 15 right before their fixes (these 2 were missed).
  '@顺丰速运 说好的次日达，三天了还在转运中',
  '理发店办了卡第二个月就关门了',
];
// Questions, thanks and praise addressed to the same kinds of brand: none of them is negative.
const EN_NOT_NEGATIVE = [
  "@SouthwestAir what time does check in open for tomorrow's 6am flight?",
  "@Apple when is the new iPad coming out?",
  "Samsung announces Galaxy S8 launch event for March 29",
  "@Target do you price match Amazon?",
  // A question about what the plane has: it read 0.504 on learned weights alone after one refit.
  "@Delta does the a350 have power outlets in economy?",
  "@AmericanAir my flight is at 5, is the lounge open early?",
  "Tesla delivers 25,000 cars in the second quarter",
  "Google Pixel 2 hands-on: the camera is the star",
  "@BestBuy black friday deals start when?",
  "@Costco the rotisserie chicken never disappoints",
  "@ATT does the unlimited plan include hotspot?",
  "@Peloton hit 100 rides today!",
  "@Zoom any plans for a dark mode?",
  "@Safeway do you have oat milk in stock at the Castro store?",
  // Asking what the policy is uses a complaint's words (refund, cancel) but is no complaint.
  "@VirginAmerica can I get a refund if I cancel 24 hours before?",
  "@united I need to change my flight to the 6pm, can you help?",
  "@AmericanAir DM sent with my confirmation number",
  "@JetBlue landed 20 minutes early!",
  "@Amazon does prime include free returns?",
  // Praise in words that are negative elsewhere (round eleven: 14 of 20 such posts right before its fixes).
  "@Amazon ridiculously fast shipping, ordered last night and it's here",
  "@Spotify can't stop listening to this playlist",
  "@Google the pixel camera is scary good",
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
  "@britishair what's the baggage allowance to Lisbon?",
  "@spotifly love the new daylist feature",
  "@verizen do you have any deals on the new Pixel?",
  "@walmartt is the pharmacy open on Christmas Eve?",
  "@dominoz best pizza in town, as always",
  "@netflixx when is the next season coming?",
  "@fedexx can I redirect a package to a pickup point?",
  "@marriotte thank you for the upgrade, the view is incredible",
  "@tmobil just switched over, setup took five minutes",
  "@targett found the perfect lamp for my desk",
  "@chipotl the new chicken al pastor is so good",
  "@upss the driver was really kind and helped carry the box upstairs",
  "@delta landed early, smooth flight",
  "@delta is wifi free on international flights?",
  "@starbrew pumpkin spice is back!",
  "@comcastic thanks for fixing my router so fast",
  "@amazin prime day deals are live",
  "@ikeo assembling the new wardrobe tonight",
  "@apple the battery life on this one is great",
  "@uber my driver today was super friendly",
  "@easyfly booked our summer trip to Nice, can't wait",
  "@kroger we're having a barbecue this weekend, stocking up",
  "@hulu we watched the whole season in one weekend",
  "@lyft I'm heading to the airport with you tomorrow morning",
  "@bestbuy picked up my new TV today",
  "@att I just upgraded my plan",
  "@ryanair we're flying with you to Dublin next month",
  "@homedepot we're redoing our kitchen this summer",
  "@wendys I'll take a frosty please",
  "@paypal I sent the money to my sister",
  "@target I'm obsessed with the new home section",
  "@costco we got the big pack of croissants again",
  "@ikea we built the bookshelf together in an hour",
  "@airbnb our host left us a welcome basket",
  "@nike my new running shoes arrived",
  "@sony I bought the new headphones for my trip",
  "@delta my daughter is flying alone for the first time tomorrow",
  "@starbucks my usual order, oat latte",
  "@amazon my package is coming tomorrow",
  "@uber I left my umbrella in the car this morning",
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
  "新品几号上市？",
  "请问如果提前一天取消能退款吗？",
  "周年庆活动几点开始？",
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

describe('the sarcasm cue "服了" (I give up on you)', () => {
  const model = repoModel();
  it('needs a speaker or an addressee, not any 服 followed by 了 (羽绒服了: a down jacket)', () => {
    const sarcasm = (text: string) => scoreText(model, text).evidence.some((e) => e.startsWith('cue sarcasm'));
    assert.equal(sarcasm('入冬了，该买羽绒服了'), false);
    assert.equal(sarcasm('我真服了这个客服'), true);
    assert.equal(sarcasm('服了你们了，三天还没发货'), true);
  });
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

describe('a negative post about a purchase or a service', () => {
  const model = repoModel();
  it('is a complaint even without complaint wording, and names the purchase in the evidence', () => {
    for (const text of ['网上订的蛋糕送来已经压扁了', 'my order arrived and the box was crushed, so disappointed']) {
      const r = scoreText(model, text);
      assert.equal(r.negative && r.complaint, true, text);
      assert.ok(r.evidence.some((e) => e.startsWith('complaint purchase-context')), r.evidence.join('; '));
    }
  });

  it('while a negative post about nothing bought is no complaint', () => {
    for (const text of ['今天心情很差', 'I feel so sad today']) {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, text);
      assert.equal(r.complaint, false, text);
    }
  });
});

describe('product opinions told without a sentiment word', () => {
  const model = repoModel();
  for (const text of [
    "instagram's algorithm only shows me ads now",
    'the new twitter app is slower than the old one',
    'youtube ads are now unskippable and 30 seconds long. no thanks',
    'the ring app takes forever to load the live view',
    'the new youtube tv price is $83 a month now lol no',
    'my new nikes already have a hole in the toe',
    'the new mac keyboard keys stick constantly',
    'the ipad 2 has no retina display, what a letdown',
    '@Spirit $65 for a carry on is robbery',
  ]) {
    it(`counts "${text}" as negative`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
    });
  }
});

// Session 10: a device failing in front of people, calls dropped, a battery low by early afternoon, and opinion words of
// product launches (cringeworthy, vaporware, the fail whale); and the same words where nothing failed.
describe('devices failing at an event, and launch opinions', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'the demo laptop froze mid-keynote and they had to restart it',
    'my phone drops every call in this building',
    'noon and my phone is already at 15%',
    'the smartwatch is vaporware at this point',
    'twitter is over capacity again, hello fail whale',
  ]);
  itCountsPlain(model, [
    'the new tablet looks great, already at 4% off in stores',
    'my campaign is already at 80% of its goal',
    'the keynote starts at noon, phones fully charged',
  ]);
});

// Session 10, round 42's shapes (written here in other words): a device that restarts itself, sarcasm closing a told
// failure ("perfect timing.", "thx apple", before a trailing hashtag), "not like I was in the middle of anything"; and
// plain posts that read as complaints: a search string in quotes, a joke told, praise in the form of "hate how much i love".
describe('round 42 shapes', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'my tablet restarted itself twice during the lecture',
    'laptop crashed right before my demo. great timing. #launchday',
    'my phone wiped all my photos overnight. thx samsung',
    "sure, update now. not like i was in the middle of anything",
    'the new phone gets hot enough to fry an egg',
  ]);
  itCountsPlain(model, [
    'tip: search "free coffee" in the app for the morning deals',
    'my kid asked the speaker to tell a joke and it actually landed',
    'i hate how much i love this game',
    'the new cooler has already paid for itself',
  ]);
});

// Session 10, round 41's Chinese shapes (in other words): a delivery or repair still not brought back, a membership
// that "became a joke", a platform's scheming told by its abacus; and "值不值得" asked, tears of delight in praise.
describe('round 41 Chinese shapes', () => {
  const model = repoModel();
  itCountsNegative(model, [
    '修了一个礼拜的手机到今天还没修好',
    '快递说昨天寄回，到现在还没寄到',
    '这个会员权益成了笑话',
    '平台这算盘打得真响，满减门槛又提高了',
    '这耳机真棒啊，听着听着就自动断开了[赞]',
    '导航软件一次比一次难用',
    '公司说周末“自愿”团建，谁不去谁尴尬',
    '谢谢这家店，让我见识了什么叫货不对板',
    '小区门口的共享充电宝试了三个，没一个能用',
    '这家面馆的分量一天比一天少',
    '排了两个小时说今天不办了，白跑了',
  ]);
  itCountsPlain(model, [
    '这款耳机值不值得买？求推荐',
    '这家的烤鸭好吃到哭，下次还来',
    '【温馨提示】受大雾影响，今晚部分航班取消，请旅客提前关注航班动态',
    '周末用空气炸锅做了蛋挞，一次成功',
    '这台电脑具有定时自动关机功能，挺方便',
    '今天差点迟到，还好赶上了最后一班车',
  ]);
});

// Session 10, round 41's English shapes (in other words): praise ending on an eye-roll, being made to sleep on the floor,
// a closing "classy", billed for what was never used, "says delivered" with nothing there, a date long past, keys that
// double type; and fraud caught, a fix announced, a failure word in another sentence, "want one so bad".
describe('round 41 English shapes', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'thanks @coastrail for the scenic two hour stop in a siding, really made my evening 🙃',
    'big thanks to @skyhop for making us sleep on the floor at the airport 👏',
    '@covercorp ten years of premiums and the first claim gets denied on a technicality. classy',
    'the hotel charged us for parking we never used',
    'tracking says delivered. my doorstep says nothing of the sort, nothing here',
    "@sofaworld couch was due on the 3rd, it's the 19th now",
    'new keyboard double types half my letters',
  ]);
  itCountsPlain(model, [
    '@firstbank thanks for flagging that suspicious payment so quickly',
    'samsung says a fix for the camera lag is rolling out next week',
    'burgers at the corner diner. every time.',
    'saw the new console at the store and want one so bad',
    'the venue wifi went down and my hotspot saved the whole demo. thanks pixel',
    'found my lost keys under the sofa. genius.',
    'three hours of gaming drained my controller. totally worth it',
    'free coffee from the sponsor booth. i will never say a bad word about them again',
    'our team would be lost without this calendar app',
    'my grandma got her first smartphone and called me 5 times today to ask how to take a photo lol',
    'the app was down for an hour this morning, the company says it is fixed now',
  ]);
});

// The words of a complaint in everyday posts. Each was a complaint under the rules before session 6:
// "for the 3rd time" (a film seen again), "cut my hair", "no service fee", and a handle somewhere before
// "wrong", "lost" or "no one". Measured on the SemEval training tweets, these matched far more posts that
// were not negative than ones that were.
describe('complaint words in posts that are no complaint', () => {
  const model = repoModel();
  for (const text of [
    'watching the new Spider-Man for the 3rd time tonight, still love it',
    '@jess finally cut my hair short, feels great',
    'book seats online with no service fee this weekend',
    "@mike correct me if I'm wrong but the game starts at 8?",
    '@sam we lost the final but what a season',
  ]) {
    it(`does not count "${text}" as a complaint`, () => {
      const r = scoreText(model, text);
      assert.equal(r.complaint, false, r.evidence.join('; '));
      assert.equal(r.negative, false, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
    });
  }

  it('names products with sentiment words as names: "genius bar", "joy-con", "best buy"', () => {
    for (const [text, word] of [
      ['the genius bar appointment is at 4', 'genius'],
      ['@Nintendo my joy-con stopped charging', 'joy'],
      ['picked up a TV at best buy', 'best'],
    ] as const) {
      const r = scoreText(model, text);
      assert.ok(!r.evidence.some((e) => e.startsWith(`term "${word}"`)), r.evidence.join('; '));
    }
  });
});

// Rounds 25 and 26 (session 7): 360 posts written by a helper that had not seen the rules (airline tweets, tech and
// consumer brand tweets, Weibo posts), scored before any fix: 279 right. These were missed then and are caught now.
// None of the new English patterns matches a SemEval training tweet.
const ROUND_25_COMPLAINTS = [
  '@USAirways 2 hr hold time just to change a seat?? come on',
  '@VirginAmerica wifi out the entire flight LAX-JFK. paid $12 for it',
  '@JetBlue you really gonna make me pay $25 to check a bag on a $300 ticket',
  '@united one agent at the help desk in IAH. line of 200 people.',
  '@united seriously?? again??',
  '@Delta oversold again and now im "involuntarily denied boarding". missing my sisters rehearsal dinner',
  '@AmericanAir website throwing an error every time I try to pay. all morning',
  "@JetBlue stroller came back bent. it was gate checked. who's paying for that",
  '@united customer care told me to call the airport. the airport told me to call customer care.',
  '@SouthwestAir "high call volume" message and then it just disconnects. 6 tries',
  "@USAirways so I'm just supposed to sleep on the floor in PHL? ok",
  '@VirginAmerica sent 3 emails about the jacket I left on board. crickets',
  'third replacement xbox controller this year and the left stick is drifting again',
  'Tesla service center says 6 week wait for a door handle. a door handle.',
  '#nike running shoes, sole peeling off after 3 weeks http://t.co/7HdwQpZ3aN',
  '@AmazonHelp prime 2 day shipping turned into 6 days lol what am i paying for',
  'gmail down for over an hour and i have a deadline at 5',
  "starbucks wrote Shawn on my cup again, its Sean, and the latte is basically warm milk",
  '2 months into the new macbook pro and the E key already sticks. butterfly keyboard strikes again',
  'itunes sync wiped my whole library. 4000 songs. gone',
  'Comcast tech window 8-12. it is now 2:30. no call no show',
  'skype drops the call every 5 minutes like clockwork',
  'ios 11 on my iphone 6 and it takes 5 seconds to open messages',
  'joycon drift on my second pair now @NintendoAmerica',
  'ps4 stuck on the blinking blue light again @AskPlayStation',
  'netflix raised prices again and removed half the shows i actually watch',
  '#某品牌手机# 充电口用了半年就接触不良，保修期刚好过了两天',
  '天天加班到十一点，加班费一分没有，还说我们不够有狼性',
  '刚买的扫地机器人，第二天就在客厅原地转圈不动了[doge]',
  '宽带报修，说48小时内上门，今天已经第五天了',
  '电动车放楼下又被偷了，这是今年第二辆',
  '等了半年的演唱会临时取消，退票还要扣20%手续费',
  '说好今天上午送货安装，我请了半天假在家等，打电话去问，说师傅排不过来改明天了。扣的工资谁给我出？',
  '医保报销跑了四个窗口，每个都说不归他们管',
];

describe('round 25-26 complaints, written without sight of the rules', () => {
  const model = repoModel();
  itCountsComplaints(model, ROUND_25_COMPLAINTS);

  it('reads staff conduct and a sarcastic thanks as negative', () => {
    for (const text of [
      '@SouthwestAir FA on 3321 talked to the guy in 12B like he was a child. totally uncalled for',
      'windows decided to install updates in the middle of my presentation. thanks @Microsoft 🙄',
    ]) {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, `${text}: negativity ${r.negativity}: ${r.evidence.join('; ')}`);
    }
  });

  // The same new patterns kept out of everyday posts (each checked before and after the change).
  itCountsPlain(model, [
    "@VirginAmerica first time flying you and now I'm spoiled ✈️",
    'anyone down for pizza tonight?',
    'my cat loves to sleep on the floor by the heater',
    'passed my driving test after 3 attempts!',
    'every time I try to sing my dog howls along lol',
    'sent 3 emails before lunch, productive morning',
    'my friends always make me pay for dinner haha',
  ]);
});

// Round 27 (session 7): two more Weibo sets written apart from the rules and the templates of neutral-chatter.ts —
// 200 plain and happy posts, and 150 mixed. Before the everyday chatter, 23 of the 200 plain posts were flagged.
describe('round 27 Weibo posts, written without sight of the rules', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '排队三小时，到我了窗口说系统维护，让明天再来。明天我还得再请一天假？[微笑]',
    '检查预约排到了一个半月以后，医生说最好一周内做。',
    '报了个英语班，说好的外教一对一，上了两节课换成了大学生兼职。',
    '点的麻辣烫吃完拉了一晚上肚子',
    '工资又拖了。说好的十五号，今天都二十八号了',
    '京东买的冰箱送来门是凹的，客服让我自己拍视频',
  ]);
  itCountsPlain(model, [
    '宝宝今天会叫妈妈了，激动到原地转圈',
    '骑共享单车去图书馆，十五分钟',
    '第一次去西安，三天两晚应该怎么安排路线？#西安旅游#',
    '今日冬至，北方吃饺子南方吃汤圆，你们那边吃什么？#冬至#',
    '【地铁14号线东段今天起开通试运营】全长约30公里，共设车站16座，首班车6:00发车。http://t.cn/A6Mn8Rt2',
    '整理了衣柜，清出来两大袋旧衣服，打算捐掉',
  ]);
});

// Round 28 (session 7): 150 customer-service tweets to company accounts across nine domains and 150 tweets about
// Apple, Google, Microsoft and Twitter in 2011, written by helpers that had not seen the rules. Before any fix:
// 125/150 and 129/150 right (the fixes of rounds 25-27 had changed none of them); these were missed.
describe('round 28 complaints and opinions, written without sight of the rules', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@Costco gas station at the Burbank location has been closed 3 days in a row',
    '@NissanUSA bluetooth in my rogue disconnects evry time i start the car',
    '@AMCTheatres sound cut out for the last 20 min of the movie',
    '@Dominos tracker has said "quality check" for 45 min now',
    '@Wayfair couch arrived with a cracked leg, box was perfect so it left the warehouse like that',
    '@AppleSupport since updating to 12.1 my battery goes from 100 to 40 by noon',
    '@united my bag went to Denver. I went to Houston',
    '@AppleSupport macbook keyboard is repeating letters agaaain. 3rd one this year',
    '@Progressive filed my claim on the 3rd, adjuster came out on the 9th and hasnt returned a call or email since',
    '@HiltonHelp charged my card twice for the same stay',
    '@Ryanair €55 to print a boarding pass',
    '@Hyundai infotainment screen in my elantra goes black randomly while driving',
    '@Ford 2016 focus transmission is shuddering again. 4th trip to the dealer for the same thing',
    '@UNIQLO_USA the 34th st store wouldnt do an exchange w/o a paper receipt even tho the purchase is right there on my account',
    '@UnderArmour stitching came out of my hoodie after one wash',
    '@AmazonHelp how did my prime 2 day shipping turn into 6 days',
    'Android market keeps force closing on my Galaxy S #android',
    'Ice Cream Sandwich for the Nexus S "in the coming weeks"... it\'s been weeks',
    'Skype dropped 4 times during one call with my mum. and Microsoft paid $8.5bn for this?',
    'my battery on the 4S lasts maybe till lunch. what happened @apple',
    "Google search now shows my friends' Google+ posts above actual results. nobody asked for this",
    'why does the new #twitter make me click 3 times to see my mentions',
  ]);

  it('reads "a ghost town" as negative', () => {
    const r = scoreText(model, 'Google+ is just a ghost town with circles');
    assert.equal(r.negative, true, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
  });

  // Two false alarms of round 28, and everyday posts in the words of the new patterns.
  itCountsPlain(model, [
    '@Target the dollar spot this month is dangerous for my wallet 😂',
    '@eBay how long does a dispute decision usually take?',
    'when the power goes out we play board games',
    'its been ages since we hung out!',
    "the call dropped, I'll ring you back in 5",
    'second one this year to get engaged, congrats guys',
  ]);
});

// Round 30 (session 7): 150 airline tweets in the style of February 2015 and 150 tweets about brands of many
// sectors, written blind to the rules and kept out of rules/examples/ while measured: 0.903 and 0.806 macro-F1 with
// the session's first rules and weights, 0.930 and 0.857 with its last before these fixes.
describe('round 30 complaints, written without sight of the rules', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@AmericanAir paid for priority boarding and they boarded everyone at once anyway',
    '@VirginAmerica why are fares to LAX suddenly $400 more for the same dates i looked at yesterday',
    '@united hey how about answering the phone',
    '@Delta 45 min to get bags off the plane at JFK. just standing here watching the belt',
    '@Delta the sky club in DTW is a zoo and half the outlets dont work',
    '@USAirways 4th delay notification tonight for 1772 out of CLT. just tell us the truth',
    'Tried the new pumpkin spice donut at Dunkin. tasted like a candle',
    '@Ford 2015 Focus transmission shuddering again. 4th time in the shop this year',
    'So @Verizon throttles my "unlimited" data after 22GB. guess unlimited means something diffrent now',
    'Love how @DoorDash says 25 min and it shows up cold an hour later',
    '@Walmart why are there 30 registers and only 2 open on a saturday afternoon',
    'Windows 10 decided to update itself in the middle of my presentation. thanks microsoft',
    'Burger King fries soggy and cold tonight #BK',
  ]);
  itCountsPlain(model, [
    '@SouthwestAir you guys never let me down #LUV',
    '@Airbnb is the cleaning fee refunded if we cancel?',
    '@Costco rotisserie chicken still $4.99. never change',
    '@LushLtd bath bombs smell amazing, whole flat smells like a sweet shop',
  ]);

  it('reads a fraudulent charge that was refunded as no fraud complaint', () => {
    const r = scoreText(model, 'Huge thanks to @monzo for refunding a fraudulent charge within an hour 🙏');
    assert.equal(r.complaint, false, r.evidence.join('; '));
    assert.ok(!r.evidence.some((e) => e.startsWith('complaint scam-fraud')), r.evidence.join('; '));
  });
});

// Round 31 (session 7): 150 Weibo posts about brands, written blind to the rules. With the session's first rules
// and weights 126/150 right, with its last 125/150 (the Chinese changes of the session did not show here); these
// were missed and became rules.
describe('round 31 Weibo complaints, written without sight of the rules', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '运营商给我改了套餐，没有短信没有电话，这个月话费多了68。',
    '咖啡店会员卡里还有300多，门店突然关了，总部电话一直无人接听。',
    '新车提回来第二天，后备箱关不上。',
    '同一家店同一个菜，我手机上比同事贵4块。',
    '物业费今年涨了三成，电梯还是三天两头停。',
    '续费的时候一个价，新用户另一个价，老用户活该呗',
    '说好的24小时发货，今天第五天。',
  ]);
});

// Round 32 (session 8): 450 posts written blind to the rules (customer-service tweets, brand tweets, Weibo posts),
// scored before any fix: 129/150, 109/150 and 121/150 right. These were missed then and are caught now; the plain
// ones were false alarms. Counted on the SemEval training tweets, the new English patterns match two "what's your …
// policy/rules?" questions (both not negative, as the cue says) and 25 #…fail hashtags (84% negative), nothing else.
describe('round 32 posts, written without sight of the rules', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@AmericanAir love paying $45 for "main cabin extra" so i can sit next to the lav in a seat that doesn\'t recline 👍 #AAfail',
    '@SouthernRailUK paid £4k for a season ticket to stand in the vestibule every day #southernfail',
    '@MTA 40 mins waiting for the L at bedford. the countdown clock just says "delay" lol thanks',
    "@RoyalMail paid for special delivery guaranteed by 1pm. it's 5:30. still at the depot",
    '@dominos ordered at 7:10, tracker has said "quality check" for 50 minutes. is my pizza ok',
    '@EDFEnergy my direct debit went up from £62 to £140 a month. i use less than last year',
    '@Hilton is there anyone at the front desk of the garden inn midtown? been calling since 10pm',
    '@McDonalds is the ice cream machine ever working. genuinely asking. 3 locations tonight',
    '呵呵，联通的信号在我家只有一格，打个电话得跑到阳台上，交的钱可一分没少',
    '4S店保养一次一千二，换个机油滤芯就说要换刹车片，当我们不懂车呢？',
  ]);
  itCountsNegative(model, [
    "switched back to my old iPhone 4. the new one just isn't worth the hassle",
    '工行的ATM吞卡了，周六网点不处理，让我下周一带身份证来。那我这两天喝西北风吗',
    '今天算是体验到航空公司的"超售"了，值机的时候被告知没座了，改签到明天',
    '今天又是重度雾霾，出门戴口罩都不管用，嗓子疼了一整天 #北京雾霾#',
    '被放鸽子了。约好的七点，我在餐厅等到八点半，最后收到一条"临时有事"。',
    '今年又要一个人在外地过年了，给家里打电话的时候假装很开心。',
    '马航的消息到现在还没有结果，看着那些家属的采访，心里堵得慌 #为MH370祈祷#',
  ]);
  itCountsPlain(model, [
    "Google Home just told my kid a knock knock joke and he hasn't stopped laughing",
    'Zoom stock up 20% as remote work explodes',
    '//@央视新闻: 【台风"彩虹"今日登陆】广东沿海地区请注意防范，出行注意安全。大家注意安全啊',
    '有没有好看的美剧推荐？刚追完《生活大爆炸》，剧荒了',
  ]);

  it('matches no complaint pattern inside a title in 《》: no explosion in 《生活大爆炸》', () => {
    const r = scoreText(model, '刚追完《生活大爆炸》，剧荒了');
    assert.ok(!r.evidence.some((e) => e.startsWith('complaint ')), r.evidence.join('; '));
    assert.equal(r.complaint, false);
    assert.ok(scoreText(model, '楼下餐馆煤气罐爆炸了').evidence.some((e) => e.startsWith('complaint safety')));
  });
});

// Round 34 (session 8): 200 Weibo posts written blind to the rules, scored before any fix: 163/200 with the Chinese
// examples (and 154 without). Sadness told plainly, sarcastic thanks beside [微笑], and internet slang; these were
// missed then and are caught now.
describe('round 34 Weibo posts, written without sight of the rules', () => {
  const model = repoModel();
  itCountsNegative(model, [
    '真是太感谢某宝客服了，一个问题回答了二十遍“亲亲您好，这边帮您反馈哦”[微笑]',
    '我家的老狗今天走了，十四岁，陪我从初中到工作。',
    '爱豆塌房了，三年的青春喂了狗。',
    '梅西又在点球大战倒下了，蓝瘦香菇，不想说话。',
    '看得我手都在抖，希望严惩。//@法制快报:【男子虐待继女被刑拘】警方已介入调查。',
    '我真是谢谢你啊，把车停在消防通道还顺手挡住了我的电动车[微笑]',
  ]);

  it('reads a death in the family or of a pet as sadness, not as a complaint', () => {
    const r = scoreText(model, '外婆昨晚走了。');
    assert.ok(r.evidence.some((e) => e.startsWith('cue bereavement')), r.evidence.join('; '));
    assert.equal(r.complaint, false);
    assert.ok(!scoreText(model, '妈妈今天走了两万步，说腿有点酸').evidence.some((e) => e.startsWith('cue bereavement')));
  });
});

// Round 37 (session 9): 200 brand tweets, 200 customer-service tweets and 200 Weibo posts written blind to the rules,
// scored before any fix: macro-F1 0.844, 0.948 and 0.905. Sarcasm that the praise around it outweighed, brand claims in
// scare quotes, praise closing a told failure, and Weibo slang; these were missed then and are caught now.
describe('round 37 posts, written without sight of the rules', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'great, another itunes update that moves every single button. love it.',
    'Windows 10 decided to restart and update in the middle of my presentation. thanks microsoft.',
    'yay my macbook charger frayed after 6 months and a new one is $79. so happy apple :/',
    '@TMobile is there a reason my data is being throttled at 12GB on an "unlimited" plan?',
    '@JetBlue thanks for losing my car seat. really appreciate it. traveling with a 1 yr old is super easy w/o one',
    '@AmericanAir thanks for the $25 voucher after a 9 hour delay. very generous',
    '我真的会谢，充电宝租了十分钟收我99',
    '真是谢谢你啊@京东客服，一个问题让我转了五次人工',
    'emo了，加班到十一点，地铁都停了',
    '演唱会门票开票一秒没了，黄牛倒卖翻三倍，官方管不管？',
  ]);
  itCountsPlain(model, [
    '明天台风“海葵”登陆，大家注意出行安全，尽量别出门',
    '新耳机音质很好，戴着也舒服，呵呵',
    '牛肉面加了个蛋，真香',
    '我真的谢谢你们一路的陪伴',
  ]);

  it('keeps praise after a contrast as meant: "delayed 20 mins but the crew was lovely" is no sarcasm', () => {
    const r = scoreText(model, 'flight delayed 20 mins but the crew was lovely');
    assert.ok(r.evidence.some((e) => e.startsWith('term "lovely" -')), r.evidence.join('; '));
    const sarcastic = scoreText(model, 'flight delayed 20 mins. lovely');
    assert.ok(sarcastic.evidence.some((e) => e.startsWith('term "lovely" (praise beside a complaint')), sarcastic.evidence.join('; '));
  });

  it('reads "呵呵" as a laugh that moves the score, not as sarcasm that turns the praise around it', () => {
    const r = scoreText(model, '新耳机音质很好，戴着也舒服，呵呵');
    assert.ok(r.evidence.some((e) => e.startsWith('cue sarcasm-maybe: "呵呵"')), r.evidence.join('; '));
    assert.ok(!r.evidence.some((e) => e.includes('(praise after a sarcasm cue)')), r.evidence.join('; '));
  });

  it('reads 牛 as praise only where it praises ("真牛"), not in 牛肉 or a name', () => {
    assert.ok(scoreText(model, '这波操作真牛').evidence.some((e) => e.startsWith('term "真牛"')));
    for (const text of ['牛肉面加了个蛋', '黄牛倒卖门票']) assert.ok(!scoreText(model, text).evidence.some((e) => /^term "[^"]*牛[^"]*" -/.test(e)), text);
  });
});

// Rounds 35 and 36, kept out of every fit and read in session 9 after round 37's fixes: thanks for a fix or a refund
// was turned into sarcasm by the complaint it mentions, a quick switch ("took 5 mins") read as a wait, and questions
// about what happens if something goes wrong read as the failure itself.
describe('resolutions, quick service and what-if questions are no complaints', () => {
  const model = repoModel();
  itCountsPlain(model, [
    '@Uber_Support ty for the quick refund on the wrong route charge 🙏',
    "@octopus_energy just switched, took 5 mins and it's £30/mo less. genuinely pleasant experience",
  ]);

  it('reads thanks for a fix as meant: the praise beside the complaint is not turned', () => {
    const r = scoreText(model, '@Uber_Support ty for the quick refund on the wrong route charge 🙏');
    assert.ok(r.evidence.some((e) => e.startsWith('cue resolved:')), r.evidence.join('; '));
    assert.ok(!r.evidence.some((e) => e.includes('sarcasm')), r.evidence.join('; '));
  });

  it('takes a wait of ten minutes or more, not five, as a failure', () => {
    const cue = (t: string) => scoreText(model, t).evidence.some((e) => e.startsWith('complaint addressed-failure: "took'));
    assert.equal(cue('@octopus_energy just switched, took 5 mins and it is done'), false);
    assert.equal(cue('@comcast took 45 mins to get someone on chat'), true);
  });

  it('reads "do i get a late fee if a payment fails?" as a question about the policy', () => {
    const r = scoreText(model, '@PGE4Me if a payment fails because of a card issue do i get a late fee or is there a grace period?');
    assert.ok(r.evidence.some((e) => e.startsWith('cue policy-question:')), r.evidence.join('; '));
    const again = scoreText(model, '@comcast what do i do if my internet is down again?');
    assert.ok(!again.evidence.some((e) => e.startsWith('cue policy-question:')), again.evidence.join('; '));
  });
});

// Round 38's Weibo posts (session 9), read once as an end measure and then looked at: slang and idioms of complaint
// and grief, and "X得不像话" (unbelievably X), which is praise or blame as X is.
describe('round 38 Weibo posts', () => {
  const model = repoModel();
  itCountsNegative(model, [
    '好是好，就是这个价格，一杯奶茶28，喝不起喝不起。',
    '一个月三次"系统维护"，这游戏还能不能好好玩了？',
    '倒车蹭了一下，4S店报价维修费三千二，保险还说这种情况不赔，心在滴血。',
  ]);
  itCountsPlain(model, ['旅行第三天，大理的天蓝得不像话，洱海边吹着风发呆，不想回去了。']);

  it('lets the adjective before 得不像话 decide, while 不像话 alone is blame', () => {
    assert.equal(scoreText(model, '这个人太不像话了').negative, true);
    assert.equal(scoreText(model, '房间小得不像话，早餐差得不像话').negative, true);
    assert.ok(!scoreText(model, '天蓝得不像话').evidence.some((e) => e.startsWith('term "不像话"')));
  });
});

// Round 39's Weibo posts (session 9), read once as an end measure and then looked at: warnings and reminders read
// as complaints, a wait that was worth it, tears of joy, a brand's claim in scare quotes.
describe('round 39 Weibo posts', () => {
  const model = repoModel();
  itCountsPlain(model, [
    '【提醒】12306今日起开售春运车票，购票请认准官方渠道，谨防诈骗。',
    '刚收到通知，公司明天起恢复正常上班，大家注意戴口罩。',
    '中午食堂居然有红烧排骨，排了十分钟队，值了。',
    '中国队夺冠了！！！热泪盈眶！！！',
  ]);
  itCountsNegative(model, ['//@小王:同问 //@话费吐槽:我真的很想知道，移动的“优惠套餐”到底优惠了谁。']);

  it('still reads a warning to others about a shop, and being defrauded, as complaints', () => {
    assert.equal(scoreText(model, '大家注意了，这家店千万别去').complaint, true);
    assert.ok(scoreText(model, '被电信诈骗骗了两万').evidence.some((e) => e.startsWith('complaint scam-fraud')));
  });
});

// Session 11 (round 44's first half, written blind and then looked at): sarcasm told by "not" after praise and by
// a wish, how a customer is treated, nobody reachable, and the plain questions and thanks beside the same words.
describe('round 44: sarcasm, mistreatment and unreachable service; questions and thanks beside them', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'waited 2 hours at the store and they ran out of stock one person before me. Fantastic. Not. #launchday',
    'spent my whole sunday doing taxes #not',
    'new phone looks exactly like last year. yawn.',
    'the app update is here and it is... whoop de doo',
    '@lufthansa gold member for 9 years and this is how you treat your customers?',
    '@gridpower your outage line goes straight to voicemail. 6 hours without power',
    '@virginmedia i would like to speak to anyone who can actually fix this',
    '@ryanair love the new seats, would love them more if the flight had left on time',
    '@Delta thanks for the 4am arrival, my meeting is at 8',
    '@AlaskaAir so we are finding out from other passengers that the flight is cancelled?',
    '@southwest is there a reason the app logs me out every single day',
    '@united ok seriously, what is going on at ORD tonight',
    'my tv froze during the final again. thanks samsung really great',
  ]);
  itCountsPlain(model, [
    '@united ok I will try again later, thanks',
    '@delta will definitely fly with you again, thanks!',
    '@ThreeUKSupport yep that worked! restarted and the app is fine now. cheers',
    '@SouthwestAir if my flight gets cancelled because of the snow can I rebook for free?',
    '@JetBlue is there a lost and found for things left on the plane?',
    '@AmericanAir my flight was cancelled but the agent at the desk got me on the next one within 20 min. appreciated',
    'delayed 40 minutes but the crew was lovely, no complaints here',
    'playing angry birds on the train again',
    'sorry not sorry, I bought the blue one too',
  ]);

  it('reads "if my flight gets cancelled" as a condition, and "when my flight got cancelled" as a report', () => {
    const cue = (t: string) => scoreText(model, t).evidence.some((e) => e.startsWith('complaint addressed-failure: "cancelled"'));
    assert.equal(cue('@SouthwestAir if my flight gets cancelled because of the snow can I rebook for free?'), false);
    assert.equal(cue('@united when my flight got cancelled nobody offered a hotel'), true);
  });
});

// Session 11, round 45's brand tweets (first half): slang degree words before praise, and a statement addressed to
// an account, which in a brand's mentions is most often a problem reported.
describe('slang degree words, and statements addressed to an account', () => {
  const model = repoModel();
  itCountsPlain(model, [
    'these new running shoes are stupid comfortable',
    'the new iced latte is wicked good',
    'damn good coffee at the airport for once',
    'I freaking love the new camera app',
    '@amazon prime 2 day shipping showed up in 1 day. you spoil me',
    '@united can I bring a stroller to the gate?',
  ]);
  itCountsNegative(model, [
    '@alaskaair my bag is in Seattle and I am in Denver',
    '@delta connected through ATL and my bag went to MSP',
    '@united oh great, another hour on the tarmac',
    '@nyct 40 min for a train at rush hour',
    '@Hilton 6 weeks waiting for my points to show up',
    '@frontier it is $380 one way now, was $140 last week',
    '@BurgerKing the chicken was pink in the middle',
    '@Samsung battery drops from 50% to 0 in a minute',
    '@Sonos speaker turns on by itself at 3am',
  ]);
  itCountsPlain(model, [
    '@united hi, is flight 220 delayed? the app says on time',
    '@AmazonHelp refund already showing on my card, that was quick',
    '@Chase thanks for the fraud alert, that was not me, card is cancelled now',
    '@Patagonia sent my old jacket in for repair and it came back looking brand new',
  ]);
  itCountsNegative(model, [
    'that ad was stupid',
    'this update is stupid, good thing I can roll back',
    'drive thru forgot the burger. in a burger bag',
    'pizza place said 30 min. it has been 80',
    '@united door closed 5 min early while I was standing right there',
  ]);

  it('reads a slang degree word before praise as a multiplier, not as a negative term', () => {
    const r = scoreText(model, 'these new running shoes are stupid comfortable');
    assert.ok(!r.evidence.some((e) => e.startsWith('term "stupid"')), r.evidence.join('; '));
    const plain = scoreText(model, 'these new running shoes are comfortable');
    const term = (x: typeof r) => x.evidence.find((e) => e.startsWith('term "comfortable"'))!;
    assert.ok(Number(term(r).split(' ').pop()) < Number(term(plain).split(' ').pop()), `${term(r)} vs ${term(plain)}`);
  });

  it('marks a statement to an account, and not a question to one', () => {
    const cue = (t: string) => scoreText(model, t).evidence.some((e) => e.startsWith('cue addressed-statement:'));
    assert.equal(cue('@united door closed 5 min early'), true);
    assert.equal(cue('@united can I bring a stroller?'), false);
    assert.equal(cue('door closed 5 min early @united'), false);
  });
});

// Round 45's Weibo posts in the style of early 2020 (first half, looked at): fear and grief told in set phrases.
describe('round 45 Weibo posts: fear, grief and relief told in set phrases', () => {
  const model = repoModel();
  itCountsNegative(model, [
    '看到新闻里那段视频，彻底绷不住了',
    '半夜咳了两声，吓得我赶紧量体温',
    '每次看到新增数字，心都提到嗓子眼了',
    '下个月工资发不出来，房贷怎么办啊',
    '专家一会儿这么说一会儿那么说，到底该信谁',
  ]);
  itCountsPlain(model, [
    '社区给每家送了一袋菜，书记有心了',
    '看到出院的老人给医生鞠躬，喜极而泣',
  ]);
});

// Round 47 (session 12): the shapes its posts missed, told again in other words.
describe('round 47 shapes: billing, status that never moves, idioms of praise to a brand', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@Barclays I see two identical charges for the same coffee on my statement this morning',
    '@Spotify still charged me for premium after cancelling last month, I have the email',
    "@Fitbit my Charge 5 crackles and the support form won't submit. third try",
    '@Argos my order still says "being prepared" five days after I paid',
    '@Southern my train was 40 minutes late again this morning',
    '刚买一个月的充电宝就鼓包了，客服还让我自己寄回去',
  ]);
  itCountsNegative(model, ['zero help from the support chat, they just closed it', '说好的年终奖就是个笑话', '看了他这次的采访，正式脱粉了']);
  itCountsPlain(model, [
    '@Honda 250k miles on my Civic and zero issues so far, you build them right',
    '@Lidl please never discontinue the almond croissants',
    '@Pringles not even kidding, the new flavour is the best thing I ate this year',
    "@Halfords fitted my bike rack in ten minutes and didn't even charge me for it",
    'Thanks @Nationwide, my dad came off the call smiling for once',
    'Me: quick trip to @IKEA for a lamp. Me, 3 hours later: a sofa and 40 candles',
    'Huge thanks to @PizzaExpress for staying open 15 minutes late so our party could finish',
    '@Aldi your christmas advert had the whole office crying laughing',
    '小区从下周开始垃圾分类，垃圾桶都换成了四色的',
    '快递小哥今天送得特别早，还帮我搬上楼，谢谢',
    '爬了五个小时山才看到日出，不枉此行',
  ]);

  it('reads "zero" as a negation of the term after it', () => {
    const r = scoreText(model, 'zero issues with the new router');
    assert.ok(r.evidence.some((e) => e.startsWith('term "issues" (negated)')), r.evidence.join('; '));
  });

  it('reads 快递 (courier) and 垃圾桶 (a bin) as no term: no praise of speed, no insult', () => {
    const r = scoreText(model, '快递放在垃圾桶旁边了');
    assert.ok(!r.evidence.some((e) => e.startsWith('term "快"') || e.startsWith('term "垃圾"')), r.evidence.join('; '));
    assert.ok(scoreText(model, '送得真快').evidence.some((e) => e.startsWith('term "快"')));
  });
});

// Round 48 (session 12): airline sarcasm its posts carried without a failure verb after the thanks.
describe('round 48 shapes: sarcastic thanks for a delay, praise for losing, a night spent at the airport', () => {
  const model = repoModel();
  itCountsNegative(model, [
    '@AmericanAir thank you for the 3 hour delay, my kids loved the floor of terminal C',
    '@united great job losing my car seat. again',
    '@BritishAirways you managed to lose both our bags on a direct flight. impressive',
    '@Ryanair love spending my anniversary on the tarmac in Stansted',
  ]);
  itCountsComplaints(model, ['@Qantas please explain why my 9am flight is now leaving at 6pm']);
  itCountsPlain(model, ['@SouthwestAir love spending time with my family in Denver, thanks for the cheap fares', 'she managed to lose 10 pounds before the wedding']);
});

// Round 49 (session 12; read once as the session's end measure, then looked at): its shapes told in other words.
describe('round 49 shapes: own mistakes, fixes before anyone noticed, praise idioms with a negation, 高兴坏了', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@Sky my broadband dropped out 5 times this evening and the router takes ages to reconnect',
    '@Tesco bought strawberries on Monday, mould all over them by Tuesday morning',
    "@ASOS sent me the wrong size and the returns label won't print",
    '新买的电饭煲用了两天就坏了',
  ]);
  itCountsNegative(model, ['it was not my mistake. you charged the wrong card', '这家店的菜真的很一般，不会再来了']);
  itCountsPlain(model, [
    "@Nationwide you refunded a duplicate payment before I'd even spotted it, top stuff",
    "@Premier_Inn stayed two nights in York, wouldn't change a thing",
    "@Greggs can't fault the team at the station branch this morning",
    '@ASOS I ordered the wrong size, the swap arrived in two days. painless',
    '儿子收到新球鞋，高兴坏了，一晚上都舍不得脱',
    '第一次上路，师傅全程没骂我，还夸我稳',
  ]);

  it('reads 我一般 / 大家一般 as "usually", not as the term 一般 (mediocre)', () => {
    const r = scoreText(model, '大家一般几点吃晚饭？');
    assert.ok(!r.evidence.some((e) => e.startsWith('term "一般"')), r.evidence.join('; '));
  });
});

// Round 50 (session 12; the session's last measure, read once, then its brand misses looked at).
describe('round 50 shapes: "kind of" hedges, "reliable as ever" after an outage', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'the finale was kind of a letdown',
    'my PlayStation Network is down again on a Friday night. Reliable as ever',
  ]);
  itCountsPlain(model, ['she is kind and patient with every customer']);

  it('reads "kind of" as a hedge like "kinda", never as the praise "kind"', () => {
    const r = scoreText(model, 'some kind of bug in the app');
    assert.ok(!r.evidence.some((e) => e.startsWith('term "kind"')), r.evidence.join('; '));
  });
});

// Session 12, an audit of every Chinese intent alternative on the training reviews: alternatives that fired on
// praise as often as on complaints (第二次订餐了 from a loyal customer, 没有坏点, 没有骚扰电话, 必须给个好评).
describe('Chinese intent alternatives that fired on praise', () => {
  const model = repoModel();
  itCountsComplaints(model, ['同一个问题第三次返修了，还是没修好', '收到的屏幕有坏点，要求换货']);
  itCountsNegative(model, ['每次都要等一个多小时，受不了']);
  itCountsPlain(model, [
    '第二次订餐了，味道还是那么好',
    '第三次入住这家酒店，服务一如既往',
    '屏幕没有坏点，也没有划痕，很满意',
    '酒店很安静，晚上没有骚扰电话',
    '送餐小哥冒雨送到，必须给个好评',
    '酒店紧挨着火车站，出门很方便',
  ]);

  it('matches no repeated-failure, reported-failure, privacy or escalation cue in them', () => {
    for (const t of ['第二次订餐了，味道还是那么好', '屏幕没有坏点', '晚上没有骚扰电话', '必须给个好评']) {
      const r = scoreText(model, t);
      assert.ok(!r.evidence.some((e) => /^(complaint|cue) (repeated-failure|reported-failure|privacy|staff-conduct|escalation):/.test(e)), `${t}: ${r.evidence.join('; ')}`);
    }
  });
});

// Round 52 (session 13; written blind by helpers and scored before any fix; these are paraphrases of its misses).
describe('round 52 shapes: low speed tests, expired dates, billing after cancelling, contact again, tallies at zero', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@quickfibre speed test says 4mbps again tonight',
    '@freshbox the milk came today and its use by date was two days ago',
    '@mobileco cancelled my old line in march and I am still being billed for it',
    "@parcelpal hi, it's me again. the parcel from last week still hasn't moved",
    '@cablecorp 3 calls, 2 technicians, 0 fixes',
    '@insureco you have sent me the same claim form four times',
    'the app logged me out mid-payment and took the money anyway',
  ]);
  itCountsNegative(model, ['看到这条新闻心情很沉重', '明天就要出成绩了，有点慌', '地震的时候我整个人都在发抖']);
  itCountsPlain(model, [
    '@homeinternet speed test says 940mbps, not bad at all',
    'the boss fight is hard but I loved every minute of it',
    '感谢客服，行李箱摔坏了，第二天就全额赔付了',
  ]);

  it('reads a request to pause or change an account as a question, not a complaint about its duration', () => {
    const r = scoreText(model, '@mealkitco can I pause my box for 3 weeks while we travel?');
    assert.ok(!r.negative && !r.complaint, `${r.negativity} ${r.evidence.join('; ')}`);
  });

  it('lets a strong negative term decide a post whose only praise is a weak word ("free" in "free-for-all")', () => {
    const r = scoreText(model, 'southwest boarding is a free-for-all now. sick of it');
    assert.ok(r.negative, `${r.negativity} ${r.evidence.join('; ')}`);
    assert.ok(r.evidence.some((e) => e.startsWith('floor:')), r.evidence.join('; '));
    // Real praise still guards: the floor is not for a post that also says it loved something.
    const praised = scoreText(model, 'the ending was brutal but I loved it');
    assert.ok(!praised.evidence.some((e) => e.startsWith('floor:')), praised.evidence.join('; '));
  });
});

// Round 53 (session 13; written blind after round 52's fixes and read once before any of these; paraphrases of its misses).
describe('round 53 shapes: 忍不住 is no negation, a wait that ended well, dearer than the shop, "want it so bad"', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@homenet what exactly am I paying for when the internet drops every evening?',
    'the sofa cushions flattened within a month',
    '说是百亿补贴，结果比超市还贵三块钱',
    '开了会员还要看广告，这钱花得冤',
  ]);
  itCountsNegative(model, ['外公走了三年了，今天看到他的照片还是忍不住哭了', '刹车突然失灵，吓出一身冷汗，这车谁还敢开', 'looked great online, fell apart in a week. save your money']);
  itCountsPlain(model, [
    '提车啦！等了两个月终于开上了',
    '看完这段忍不住笑了',
    'I want that jacket so bad lol',
    'this cheesecake should be illegal to be this good',
  ]);

  it('reads 忍不住 as "could not help", so the feeling after it keeps its sign', () => {
    for (const [text, term] of [['忍不住哭了', '哭了'], ['忍不住笑了', '笑']] as const) {
      const r = scoreText(model, text);
      assert.ok(r.evidence.some((e) => e.startsWith(`term "${term}"`) && !e.includes('(negated)')), `${text}: ${r.evidence.join('; ')}`);
    }
  });
});

// Round 54 (session 13; written blind after rounds 52-53's fixes and read once before any of these; paraphrases).
describe('round 54 shapes: tallies at zero, charged after a confirmed cancellation, the two-way runaround, told as fine', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    '@homesure 4 DMs, 2 calls, 0 replies',
    '@gymco charged for April even though my cancellation was confirmed in March',
    "@shopco return was received two weeks ago and I still don't have my £40 back",
    'the jeans ripped at the seam after a month',
    '@consolehelp support says contact the retailer and the retailer says contact you',
    '说好送路由器，装完师傅说路由器要另外买',
  ]);
  itCountsNegative(model, ['工资又拖了，房租下周就要交']);
  itCountsPlain(model, [
    '@freshbox going away for three weeks - possible to pause my box?',
    'this ramen ruined all other ramen for me',
    '@citycouncil where do I apply for a garden waste permit?',
    "@parcelco it finally turned up, only a day late, no harm done. thanks for chasing it",
    '请问"极速退款"是退到哪个账户？',
    '有没有姐妹用过这款洗地机？吸力怎么样',
    '等了一个月的键盘终于到了，手感绝了',
    '鞋子开胶了，售后直接给换新了，爱了',
  ]);

  it('keeps the strong-term floor away from a post a no-complaint cue explains ("ruined other … for me")', () => {
    const r = scoreText(model, 'this ramen ruined all other ramen for me');
    assert.ok(r.evidence.some((e) => e.startsWith('cue ruined-for-others')), r.evidence.join('; '));
    assert.ok(!r.evidence.some((e) => e.startsWith('floor:')), r.evidence.join('; '));
  });
});

// Round 55 (session 13; written blind after rounds 52-54's fixes and read once before any of these; paraphrases).
describe('round 55 shapes: time wanted back, "used to be good… now", no food safety in an expired card, 没踩雷, 充值了', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    'sat through the whole sequel. 3 hours of noise. i want my evening back',
    'that cafe used to be so good. now everything is microwaved',
    'your hold message says my call matters. then pick up the phone, telco',
  ]);
  itCountsNegative(model, ['抢了一周的票，最后还是没票', '手机银行又改版了，找个转账找半天，老人还怎么用', '宽带合约到期也不提醒，价格比新用户贵一倍']);
  itCountsPlain(model, [
    'this album is criminally good. not a single skip',
    '快递小哥看我搬不动，帮我把箱子扛上了楼，太感谢了',
    '朋友推荐的那家店去吃了，没踩雷，很新鲜',
    '新办的公交卡可以在手机上充值了，再也不用找零钱',
    '排了半小时队，喝到的那一刻觉得值了',
    '宽带断了，打电话半小时就上门修好了，感谢师傅',
    '乌龟慢悠悠地爬出来晒太阳',
  ]);

  it('reads an expired card or pass as no food-safety matter', () => {
    const r = scoreText(model, '@railco my railcard expired yesterday, can i still use the discount?');
    assert.ok(!r.topics.includes('food-safety') && !r.evidence.some((e) => e.includes('food-safety')), r.evidence.join('; '));
    const food = scoreText(model, 'the yoghurt in my delivery had expired');
    assert.ok(food.evidence.some((e) => e.startsWith('complaint food-safety')), food.evidence.join('; '));
  });
});

// Round 57 (session 14; written blind and read once before any of these; paraphrases).
describe('round 57 shapes: an outage told to the provider, the greeting that leaves one out, praise with a time in it', () => {
  const model = repoModel();
  itCountsComplaints(model, [
    'nice one @broadbandco, internet out on the one night I work from home. perfect timing',
    '@powerco power out again on our street, third time this month',
  ]);
  itCountsNegative(model, ['Good morning to everyone except my phone company', 'happy monday to everyone but you @railco']);
  itCountsPlain(model, [
    'big thanks to Jo at @techstore for staying 15 min after close to sort my laptop out. legend',
    '@airline got moved to an earlier flight at no charge, you lot are the best',
    '@airline my suitcase came off the belt first for once in my life. I feel chosen',
    'thanks to everyone but especially my mum',
    '@streamco what happens to my watchlist if I downgrade to the basic plan?',
    '@payco If a seller doesn\'t ship, how long do I have to open a dispute? (haven\'t bought anything yet, just checking)',
    '@consoleco if my controller stops connecting, should I reset it first? not happening yet, just want to know before my trip',
  ]);
  itCountsComplaints(model, ['@consoleco my controller stopped connecting again, what do I do? (this is the third one)']);

  it('still reads a late arrival told to the brand as a complaint', () => {
    const r = scoreText(model, '@cableco tech arrived 40 minutes after close and we waited in all day');
    assert.ok(r.negative && r.complaint, r.evidence.join('; '));
  });
});

// Round 59 (session 15; written blind and read once before any of these; paraphrases).
describe('round 59 shapes: a question about what would happen, Chinese negation after its term, 不要太 before praise', () => {
  const model = repoModel();
  // A policy question is asked, not told: the complaint cues in it count a quarter and its praise is not turned.
  itCountsPlain(model, [
    "@fooddelivery what's your refund policy if an item is missing? want to know before a big order for a party",
    '@airline if my connection gets delayed do you rebook me automatically or do I need to call? on flight 1290 tomorrow',
  ]);
  itCountsComplaints(model, ['@airline my connection got delayed and nobody rebooked me, now stuck in the terminal']);

  // Complaints told plainly: a delivery marked "as delivered", "still isn't working", "I was told this was included",
  // an adjuster who was supposed to come out on a day, the runaround ("going in circles").
  itCountsComplaints(model, [
    '@fooddelivery rider marked it as delivered and went home with my dinner i guess',
    'spent my whole lunch break in the @cableco chat and my internet still isn\'t working',
    '@mobileco £94 in roaming charges for a weekend in Spain, I was told this was included',
    '@insurer the adjuster was supposed to come out Monday. it\'s Thursday. car still undrivable',
  ]);
  itCountsNegative(model, ['@electronicsco the store said price match online, online said ask the store. going in circles here']);
  // ...and the same words where nothing failed.
  itCountsPlain(model, [
    'still can\'t wait for the movie on the 9th!',
    'the album is supposed to come out in July, cannot wait',
    // Words meant well: "in a good way", "and I'm fine with it"; lying down is no lie.
    'this new messaging app is going to murder my texting bill, in a good way',
    'the new Zelda is going to ruin my sleep schedule and I\'m fine with that',
    'that finale. i need to lie down',
    'need a lie in after this week',
  ]);
  it('reads a quoted title before "was the best panel" as a title', () => {
    const r = scoreText(model, '&quot;Why Your App Will Fail&quot; was the best panel I have seen all week #festival');
    assert.ok(!r.negative && !r.evidence.some((e) => e.includes('"fail"')), r.evidence.join('; '));
  });

  // "一点毛病没有" (not a thing wrong with it): the negation comes after the term, closing the clause.
  itCountsPlain(model, ['国产车开了两年，一点毛病没有，油耗还低', '用了三年一点问题都没有，推荐']);
  itCountsNegative(model, ['问题没有解决，客服也不理我', '买完才一个月，好心情都没了[泪]']);

  it('reads a postposed negation as negating its term, only where the clause ends', () => {
    const none = scoreText(model, '一点毛病没有');
    assert.ok(none.evidence.some((e) => e.startsWith('term "毛病" (negated)')), none.evidence.join('; '));
    const unsolved = scoreText(model, '毛病没有修好');
    assert.ok(unsolved.evidence.some((e) => e.startsWith('term "毛病" +')), unsolved.evidence.join('; '));
  });

  // "不要太好看" is "so good-looking"; "你不要太难过" stays "don't be too sad".
  itCountsPlain(model, ['这部剧的女主不要太好看，每一帧都是壁纸', '下雨天在家看书，简直不要太惬意']);
  it('reads 不要太 as degree before praise and as a negation before anything else', () => {
    assert.ok(scoreText(model, '不要太好看').evidence.some((e) => e.startsWith('term "好看" -')));
    assert.ok(scoreText(model, '你不要太难过了').evidence.some((e) => e.startsWith('term "难过" (negated)')));
  });
});
