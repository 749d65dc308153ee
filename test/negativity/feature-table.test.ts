/** The learned weights' hash table: filled feature by feature, it behaves like a Map of feature → weight. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureTable, featureHash } from '../../src/core/negativity/feature-table.js';

const FEATURES = ['bad', '!good', 'on hold', '#<bad', '!#ing>', '退款', '!满', '差', ':(', '[怒]'];

describe('the feature hash table', () => {
  it('grows past the size it was made for and still finds every feature by text and by hash', () => {
    const t = new FeatureTable(2);
    const all = Array.from({ length: 500 }, (_, i) => `${FEATURES[i % FEATURES.length]}${i >= FEATURES.length ? i : ''}`);
    all.forEach((f, i) => t.set(f, i / 10));
    assert.equal(t.size, all.length);
    all.forEach((f, i) => {
      assert.equal(t.get(f), i / 10, f);
      const { h1, h2 } = featureHash(f);
      const s = t.slot(h1, h2);
      assert.equal(t.name(s), f);
      assert.equal(t.weight(s), i / 10);
    });
    assert.equal(t.get('never added'), undefined);
  });

  it('keeps the last weight of a feature set twice, in the place it was first added, as a Map does', () => {
    const t = new FeatureTable();
    t.set('bad', 1);
    t.set('!good', 2);
    t.set('bad', 3);
    assert.deepEqual(t.entries(), [['bad', 3], ['!good', 2]]);
  });

  it('adds a second weight to a feature and rounds the sum to the files\' three decimals', () => {
    const t = FeatureTable.fromMap(new Map([['bad', 0.5]]));
    const file = 'bad\nworse';
    t.addRoundedRange(file, 0, 3, 1.2345);
    t.addRoundedRange(file, 4, 9, 0.1 + 0.2);
    assert.deepEqual(t.entries(), [['bad', 1.735], ['worse', 0.3]]);
  });

  it('reads a feature where it stands in a longer text exactly as the same feature on its own', () => {
    // What follows a range must not change its hash: "bad" is followed by " taste", "on" by " hold".
    const text = 'bad taste\t1\n!on hold\t2\n退款慢\t3\n#<bad>\t4';
    const t = new FeatureTable(2);
    const ranges: Array<[number, number, string]> = [[0, 3, 'bad'], [0, 9, 'bad taste'], [12, 15, '!on'], [12, 20, '!on hold'], [23, 25, '退款'], [29, 34, '#<bad']];
    ranges.forEach(([a, b, f], i) => {
      assert.equal(text.slice(a, b), f);
      t.setRange(text, a, b, i + 1);
    });
    assert.equal(t.size, ranges.length);
    ranges.forEach(([, , f], i) => {
      const s = t.slot(featureHash(f).h1, featureHash(f).h2);
      assert.equal(t.name(s), f);
      assert.equal(t.weight(s), i + 1, f);
    });
  });

  it('hashes a negated pair, a gram and a Han pair as the scorer combines them, not as plain strings', () => {
    for (const f of ['!on hold', '#<bad', '退款']) assert.notDeepEqual(featureHash(f), featureHash(`${f} `), f);
    assert.notDeepEqual(featureHash('!bad'), featureHash('bad'));
  });
});
