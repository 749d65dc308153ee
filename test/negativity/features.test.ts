import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractFeatures } from '../../src/core/negativity/features.js';
import { LearnedAccumulator, zhShare } from '../../src/core/negativity/learned-score.js';
import { visitFeatures } from '../../src/core/negativity/features.js';
import { repoModel } from './helpers.js';

const model = repoModel();

/** The learned logit the slow, obvious way: spell every feature out and look it up. */
function spelledOut(text: string): number {
  const f = extractFeatures(text);
  const { en, zh } = model.learned;
  const share = zhShare(f);
  let z = share * zh.bias + (1 - share) * en.bias;
  for (const x of f.en) z += en.weights.get(x) ?? 0;
  for (const x of f.zh) z += zh.weights.get(x) ?? 0;
  for (const x of f.common) z += (share >= 0.5 ? zh : en).weights.get(x) ?? 0;
  return z;
}

function visited(text: string): number {
  const acc = new LearnedAccumulator(model);
  return acc.finish(visitFeatures(text, acc)).logit;
}

describe('features', () => {
  it('marks words after a negation and keeps adjacent pairs', () => {
    const f = extractFeatures("I'm NOT happy with it, sooooo bad");
    assert.ok(f.en.includes('!happy') && f.en.includes('not happy') && f.en.includes('soo'));
    assert.ok(!f.en.includes('!soo'), 'the comma ends the negation');
  });

  it('reads Chinese as characters and pairs, marking what follows a negator', () => {
    const f = extractFeatures('不太满意[怒]');
    assert.ok(f.zh.includes('!太') && f.zh.includes('满意') && f.common.includes('[怒]'));
  });

  it('drops links and handles', () => {
    const f = extractFeatures('@united https://t.co/abc cancelled');
    assert.deepEqual(f.en.filter((x) => !x.includes('#')), ['cancelled']);
  });

  it('reads a Weibo name as one handle, through Han characters and "-": no characters and no pair across it', () => {
    const f = extractFeatures('你好@悲伤的猫-v2:谢谢');
    assert.deepEqual(f.zh, ['你', '好', '你好', '谢', '谢', '谢谢']);
    // A name is at most 30 wide, a Han character counting 2: typed without a space, the post after it is still read.
    assert.deepEqual(extractFeatures('@一二三四五六七八九十一二三四五好慢').zh, ['好', '慢', '好慢']);
    // An X handle still ends where letters, digits and "_" do.
    assert.deepEqual(extractFeatures('@united_air, cancelled').en.filter((x) => !x.includes('#')), ['cancelled']);
  });

  it('gives English words their character 4-grams, negated inside a negation scope', () => {
    const f = extractFeatures('bad, not sad');
    assert.deepEqual(f.en.filter((x) => x.includes('#')), ['#<bad', '#bad>', '#<not', '#not>', '!#<sad', '!#sad>']);
  });

  it('sums the same learned weights whether features are visited or spelled out', () => {
    for (const t of ['not good at all!!', '不太满意，但是物流很快[哈哈]', 'iPhone电池太差了 really bad 😡', '']) {
      assert.ok(Math.abs(visited(t) - spelledOut(t)) < 1e-9, t);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('not ', 'good ', 'bad ', 'on ', 'hold ', '不', '太', '满', '意', '好', '!', '，', '😡', '[怒]', 'x', '@', ' '), maxLength: 25 }), (t) => {
        assert.ok(Math.abs(visited(t) - spelledOut(t)) < 1e-9, t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('quoted titles of panels, talks and sessions', () => {
  it('drops the title words, keeps the quotes, and leaves other quotes alone', async () => {
    const { withoutEventTitles } = await import('../../src/core/negativity/features.js');
    assert.equal(withoutEventTitles('"why mobile apps fail" panel starting now'), '"" panel starting now');
    assert.equal(withoutEventTitles('panel: "can microsoft be cool again?" 11am'), 'panel: "" 11am');
    assert.equal(withoutEventTitles('session called “why nobody uses your app” is full'), 'session called "" is full');
    assert.equal(withoutEventTitles('our "unlimited" plan throttles at 5gb'), 'our "unlimited" plan throttles at 5gb');
    assert.equal(withoutEventTitles('watching "the walking dead" tonight'), 'watching "the walking dead" tonight');
  });

  it('scores a panel announcement by its own words, not its title', async () => {
    const { scoreText } = await import('../../src/core/negativity/index.js');
    for (const text of ['"Why Every Startup Will Fail" panel in room 4 at noon', 'Keynote: "Is Email Dead?" starts in ten minutes']) {
      const r = scoreText(model, text);
      assert.equal(r.negative, false, `${text}: ${r.negativity} ${r.evidence.join('; ')}`);
    }
    assert.equal(scoreText(model, 'the keynote demo failed twice').negative, true);
  });
});

describe('HTML entities in post text', () => {
  it('decodes the common entities once, and leaves a bare ampersand and unknown names alone', async () => {
    const { decodeEntities } = await import('../../src/core/text/entities.js');
    assert.equal(decodeEntities('AT&amp;T &lt;3 &quot;fast&quot; it&#39;s &#x1F621; &gt;:('), 'AT&T <3 "fast" it\'s 😡 >:(');
    assert.equal(decodeEntities('AT&T & co &bogus; &#0;'), 'AT&T & co &bogus; &#0;');
    assert.equal(decodeEntities('&amp;lt;'), '&lt;', 'one level only');
  });

  it('scores an escaped post as the same post unescaped (X and many exports escape "&", "<", ">" and quotes)', async () => {
    const { scoreText } = await import('../../src/core/negativity/index.js');
    const pairs = [
      ['I &lt;3 my new iPad 2 #sxsw', 'I <3 my new iPad 2 #sxsw'],
      ['@mention the &quot;unlimited&quot; plan got throttled again', '@mention the "unlimited" plan got throttled again'],
      ['@united lost my bag &amp; no one will call me back &gt;:(', '@united lost my bag & no one will call me back >:('],
    ];
    for (const [escaped, plain] of pairs) {
      const a = scoreText(model, escaped!), b = scoreText(model, plain!);
      assert.deepEqual([a.negativity, a.negative, a.complaint], [b.negativity, b.negative, b.complaint], escaped);
    }
    assert.equal(scoreText(model, 'I &lt;3 my new iPad 2 #sxsw').negative, false);
    assert.ok(scoreText(model, 'I &lt;3 my new iPad 2 #sxsw').evidence.some((e) => e.includes('"<3"')));
    assert.ok(scoreText(model, '@mention the &quot;unlimited&quot; plan got throttled again').evidence.some((e) => e.includes('scare-quotes')));
  });
});
