/** Bad input gets a clear error and changes nothing: rules files, ingest pushes, ack links. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acmePushBrand } from '../helpers/brands.js';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { createApp } from '../../src/http/app.js';
import { loadNodeConfig, REPO_ROOT } from '../../src/runtime/node.js';
import { sha256Hex, signAckToken, signBody } from '../../src/lib/signing.js';
import { addToken, upsertUser } from '../../src/db/queries/auth.js';
import { insertIncident } from '../../src/db/queries/incidents.js';

const GOOD_BRAND = acmePushBrand({ timezone: 'Europe/Berlin' });

function rulesWith(brandYaml: string): string {
  const { dir } = tempDir('ew-rules-');
  mkdirSync(join(dir, 'brands'));
  writeFileSync(join(dir, 'brands', 'acme.yaml'), brandYaml);
  return dir;
}

describe('a malformed rules file', () => {
  const cases: [string, string, RegExp][] = [
    ['is not YAML', 'id: acme\nname: [unclosed', /brands\/acme\.yaml: \(yaml\): is not valid YAML/],
    ['misses the brand id', 'name: Acme\n', /brands\/acme\.yaml: id: is required/],
    ['names an unknown timezone', GOOD_BRAND.replace('Europe/Berlin', 'Mars/Olympus'), /brands\/acme\.yaml: timezone: unknown IANA timezone "Mars\/Olympus"/],
    ['has a typo in a field name', GOOD_BRAND + 'sauces: []\n', /brands\/acme\.yaml: sauces: unknown field/],
    ['uses an unknown source kind', GOOD_BRAND.replace('kind: webhook', 'kind: myspace'), /brands\/acme\.yaml: sources\[0\]: kind: unknown source kind "myspace"/],
    ['lacks the secret its source needs', GOOD_BRAND, /brands\/acme\.yaml: sources\[0\]: secret_env: environment variable ACME_INGEST_SECRET must be set/],
  ];
  for (const [what, yaml, message] of cases) {
    it(`stops start-up with a message naming file and field when it ${what}`, () => {
      assert.throws(() => loadNodeConfig({ EMBERWATCH_RULES: rulesWith(yaml) }), message);
    });
  }

  it('makes `emberwatch poll` exit non-zero with that message and create no database', () => {
    const { dir } = tempDir();
    const db = join(dir, 'never.sqlite');
    const res = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli.ts'), 'poll'], {
      env: { ...process.env, EMBERWATCH_RULES: rulesWith('name: Acme\n'), EMBERWATCH_DB: db },
      encoding: 'utf8',
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /brands\/acme\.yaml: id: is required/);
    assert.equal(existsSync(db), false, 'nothing half-loaded');
  });
});

describe('POST /api/ingest', () => {
  const secret = 'ingest-secret-0123456789abcdef';
  const tmp = tempDir();
  let deps: Awaited<ReturnType<typeof testDeps>>;
  let app: ReturnType<typeof createApp>;
  const count = async () => Number((await deps.db.selectFrom('posts').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const push = async (body: string, signature?: string) =>
    app.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-emberwatch-signature': signature ?? (await signBody(secret, body)) } });
  const record = (over: Record<string, unknown> = {}) => ({ type: 'post', at: '2026-11-20T10:00:00Z', id: 'x1', platform: 'forum', author: 'anna', followers: 40, text: 'Acme charged me twice and nobody answers', ...over });

  before(async () => {
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite'), EMBERWATCH_RULES: rulesWith(GOOD_BRAND), ACME_INGEST_SECRET: secret }, fakeClock(Date.UTC(2026, 10, 20, 11)));
    app = createApp(deps);
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const body = JSON.stringify({ brand: 'acme', source: 'push', records: [record()] });
    const res = await push(body, await signBody('not-the-secret-at-all-000', body));
    assert.equal(res.status, 401);
    assert.match(((await res.json()) as { error: string }).error, /bad signature/);
    assert.equal(await count(), 0);
  });

  it('refuses a body changed after signing', async () => {
    const body = JSON.stringify({ brand: 'acme', source: 'push', records: [record()] });
    const res = await push(body.replace('anna', 'eve'), await signBody(secret, body));
    assert.equal(res.status, 401);
    assert.equal(await count(), 0);
  });

  it('refuses a signed but malformed payload with 422 naming the record and field, storing nothing of it', async () => {
    const body = JSON.stringify({ brand: 'acme', source: 'push', records: [record(), record({ id: 'x2', followers: -3 })] });
    const res = await push(body);
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { error: string }).error, /records\[1\]: "followers" must be a non-negative number/);
    assert.equal(await count(), 0, 'the valid first record was not stored either');
  });

  it('refuses invalid JSON with 400', async () => {
    const res = await push('{"brand": "acme", "records": [');
    assert.equal(res.status, 400);
  });

  it('stores a valid push, scored, and stores it once when it is pushed again', async () => {
    const body = JSON.stringify({ brand: 'acme', source: 'push', records: [record(), { type: 'engagement', at: '2026-11-20T10:05:00Z', id: 'x1', reposts: 12, replies: 3 }] });
    assert.equal((await push(body)).status, 202);
    assert.equal((await push(body)).status, 202);
    assert.equal(await count(), 1);
    const row = await deps.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.brand_id, 'acme');
    assert.equal(row.text, 'Acme charged me twice and nobody answers');
  });
});

describe('a forged or spent ack link', () => {
  const tmp = tempDir();
  const clock = fakeClock(Date.UTC(2026, 10, 20, 11));
  let deps: Awaited<ReturnType<typeof testDeps>>;
  let app: ReturnType<typeof createApp>;
  const post = (path: string) => app.request(path, { method: 'POST', body: new URLSearchParams({ name: 'Mallory' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
  const state = async () => (await deps.db.selectFrom('incidents').select(['state', 'acknowledged_by']).where('id', '=', 'inc1').executeTakeFirstOrThrow()).state;

  before(async () => {
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') }, clock);
    app = createApp(deps);
    await insertIncident(deps.db, { id: 'inc1', brandId: 'lumen-coffee', state: 'open', severity: 'warning', title: 'Test incident', openedAt: clock.now(), acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: 'test', topics: [], playbookId: null }, { incidentId: 'inc1', at: clock.now(), type: 'opened', actor: null, message: 'Opened' });
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('refuses a token signed with another key and leaves the incident open', async () => {
    const forged = await signAckToken('some-other-secret-that-is-long-enough', { inc: 'inc1', to: 'x', exp: clock.now() + 3600_000, jti: 'j1' });
    const res = await post(`/ack/${forged}`);
    assert.equal(res.status, 403);
    assert.match(await res.text(), /not issued by Emberwatch/);
    assert.equal(await state(), 'open');
  });

  it('refuses a genuine token whose claims were edited', async () => {
    const real = await signAckToken(deps.secret, { inc: 'other', to: 'x', exp: clock.now() + 3600_000, jti: 'j2' });
    const [, sig] = real.split('.');
    const edited = Buffer.from(JSON.stringify({ inc: 'inc1', to: 'x', exp: clock.now() + 3600_000, jti: 'j2' })).toString('base64url');
    assert.equal((await post(`/ack/${edited}.${sig}`)).status, 403);
    assert.equal(await state(), 'open');
  });

  it('refuses an expired token', async () => {
    const old = await signAckToken(deps.secret, { inc: 'inc1', to: 'x', exp: clock.now() - 1, jti: 'j3' });
    const res = await post(`/ack/${old}`);
    assert.equal(res.status, 403);
    assert.match(await res.text(), /expired/);
    assert.equal(await state(), 'open');
  });

  it('refuses an API ack without a token, and a viewer token', async () => {
    const res = await app.request('/api/incidents/inc1/ack', { method: 'POST' });
    assert.equal(res.status, 401);
    await upsertUser(deps.db, { id: 'exec', name: 'Executive', email: null, role: 'viewer' }, clock.now());
    await addToken(deps.db, { id: 't-exec', userId: 'exec', hash: await sha256Hex('viewer-token-0123456789abcdef'), label: 'test' }, clock.now());
    const asViewer = await app.request('/api/incidents/inc1/ack', { method: 'POST', headers: { authorization: 'Bearer viewer-token-0123456789abcdef' } });
    assert.equal(asViewer.status, 403, 'executives read, they do not act');
    const read = await app.request('/api/incidents', { headers: { authorization: 'Bearer viewer-token-0123456789abcdef' } });
    assert.equal(read.status, 200);
    assert.equal(await state(), 'open');
  });
});
