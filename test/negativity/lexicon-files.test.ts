import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, type RuleFile } from '../../src/core/errors.js';
import { buildNegativityModel, scoreText } from '../../src/core/negativity/index.js';
import { readLexiconFiles } from '../../src/lexicon/load-lexicons.js';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { readRulesDir } from '../../src/config/load-node.js';
import { parseExamples, writtenExamples } from '../../src/lexicon/datasets.js';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './helpers.js';

const shipped = readLexiconFiles(path.join(repoRoot, 'rules'));
const isConfigError = (file: string, field?: RegExp) => (e: unknown) => e instanceof ConfigError && e.file === file && (!field || field.test(e.field));

describe('lexicon files', () => {
  it('builds from every shipped lexicon file', () => {
    const m = buildNegativityModel(shipped);
    assert.ok(m.intents.length > 0 && m.topics.length > 0 && m.learned.en.weights.size > 0);
  });

  it('lets a PR lead add a term by adding one line to a TSV file', () => {
    const text = 'the new flavour is a bit blorpy';
    const before = scoreText(buildNegativityModel(shipped), text);
    const edited: RuleFile[] = [...shipped, { path: 'lexicons/acme-negative.tsv', text: '# our slang\nblorpy\t2.5\n' }];
    const after = scoreText(buildNegativityModel(edited), text);
    assert.ok(after.negativity > before.negativity);
    assert.ok(after.evidence.some((e) => e.includes('"blorpy"')));
  });

  it('lists each hand-written term once: a term in two files, or twice in one, would be read with whichever weight loads last', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const f of shipped.filter((x) => /-(negative|positive)\.tsv$/.test(x.path) && !x.path.includes('learned-'))) {
      f.text.split('\n').forEach((line, i) => {
        if (line === '' || line.startsWith('#')) return;
        const term = line.split('\t')[0]!;
        const where = `${f.path}:${i + 1}`;
        if (seen.has(term)) twice.push(`"${term}" at ${seen.get(term)} and ${where}`);
        else seen.set(term, where);
      });
    }
    assert.ok(seen.size > 1000);
    assert.deepEqual(twice, []);
  });

  it('lists no modifier as a term too, but the slang degree words: the term would win, and the modifier never act', () => {
    const modifiers = parseYaml(shipped.find((f) => f.path.endsWith('modifiers.yaml'))!.text) as Record<string, unknown>;
    const listed = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v && typeof v === 'object' ? Object.keys(v) : []);
    const slang = new Set(listed(modifiers['slang_degree']));
    const allowed = slang;
    const terms = new Set<string>();
    for (const f of shipped.filter((x) => /-(negative|positive)\.tsv$/.test(x.path) && !x.path.includes('learned-'))) {
      for (const line of f.text.split('\n')) if (line !== '' && !line.startsWith('#')) terms.add(line.split('\t')[0]!);
    }
    const both = ['negations', 'intensifiers', 'contrast', 'not_negations'].flatMap((k) => listed(modifiers[k])).filter((w) => terms.has(w) && !allowed.has(w));
    assert.ok(slang.size > 0 && terms.size > 1000);
    assert.deepEqual(both, []);
  });

  it('refuses a term that is also a modifier, naming the file and line, instead of letting it switch the modifier off', () => {
    const edited: RuleFile[] = [...shipped, { path: 'lexicons/acme-positive.tsv', text: '# our words\nsuper\t1.2\n' }];
    assert.throws(() => buildNegativityModel(edited), (e: unknown) => isConfigError('lexicons/acme-positive.tsv', /line 2/)(e) && /degree word/.test((e as Error).message));
    const negation: RuleFile[] = [...shipped, { path: 'lexicons/acme-negative.tsv', text: 'never\t0.4\n' }];
    assert.throws(() => buildNegativityModel(negation), isConfigError('lexicons/acme-negative.tsv', /line 1/));
  });

  it('refuses a slang degree word that is not one word or has no sane multiplier, naming the field', () => {
    const mod = (body: string) => ({ path: 'lexicons/modifiers.yaml', text: `slang_degree:\n${body}` });
    assert.throws(() => buildNegativityModel([mod('  stupid good: 1.5\n')]), isConfigError('lexicons/modifiers.yaml', /^slang_degree\.stupid good$/));
    assert.throws(() => buildNegativityModel([mod('  wicked: lots\n')]), isConfigError('lexicons/modifiers.yaml', /^slang_degree\.wicked$/));
    const ok = buildNegativityModel([mod('  wicked: 1.5\n'), { path: 'lexicons/en-negative.tsv', text: 'wicked\t0.6\n' }, { path: 'lexicons/en-positive.tsv', text: 'good\t1\n' }]);
    assert.equal(ok.slangDegree.get('wicked'), 1.5);
  });

  it('refuses a praise degree phrase without a sane multiplier, naming the field, and reads a valid one', () => {
    const mod = (body: string) => ({ path: 'lexicons/modifiers.yaml', text: `praise_degree:\n${body}` });
    assert.throws(() => buildNegativityModel([mod('  不要太: lots\n')]), isConfigError('lexicons/modifiers.yaml', /^praise_degree\.不要太$/));
    assert.throws(() => buildNegativityModel([mod('  不要太: 9\n')]), isConfigError('lexicons/modifiers.yaml', /^praise_degree\.不要太$/));
    const ok = buildNegativityModel([mod('  不要太: 1.5\n'), { path: 'lexicons/zh-positive.tsv', text: '好看\t1.4\n' }, { path: 'lexicons/zh-negative.tsv', text: '难过\t1.2\n' }]);
    assert.equal(ok.praiseDegree.get('不要太'), 1.5);
    assert.ok(scoreText(ok, '不要太好看').negativity < scoreText(ok, '好看').negativity);
    assert.ok(scoreText(ok, '不要太难过').negativity < scoreText(ok, '难过').negativity);
  });

  it('names the file and line of a malformed TSV row', () => {
    const bad = { path: 'lexicons/en-negative.tsv', text: 'awful\t2\nterrible two\n' };
    assert.throws(() => buildNegativityModel([bad]), isConfigError('lexicons/en-negative.tsv', /^line 2$/));
  });

  it('rejects a complaint intent with an unknown topic or a broken pattern', () => {
    const unknownTopic = { path: 'lexicons/complaints.yaml', text: 'intents:\n  - id: x\n    topic: weather\n    en: ["rain"]\n' };
    assert.throws(() => buildNegativityModel([unknownTopic]), isConfigError('lexicons/complaints.yaml', /intents\[0\]\.topic/));
    const broken = { path: 'lexicons/complaints.yaml', text: 'intents:\n  - id: x\n    en: ["(unclosed"]\n' };
    assert.throws(() => buildNegativityModel([broken]), isConfigError('lexicons/complaints.yaml', /intents\[0\]\.en/));
  });

  it('accepts complaint: when-negative on an intent and rejects any other value', () => {
    const ok = { path: 'lexicons/complaints.yaml', text: 'intents:\n  - id: x\n    complaint: when-negative\n    weight: 3\n    en: ["blorp"]\n' };
    const m = buildNegativityModel([ok]);
    assert.equal(m.intents[0]!.complaint, 'when-negative');
    assert.equal(scoreText(m, 'blorp').complaint, true, 'a complaint once the post is negative');
    const weak = buildNegativityModel([{ ...ok, text: ok.text.replace('weight: 3', 'weight: 0.5') }]);
    assert.equal(scoreText(weak, 'blorp').complaint, false, 'no complaint while the post is not negative');
    const bad = { path: 'lexicons/complaints.yaml', text: 'intents:\n  - id: x\n    complaint: maybe\n    en: ["blorp"]\n' };
    assert.throws(() => buildNegativityModel([bad]), isConfigError('lexicons/complaints.yaml', /intents\[0\]\.complaint/));
  });

  it('turns the praise of a post against it after an intent marked sarcasm: true, and rejects a non-boolean', () => {
    const yaml = (flag: string) => ({ path: 'lexicons/complaints.yaml', text: `intents:\n  - id: x\n    complaint: false\n${flag}    weight: 0.5\n    en: ["blorp"]\n` });
    const praise = { path: 'lexicons/en-positive.tsv', text: 'lovely\t2\n' };
    const contrast = { path: 'lexicons/modifiers.yaml', text: 'contrast: [but]\n' };
    const marked = buildNegativityModel([yaml('    sarcasm: true\n'), praise, contrast]);
    const plain = buildNegativityModel([yaml(''), praise, contrast]);
    assert.equal(marked.intents[0]!.sarcasm, true);
    assert.equal(plain.intents[0]!.sarcasm, false);
    assert.equal(scoreText(plain, 'blorp, lovely').negative, false, 'a plain cue only moves the score');
    const r = scoreText(marked, 'blorp, lovely');
    assert.equal(r.negative, true, r.evidence.join('; '));
    assert.ok(r.evidence.includes('term "lovely" (praise after a sarcasm cue) +1.00'), r.evidence.join('; '));
    // Praise after a contrast is meant: "blorp, but lovely" keeps its praise.
    assert.equal(scoreText(marked, 'blorp but lovely').negative, false);
    assert.throws(() => buildNegativityModel([yaml('    sarcasm: often\n')]), isConfigError('lexicons/complaints.yaml', /intents\[0\]\.sarcasm/));
  });

  it('keeps the praise of a post meant after an intent marked sincere: true, even beside a complaint', () => {
    const yaml = (sincere: string) => ({
      path: 'lexicons/complaints.yaml',
      text: `intents:\n  - id: c\n    weight: 0.5\n    en: ["blorp"]\n  - id: s\n    complaint: false\n${sincere}    weight: 0\n    en: ["fixed it"]\n`,
    });
    const praise = { path: 'lexicons/en-positive.tsv', text: 'lovely\t2\n' };
    const sincere = buildNegativityModel([yaml('    sincere: true\n'), praise]);
    const plain = buildNegativityModel([yaml(''), praise]);
    assert.equal(scoreText(plain, 'blorp, fixed it, lovely').negative, true, 'beside a complaint the praise is turned');
    const r = scoreText(sincere, 'blorp, fixed it, lovely');
    assert.equal(r.negative, false, r.evidence.join('; '));
    assert.ok(r.evidence.includes('term "lovely" -2.00'), r.evidence.join('; '));
    assert.throws(() => buildNegativityModel([yaml('    sincere: 1\n')]), isConfigError('lexicons/complaints.yaml', /intents\[1\]\.sincere/));
  });

  it('rejects an upper-case pattern, which could never match the lower-cased post', () => {
    const upper = { path: 'lexicons/complaints.yaml', text: 'intents:\n  - id: x\n    en: ["\\\\bRefund"]\n' };
    assert.throws(() => buildNegativityModel([upper]), isConfigError('lexicons/complaints.yaml'));
  });

  it('rejects a topic severity outside 1 to 3 and an unknown lexicon file', () => {
    const sev = { path: 'lexicons/topics.yaml', text: 'topics:\n  pricing:\n    severity: 9\n    en: ["price"]\n' };
    assert.throws(() => buildNegativityModel([sev]), isConfigError('lexicons/topics.yaml', /severity/));
    assert.throws(() => buildNegativityModel([{ path: 'lexicons/notes.txt', text: '' }]), isConfigError('lexicons/notes.txt'));
  });

  it('reads a learned character gram line ("#<blo<TAB>w") as a weight and a "#" line without a tab as a comment', () => {
    const learned = { path: 'lexicons/learned-en.tsv', text: '# derived\n<bias>\t-1\n#<blo\t3\n!#<blo\t-3\n' };
    const m = buildNegativityModel([learned]);
    assert.deepEqual([...m.learned.en.weights], [['#<blo', 3], ['!#<blo', -3]]);
    assert.equal(scoreText(m, 'blorpy again').negative, true, 'the gram of "blorpy" counts');
    assert.equal(scoreText(m, 'not blorpy').negative, false, 'and its negated form inside a negation');
    assert.ok(scoreText(m, 'blorpy again').evidence.some((e) => e.includes('"#<blo"')));
  });

  it('reads every learned weight as Number() reads it, the plain decimals of the files and any other form', () => {
    const weights = ['0.1', '-2.675', '3', '-0', '0.30000000000000004', '1e-3', '-1.5E2', '.5', '7.', '123456789.123456789', '0.000001'];
    const text = weights.map((w, i) => `f${i}\t${w}`).join('\n');
    const m = buildNegativityModel([{ path: 'lexicons/learned-en.tsv', text }]);
    weights.forEach((w, i) => assert.ok(Object.is(m.learned.en.weights.get(`f${i}`), Number(w)), `${w} read as ${m.learned.en.weights.get(`f${i}`)}`));
    for (const bad of ['1.2.3', '-', '1,5', '2 3']) {
      assert.throws(() => buildNegativityModel([{ path: 'lexicons/learned-en.tsv', text: `word\t${bad}` }]), isConfigError('lexicons/learned-en.tsv', /^line 1$/), bad);
    }
  });

  it('adds the word weights of learned-en-vectors.tsv to the learned weights of the same word', () => {
    const learned = { path: 'lexicons/learned-en.tsv', text: '<bias>\t-1\nblorpy\t0.5\n' };
    const vectors = { path: 'lexicons/learned-en-vectors.tsv', text: '# derived\nblorpy\t1.25\nsnarfy\t3\n!snarfy\t-3\n' };
    const m = buildNegativityModel([learned, vectors]);
    assert.equal(m.learned.en.weights.get('blorpy'), 1.75);
    assert.equal(m.learned.en.bias, -1);
    assert.equal(scoreText(m, 'so snarfy').negative, true, 'a word only the vectors know counts');
    assert.equal(scoreText(m, 'not snarfy').negative, false, 'and its negated form inside a negation');
    assert.equal(scoreText(buildNegativityModel([learned]), 'so blorpy').negative, false, 'without the vector weights blorpy alone is too weak');
    assert.equal(scoreText(m, 'so blorpy').negative, true);
  });

  it('reads the general Chinese vocabulary of feeling, for posts that are not about a purchase', () => {
    const hand = shipped.filter((f) => !f.path.includes('learned-'));
    const without = buildNegativityModel(hand.filter((f) => !f.path.includes('zh-general-')));
    const withGeneral = buildNegativityModel(hand);
    for (const text of ['出了事就甩锅，真让人心寒', '新闻看得我毛骨悚然', '这届网友的素质真是一言难尽']) {
      assert.equal(scoreText(without, text).negative, false, `${text}: no brand-complaint word in it`);
      assert.equal(scoreText(withGeneral, text).negative, true, text);
    }
    const cheer = scoreText(withGeneral, '众志成城，共渡难关，致敬一线的医护人员');
    assert.ok(cheer.negativity < scoreText(without, '众志成城，共渡难关，致敬一线的医护人员').negativity - 0.1);
    assert.equal(scoreText(buildNegativityModel(shipped), '出了事就甩锅，真让人心寒').negative, true, 'and with the learned weights');
  });

  it('still scores with the hand-written rules alone, without derived weights', () => {
    const handOnly = buildNegativityModel(shipped.filter((f) => !f.path.includes('learned-')));
    assert.equal(scoreText(handOnly, 'terrible service, still waiting for my refund').negative, true);
    assert.equal(scoreText(handOnly, 'new store opening on saturday').negative, false);
    assert.equal(scoreText(handOnly, '质量很好，非常满意').negative, false);
  });
});

describe('labelled example posts (rules/examples/en.tsv, zh.tsv)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`parses the shipped ${lang}.tsv: both labels, and no post twice`, () => {
      const examples = writtenExamples(lang);
      assert.ok(examples.some((e) => e.negative) && examples.some((e) => !e.negative));
      assert.equal(new Set(examples.map((e) => e.text)).size, examples.length);
    });
  }

  it('names the file and line of a line it cannot read', () => {
    const good = parseExamples('# a comment\n\nnegative\tmy order never came\nnot-negative\tthanks!\n', 'x.tsv');
    assert.deepEqual(good, [
      { text: 'my order never came', negative: true },
      { text: 'thanks!', negative: false },
    ]);
    assert.throws(() => parseExamples('negative\tok\nneg\tmy order never came\n', 'x.tsv'), /x\.tsv:2: expected "negative" or "not-negative"/);
    assert.throws(() => parseExamples('not-negative\t  \n', 'x.tsv'), /x\.tsv:1:/);
  });

  it('holds no post that a test scores, so the tests stay out of sample', () => {
    const tests = readdirSync(path.join(repoRoot, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(path.join(repoRoot, 'test', f), 'utf8'))
      .join('\n');
    const inTests = [...writtenExamples('en'), ...writtenExamples('zh')].filter((e) => [e.text, e.text.replace(/'/g, "\\'"), e.text.replace(/"/g, '\\"')].some((t) => tests.includes(t)));
    assert.deepEqual(inTests.map((e) => e.text), []);
  });

  it('is not loaded as rules by the app or bundled into the Worker', () => {
    const files = readRulesDir(path.join(repoRoot, 'rules'));
    assert.ok(files.some((f) => f.path.startsWith('lexicons/')));
    assert.deepEqual(files.filter((f) => f.path.startsWith('examples/')), []);
  });
});
