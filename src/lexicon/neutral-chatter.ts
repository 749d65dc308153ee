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

export const CHATTER_BRANDS = ['星河手机', '云朵奶茶', '青禾超市', '蓝鲸快递', '北辰汽车', '橙子外卖', '小熊家电', '海风航空', '白桦酒店', '木棉服饰', '山泉矿泉水', '麦穗面包', '极光电视', '松果书店', '竹叶茶馆', '飞鱼游戏'];
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

/**
 * Everyday posts that name no brand: weather and seasons, greetings, commutes and check-ins, news and notices
 * reposted, plans, scores, pets and study. A brand's stream carries many of these, and the polar tuning sets none.
 */
const CITIES = ['北京', '上海', '广州', '深圳', '成都', '杭州', '武汉', '西安', '南京', '重庆', '长沙', '青岛', '厦门', '昆明', '哈尔滨', '苏州'];
const WEATHER = ['小雨', '多云', '晴', '阴天', '大风', '降温', '雾霾', '下雪', '雷阵雨', '回暖', '升温', '有雾'];
const TERMS = ['立冬', '冬至', '立春', '清明', '小满', '夏至', '立秋', '白露', '霜降', '大雪', '小寒', '谷雨'];
const FOODS = ['饺子', '汤圆', '粽子', '月饼', '火锅', '面条', '烧烤', '麻辣烫', '螺蛳粉', '煎饼', '馄饨', '酸菜鱼'];
const TRANSIT = ['机场', '高铁站', '地铁上', '候机厅', '火车上', '服务区', '码头', '公交站', '登机口', '出租车上'];
const NEWS = ['油价调整', '个税', '高考报名', '医保', '公积金', '限行', '地铁新线', '天气预警', '社保', '车展', '人口普查', '航班换季'];
const TEAMS = ['国足', '女排', '湖人', '皇马', '曼城', '上海队', '广东队', '北京队', '山东队', '辽宁队'];
const THINGS = ['衣柜', '书桌', '冰箱', '阳台', '相册', '抽屉', '鞋柜', '书架'];
const PETS = ['猫', '狗', '仓鼠', '兔子', '鹦鹉', '金鱼'];
const LIFE_TEMPLATES = [
  '今天{t}，记得吃{f}',
  '{c}{d}{x}，出门带伞',
  '早安，{d}{c}{x}',
  '晚安，明天见',
  '在{r}，{d}回{c}',
  '到{r}了，准备出发去{c}',
  '分享图片',
  '转发微博',
  '我在这里：{c}{l}',
  '【#{n}#】{d}起{c}相关安排有调整，详情见通知',
  '#{n}# 官方发布最新说明 http://t.cn/A6xyz',
  '{d}去{c}出差，有什么好吃的推荐吗',
  '周末整理了{h}，清出来两大袋东西',
  '{k}比赛{d}晚上七点半开始，{o}看直播吗',
  '{k}{m}比{q}，终场',
  '家里的{p}今天{m}岁了',
  '{p}睡了一下午',
  '考试周，图书馆三楼靠窗的位置',
  '今天走了一万二千步',
  '{d}{c}{x}，气温{m}到{q}度',
  '下班了，和{w}去{l}吃{f}',
  '{w}问{d}要不要一起去{c}玩',
  '开会到五点，晚上自己做{f}',
  '第一次来{c}，{l}人好多',
  '刚看完新闻，{n}的说明出来了',
  '{d}要交报告，先写提纲',
  '新的一周，继续学英语打卡第{m}天',
  '收拾行李，{d}飞{c}',
  '听说{c}{d}有{x}，大家注意',
  '在{r}吃了一碗{f}',
  '有人去过{c}的{l}吗？',
  '{t}到了，{c}的银杏黄了',
  '孩子{d}开家长会，记下时间',
  '周末带{p}去打疫苗',
  '今天的晚饭：{f}和米饭',
  '{d}的车票买好了，{r}见',
];
const PLACES_LIFE = ['老街', '博物馆', '公园', '夜市', '江边', '古镇', '书店', '体育馆', '商场', '图书馆'];
const DIGITS = ['2', '3', '5', '7', '12', '15', '21', '30'];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** `count` posts, the i-th made from template i (cycling) by `fill`, with a seeded pick: the same on every call. */
function generate(templates: string[], count: number, seed: number, fill: (template: string, pick: (xs: string[]) => string) => string): string[] {
  const r = seeded(seed);
  const pick = (xs: string[]): string => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => fill(templates[i % templates.length]!, pick));
}

/** Returns `count` neutral Chinese brand-chatter posts, the same ones on every call (seeded). */
export function zhNeutralChatter(count: number, seed = 7): string[] {
  return generate(TEMPLATES, count, seed, (t, pick) =>
    t.replace('{b}', pick(CHATTER_BRANDS)).replace('{p}', pick(PRODUCTS)).replace('{d}', pick(DAYS)).replace('{l}', pick(PLACES)).replace('{n}', pick(COUNTS)).replace('{w}', pick(WHO)),
  );
}

const LIFE_SLOTS: Record<string, string[]> = { t: TERMS, f: FOODS, c: CITIES, d: DAYS, x: WEATHER, r: TRANSIT, l: PLACES_LIFE, n: NEWS, h: THINGS, k: TEAMS, o: WHO, m: DIGITS, q: DIGITS, p: PETS, w: WHO };

/** Returns `count` neutral everyday Chinese posts that name no brand, the same ones on every call (seeded). */
export function zhEverydayChatter(count: number, seed = 13): string[] {
  return generate(LIFE_TEMPLATES, count, seed, (t, pick) => t.replace(/\{([a-z])\}/g, (_, k: string) => pick(LIFE_SLOTS[k]!)));
}
