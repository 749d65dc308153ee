import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
import { extractFeatures } from '../../src/core/negativity/features.js';
import { repoModel, repoRoot } from './helpers.js';

function codesIn(file: string): Array<[string, number]> {
  const text = readFileSync(path.join(repoRoot, 'rules/lexicons', file), 'utf8');
  return text.split('\n').filter((l) => l.startsWith('[')).map((l) => [l.split('\t')[0]!, Number(l.split('\t')[1])]);
}
const negativeCodes = codesIn('weibo-emoticons-negative.tsv');
const positiveCodes = codesIn('weibo-emoticons-positive.tsv');

// The standard Weibo set and the newer codes, by the polarity a Weibo reader gives them.
const STANDARD_NEGATIVE = ['[怒]', '[抓狂]', '[衰]', '[泪]', '[鄙视]', '[悲伤]', '[失望]', '[伤心]', '[可怜]', '[委屈]', '[生病]', '[吐]', '[哼]', '[怒骂]', '[晕]', '[汗]', '[白眼]', '[弱]', '[蜡烛]', '[允悲]', '[裂开]', '[苦涩]', '[大哭]', '[咆哮]', '[惊恐]'];
const STANDARD_POSITIVE = ['[哈哈]', '[嘻嘻]', '[爱你]', '[心]', '[太开心]', '[鼓掌]', '[赞]', '[good]', '[给力]', '[威武]', '[耶]', '[偷笑]', '[可爱]', '[亲亲]', '[花心]', '[笑cry]', '[doge]', '[二哈]', '[加油]', '[打call]', '[awsl]', '[送花花]', '[笑哈哈]', '[大笑]'];

describe('Weibo emoticon codes', () => {
  const model = repoModel();

  it('covers the standard Weibo set and the newer codes with the polarity a reader gives them', () => {
    const neg = new Set(negativeCodes.map(([c]) => c));
    const pos = new Set(positiveCodes.map(([c]) => c));
    for (const c of STANDARD_NEGATIVE) assert.ok(neg.has(c), `${c} is listed as negative`);
    for (const c of STANDARD_POSITIVE) assert.ok(pos.has(c), `${c} is listed as positive`);
  });

  it('reads every listed code as one token, as it appears inside a post', () => {
    for (const [code] of [...negativeCodes, ...positiveCodes]) {
      assert.ok(extractFeatures(`今天${code}好`).common.includes(code), code);
    }
  });

  it('lets a clearly negative code make a plain sentence negative', () => {
    for (const [code, w] of negativeCodes) {
      if (w < 1.4) continue;
      assert.equal(scoreText(model, `今天下午去了一趟商场${code}`).negative, true, code);
    }
  });

  it('lets a clearly positive code outweigh a grumble in the words', () => {
    for (const [code, w] of positiveCodes) {
      if (w < 1.4) continue;
      assert.equal(scoreText(model, `又要加班到很晚，好累啊${code}`).negative, false, code);
    }
  });

  it('does not let a negation before a code flip it ("不想上班[泪]" stays sad)', () => {
    const r = scoreText(model, '周一真的不想上班[泪]');
    assert.equal(r.negative, true);
    assert.ok(r.evidence.some((e) => e.startsWith('weibo code "[泪]" +')), r.evidence.join('; '));
  });

  it('keeps a complaint negative when the poster laughs about it (sarcasm)', () => {
    for (const text of ['航班又延误了三个小时[哈哈]', '客服态度真差，电话一直打不通[嘻嘻]']) {
      const r = scoreText(model, text);
      assert.equal(r.negative && r.complaint, true, text);
    }
  });

  it('names the codes in the evidence', () => {
    assert.ok(scoreText(model, '终于放假了[太开心][鼓掌]').evidence.some((e) => e.includes('"[太开心]"')));
  });
  it('reads a code no lexicon lists by the words of its name, capped, and never flipped by a negation', () => {
    const listed = new Set([...negativeCodes, ...positiveCodes].map(([c]) => c));
    for (const c of ['[lxh伤心]', '[bm哭泣]', '[不开心]', '[lxh喜欢]', '[六一快乐]', '[视频]', '[飞机]']) assert.ok(!listed.has(c), c);
    const weightOf = (text: string, code: string): number | undefined => {
      const line = scoreText(model, text).evidence.find((e) => e.startsWith(`weibo code "${code}" (by its name)`));
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    // The same plain sentence, the code alone deciding.
    assert.equal(scoreText(model, '今天下午去了一趟商场[lxh伤心]').negative, true);
    assert.equal(scoreText(model, '今天下午去了一趟商场[bm哭泣]').negative, true);
    assert.equal(scoreText(model, '今天下午去了一趟商场[不开心]').negative, true, 'a negation inside the name counts');
    assert.equal(scoreText(model, '又要加班到很晚，好累啊[lxh喜欢]').negative, false);
    assert.ok(weightOf('今天[lxh伤心]', '[lxh伤心]')! > 0);
    assert.ok(weightOf('今天[六一快乐]', '[六一快乐]')! < 0);
    // Two strong words in one name (伤心 + 痛苦) would sum past 2: the weight stops at 1.5 either way.
    assert.equal(weightOf('今天[伤心痛苦]', '[伤心痛苦]'), 1.5);
    assert.equal(weightOf('今天[开心快乐]', '[开心快乐]'), -1.5);
    // "不" before the code does not flip it, as for a listed code.
    assert.ok(weightOf('真的不[lxh伤心]', '[lxh伤心]')! > 0);
    // Names without a feeling word, digits and Latin-only brackets are no codes of any weight.
    for (const c of ['[视频]', '[飞机]', '[5]', '[deleted]']) {
      assert.equal(scoreText(model, `see ${c} 今天${c}`).evidence.some((e) => e.includes(`"${c}"`) && e.startsWith('weibo code')), false, c);
    }
  });

  it('reads the older and rarer codes listed in session 10 with their polarity', () => {
    for (const c of ['[飞吻]', '[花痴]', '[爱心]', '[哇哈哈]', '[喜]']) assert.equal(scoreText(model, `又要加班到很晚，好累啊${c}`).negative, false, c);
    for (const c of ['[怕怕]', '[上火]']) assert.equal(scoreText(model, `今天下午去了一趟商场${c}`).negative, true, c);
  });
});
