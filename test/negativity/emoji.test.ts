import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreText } from '../../src/core/negativity/index.js';
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
});
