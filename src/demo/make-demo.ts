/**
 * Writes the bundled demo replay `data/demo/lumen-coffee.jsonl`: four quiet days of ordinary chatter about a
 * fictional coffee chain (Lumen Coffee / 鹿鸣咖啡), then one complaint that spreads, the brand's reply, and a decline.
 * Deterministic (seeded); every text here was written for the demo. Run: `npx tsx src/demo/make-demo.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DAY = 86_400;
/** The spreading complaint is posted at this second of the file. */
export const CRISIS_AT = 4 * DAY + 2 * 3600;
const END = CRISIS_AT + 9 * 3600;
const REPLY_AT = CRISIS_AT + 100 * 60;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20101103);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
const followers = (median: number) => Math.max(3, Math.round(median * Math.exp((rand() - 0.5) * 3)));
const poisson = (mean: number) => {
  let k = 0;
  for (let p = Math.exp(-mean), s = p, u = rand(); u > s; k++) (p *= mean / (k + 1)), (s += p);
  return k;
};

const CHATTER_EN = [
  'Morning flat white from Lumen Coffee, same as every day.',
  'Lumen Coffee has the new chestnut latte back, tried it, pretty good.',
  'Working from the Lumen Coffee on 5th street today, good wifi.',
  'Anyone know if Lumen Coffee does oat milk at the airport branch?',
  'Lumen Coffee loyalty card finally paid off, free cold brew!',
  'Meeting a friend at Lumen Coffee, their pastries are decent.',
];
const CHATTER_ZH = [
  '早上来一杯鹿鸣咖啡的拿铁，开始上班。',
  '鹿鸣咖啡新出的桂花拿铁还不错，推荐。',
  '在鹿鸣咖啡等朋友，环境挺安静的。',
  '鹿鸣咖啡的会员积分换了一杯冷萃，开心。',
  '下午茶点了鹿鸣咖啡外卖，送得挺快。',
];
const EVERYDAY_COMPLAINTS = [
  'Lumen Coffee got my order wrong again, asked for decaf and got a double shot.',
  'Waited 20 minutes at Lumen Coffee for one latte. Slow today.',
  '鹿鸣咖啡今天的美式有点酸，不太满意。',
  '鹿鸣咖啡外卖洒了一半，有点失望。',
  'Lumen Coffee app charged me twice for one order, waiting on the refund.',
];
const SPREAD_ZH = [
  '转发：鹿鸣咖啡喝出玻璃碴，客服还让打热线等三个工作日？这是食品安全问题！',
  '鹿鸣咖啡必须给个说法，玻璃碴都喝出来了，客服踢皮球太恶心了',
  '以后再也不去鹿鸣咖啡了，食品安全出问题还推脱，投诉无门',
  '支持维权！鹿鸣咖啡喝出玻璃，客服不理，这种店必须曝光',
  '看到鹿鸣咖啡玻璃碴的事，吓得我把今天买的咖啡倒了，太可怕了',
  '鹿鸣咖啡到现在都没回应？出了食品安全问题就装死？',
];
const SPREAD_EN = [
  'Glass in a Lumen Coffee drink and their hotline told her to wait three business days?? Unacceptable.',
  'Not going back to Lumen Coffee until they explain the glass shards. Food safety is not a ticket queue.',
  'Lumen Coffee customer service told a customer who found glass in her coffee to call back later. Wow.',
  'So Lumen Coffee ignores a customer who literally found glass in her latte. Disgusting.',
  'Boycotting Lumen Coffee. Glass in the coffee and they pushed her to a hotline. Refund is the least they owe.',
];
const ROOT_TEXT = '在鹿鸣咖啡（人民路店）买的拿铁喝出了玻璃碴，嘴都划破了。找店员说让我打客服热线，热线说要等三个工作日回复。食品安全问题就这样推来推去？@鹿鸣咖啡 #鹿鸣咖啡玻璃碴#';
const REPLY_TEXT = '我们是鹿鸣咖啡。今天人民路店顾客在饮品中发现玻璃碎片，这是我们的责任，我们向她道歉。该店已停业检查，当天所有批次的杯具已下架；我们的区域负责人已联系顾客并陪同就医、承担全部费用。调查结果今晚 20:00 前在这里公布。';

type Rec = Record<string, unknown> & { t: number };
const out: Rec[] = [];
let seq = 0;
const id = (p: string) => `${p}${++seq}`;

function post(t: number, text: string, opts: { kind?: string; parent?: string; author?: string; followers?: number; platform?: string } = {}): string {
  const pid = id('p');
  const platform = opts.platform ?? (/[\u4e00-\u9fff]/.test(text) ? 'weibo' : 'bluesky');
  out.push({ t: Math.round(t), type: 'post', id: pid, platform, author: opts.author ?? `user${Math.floor(rand() * 90000) + 10000}`, followers: opts.followers ?? followers(180), text, kind: opts.kind ?? 'post', parent: opts.parent ?? null, url: `https://demo.emberwatch.invalid/${platform}/${pid}` });
  return pid;
}
function engagement(t: number, pid: string, reposts: number, replies: number, quotes = Math.round(reposts * 0.08)): void {
  out.push({ t: Math.round(t), type: 'engagement', id: pid, reposts, quotes, replies, likes: reposts * 3 });
}

// Quiet days: chatter follows the day (busy mornings and lunch, quiet nights); a few everyday complaints.
for (let h = 0; h < CRISIS_AT / 3600; h++) {
  const hourOfDay = (h + 8) % 24;
  const rate = hourOfDay < 7 ? 1 : hourOfDay < 10 ? 8 : hourOfDay < 14 ? 10 : hourOfDay < 20 ? 6 : 3;
  for (let i = poisson(rate); i > 0; i--) {
    const t = h * 3600 + rand() * 3600;
    const text = rand() < 0.12 ? pick(EVERYDAY_COMPLAINTS) : rand() < 0.5 ? pick(CHATTER_ZH) : pick(CHATTER_EN);
    const p = post(t, text);
    if (rand() < 0.3) engagement(t + 600 + rand() * 1800, p, poisson(1.5), poisson(1));
  }
}

// The complaint: a customer with a small audience; reposts accelerate, then decay after the brand's candid reply.
const root = post(CRISIS_AT, ROOT_TEXT, { author: 'xiaolin_cafe_diary', followers: 860, platform: 'weibo' });
const finalReposts = 14_000;
for (let m = 2; m <= (END - CRISIS_AT) / 60; m += 2) {
  const t = CRISIS_AT + m * 60;
  const grown = finalReposts / (1 + Math.exp(-(m - 110) / 28));
  engagement(t, root, Math.round(grown - finalReposts / (1 + Math.exp(110 / 28))), Math.round(grown * 0.35));
}
// New negative posts about it: a rate that climbs, peaks before the reply, then falls away.
for (let m = 0; m < (END - CRISIS_AT) / 60; m++) {
  const t0 = CRISIS_AT + m * 60;
  const rising = Math.min(1, m / 90);
  const after = t0 > REPLY_AT ? Math.exp(-(t0 - REPLY_AT) / 3600) : 1;
  const perMin = 0.1 + 3.2 * rising * rising * after;
  for (let i = poisson(perMin); i > 0; i--) {
    const t = t0 + rand() * 60;
    const zh = rand() < 0.6;
    const kind = rand() < 0.5 ? 'quote' : 'post';
    const p = post(t, zh ? pick(SPREAD_ZH) : pick(SPREAD_EN), { kind, parent: kind === 'quote' ? root : undefined, followers: followers(zh ? 300 : 220) });
    if (rand() < 0.25) engagement(t + 300 + rand() * 900, p, poisson(6), poisson(3));
  }
  // Ordinary chatter carries on underneath.
  if (rand() < 0.12) post(t0 + rand() * 60, rand() < 0.5 ? pick(CHATTER_ZH) : pick(CHATTER_EN));
}
// The brand answers where the complaint is, as the company, with facts and a time for the next update.
post(REPLY_AT, REPLY_TEXT, { author: 'lumen_coffee_official', followers: 520_000, platform: 'weibo', kind: 'reply', parent: root });

out.sort((a, b) => a.t - b.t);
const target = fileURLToPath(new URL('../../data/demo/lumen-coffee.jsonl', import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(target, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  process.stdout.write(`wrote ${out.length} records to ${target}; crisis at t=${CRISIS_AT}s\n`);
}
