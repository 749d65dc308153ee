import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/core/errors.js';
import { parseBrandNegativity, scoreText } from '../../src/core/negativity/index.js';
import { repoModel } from './helpers.js';

const model = repoModel();

describe('brand overrides', () => {
  it('ignores a product name that reads as a negative word ("Crash Bandicoot")', () => {
    const text = 'Crash Bandicoot remaster is out today';
    const plain = scoreText(model, text);
    const brand = scoreText(model, text, { ignore: ['Crash Bandicoot'] });
    assert.ok(plain.evidence.some((e) => e.includes('"crash"')), 'the plain score reads "crash" as negative');
    assert.ok(brand.negativity < plain.negativity, `${brand.negativity} vs ${plain.negativity}`);
    assert.ok(!brand.evidence.some((e) => e.toLowerCase().includes('crash')), brand.evidence.join('; '));
  });

  it('ignores only whole words, so a real complaint about killers still counts', () => {
    const r = scoreText(model, 'their drivers are killers on the road, dangerous', { ignore: ['killer'] });
    assert.equal(r.negative, true);
  });

  it('counts a brand\'s extra negative terms, with evidence', () => {
    const text = 'Heard about the Model Q recall yet?';
    const r = scoreText(model, text, { extraNegative: ['model q recall'] });
    assert.ok(r.negativity > scoreText(model, text).negativity);
    assert.ok(r.evidence.some((e) => e.includes('brand term "model q recall"')));
  });

  it('counts a brand\'s extra positive terms', () => {
    const text = 'sick deals all week at acme';
    assert.ok(scoreText(model, text, { extraPositive: ['sick deals'] }).negativity < scoreText(model, text).negativity);
  });

  it('gives the brand\'s own one-word names no learned weight in its posts, and keeps the rest of the score', () => {
    // "toyota" and its letter groups lean hard toward not negative in the learned weights (news in the tweets).
    const text = 'the new toyota infotainment lags behind every tap';
    const plain = scoreText(model, text);
    const own = scoreText(model, text, { ownNames: ['Toyota', '丰田', 'Toyota Motor'] });
    assert.ok(plain.evidence.some((e) => /learned "(toyota|#oyot)"/.test(e)), plain.evidence.join('; '));
    assert.ok(!own.evidence.some((e) => /learned "(toyota|#<toy|#toyo|#oyot|#yota|#ota>)"/.test(e)), own.evidence.join('; '));
    assert.ok(own.negativity > plain.negativity, `${own.negativity} vs ${plain.negativity}`);
    assert.ok(own.evidence.some((e) => e.startsWith('term "lags"')), own.evidence.join('; '));
    assert.equal(scoreText(model, text, { ownNames: ['TOYOTA'] }).negativity, own.negativity, 'read in lower case, as the scorer reads words');
    // Names of more than one word, and Chinese names, change nothing; nor does another brand's name.
    assert.equal(scoreText(model, text, { ownNames: ['Toyota Motor', '丰田'] }).negativity, plain.negativity);
    assert.equal(scoreText(model, text, { ownNames: ['Honda'] }).negativity, plain.negativity);
    // And the next post scored without the brand reads the name again.
    assert.equal(scoreText(model, text).negativity, plain.negativity);
  });

  it('reads the negativity block of a brand file', () => {
    assert.deepEqual(parseBrandNegativity({ extra_negative: ['recall'], ignore: ['Killer'] }, 'brands/acme.yaml'), { extraNegative: ['recall'], ignore: ['Killer'] });
    assert.deepEqual(parseBrandNegativity(undefined, 'brands/acme.yaml'), {});
  });

  it('names the file and field of a bad negativity block', () => {
    assert.throws(() => parseBrandNegativity({ ignroe: ['x'] }, 'brands/acme.yaml'), (e: unknown) => e instanceof ConfigError && e.file === 'brands/acme.yaml' && e.field === 'negativity.ignroe');
    assert.throws(() => parseBrandNegativity({ ignore: 'Killer' }, 'brands/acme.yaml'), (e: unknown) => e instanceof ConfigError && e.field === 'negativity.ignore');
  });
});
