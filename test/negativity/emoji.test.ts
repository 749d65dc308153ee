import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNegativityModel, scoreText } from '../../src/core/negativity/index.js';
import { extractFeatures } from '../../src/core/negativity/features.js';
import { KAOMOJI_CORES } from '../../src/core/negativity/tokens.js';
import { readLexiconFiles } from '../../src/lexicon/load-lexicons.js';
import { repoRoot } from './helpers.js';
import path from 'node:path';
import { repoModel } from './helpers.js';

// The training tweets (2013–2016) hold no emoji: what the scorer knows of them is the hand-written
// emoticons-*.tsv. These check that the emoji added in session 10 are read, in the direction a reader gives them.
describe('emoji', () => {
  const model = repoModel();
  const plain = 'watching the game with my brother tonight';
  const logit = (text: string): number => {
    const p = scoreText(model, text).negativity;
    return Math.log(p / (1 - p));
  };

  it('moves a plain post toward negative with a face of worry, hurt or disgust, or a facepalm', () => {
    const base = logit(plain);
    for (const e of ['🤦', '😟', '👿', '💢', '🤒', '🥀', '🤥']) {
      const r = scoreText(model, `${plain} ${e}`);
      assert.ok(logit(`${plain} ${e}`) > base + 0.4, `${e}: ${base} → ${logit(`${plain} ${e}`)}`);
      assert.ok(r.evidence.some((x) => x.startsWith(`term "${e}" +`)), r.evidence.join('; '));
    }
  });

  it('moves a plain post toward positive with smiles, hearts, party and prize signs', () => {
    const base = logit(plain);
    for (const e of ['🙂', '🤩', '🥳', '💙', '💜', '👌', '💪', '🏆', '🎊', '😻']) {
      assert.ok(logit(`${plain} ${e}`) < base - 0.4, `${e}: ${base} → ${logit(`${plain} ${e}`)}`);
    }
  });

  it('reads an emoji with a variation selector or a skin tone as the emoji itself', () => {
    for (const [text, e] of [['so proud of you ☺️', '☺'], ['well done team 💪🏽', '💪'], ['lost again 🤦🏻‍♂️', '🤦']] as const) {
      assert.ok(scoreText(model, text).evidence.some((x) => x.startsWith(`term "${e}"`)), text);
    }
  });

  it('turns a positive emoji against a post that states a complaint (sarcasm)', () => {
    const r = scoreText(model, '@airline flight cancelled again and no one answers the phone 🥳');
    assert.equal(r.negative, true);
    assert.ok(r.evidence.some((x) => x.includes('"🥳" (praise beside a complaint: sarcasm)')), r.evidence.join('; '));
  });

  it('reads a kaomoji as one unit by its core, whatever arms and mouth surround it', () => {
    for (const k of KAOMOJI_CORES) assert.deepEqual(extractFeatures(`ok ${k} ok`).units.filter((u) => u !== 'ok'), [k], k);
    assert.deepEqual(extractFeatures('(╯°□°）╯︵ ┻━┻').units, ['┻━┻']);
    assert.deepEqual(extractFeatures('o(╥﹏╥)o').units, ['o', '╥﹏╥', 'o']);
    // "^" and "-" elsewhere are no kaomoji.
    assert.deepEqual(extractFeatures('2^10 ---- a-b').units.filter((u) => u.length > 1 && !/^[a-z0-9]+$/.test(u)), []);
  });

  it('weighs kaomoji: a table flip, tears or a stare toward negative, a smile toward positive', () => {
    const base = logit(plain);
    for (const k of ['(╯°□°）╯︵ ┻━┻', 'o(╥﹏╥)o', '(ಥ_ಥ)', 'ಠ_ಠ', '(｀へ´)']) assert.ok(logit(`${plain} ${k}`) > base + 0.4, k);
    for (const k of ['^_^', '(^o^)', 'o(∩_∩)o', '(≧▽≦)', '(◕‿◕)']) assert.ok(logit(`${plain} ${k}`) < base - 0.4, k);
    assert.equal(scoreText(model, '等了一个小时还没到 (╯°□°）╯︵ ┻━┻').negative, true);
    assert.equal(scoreText(model, '收到啦 o(∩_∩)o').negative, false);
  });

  it('refuses, with the file and line, a kaomoji in the lexicon whose core the tokenizer does not know', () => {
    const files = readLexiconFiles(path.join(repoRoot, 'rules')).map((f) =>
      f.path.endsWith('emoticons-negative.tsv') ? { ...f, text: `${f.text}\n(•̀o•́)\t1\n` } : f,
    );
    assert.throws(() => buildNegativityModel(files), /emoticons-negative\.tsv: line \d+: "\(•̀o•́\)" is not read as one emoji, emoticon or kaomoji \(read as \["o"\]\)/);
  });
});
