/** On-call data: weekly rotations with overrides, and escalation policies. Times are epoch ms. */

export interface Override {
  user: string;
  from: number;
  to: number;
}

export interface Schedule {
  id: string;
  timezone: string;
  /** Weekday of the handoff, 0 = Sunday. */
  handoffWeekday: number;
  /** Local minutes after midnight of the handoff. */
  handoffMinute: number;
  /** Local date of the first handoff; rotation[0] is on call from then. */
  start: { year: number; month: number; day: number };
  rotation: string[];
  overrides: Override[];
}

export type Target = { type: 'schedule'; id: string } | { type: 'user'; id: string };

export interface EscalationLevel {
  targets: Target[];
  /** How long this level has to acknowledge before the next level is notified. */
  timeoutMs: number;
}

export interface EscalationPolicy {
  id: string;
  levels: EscalationLevel[];
  /** Extra rounds through all levels after the first (0 = once; PagerDuty allows up to 9). */
  repeat: number;
}

/** What escalation needs to know of an incident. */
export interface EscalationState {
  state: 'open' | 'acknowledged' | 'resolved';
  /** When the current escalation run began: the incident opened, or the last snooze ended. */
  startedAt: number;
  /** Steps of this run already notified (step k = round ⌊k/levels⌋, level k mod levels). */
  stepsDone: number;
  snoozedUntil: number | null;
}
