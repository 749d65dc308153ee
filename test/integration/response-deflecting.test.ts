/**
 * The same demo, but the brand's account answers quickly — and deflects ("call our hotline", "no comment"). The
 * reply is in time, so no overdue alert goes out, but it is recorded as deflecting with the findings that say why;
 * the demo's later, engaging reply is recorded as a second response.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/reply-lint/index.js';
import { CRISIS, MIN, START, demoWorld, eventsOfKind, theIncident, type World } from './pipeline-world.js';

const HOTLINE_REPLY = '您好，关于您反映的问题，请拨打客服热线400-123-4567，我们暂不回应网络上的个别说法。';
const REPLY_AT = CRISIS + 25 * MIN;

describe('a quick reply from the brand that pushes the complaint away', () => {
  let w: World;
  before(async () => {
    w = await demoWorld([
      { t: (REPLY_AT - START) / 1000, type: 'post', id: 'own-1', platform: 'weibo', author: 'Lumen_Coffee_Official', followers: 520000, text: HOTLINE_REPLY, kind: 'reply', parent: 'p524', url: 'https://demo.emberwatch.invalid/weibo/own-1' },
    ]);
    await w.runUntil(CRISIS + 110 * MIN);
  });
  after(async () => w.close());

  it('counts as a response in time, so no overdue alert is sent', async () => {
    const inc = await theIncident(w);
    assert.equal(inc.first_response_at, REPLY_AT);
    assert.equal(inc.response_overdue_at, null);
    const overdue = await w.deps.db.selectFrom('alerts').select('id').where('kind', '=', 'response-overdue').execute();
    assert.equal(overdue.length, 0);
  });

  it('is recorded as deflecting, with each finding naming the rule, the exact span, why it hurts and a rewrite', async () => {
    const inc = await theIncident(w);
    assert.equal(inc.first_response_deflecting, 1);
    const row = await w.deps.db.selectFrom('incident_responses').selectAll().where('external_id', '=', 'own-1').executeTakeFirstOrThrow();
    const findings = JSON.parse(row.findings) as Finding[];
    assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), ['delay-no-comment', 'push-elsewhere']);
    for (const f of findings) {
      assert.equal(HOTLINE_REPLY.slice(f.span[0], f.span[1]), f.match, 'the span points at the words that tripped the rule');
      assert.ok(f.why.length > 0 && f.rewrite.length > 0);
    }
    const ev = (await eventsOfKind(w, 'brand-response')).find((e) => JSON.parse(e.data!).first === true)!;
    const data = JSON.parse(ev.data!) as { minutesToRespond: number; withinTarget: boolean; deflecting: boolean };
    assert.equal(data.minutesToRespond, Math.round((REPLY_AT - inc.opened_at) / MIN));
    assert.equal(data.withinTarget, true);
    assert.equal(data.deflecting, true);
    assert.match(ev.message, /within the 20 min target.*deflecting \(.*push-elsewhere/);
  });

  it('records the later engaging reply as a second response without moving the first', async () => {
    const inc = await theIncident(w);
    const rows = await w.deps.db.selectFrom('incident_responses').selectAll().orderBy('at').execute();
    assert.deepEqual(rows.map((r) => [r.external_id, r.deflecting]), [['own-1', 1], ['p921', 0]]);
    assert.equal(inc.first_response_at, REPLY_AT);
    const events = await eventsOfKind(w, 'brand-response');
    assert.deepEqual(events.map((e) => JSON.parse(e.data!).first), [true, false]);
  });
});
