/** Escalation: levels with timeouts, repeated N times; ack stops it; a snooze ending re-notifies whoever is on call then. */
import type { EscalationPolicy, EscalationState, Schedule, Target } from './types.js';
import { whoIsOnCall } from './schedule.js';

export type EscalationStep =
  | { action: 'notify'; step: number; level: number; round: number; targets: Target[]; reason: string; restartedAt?: number }
  | { action: 'wait'; at: number; reason: string }
  | { action: 'stop'; reason: string };

/** Offset of step k from the start of a run: whole rounds plus the timeouts of earlier levels. */
function stepOffset(p: EscalationPolicy, k: number): number {
  const total = p.levels.reduce((n, l) => n + l.timeoutMs, 0);
  const round = Math.floor(k / p.levels.length);
  return round * total + p.levels.slice(0, k % p.levels.length).reduce((n, l) => n + l.timeoutMs, 0);
}

/** The next escalation step of an incident at `now`: notify a level, wait until a time, or stop. */
export function nextEscalation(p: EscalationPolicy, s: EscalationState, now: number): EscalationStep {
  if (s.state === 'resolved') return { action: 'stop', reason: 'resolved: escalation stopped' };
  if (s.snoozedUntil !== null) {
    if (now < s.snoozedUntil) return { action: 'wait', at: s.snoozedUntil, reason: `snoozed until ${new Date(s.snoozedUntil).toISOString()}` };
    return { action: 'notify', step: 0, level: 0, round: 0, targets: p.levels[0]!.targets, restartedAt: s.snoozedUntil, reason: `snooze ended at ${new Date(s.snoozedUntil).toISOString()}: re-notifying whoever is on call now (level 1)` };
  }
  if (s.state === 'acknowledged') return { action: 'stop', reason: 'acknowledged: escalation stopped' };
  const steps = p.levels.length * (p.repeat + 1);
  if (s.stepsDone >= steps) return { action: 'stop', reason: `escalation exhausted: ${p.levels.length} level(s) × ${p.repeat + 1} round(s) notified without an acknowledgement` };
  const k = s.stepsDone;
  const due = s.startedAt + stepOffset(p, k);
  const level = k % p.levels.length;
  const round = Math.floor(k / p.levels.length);
  const label = `level ${level + 1}${round > 0 ? `, round ${round + 1}` : ''}`;
  if (now < due) return { action: 'wait', at: due, reason: `${label} is due at ${new Date(due).toISOString()} if nobody acknowledges` };
  const why = k === 0 ? 'incident open' : `no acknowledgement within ${Math.round(p.levels[(k - 1) % p.levels.length]!.timeoutMs / 60_000)} min of the previous level`;
  return { action: 'notify', step: k, level, round, targets: p.levels[level]!.targets, reason: `${why}: notifying ${label}` };
}

/** Resolves targets to people at `now` (schedules through `whoIsOnCall`); unknown schedules are named in the reasons. */
export function resolveTargets(targets: readonly Target[], schedules: Readonly<Record<string, Schedule>>, now: number): { users: string[]; reasons: string[] } {
  const users: string[] = [];
  const reasons: string[] = [];
  for (const t of targets) {
    if (t.type === 'user') {
      users.push(t.id);
      reasons.push(`user ${t.id}`);
      continue;
    }
    const s = schedules[t.id];
    if (!s) {
      reasons.push(`schedule ${t.id} is not defined`);
      continue;
    }
    const who = whoIsOnCall(s, now);
    users.push(who.user);
    reasons.push(who.reason);
  }
  return { users: [...new Set(users)], reasons };
}
