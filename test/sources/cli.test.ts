import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { SOURCES } from '../../src/sources/registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('emberwatch sources', () => {
  it('lists every registered kind with its config schema as JSON', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'sources', '--json'], { cwd: repoRoot });
    const list = JSON.parse(stdout) as { kind: string; config: Record<string, { type: string }> }[];
    for (const kind of Object.keys(SOURCES)) assert.ok(list.some((s) => s.kind === kind), `${kind} listed`);
    const bsky = list.find((s) => s.kind === 'bluesky')!;
    assert.equal(bsky.config.identifier!.type, 'string');
  });

  it('registers each source under its own kind, with a documented default for every optional field it reads', () => {
    for (const [key, src] of Object.entries(SOURCES)) {
      assert.equal(src.kind, key);
      for (const [field, f] of Object.entries(src.configSchema)) assert.ok(f.description.length > 3, `${key}.${field} is described`);
    }
  });
});
