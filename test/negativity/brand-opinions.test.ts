/**
 * Brand and product opinions told without a negative word: sarcastic closers, praise of what it would be if it
 * worked, giving up on a product, claims in scare quotes, a price going up. Every post was written for this test
 * (not from any data set); the plain ones beside them use the same words where nothing is wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { itCountsNegative, itCountsPlain, repoModel } from './helpers.js';

describe('brand opinions without a negative word', () => {
  const model = repoModel();
  const NEGATIVE = [
    'a phone store out of chargers the one week everybody\'s battery is dying. genius.',
    'the laptop forced an update halfway through my demo. thanks Acme, very cool.',
    'sent me the same wrong shade for the third time. noted.',
    'the video app would be great if it didn\'t freeze whenever a fourth person joins',
    'Tried the new taco place on 5th. First and last time.',
    'Fitness band is a $200 step guesser. Returned mine after two weeks.',
    'our broadband "speeds up to 500mbps", sure',
    'they promised the map bug would be fixed "soon". two years ago.',
  ];
  itCountsNegative(model, NEGATIVE);
  it('reads a price going up as a pricing complaint', () => {
    const r = scoreText(model, 'the streaming price is going up again next month');
    assert.ok(r.evidence.some((e) => e.startsWith('complaint pricing:')), r.evidence.join('; '));
    assert.ok(r.topics.includes('pricing'), r.topics.join(','));
  });

  const PLAIN = [
    'the first and last time I saw them live was magical',
    'saw the new space film tonight with friends, my third time. fun.',
    'would be great if you could send me the link to the slides',
    'returned it for a bigger size and the swap came in two days',
    'the poster just says "doors open soon" in big letters',
  ];
  itCountsPlain(model, PLAIN);
});

describe('Chinese opinions told as waste, ruin and quoted claims', () => {
  const model = repoModel();
  // 白X了 (X for nothing), X成这样 (made into this), 算是完了 (it's over), 说是“…” (what they call it).
  itCountsNegative(model, ['充了两百块的会员，功能全砍了，算是白充了', '主场又输了，这赛季算是完了', '好好的角色改成这样，策划出来挨打', '公司说是"提升效率"，午休砍到四十分钟']);
  // The same characters where nothing is wrong, and a quoted promise that was kept.
  itCountsPlain(model, ['白色的裙子到了，好看', '作业终于做完了，开心', '客服说是“明天到”，果然今天一早就到了，点赞']);
});

describe('stretched words', () => {
  const model = repoModel();
  it('reads a stretched word as the term or degree word it stretches', () => {
    assert.ok(scoreText(model, 'this burger is sooo good').evidence.some((e) => e.startsWith('term "so good"')));
    assert.ok(scoreText(model, 'i loooove the new flavour').evidence.some((e) => e.startsWith('term "love')));
    const bad = scoreText(model, 'the new update is baaaad');
    assert.equal(bad.negative, true, bad.evidence.join('; '));
  });
  it('never reads a stretched "no" as a negation', () => {
    const r = scoreText(model, 'noooo the new season is great');
    assert.ok(r.evidence.some((e) => /^term "great" -/.test(e)), r.evidence.join('; '));
  });
});

describe('round 63 shapes: praise until it fails, sarcastic thanks, broken promises, defects told flatly', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'the new tablet is great until you open two apps and it locks up for ten seconds',
    'thank you @Fonelink for dropping my call in the middle of a job interview',
    'the parking machine ate my card and the help button just beeps',
    'earbud charge lasts about as long as my lunch break',
    'that new veggie burger tastes like soggy cardboard',
    '"next day delivery" my foot, it left the warehouse on thursday',
    'I was told the refund would show up in 3-5 days. It\'s been 3 weeks.',
    'my laptop battery is swelling and the trackpad is popping out',
    '@cityfibre broadband down since tuesday and still no engineer',
    '@westwater no water pressure since this morning, is anyone working on it',
    'the banking app no longer recognizes my face after the update',
  ]);
  itCountsPlain(model, [
    '@cityfibre no issues at all since the router swap, cheers',
    '@powerco thanks for waiving the late fee, really appreciate it',
    '@mobileco never had a problem with my line in eight years, renewing today',
    '@shoeshop swapped my size, no questions asked. impressed',
    'shoutout to @NorthAir for rebooking me within minutes when the storm cancelled my flight',
    'the maps app told me to leave early because of roadworks, handy',
    'I was told the course is great and it really is',
    'the battery lasts as long as the whole flight to Tokyo',
  ]);
});

describe('Chinese: tears of joy, anger, effort wasted', () => {
  const model = repoModel();
  itCountsPlain(model, ['这部电影好看哭了，强烈推荐', '女儿第一次登台演出，我激动得哭了', '这剧也太好哭了吧，编剧太会了']);
  // The heart (心脏) is no "脏" (dirty); a dirty kitchen still is.
  itCountsPlain(model, ['加时赛太刺激了，心脏差点跳出来，还好赢了']);
  itCountsNegative(model, ['这家店的后厨很脏']);
  itCountsNegative(model, ['看到那条通报气得我一晚上没睡着', '刚洗的车白洗了，一场雨全是泥点子', '熬夜改的方案老板一句话否了，白写了']);
});

describe('round 65 shapes: a time given and the clock past it, orders got wrong, sarcasm closing on a fault', () => {
  const model = repoModel();
  itCountsNegative(model, [
    'the installer said between 9 and 1. it\'s 3:30 @fibreco',
    'pizza ordered at 6. it\'s 7:45 and the app still says "on its way"',
    'bought it tuesday with next day shipping. it\'s saturday.',
    'starbucks wrote my name as "Dvae" again',
    'burger place forgot my milkshake, the whole point of the trip',
    'third crash today, this tablet makes me want to throw it across the room',
    'new router gets hot enough to fry an egg on it',
    'congratulations @cablecorp on being voted most hated company again 👏',
    'signal in my office: zero bars. right downtown. great work guys',
    'the game servers are down on my one evening off. typical.',
    '@bankco there\'s a payment to a shop in Leeds I didn\'t authorise, can someone call me',
    'the app now logs me out every hour. cool cool cool',
    'they discontinued the one cereal my kids eat. as is tradition',
    'phone case lasted a week. $40 well spent',
    'the new laptop has one port. Courage.',
    'the update moved the volume buttons into a settings menu. great idea guys',
    'the streaming app removed downloads for my plan. thanks Acme.',
    '@shieldinsure claim filed in february. it\'s june. still "under review"',
    '@fonelink modem flashing orange again. day 4',
    '@cityparking permit paid and displayed and a £60 fine anyway. brilliant system.',
    '@mobileco moved to your network for the coverage and get zero bars at home',
  ]);
  itCountsPlain(model, [
    'the concert starts at 8. it\'s 7:30 and I\'m so ready',
    'barista spelled my name "Kait" and honestly I\'m keeping it',
    '@fonelink sent back the broken handset and the replacement came in 2 days. nice',
    '@railco the guard rebooked our whole group after the cancellation in minutes. give him a raise',
    '@gamebox controller died last week, your repair centre had it back in 4 days. really impressed',
    'the courier wrote "enjoy the 3rd parcel this week" on the box and I feel seen',
    'that jingle from the sandwich ad is stuck in my head again',
    'saturday well spent at the beach with the kids',
    'paris with the girls, day 3',
    'happy to report the trial went well. great system for booking rooms',
    'the new tablet colour is bold and I love it',
    'letting us pay at the pump from the app is a great idea, thanks',
  ]);
  it('reads a name got wrong as a complaint cue and "cracks me up" as praise, whatever the other words weigh', () => {
    // The decision also rests on learned word weights ("regular" and "cafe" lean not negative, "ads" negative), so
    // these check the rules themselves: the cue is found, and the phrase pulls the score down.
    const named = scoreText(model, 'the cafe wrote my name as "Dvae" and my oat milk was regular milk');
    assert.ok(named.evidence.some((e) => e.startsWith('complaint not-delivered: "wrote my name as"')), named.evidence.join('; '));
    const withPhrase = scoreText(model, 'the old talking-hamster car ads still crack me up');
    const without = scoreText(model, 'the old talking-hamster car ads still');
    assert.ok(withPhrase.evidence.some((e) => e.startsWith('term "crack me up"')), withPhrase.evidence.join('; '));
    assert.ok(withPhrase.negativity < without.negativity - 0.1, `${withPhrase.negativity} vs ${without.negativity}`);
  });
  it('discounts a sarcasm cue in a post told as resolved, as it discounts the complaint', () => {
    const r = scoreText(model, '@fonelink sent back the broken handset and the replacement came in 2 days. nice');
    assert.ok(r.evidence.some((e) => e.startsWith('cue closing-sarcasm:')), r.evidence.join('; '));
    assert.ok(r.evidence.includes('told as resolved: complaint and sarcasm cues ×0.25'), r.evidence.join('; '));
  });
  it('does not read a fix quoted back at the brand as the author\'s report of one', () => {
    const r = scoreText(model, '@telco "your issue has been resolved" no it hasn\'t, still no dial tone');
    assert.ok(r.negative, r.evidence.join('; '));
    assert.ok(r.evidence.some((e) => e.startsWith('cue resolved:') && e.endsWith('not counted (in quotes: a claim, not the author\'s)')), r.evidence.join('; '));
    const told = scoreText(model, '@telco it\'s all fixed now, thanks to Sam "the router whisperer"');
    assert.ok(!told.negative, told.evidence.join('; '));
    assert.ok(told.evidence.some((e) => e.startsWith('cue resolved:') && !e.includes('not counted')), told.evidence.join('; '));
  });
  it('reads "someone should give her a raise" as praise closing a fix, and "don\'t give them a raise" not', () => {
    const praise = scoreText(model, '@railco the guard sorted our cancelled connection in minutes, someone should give her a raise');
    assert.ok(praise.evidence.some((e) => e.startsWith('cue resolved: "give her a raise"')), praise.evidence.join('; '));
    const scorn = scoreText(model, '@railco cancelled again, don\'t give them a raise');
    assert.ok(!scorn.evidence.some((e) => e.startsWith('cue resolved:')), scorn.evidence.join('; '));
  });
  it('counts a replacement that came broken too as a complaint', () => {
    const r = scoreText(model, '@fonelink the replacement came in 2 days, also cracked');
    assert.ok(r.negative, r.evidence.join('; '));
  });
});

describe('Chinese: praise in quotes after a degree word, rhetorical questions about what one got', () => {
  const model = repoModel();
  itCountsNegative(model, [
    '真是太“好”了，新买的耳机第二天就断了一边',
    '可真"省心"，智能门锁半夜自己开了',
    '加了一晚上的班，调休不批，这叫弹性工作？',
    '同样的活，新来的比我多拿两千，这合理吗？',
  ]);
  itCountsPlain(model, ['这家店的“招牌菜”真的名不虚传，好吃', '请问这叫什么花？好漂亮', '这叫什么歌？求歌名']);
});
