/** The example brand shipped in rules/brands/ is valid: a PR lead who copies it gets a working start. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/node-deps.js';
import { loadNodeConfig, REPO_ROOT } from '../../src/runtime/node.js';

it('parses rules/brands/acme.yaml.example with its Bluesky, Mastodon, Hacker News and RSS sources', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'brands'));
    writeFileSync(join(dir, 'brands/acme.yaml'), readFileSync(join(REPO_ROOT, 'rules/brands/acme.yaml.example'), 'utf8'));
    const config = loadNodeConfig({ EMBERWATCH_RULES: dir, BLUESKY_APP_PASSWORD: 'app-password-for-test' });
    assert.equal(config.demo, false);
    assert.deepEqual(config.brands.map((b) => b.id), ['acme']);
    assert.deepEqual(config.brands[0]!.sources.map((s) => s.kind), ['bluesky', 'mastodon', 'hackernews', 'rss']);
    assert.deepEqual(config.brands[0]!.negativity.ignore, ['Killer']);
  } finally {
    cleanup();
  }
});
