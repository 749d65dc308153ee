/** The brand file's names reach the negativity scorer, which gives one-word names no learned weight. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseBrand } from '../../src/config/brand.js';

const parse = (extra: string) => parseBrand({ path: 'rules/brands/acme.yaml', text: `id: acme\nname: Acme\n${extra}` }, {}, (_kind, raw) => raw);

describe('a brand\'s own names in scoring', () => {
  it('are passed to the scorer with the negativity overrides: the name, the names by language and the aliases', () => {
    const b = parse('names: {en: Acme Corp, zh: 艾克米}\naliases: [acmeco]\nnegativity: {ignore: [Killer]}\n');
    assert.deepEqual(b.negativity.ownNames, ['Acme', '艾克米', 'Acme Corp', 'acmeco']);
    assert.deepEqual(b.negativity.ignore, ['Killer']);
  });
});
