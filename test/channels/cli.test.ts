/** `emberwatch channels --json` lists every registered kind with its config schema. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../../src/channels/registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('emberwatch channels', () => {
  it('prints every registered kind with its schema as JSON, secrets flagged', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'channels', '--json'], { cwd: repoRoot, encoding: 'utf8' });
    const kinds = JSON.parse(out) as { kind: string; config: Record<string, { secret?: boolean }> }[];
    assert.deepEqual(kinds.map((k) => k.kind).sort(), Object.keys(CHANNELS).sort());
    assert.equal(kinds.find((k) => k.kind === 'dingtalk')?.config.secret?.secret, true);
  });
});
