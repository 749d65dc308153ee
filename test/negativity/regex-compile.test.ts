/**
 * The Chinese patterns are compiled when the model is built, not on the first Chinese post (compileChineseNow in
 * src/core/negativity/intent-rules.ts): V8 stops optimizing the regexes a process compiles once it has generated
 * about 1 MB of regex code, so patterns first compiled after a long run of English posts ran 10-15 times slower.
 * V8 says whether a regex holds native code for two-byte strings through a runtime function that only a process
 * started with --allow-natives-syntax can call, so the check runs in a child process. The speed itself is measured in
 * `npm run bench:negativity`, never here.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { repoRoot } from './helpers.js';

function nativeCodeAfterBuild(): { patterns: number; twoByte: number; oneByte: number } {
  const code = `
    const hasNative = new Function('re', 'oneByte', 'return %RegexpHasNativeCode(re, oneByte)');
    const { buildNegativityModel } = await import('./src/core/negativity/index.ts');
    const { readLexiconFiles } = await import('./src/lexicon/load-lexicons.ts');
    const model = buildNegativityModel(readLexiconFiles('rules'));
    const zh = [...model.intents, ...model.contextIntents, ...model.topics].map((r) => r.zh).filter((r) => r !== null);
    console.log(JSON.stringify({ patterns: zh.length, twoByte: zh.filter((r) => hasNative(r, false)).length, oneByte: zh.filter((r) => hasNative(r, true)).length }));
  `;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { patterns: number; twoByte: number; oneByte: number };
}

describe('Chinese patterns compiled at build', () => {
  it('every Chinese intent, context and topic pattern holds native code for Chinese text before any post is scored', () => {
    const r = nativeCodeAfterBuild();
    assert.ok(r.patterns >= 30, `expected the shipped Chinese patterns, found ${r.patterns}`);
    assert.equal(r.twoByte, r.patterns);
    // Only Chinese text was run: V8 compiles per string width, so one-byte code would mean something else ran them.
    assert.equal(r.oneByte, 0);
  });
});
