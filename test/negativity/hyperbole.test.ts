/**
 * Hyperbole as praise ("that sauce is dangerous", "this album is filthy, not a single skip") and the slang of praise
 * ("killed it", "can't come fast enough"). Every post was written for this test (not from any data set).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNegativityModel, scoreText } from '../../src/core/negativity/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { itCountsPlain, repoModel } from './helpers.js';

describe('hyperbole beside praise is praise', () => {
  const model = repoModel();

  const PRAISE = [
    'this hot sauce is dangerous, best thing on the menu',
    'the new album is filthy. not a single skip',
    'that trailer is sick, October can\'t come fast enough',
    'the band absolutely killed it last night',
    'this burger is dangerous. I\'m dead 😂',
    'the burrito was the size of my head and honestly zero complaints',
    'three hours of queueing for the drop and I\'d do it again',
  ];
  itCountsPlain(model, PRAISE);

  it('says which term it read as hyperbole, and drops a complaint pattern that only that term set off', () => {
    const r = scoreText(model, 'this hot sauce is dangerous, best thing on the menu');
    assert.ok(r.evidence.includes('term "dangerous" (hyperbole beside praise) +0'), r.evidence.join('; '));
    assert.ok(r.evidence.some((e) => e.startsWith('cue safety: "dangerous" not counted')), r.evidence.join('; '));
  });

  it('reads "never looked this good" as heightening the praise, not negating it', () => {
    const r = scoreText(model, 'my skin has never looked this good');
    assert.ok(r.evidence.includes('term "good" -1.00'), r.evidence.join('; '));
  });

  // The same words where they mean harm: no praise near them, another complaint beside them, or not ending a clause.
  const HARM = [
    'this space heater is dangerous. it melted the plug. loved my old one',
    'great job, the stroller recall says the latch is dangerous',
    'this update is a dangerous mess, it deleted my photos. love the new icons though',
    'the kettle is dangerous, the handle gets burning hot',
  ];
  for (const text of HARM) {
    it(`still counts "${text}" as negative`, () => {
      const r = scoreText(model, text);
      assert.equal(r.negative, true, `negativity ${r.negativity}: ${r.evidence.join('; ')}`);
      assert.ok(!r.evidence.some((e) => e.includes('hyperbole')), r.evidence.join('; '));
    });
  }
});

describe('modifiers.yaml hyperbole', () => {
  const files = (hyperbole: string) => [
    { path: 'lexicons/modifiers.yaml', text: `hyperbole: ${hyperbole}\n` },
    { path: 'lexicons/en-negative.tsv', text: 'dangerous\t1.6\n' },
    { path: 'lexicons/en-positive.tsv', text: 'best\t1.4\n' },
  ];

  it('reads a listed negative term as hyperbole beside praise, and nothing else', () => {
    const on = buildNegativityModel(files('[dangerous]'));
    const off = buildNegativityModel(files('[]'));
    const text = 'this sauce is dangerous, the best';
    assert.ok(scoreText(on, text).negativity < scoreText(off, text).negativity);
    assert.equal(scoreText(on, 'this sauce is dangerous').negativity, scoreText(off, 'this sauce is dangerous').negativity);
  });

  it('refuses a phrase that is no negative term, naming the field', () => {
    for (const bad of ['[dangerus]', '[best]']) {
      assert.throws(
        () => buildNegativityModel(files(bad)),
        (e: unknown) => e instanceof ConfigError && e.file === 'lexicons/modifiers.yaml' && /^hyperbole\./.test(e.field),
      );
    }
    assert.throws(() => buildNegativityModel(files('dangerous')), (e: unknown) => e instanceof ConfigError && e.field === 'hyperbole');
  });
});
