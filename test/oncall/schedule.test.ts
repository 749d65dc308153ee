/** whoIsOnCall: weekly rotation with a local handoff time, DST and overrides. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { whoIsOnCall, type Schedule } from '../../src/core/oncall/index.js';

function makeSchedule(over: Partial<Schedule> = {}): Schedule {
  return { id: 'pr', timezone: 'Asia/Shanghai', handoffWeekday: 1, handoffMinute: 10 * 60, start: { year: 2025, month: 1, day: 6 }, rotation: ['li', 'zhang', 'chen'], overrides: [], ...over };
}
/** Monday 2025-02-03 10:00 in Shanghai = 02:00 UTC: the start of week 5 (li, zhang, chen, li, zhang). */
const HANDOFF = Date.UTC(2025, 1, 3, 2, 0);

describe('whoIsOnCall', () => {
  it('hands over at the local handoff time, not a minute before', () => {
    assert.equal(whoIsOnCall(makeSchedule(), HANDOFF - 60_000).user, 'li');
    const now = whoIsOnCall(makeSchedule(), HANDOFF);
    assert.equal(now.user, 'zhang');
    assert.equal(now.from, HANDOFF);
    assert.equal(now.until, HANDOFF + 7 * 86_400_000);
  });

  it('rotates through everyone and starts over', () => {
    const users = Array.from({ length: 6 }, (_, w) => whoIsOnCall(makeSchedule(), Date.UTC(2025, 0, 6, 3) + w * 7 * 86_400_000).user);
    assert.deepEqual(users, ['li', 'zhang', 'chen', 'li', 'zhang', 'chen']);
  });

  it('keeps the handoff at 09:00 local across a daylight-saving change', () => {
    const ny = makeSchedule({ timezone: 'America/New_York', handoffMinute: 9 * 60, start: { year: 2025, month: 3, day: 3 } });
    // 2025-03-10 (after DST began on 03-09) 09:00 EDT = 13:00 UTC, not 14:00.
    assert.equal(whoIsOnCall(ny, Date.UTC(2025, 2, 10, 12, 59)).user, 'li');
    assert.equal(whoIsOnCall(ny, Date.UTC(2025, 2, 10, 13, 0)).user, 'zhang');
  });

  it('lets an override win while it lasts, and says so', () => {
    const s = makeSchedule({ overrides: [{ user: 'dana', from: HANDOFF + 3_600_000, to: HANDOFF + 5 * 3_600_000 }] });
    const during = whoIsOnCall(s, HANDOFF + 2 * 3_600_000);
    assert.equal(during.user, 'dana');
    assert.match(during.reason, /override/);
    assert.equal(whoIsOnCall(s, HANDOFF + 5 * 3_600_000).user, 'zhang');
  });

  it('anchors on the handoff before a start date that is not a handoff day', () => {
    assert.equal(whoIsOnCall(makeSchedule({ start: { year: 2025, month: 1, day: 8 } }), HANDOFF).user, 'zhang');
  });
});
