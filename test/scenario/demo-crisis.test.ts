/**
 * The demo told as a story, through the real pipeline: a real SQLite file, a real SMTP server on 127.0.0.1,
 * a fake clock. Four quiet days, then one complaint spreads: the PR team gets an early warning on the post before the
 * count of negative posts breaks away, then one escalation of the same incident when it does; they acknowledge, and
 * the timeline shows it. A restart mid-replay sends nothing twice.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { startSmtp, type SmtpFixture } from '../channels/smtp-fixture.js';
import { fakeClock, tempDir, testDeps } from '../helpers/node-deps.js';
import { runPollCycle } from '../../src/pipeline/cycle.js';
import { createApp } from '../../src/http/app.js';
import { clearReplayCache } from '../../src/sources/replay.js';
import { ensureAdminToken } from '../../src/runtime/bootstrap.js';
import { signIn } from '../integration/pipeline-world.js';

const WINDOW = 5 * 60_000;
const START = Date.UTC(2026, 10, 19, 1, 0, 0); // file second 351600 (20 min before the complaint) maps here
const CRISIS = START + 20 * 60_000;

describe('the bundled demo, played through the real pipeline', () => {
  let smtp: SmtpFixture;
  const tmp = tempDir();
  const env = () => ({ EMBERWATCH_DB: join(tmp.dir, 'ew.sqlite'), SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), ALERT_EMAIL_TO: 'pr-oncall@lumen.example' });
  const clock = fakeClock(START);
  const mails: ParsedMail[] = [];
  let firstAlertAt = 0;
  let incidentId = '';

  before(async () => {
    smtp = await startSmtp();
    clearReplayCache();
  });
  after(async () => {
    await smtp.close();
    tmp.cleanup();
  });

  async function cycles(deps: Awaited<ReturnType<typeof testDeps>>, until: number) {
    while (clock.now() <= until) {
      await runPollCycle(deps, clock.now());
      for (const raw of smtp.messages.splice(0)) {
        mails.push(await simpleParser(raw));
        firstAlertAt ||= clock.now();
      }
      clock.advance(WINDOW);
    }
  }

  it('sends no alert during the four quiet days, then an early warning on the complaint and one escalation of that incident', async () => {
    const deps = await testDeps(env(), clock);
    await cycles(deps, START); // the first cycle ingests the quiet days and judges every window of them
    const windows = await deps.db.selectFrom('spread_windows').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(windows.n) > 4 * 24 * 12 - 12, `the quiet days were judged window by window (${windows.n} windows)`);
    assert.equal(mails.length, 0, 'no alert during the quiet days');
    assert.equal((await deps.db.selectFrom('incidents').selectAll().execute()).length, 0);
    await cycles(deps, CRISIS + 3 * WINDOW);
    assert.deepEqual(mails.map((m) => /Early warning|Escalated/.exec(m.subject ?? '')?.[0]), ['Early warning', 'Escalated'], `mails: ${mails.map((m) => m.subject).join(' | ')}`);
    assert.ok(firstAlertAt - CRISIS <= 2 * WINDOW, `the early warning came ${(firstAlertAt - CRISIS) / 60_000} min after the complaint`);
    const incidents = await deps.db.selectFrom('incidents').select(['id', 'kind']).execute();
    assert.equal(incidents.length, 1, 'the spread alert escalated the early warning instead of opening a second incident');
    assert.equal(incidents[0]!.kind, 'spread', 'and the detector now owns it');
    incidentId = incidents[0]!.id;
    await deps.close();
  });

  it('says what is happening in numbers, shows the guidance of a matching playbook, and carries an ack link', () => {
    const m = mails[0]!;
    assert.match(m.subject ?? '', /Lumen Coffee/);
    const text = m.text ?? '';
    assert.match(text, /One negative post by xiaolin_cafe_diary \(860 followers, weibo\): (predicted ~[\d,]+ reposts|\d+ reposts so far)/, 'the early warning names the post and its forecast');
    assert.match(text, /usually stay under ~[\d,]+ reposts/, 'against the brand\'s usual reach');
    assert.match(text, /玻璃碴/, 'the post that drives it is quoted');
    assert.match(text, /Holding statement|holding statement/i);
    assert.match(text, /draft/i, 'the holding statement is marked as a draft');
    assert.match(text, /food/i, 'the food-safety playbook matched a glass-in-a-drink complaint');
    assert.match(text, /http:\/\/localhost:8787\/ack\/[\w-]+\.[\w-]+/);
    assert.ok(m.html && m.html.includes('/ack/'), 'the HTML part links to the ack page too');
    const spread = mails[1]!.text ?? '';
    assert.match(spread, /negative posts \d+ in 5 min vs baseline [\d.]+/, 'the escalation carries the spread numbers');
    assert.match(spread, /reposts\+quotes\+replies [\d.,]+\/min/);
    assert.match(spread, /Top post by xiaolin_cafe_diary: (predicted ~[\d,]+ reposts|\d+ reposts so far)/, 'and the cascade forecast of the complaint');
  });

  it('restarting mid-replay sends no duplicate alert', async () => {
    const deps = await testDeps(env(), clock); // a new process on the same database file
    await cycles(deps, CRISIS + 8 * WINDOW);
    const opened = mails.filter((m) => /outgrow usual reach/.test(m.subject ?? ''));
    assert.equal(opened.length, 1, `the opening alert went out once (mails: ${mails.map((m) => m.subject).join(' | ')})`);
    const kinds = (await deps.db.selectFrom('alerts').select('kind').execute()).map((a) => a.kind);
    assert.equal(kinds.filter((k) => k === 'early-warning' || k === 'opened').length, 1, `alerts: ${kinds.join(', ')}`);
    const rows = await deps.db.selectFrom('deliveries').select(['idempotency_key', 'status']).execute();
    assert.equal(rows.filter((r) => r.status === 'sent').length, mails.length, 'every sent delivery row is one mail received');
    await deps.close();
  });

  it('GET on the ack link changes nothing; POSTing it acknowledges the incident and the timeline shows who', async () => {
    const deps = await testDeps(env(), clock);
    const app = createApp(deps);
    const link = /http:\/\/localhost:8787(\/ack\/[\w.-]+)/.exec(mails[0]!.text ?? '')![1]!;
    const page = await app.request(link);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post"/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/, 'pages allow nothing by default');
    assert.doesNotMatch(csp, /script-src/, 'and no script source at all, so injected markup stays inert');
    const before = await deps.db.selectFrom('incidents').select('state').where('id', '=', incidentId).executeTakeFirstOrThrow();
    assert.equal(before.state, 'open', 'a GET (a mail scanner) acknowledged nothing');

    const res = await app.request(link, { method: 'POST', body: new URLSearchParams({ name: 'Lin Wei' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
    assert.equal(res.status, 200, await res.clone().text());
    const inc = await deps.db.selectFrom('incidents').selectAll().where('id', '=', incidentId).executeTakeFirstOrThrow();
    assert.equal(inc.state, 'acknowledged');
    assert.match(inc.acknowledged_by ?? '', /Lin Wei/);

    const again = await app.request(link, { method: 'POST', body: new URLSearchParams({ name: 'Someone Else' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' } });
    assert.equal(again.status, 409, 'the link is single-use');

    const { token } = await ensureAdminToken(deps.db, join(tmp.dir, 'admin-token'), clock.now());
    const tl = await app.request(`/api/incidents/${incidentId}/timeline`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await tl.json()) as { events: { type: string; actor: string | null; message: string }[] };
    const types = body.events.map((e) => e.type);
    assert.ok(types.indexOf('opened') < types.indexOf('escalated') && types.indexOf('opened') < types.indexOf('acknowledged'), `timeline: ${types.join(', ')}`);
    assert.match(body.events.find((e) => e.type === 'opened')!.message, /^Opened \(early warning\): one negative post by xiaolin_cafe_diary/, 'the timeline says how the incident began');
    const html = await (await app.request(`/incidents/${incidentId}`, { headers: { cookie: await signIn(app, token) } })).text();
    assert.match(html, /Lumen Coffee: negative posts spreading faster than normal/, 'the page is titled by what it became');
    assert.match(html, /Opened \(early warning\): one negative post by xiaolin_cafe_diary/, 'and its timeline shows how it began');
    assert.match(body.events.find((e) => e.type === 'acknowledged')!.actor ?? '', /Lin Wei/);
    await deps.close();
  });
});
