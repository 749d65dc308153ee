/** The brand file's `usual_reach`: optional, a positive number, or a clear error naming the file and field. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseBrand } from '../../src/config/brand.js';
import { ConfigError } from '../../src/core/errors.js';

const parse = (extra: string) => parseBrand({ path: 'rules/brands/acme.yaml', text: `id: acme\nname: Acme\n${extra}` }, {}, (_kind, raw) => raw);

describe('a brand\'s usual reach', () => {
  it('is learned (null) unless the brand file sets it', () => {
    assert.equal(parse('').usualReach, null);
    assert.equal(parse('usual_reach: 500\n').usualReach, 500);
  });

  it('rejects a value that is not a positive number, naming the file and field', () => {
    for (const bad of ['usual_reach: 0', 'usual_reach: lots']) {
      assert.throws(() => parse(`${bad}\n`), (e: unknown) => e instanceof ConfigError && /acme\.yaml/.test(e.message) && /usual_reach/.test(e.message), bad);
    }
  });
});
