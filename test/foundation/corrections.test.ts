/** A responder corrects a post's negativity: stored, applied to that post, and learned so the mistake is not repeated. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { createApp } from '../../src/http/app.js';
import { signBody, sha256Hex } from '../../src/lib/signing.js';
import { addToken, upsertUser } from '../../src/db/queries/auth.js';

const SECRET = 'ingest-secret-0123456789abcdef';
const BRAND = `id: acme
name: Acme
queries: [{ lang: en, must: [acme] }]
sources: [{ name: push, kind: webhook, secret_env: ACME_INGEST_SECRET }]
`;
// A line that reads as an insult to a scorer but is, for this brand, praise of its "Killer" burger.
const TEXT = 'The Acme Killer burger is sick, absolutely insane, I am dying';

describe('correcting a post\'s negativity', () => {
  const tmp = tempDir();
  const clock = fakeClock(Date.UTC(2026, 10, 20, 11));
  let deps: Awaited<ReturnType<typeof testDeps>>;
  let app: ReturnType<typeof createApp>;
  const auth = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
  const push = async (id: string) => {
    const body = JSON.stringify({ brand: 'acme', source: 'push', records: [{ type: 'post', at: clock.now() - 60_000, id, author: 'fan', followers: 10, text: TEXT, platform: 'forum' }] });
    const res = await app.request('/api/ingest', { method: 'POST', body, headers: { 'x-emberwatch-signature': await signBody(SECRET, body) } });
    assert.equal(res.status, 202);
    return deps.db.selectFrom('posts').selectAll().where('external_id', '=', id).executeTakeFirstOrThrow();
  };

  before(async () => {
    const rules = join(tmp.dir, 'rules');
    mkdirSync(join(rules, 'brands'), { recursive: true });
    writeFileSync(join(rules, 'brands/acme.yaml'), BRAND);
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite'), EMBERWATCH_RULES: rules, ACME_INGEST_SECRET: SECRET }, clock);
    app = createApp(deps);
    await upsertUser(deps.db, { id: 'r', name: 'Responder Rui', email: null, role: 'responder' }, clock.now());
    await addToken(deps.db, { id: 'tr', userId: 'r', hash: await sha256Hex('responder-token-0123456789'), label: 't' }, clock.now());
    await upsertUser(deps.db, { id: 'v', name: 'Viewer Vera', email: null, role: 'viewer' }, clock.now());
    await addToken(deps.db, { id: 'tv', userId: 'v', hash: await sha256Hex('viewer-token-0123456789ab'), label: 't' }, clock.now());
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('stores the correction, applies it to the post, and scores the same text right next time', async () => {
    const first = await push('p1');
    const wrong = first.negative === 1;
    const res = await app.request(`/api/posts/${first.id}/correction`, { method: 'POST', headers: auth('responder-token-0123456789'), body: JSON.stringify({ negative: !wrong }) });
    assert.equal(res.status, 200);
    const after1 = await deps.db.selectFrom('posts').select('corrected_negative').where('id', '=', first.id).executeTakeFirstOrThrow();
    assert.equal(after1.corrected_negative, wrong ? 0 : 1, 'the post counts as corrected from now on');
    const stored = await deps.db.selectFrom('corrections').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.actor, 'Responder Rui');
    const second = await push('p2');
    assert.equal(second.negative, wrong ? 0 : 1, 'the adaptive layer does not repeat the mistake');
    assert.match(second.evidence, /correct|adaptive|learn/i, 'the evidence says the correction decided it');
  });

  it('shows, per source in the brands API, the posts of the last day and how many count as negative after corrections', async () => {
    const source = async () => {
      const res = await app.request('/api/brands', { headers: auth('viewer-token-0123456789ab') });
      assert.equal(res.status, 200);
      const { brands } = (await res.json()) as { brands: { id: string; sources: { id: string; postsLast24h: number; negativeLast24h: number }[] }[] };
      return brands.find((b) => b.id === 'acme')!.sources.find((x) => x.id === 'acme:push')!;
    };
    const posts = await deps.db.selectFrom('posts').select(['id', 'negative', 'corrected_negative']).execute();
    const negative = posts.filter((p) => (p.corrected_negative ?? p.negative) === 1).length;
    assert.deepEqual(await source(), { ...(await source()), postsLast24h: posts.length, negativeLast24h: negative });
    const p1 = posts.find((p) => (p.corrected_negative ?? p.negative) === 0) ?? posts[0]!;
    const flip = (p1.corrected_negative ?? p1.negative) === 0;
    await app.request(`/api/posts/${p1.id}/correction`, { method: 'POST', headers: auth('responder-token-0123456789'), body: JSON.stringify({ negative: flip }) });
    assert.equal((await source()).negativeLast24h, negative + (flip ? 1 : -1), 'the correction moves the count');
    clock.advance(25 * 3_600_000);
    assert.equal((await source()).postsLast24h, 0, 'a day later they have left the window');
  });

  it('refuses bad bodies, unknown posts and viewers, and changes nothing', async () => {
    const post = await deps.db.selectFrom('posts').select('id').executeTakeFirstOrThrow();
    const before = (await deps.db.selectFrom('corrections').selectAll().execute()).length;
    assert.equal((await app.request(`/api/posts/${post.id}/correction`, { method: 'POST', headers: auth('responder-token-0123456789'), body: JSON.stringify({ negative: 'yes' }) })).status, 400);
    assert.equal((await app.request(`/api/posts/${post.id}/correction`, { method: 'POST', headers: auth('responder-token-0123456789'), body: '{' })).status, 400);
    assert.equal((await app.request('/api/posts/999999/correction', { method: 'POST', headers: auth('responder-token-0123456789'), body: JSON.stringify({ negative: true }) })).status, 404);
    assert.equal((await app.request(`/api/posts/${post.id}/correction`, { method: 'POST', headers: auth('viewer-token-0123456789ab'), body: JSON.stringify({ negative: true }) })).status, 403);
    assert.equal((await deps.db.selectFrom('corrections').selectAll().execute()).length, before);
  });
});
