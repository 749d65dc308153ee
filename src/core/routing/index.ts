/** Routing and noise control: parse `rules/routing.yaml`, select routes, decide whether to notify. */
export { parseRouting } from './parse.js';
export { selectRoutes, mismatch, type RoutableAlert, type RouteSelection } from './match.js';
export { shouldNotify, STAGES, type NotifyState, type NotifyDecision, type SentRecord } from './notify.js';
export { quietUntil } from './quiet-hours.js';
export type * from './types.js';
