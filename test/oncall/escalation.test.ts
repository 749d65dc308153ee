/** Escalation scenarios on a fake clock: timeouts, ack, repeats, snooze re-notifying whoever is on call. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextEscalation, resolveTargets, snoozeUntil, type EscalationPolicy, type EscalationState, type Schedule } from '../../src/core/oncall/index.js';

const MIN = 60_000;
const DAY = 86_400_000;
/** Sunday 2025-02-02 20:00 Shanghai: li is on call until Monday 10:00, then zhang. */
const T0 = Date.UTC(2025, 1, 2, 12, 0);

const schedules: Record<string, Schedule> = {
  pr: { id: 'pr', timezone: 'Asia/Shanghai', handoffWeekday: 1, handoffMinute: 600, start: { year: 2025, month: 1, day: 6 }, rotation: ['li', 'zhang', 'chen'], overrides: [] },
};
const policy: EscalationPolicy = { id: 'p', repeat: 1, levels: [{ targets: [{ type: 'schedule', id: 'pr' }], timeoutMs: 15 * MIN }, { targets: [{ type: 'user', id: 'head' }], timeoutMs: 30 * MIN }] };

/** Drives the policy on a fake clock minute by minute, applying each step as the runtime would. */
function run(state: EscalationState, until: number, onTick?: (now: number, s: EscalationState) => EscalationState) {
  const log: { at: number; users: string[] }[] = [];
  let s = state;
  for (let now = T0; now <= until; now += MIN) {
    if (onTick) s = onTick(now, s);
    const step = nextEscalation(policy, s, now);
    if (step.action !== 'notify') continue;
    log.push({ at: (now - T0) / MIN, users: resolveTargets(step.targets, schedules, now).users });
    s = step.restartedAt !== undefined ? { state: 'open', startedAt: step.restartedAt, stepsDone: 1, snoozedUntil: null } : { ...s, stepsDone: step.step + 1 };
  }
  return { log, state: s };
}

const opened: EscalationState = { state: 'open', startedAt: T0, stepsDone: 0, snoozedUntil: null };

describe('escalation', () => {
  it('escalates to the next level after the timeout, repeats once, then stops', () => {
    const { log } = run(opened, T0 + 4 * 60 * MIN);
    assert.deepEqual(log, [{ at: 0, users: ['li'] }, { at: 15, users: ['head'] }, { at: 45, users: ['li'] }, { at: 60, users: ['head'] }]);
    assert.equal(nextEscalation(policy, { ...opened, stepsDone: 4 }, T0 + 5 * 60 * MIN).action, 'stop');
  });

  it('says when the next level is due while waiting', () => {
    const step = nextEscalation(policy, { ...opened, stepsDone: 1 }, T0 + 5 * MIN);
    assert.deepEqual(step.action === 'wait' ? step.at : null, T0 + 15 * MIN);
  });

  it('stops escalating as soon as someone acknowledges', () => {
    const { log } = run(opened, T0 + 2 * 60 * MIN, (now, s) => (now === T0 + 10 * MIN ? { ...s, state: 'acknowledged' } : s));
    assert.deepEqual(log, [{ at: 0, users: ['li'] }]);
  });

  it('re-notifies whoever is on call when a snooze ends, even after a handoff', () => {
    // li acknowledges and snoozes for 16 h at T0+5 min; the snooze ends Monday 12:05 Shanghai, after the 10:00 handoff.
    const ask = snoozeUntil(T0 + 5 * MIN, 16 * 60 * MIN);
    assert.ok(ask.ok);
    const { log } = run(opened, T0 + 16.5 * 60 * MIN, (now, s) => (now === T0 + 5 * MIN ? { ...s, state: 'acknowledged', snoozedUntil: ask.until } : s));
    assert.deepEqual(log, [{ at: 0, users: ['li'] }, { at: 16 * 60 + 5, users: ['zhang'] }, { at: 16 * 60 + 20, users: ['head'] }]);
  });

  it('refuses a snooze longer than a week', () => {
    assert.equal(snoozeUntil(T0, 7 * DAY).ok, true);
    const d = snoozeUntil(T0, 8 * DAY);
    assert.equal(d.ok, false);
    assert.match(d.reason, /limited to 168 h/);
  });

  it('stops for a resolved incident even while snoozed', () => {
    assert.equal(nextEscalation(policy, { ...opened, state: 'resolved', snoozedUntil: T0 + DAY }, T0).action, 'stop');
  });
});
