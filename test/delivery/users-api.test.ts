/** Admin-made users and API tokens: a token is shown once, stored only as a hash, and carries its user's role. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Hex } from '../../src/lib/signing.js';
import { api, userToken, world, type World } from './helpers.js';

describe('users and tokens', () => {
  let w: World;
  before(async () => {
    w = await world(null, {}, Date.UTC(2026, 0, 5, 2, 0));
  });
  after(async () => w.cleanup());

  it('lets an admin create a viewer and a token that works once shown, is stored hashed, and cannot act', async () => {
    const admin = await userToken(w, 'root', 'admin');
    assert.equal((await api(w, admin, 'POST', '/api/users', { id: 'exec.wang', name: 'Wang (CEO office)', role: 'viewer' })).status, 201);
    const made = await api(w, admin, 'POST', '/api/users/exec.wang/tokens', { label: 'exec dashboard' });
    assert.equal(made.status, 201);
    const token = made.json.token as string;
    assert.ok(token.length >= 24);
    const stored = await w.deps.db.selectFrom('api_tokens').select('token_hash').where('user_id', '=', 'exec.wang').execute();
    assert.deepEqual(stored.map((r) => r.token_hash), [await sha256Hex(token)], 'only the hash is kept');
    assert.equal((await api(w, token, 'GET', '/api/oncall')).status, 200, 'the viewer reads');
    assert.equal((await api(w, token, 'POST', '/api/users', { id: 'x', role: 'admin' })).status, 403, 'and cannot make users');
  });

  it('refuses users and tokens from non-admins and unknown roles', async () => {
    const responder = await userToken(w, 'resp', 'responder');
    assert.equal((await api(w, responder, 'POST', '/api/users', { id: 'y', role: 'viewer' })).status, 403);
    const admin = await userToken(w, 'root2', 'admin');
    assert.equal((await api(w, admin, 'POST', '/api/users', { id: 'z', role: 'owner' })).status, 400);
    assert.equal((await api(w, admin, 'POST', '/api/users/nobody/tokens', {})).status, 404);
  });
});
