/**
 * The reply linter over HTTP: `POST /api/lint-reply` for any signed-in role, clear errors for bad input, and the
 * incident page's draft box (responders only, CSRF-checked) that shows findings with the post text escaped.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createApp } from '../../src/http/app.js';
import { insertIncident } from '../../src/db/queries/incidents.js';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { START, signIn, tokenFor } from './pipeline-world.js';

type Deps = Awaited<ReturnType<typeof testDeps>>;
type Finding = { rule: string; span: [number, number]; match: string; why: string; rewrite: string };

const DEFLECTING = 'Sorry you feel that way. Please call our hotline; we have no further comment.';
const ENGAGING = 'We got this wrong and we are sorry. We have refunded your order today and will post an update here by 6 pm.';

describe('POST /api/lint-reply', () => {
  const tmp = tempDir();
  let deps: Deps;
  let app: ReturnType<typeof createApp>;
  let viewer = '';
  const post = (body: string, token: string | null = viewer) =>
    app.request('/api/lint-reply', { method: 'POST', body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  before(async () => {
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') }, fakeClock(START));
    app = createApp(deps);
    viewer = await tokenFor(deps.db, 'viewer');
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('refuses a request without a valid bearer token', async () => {
    assert.equal((await post(JSON.stringify({ text: DEFLECTING }), null)).status, 401);
    assert.equal((await post(JSON.stringify({ text: DEFLECTING }), 'not-a-real-token-0123456789')).status, 401);
  });

  it('lints for any role: a deflecting reply comes back with findings whose spans point at the words', async () => {
    const res = await post(JSON.stringify({ text: DEFLECTING }));
    assert.equal(res.status, 200);
    const body = (await res.json()) as { deflecting: boolean; findings: Finding[]; engagement: { score: number; signals: unknown[] } };
    assert.equal(body.deflecting, true);
    assert.ok(body.findings.length >= 2, body.findings.map((f) => f.rule).join(', '));
    for (const f of body.findings) {
      assert.equal(DEFLECTING.slice(f.span[0], f.span[1]), f.match);
      assert.ok(f.why && f.rewrite, `${f.rule} says why and how to rewrite`);
    }
    assert.deepEqual(Object.keys(body).sort(), ['deflecting', 'engagement', 'findings']);
  });

  it('reads an engaging reply as engaging, with the signals it found', async () => {
    const body = (await (await post(JSON.stringify({ text: ENGAGING }))).json()) as { deflecting: boolean; engagement: { signals: unknown[] } };
    assert.equal(body.deflecting, false);
    assert.ok(body.engagement.signals.length > 0);
  });

  it('answers 400 with a clear message for missing, non-string, empty or oversized text, and for bad JSON', async () => {
    const cases: [string, RegExp][] = [
      ['{}', /missing "text"/],
      [JSON.stringify({ text: 42 }), /must be a string/],
      [JSON.stringify({ text: '   ' }), /empty/],
      [JSON.stringify({ text: '退'.repeat(5001) }), /5,001 characters; the limit is 5,000/],
      ['{"text": "unterminated', /must be JSON/],
      ['[1,2]', /JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      assert.equal(res.status, 400, body.slice(0, 40));
      assert.match(((await res.json()) as { error: string }).error, message);
    }
    assert.equal((await post(JSON.stringify({ text: '退'.repeat(5000) }))).status, 200, 'exactly the limit is accepted');
  });

  it('cuts off a huge body before parsing it', async () => {
    const res = await post(JSON.stringify({ text: 'x'.repeat(200_000) }));
    assert.equal(res.status, 413);
  });
});

describe('the incident page box that lints a draft reply', () => {
  const tmp = tempDir();
  let deps: Deps;
  let app: ReturnType<typeof createApp>;
  const id = 'inc-lint-1';
  const page = (cookie: string) => app.request(`/incidents/${id}`, { headers: { cookie } });
  const submit = (cookie: string, form: Record<string, string>) =>
    app.request(`/incidents/${id}/lint-reply`, { method: 'POST', body: new URLSearchParams(form), headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' } });
  const csrfOf = async (cookie: string) => /name="csrf" value="([^"]+)"/.exec(await (await page(cookie)).text())![1]!;

  before(async () => {
    deps = await testDeps({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite') }, fakeClock(START));
    app = createApp(deps);
    const incident = { id, brandId: 'lumen-coffee', state: 'open' as const, severity: 'warning' as const, title: 'Lumen Coffee: negative posts spreading', openedAt: START, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: 'test', topics: ['food-safety'], playbookId: 'food-safety' };
    await insertIncident(deps.db, incident, { incidentId: id, at: START, type: 'opened', actor: null, message: 'Opened' });
  });
  after(async () => {
    await deps.close();
    tmp.cleanup();
  });

  it('shows the findings with the matched words marked, and keeps hostile draft text escaped', async () => {
    const cookie = await signIn(app, await tokenFor(deps.db, 'responder'));
    const draft = `<script>alert(1)</script> ${DEFLECTING}`;
    const res = await submit(cookie, { csrf: await csrfOf(cookie), draft });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(!html.includes('<script>alert(1)</script>'), 'the draft is escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /<mark>[^<]*hotline[^<]*<\/mark>/i, 'the deflecting words are marked');
    assert.match(html, /pill open">deflecting/);
    assert.match(html, /Try instead:/);
  });

  it('refuses a form without the CSRF token, and viewers', async () => {
    const responder = await signIn(app, await tokenFor(deps.db, 'responder'));
    assert.equal((await submit(responder, { csrf: 'forged', draft: DEFLECTING })).status, 403);
    const viewer = await signIn(app, await tokenFor(deps.db, 'viewer'));
    assert.equal((await submit(viewer, { csrf: 'x', draft: DEFLECTING })).status, 403);
  });

  it('says what is wrong with an empty draft instead of linting it', async () => {
    const cookie = await signIn(app, await tokenFor(deps.db, 'responder'));
    const res = await submit(cookie, { csrf: await csrfOf(cookie), draft: '  ' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /The draft is empty/);
  });
});
