/**
 * Neutral brand chatter in Chinese, generated from hand-written templates (no data set text):
 * announcements, questions, plain mentions, orders and check-ins about made-up brands.
 *
 * Why: the Chinese tuning sets are all polar (reviews are good or bad, the Weibo posts carry an
 * emotion), so "no praise" there means "a complaint", and the learned weights carried that into a
 * positive bias: plain chatter scored 0.6–0.75. Training also on chatter labelled not negative
 * teaches the weights that brand names, product nouns, times, places and questions are no
 * evidence either way, and moves the bias so that a post needs negative evidence to count.
 */

const BRANDS = ['星河手机', '云朵奶茶', '青禾超市', '蓝鲸快递', '北辰汽车', '橙子外卖', '小熊家电', '海风航空', '白桦酒店', '木棉服饰', '山泉矿泉水', '麦穗面包', '极光电视', '松果书店', '竹叶茶馆', '飞鱼游戏'];
const PRODUCTS = ['新款耳机', '平板', '套餐', '奶茶', '面包', '电动车', '充电宝', '运动鞋', '机票', '房间', '会员卡', '优惠券', '笔记本', '咖啡', '蛋糕', '手表', '洗衣液', '牛奶', '外套', '空调', '火锅', '冰淇淋', '早餐', '快递',
  // Food, drink and travel: most brand chatter is about eating out, ordering in and going places.
  '拿铁', '美式', '豆浆', '油条', '汉堡', '薯条', '炸鸡', '披萨', '可乐', '果汁', '烤鸭', '米线', '饺子', '盒饭', '午餐', '晚饭', '下午茶', '菜单', '新菜',
  '双人间', '大床房', '车票', '高铁票', '门票', '行李箱', '自助餐', '包间'];
const DAYS = ['今天', '明天', '周一', '周三', '周五', '这周六', '下周日', '月底', '十月一号', '下个月', '今晚八点', '上午十点'];
const PLACES = ['人民路', '中山路', '火车站', '机场', '万达广场', '大学城', '公司楼下', '小区门口', '市中心', '地铁站旁边', '二楼', '学校对面'];
const COUNTS = ['一杯', '两个', '三件', '一份', '两盒', '一台', '一双', '四张', '一箱', '半斤'];
const WHO = ['我', '我们', '同事', '朋友', '老妈', '室友', '孩子', '老板', '大家'];

const TEMPLATES = [
  '{b}的{p}什么时候上市？',
  '请问{b}的{p}还有货吗',
  '{d}在{b}买了{n}{p}',
  '刚下单了{b}的{p}，{d}送到',
  '{b}{d}在{l}开新店',
  '{b}官方：{p}{d}开始预售',
  '{w}{d}去{b}买{p}',
  '打卡{l}的{b}',
  '有人知道{b}的{p}多少钱吗？',
  '{b}发布了新的{p}',
  '{w}和同事在{b}吃午饭',
  '{b}的门店几点开门？',
  '{d}去{b}看看{p}',
  '{b}今年推出了{n}{p}',
  '{b}寄来的{p}到了，放在{l}',
  '转发：{b}{d}开发布会',
  '{b}在{l}的店搬到了对面',
  '{w}在用{b}的{p}',
  '{b}的{p}有几种颜色？',
  '{d}的会在{b}旁边开',
  '从{b}订了{n}{p}给{w}',
  '{b}招聘店员，地址在{l}',
  '{b}的{p}和去年那款有什么区别',
  '{d}{b}的{p}打折吗',
  '第一次用{b}的app点{p}',
  '{w}说{b}的{p}{d}到货',
  '排队买{b}的{p}，前面还有几个人',
  '{b}：{d}起营业时间调整为九点到晚上十点',
  '{b}的{p}是在哪里生产的？',
  '中午点了{b}的{p}，边吃边开会',
  '{w}{d}住在{b}，离{l}走路五分钟',
  '{b}在{l}哪里？',
  '{d}和{w}约在{b}吃{p}',
  '{b}的{p}怎么预订',
  '点了{n}{p}，等{w}一起吃',
  '{b}换了新的{p}，{d}开始卖',
];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** Returns `count` neutral Chinese brand-chatter posts, the same ones on every call (seeded). */
export function zhNeutralChatter(count: number, seed = 7): string[] {
  const r = seeded(seed);
  const pick = (xs: string[]): string => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    out.push(t.replace('{b}', pick(BRANDS)).replace('{p}', pick(PRODUCTS)).replace('{d}', pick(DAYS)).replace('{l}', pick(PLACES)).replace('{n}', pick(COUNTS)).replace('{w}', pick(WHO)));
  }
  return out;
}
