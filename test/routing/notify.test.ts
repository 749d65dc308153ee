/** shouldNotify scenarios on a fake clock: quiet hours, back-off repeats, grouping, inhibition, caps, snooze, ack. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shouldNotify, type NotifyState, type Route, type RoutableAlert, type SentRecord } from '../../src/core/routing/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 2025-02-03 12:00 Asia/Shanghai (a Monday). */
const NOON_SH = Date.UTC(2025, 1, 3, 4, 0);

function makeRoute(over: Partial<Route> = {}): Route {
  return { name: 'r', match: { brands: [], severities: [], topics: [], kinds: [] }, channels: ['c'], escalation: null, groupWaitMs: 30_000, groupIntervalMs: 5 * MIN, repeatMs: [30 * MIN, 2 * HOUR, 24 * HOUR], quietHours: null, continue: false, ...over };
}
function makeState(over: Partial<NotifyState> = {}): NotifyState {
  return { route: makeRoute(), channel: { id: 'c', cap: null }, firstSeenAt: NOON_SH, sent: [], channelSends: [], incident: { state: 'open', snoozedUntil: null }, openBrandIncidents: [], inhibitPostAlerts: true, ...over };
}
const alert = (over: Partial<RoutableAlert> = {}): RoutableAlert => ({ incidentId: 'inc-1', kind: 'opened', severity: 'warning', brand: { id: 'acme' }, ...over });
const quiet = makeRoute({ quietHours: { timezone: 'Asia/Shanghai', fromMinute: 22 * 60, toMinute: 8 * 60, days: [0, 1, 2, 3, 4, 5, 6] } });
/** 23:30 Shanghai on Monday; quiet hours end 08:00 Tuesday = 00:00 UTC. */
const LATE_SH = Date.UTC(2025, 1, 3, 15, 30);

describe('shouldNotify', () => {
  it('holds a warning during quiet hours until they end, in the route time zone', () => {
    const d = shouldNotify(makeState({ route: quiet, firstSeenAt: LATE_SH - HOUR }), alert(), LATE_SH);
    assert.deepEqual({ notify: d.notify, at: d.at, stage: d.stage }, { notify: false, at: Date.UTC(2025, 1, 4, 0, 0), stage: 'quiet-hours' });
  });

  it('lets a critical through quiet hours', () => {
    const d = shouldNotify(makeState({ route: quiet, firstSeenAt: LATE_SH - HOUR }), alert({ severity: 'critical' }), LATE_SH);
    assert.equal(d.notify, true, d.reason);
  });

  it('sends the held warning once quiet hours are over', () => {
    assert.equal(shouldNotify(makeState({ route: quiet, firstSeenAt: LATE_SH }), alert(), Date.UTC(2025, 1, 4, 0, 1)).notify, true);
  });

  it('waits for the group wait before the first notification', () => {
    const d = shouldNotify(makeState(), alert(), NOON_SH + 10_000);
    assert.deepEqual({ notify: d.notify, at: d.at }, { notify: false, at: NOON_SH + 30_000 });
    assert.equal(shouldNotify(makeState(), alert(), NOON_SH + 30_000).notify, true);
  });

  it('backs reminders off: 30 min, then 2 h, then daily', () => {
    let sent: SentRecord[] = [{ at: NOON_SH, kind: 'opened', severity: 'warning' }];
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const last = sent.at(-1)!.at;
      const held = shouldNotify(makeState({ sent }), alert({ kind: 'reminder' }), last + MIN);
      assert.equal(held.notify, false, held.reason);
      waits.push((held.at! - last) / MIN);
      assert.equal(shouldNotify(makeState({ sent }), alert({ kind: 'reminder' }), held.at!).notify, true);
      sent = [...sent, { at: held.at!, kind: 'reminder', severity: 'warning' }];
    }
    assert.deepEqual(waits, [30, 120, 1440, 1440]);
  });

  it('does not send the same notification twice', () => {
    const d = shouldNotify(makeState({ sent: [{ at: NOON_SH, kind: 'opened', severity: 'warning' }] }), alert(), NOON_SH + HOUR);
    assert.deepEqual({ notify: d.notify, stage: d.stage, at: d.at }, { notify: false, stage: 'dedup', at: undefined });
  });

  it('sends an escalation no sooner than the group interval after the last notification', () => {
    const s = makeState({ sent: [{ at: NOON_SH, kind: 'opened', severity: 'warning' }] });
    assert.equal(shouldNotify(s, alert({ kind: 'escalated', severity: 'critical' }), NOON_SH + MIN).at, NOON_SH + 5 * MIN);
    assert.equal(shouldNotify(s, alert({ kind: 'escalated', severity: 'critical' }), NOON_SH + 5 * MIN).notify, true);
  });

  it('inhibits per-post alerts while a brand-wide incident of the same brand is open', () => {
    const s = makeState({ openBrandIncidents: [{ brandId: 'acme', incidentId: 'inc-brand' }] });
    const d = shouldNotify(s, alert({ scope: 'post', incidentId: 'inc-post' }), NOON_SH + HOUR);
    assert.deepEqual({ notify: d.notify, stage: d.stage }, { notify: false, stage: 'inhibit' });
    assert.equal(shouldNotify(s, alert({ scope: 'post', brand: { id: 'other' } }), NOON_SH + HOUR).notify, true);
  });

  it('holds warnings over the channel cap until the window frees, but passes criticals', () => {
    const sends = [NOON_SH - 50 * MIN, NOON_SH - 40 * MIN, NOON_SH - 10 * MIN];
    const s = makeState({ channel: { id: 'c', cap: { max: 3, perMs: HOUR } }, channelSends: sends, firstSeenAt: NOON_SH - HOUR });
    const d = shouldNotify(s, alert(), NOON_SH);
    assert.deepEqual({ notify: d.notify, at: d.at, stage: d.stage }, { notify: false, at: NOON_SH + 10 * MIN, stage: 'cap' });
    assert.equal(shouldNotify(s, alert({ severity: 'critical' }), NOON_SH).notify, true);
  });

  it('holds everything while snoozed and stops reminders once acknowledged', () => {
    const snoozed = makeState({ incident: { state: 'acknowledged', snoozedUntil: NOON_SH + 4 * HOUR } });
    assert.equal(shouldNotify(snoozed, alert({ severity: 'critical' }), NOON_SH + HOUR).at, NOON_SH + 4 * HOUR);
    const acked = makeState({ sent: [{ at: NOON_SH, kind: 'opened', severity: 'warning' }], incident: { state: 'acknowledged', snoozedUntil: null, acknowledgedBy: 'li.wei' } });
    const d = shouldNotify(acked, alert({ kind: 'reminder' }), NOON_SH + 3 * HOUR);
    assert.equal(d.notify, false);
    assert.match(d.reason, /acknowledged by li\.wei/);
  });

  it('sends nothing for a resolved incident', () => {
    assert.equal(shouldNotify(makeState({ incident: { state: 'resolved', snoozedUntil: null } }), alert(), NOON_SH + HOUR).notify, false);
  });
});
