import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { matchRule, patternAlternatives, startsWithWordChar } from '../../src/core/negativity/intent-rules.js';
import { alternatives, leadingStrings, withoutCaptures } from '../../src/core/negativity/regex-source.js';
import { BRAND_POSTS, repoModel } from './helpers.js';

const model = repoModel();
const latin = { latin: true, han: false };

// Pieces that intents look for, and filler around them, to build posts near the patterns' edges.
const PIECES = ['on hold', 'refund', 'my refund', 'charged twice', 'never arrived', 'kicked us out', "can't log in", 'no one answers', '2 hours', 'wrong order', 'not', ' ', ', ', '!', 'x', '退款', '客服不理', '等了3个小时', '吃出虫子', '质量问题', '投诉', '不', '#', '@', 'the third time', 'for 3 days', "i've been on hold", '_', 'x2'];

// Chinese posts go through a literal prefilter instead, tested in literal-prefilter.test.ts.
describe('the English intent and topic gates', () => {
  it('says which intents match, exactly the ones whose own regex matches the post', () => {
    const gate = model.enIntentGate!;
    const same = (text: string) => {
      const found = new Uint8Array(model.intents.length);
      const count = gate.groups(text, found);
      const expected = model.intents.map((i) => (matchRule(i, text, latin) !== null ? 1 : 0));
      assert.deepEqual([...found], expected, text);
      assert.equal(count, expected.filter(Boolean).length, text);
    };
    for (const [text] of BRAND_POSTS) same(text.toLowerCase());
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (parts) => same(parts.join(''))),
      { numRuns: 1000 },
    );
  });

  it('says which topics a post names in one scan, exactly as each topic pattern does', () => {
    const pieces = [...PIECES, 'ceo', 'the ceo', 'recall', 'recalled', 'scammed', 'rip-off', 'ripoff', 'e. coli', 'e.coli', 'data breach', 'late', 'latest', 'price', 'priced', 'fees', 'battery', 'rude staff', 'rude', 'staff', 'fire', 'firewall', '-', "doesn't work", 'no response', 'hospital', 'expired'];
    const gate = model.enTopicGate!;
    assert.ok(model.topics.length >= 9);
    const same = (text: string) => {
      const found = new Uint8Array(model.topics.length);
      gate.groups(text, found);
      assert.deepEqual([...found], model.topics.map((r) => (r.en!.test(text) ? 1 : 0)), text);
    };
    for (const [text] of BRAND_POSTS) same(text.toLowerCase());
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => same(parts.join(''))),
      { numRuns: 1000 },
    );
  });

  it('keeps one small regex per alternative, never a union of them (V8 took over a second to compile the unions)', () => {
    const { regexes } = model.enIntentGate as unknown as { regexes: RegExp[] };
    const longest = Math.max(...model.intents.flatMap((i) => patternAlternatives(i.en)).map((a) => withoutCaptures(a).length));
    assert.ok(regexes.length >= 50, `${regexes.length} alternatives`);
    for (const re of regexes) {
      assert.ok(re.sticky, re.source);
      assert.ok(re.source.length <= longest, `a union slipped in: ${re.source.slice(0, 80)}…`);
    }
  });

  it('reads the prefixes every match of a pattern begins with, or says it cannot', () => {
    const strings = (src: string, k: number) => leadingStrings(src, k)?.map((p) => p.s).sort();
    assert.deepEqual(strings('(want|need) a refund', 3), ['nee', 'wan']);
    assert.deepEqual(strings('(the )?refunds?', 4), ['refu', 'the ']);
    assert.deepEqual(strings('(\\d+|an?) ?hours', 2), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a ', 'ah', 'an']);
    assert.equal(leadingStrings('(?<name>x)y', 2), null);
  });

  it('drops captures without changing what a pattern matches', () => {
    assert.equal(withoutCaptures('(a|b)[(]\\(c(?:d)'), '(?:a|b)[(]\\(c(?:d)');
  });

  it('splits a pattern only at its top level', () => {
    assert.deepEqual(alternatives('a(b|c)|[|]d|e\\|f'), ['a(b|c)', '[|]d', 'e\\|f']);
  });

  it('tries a pattern at word starts only when it surely starts with a word character', () => {
    assert.equal(startsWithWordChar('(want|need) a refund'), true);
    assert.equal(startsWithWordChar('(\\d+|two) hours'), true);
    assert.equal(startsWithWordChar('(the )?refund'), false);
    assert.equal(startsWithWordChar('#fail'), false);
    assert.equal(startsWithWordChar('a?b'), false);
  });
});
