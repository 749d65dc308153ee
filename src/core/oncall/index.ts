/** On-call: rotations, escalation and snooze, all pure functions of data and `now`. */
export { whoIsOnCall, type OnCall } from './schedule.js';
export { nextEscalation, resolveTargets, type EscalationStep } from './escalation.js';
export { snoozeUntil, MAX_SNOOZE_MS, type SnoozeDecision } from './snooze.js';
export type * from './types.js';
