/** Table types for Kysely. One interface per table; times are epoch ms; JSON columns are text. */
import type { Generated } from 'kysely';

export interface PostsTable {
  id: Generated<number>;
  source_id: string;
  external_id: string;
  brand_id: string;
  platform: string;
  kind: string;
  parent_external_id: string | null;
  url: string | null;
  author_handle: string;
  author_name: string | null;
  author_followers: number;
  author_created_at: number | null;
  text: string;
  lang: string;
  created_at: number;
  first_seen_at: number;
  negativity: number;
  negative: number;
  complaint: number;
  topics: string;
  evidence: string;
  /** A user's correction of `negative` (1/0), or null. Counts use it when set. */
  corrected_negative: number | null;
  is_own: number;
}

export interface EngagementSnapshotsTable {
  source_id: string;
  external_id: string;
  at: number;
  reposts: number;
  quotes: number;
  replies: number;
  likes: number;
}

export interface SourceCursorsTable {
  source_id: string;
  brand_id: string;
  cursor: string | null;
  updated_at: number;
  last_ok_at: number | null;
  last_error: string | null;
  consecutive_failures: number;
  next_attempt_at: number;
  /** Source health (migration 004): 'ok' or 'degraded', and why. */
  health: Generated<string>;
  health_reason: string | null;
}

/** One row per poll (migration 004): what source health and window completeness are judged from. */
export interface SourcePollsTable {
  id: Generated<number>;
  source_id: string;
  at: number;
  ok: number;
  posts: number;
  requests: number;
  reason: string | null;
  detail: string | null;
  permanent: number | null;
}

export interface SpreadWindowsTable {
  brand_id: string;
  start: number;
  end: number;
  posts: number;
  neg_posts: number;
  neg_engagement: number;
  neg_engagement_per_min: number;
  reach: number;
  complete: number;
  expected: number;
  band_lo: number;
  band_hi: number;
  score: number;
  phase: string;
  reason: string;
}

export interface DetectorStatesTable {
  brand_id: string;
  state: string;
  next_window_start: number;
}

export interface IncidentsTable {
  id: string;
  brand_id: string;
  state: string;
  severity: string;
  title: string;
  opened_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  reason: string;
  topics: string;
  playbook_id: string | null;
  updated_at: number;
  /**
   * Migration 004: 'spread' (from the detector) or 'source' (a degraded source), and that source. Migration 006:
   * 'cascade' (one post predicted to outgrow the brand's usual reach, `post_id`); it becomes 'spread' when the
   * detector escalates it.
   */
  kind: Generated<string>;
  source_id: string | null;
  post_id: number | null;
  /** Response tracking (migration 002): set once each, by compare-and-set. */
  first_response_at: number | null;
  first_response_deflecting: number | null;
  response_overdue_at: number | null;
  /** Inorganic amplification (migration 002): when marked possibly coordinated, and the assessment as JSON. */
  coordinated_at: number | null;
  coordination: string | null;
  /** Escalation (migration 003): when the current run began (null = opened_at), steps notified, snooze, assignee. */
  escalation_started_at: number | null;
  escalation_steps: Generated<number>;
  snoozed_until: number | null;
  assignee: string | null;
}

export interface IncidentResponsesTable {
  incident_id: string;
  source_id: string;
  external_id: string;
  /** When the brand posted it. */
  at: number;
  recorded_at: number;
  deflecting: number;
  /** Lint findings as JSON. */
  findings: string;
}

export interface IncidentEventsTable {
  id: Generated<number>;
  incident_id: string;
  at: number;
  type: string;
  actor: string | null;
  message: string;
  data: string | null;
}

export interface AlertsTable {
  id: string;
  incident_id: string;
  kind: string;
  created_at: number;
  payload: string;
}

export interface DeliveriesTable {
  id: Generated<number>;
  idempotency_key: string;
  alert_id: string;
  channel: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  /** Routing (migration 003): the route this row serves (null = sent without noise control) and the last decision. */
  route: string | null;
  decision: string | null;
}

/** A channel that failed permanently (failing_since set) until an admin re-enables it. */
export interface ChannelHealthTable {
  channel: string;
  failing_since: number | null;
  reason: string | null;
  updated_at: number;
  updated_by: string | null;
}

export interface CorrectionsTable {
  id: Generated<number>;
  brand_id: string;
  post_id: number;
  text: string;
  negative: number;
  actor: string;
  at: number;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string | null;
  role: string;
  created_at: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: number;
}

export interface UsedAckTokensTable {
  jti: string;
  used_at: number;
}

export interface Database {
  posts: PostsTable;
  engagement_snapshots: EngagementSnapshotsTable;
  source_cursors: SourceCursorsTable;
  source_polls: SourcePollsTable;
  corrections: CorrectionsTable;
  spread_windows: SpreadWindowsTable;
  detector_states: DetectorStatesTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  incident_responses: IncidentResponsesTable;
  alerts: AlertsTable;
  deliveries: DeliveriesTable;
  channel_health: ChannelHealthTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  used_ack_tokens: UsedAckTokensTable;
}

/** The database handle every query takes; SQLite on Node, D1 on Workers. */
export type Db = import('kysely').Kysely<Database>;
