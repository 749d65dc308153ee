/** How the detector states its p-values to a PR lead. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { pText } from '../../src/core/detect/reason.js';

it('says "p = 0.012" for ordinary surprise and "p < 1e-6" for strong, and never claims more than 1e-12', () => {
  assert.equal(pText(-Math.log10(0.012)), 'p = 0.012');
  assert.equal(pText(6.3), 'p < 1e-6');
  assert.equal(pText(11.9), 'p < 1e-11');
  assert.equal(pText(274), 'p < 1e-12');
});
