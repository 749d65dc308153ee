/** Refusals raised by middleware reach the client as themselves (403, 413), never as a 500 "internal error". */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { createApp } from '../../src/http/app.js';

describe('middleware refusals', () => {
  const tmp = tempDir();
  let deps: Awaited<ReturnType<typeof testDeps>>;
  const logs: string[] = [];
  before(async () => {
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') }, fakeClock(Date.UTC(2026, 10, 19)), logs);
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('answers a cross-site form post to an ack link with 403, and logs no crash', async () => {
    const res = await createApp(deps).request('/ack/anything', { method: 'POST', body: new URLSearchParams({ name: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.ok(!logs.some((l) => /^http POST/.test(l)), logs.join('\n'));
  });
});
