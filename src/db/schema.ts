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
  /** Escalation (migration 003): when the current run began (null = opened_at), steps notified, snooze, assignee. */
  escalation_started_at: number | null;
  escalation_steps: Generated<number>;
  snoozed_until: number | null;
  assignee: string | null;
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
  spread_windows: SpreadWindowsTable;
  detector_states: DetectorStatesTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  alerts: AlertsTable;
  deliveries: DeliveriesTable;
  channel_health: ChannelHealthTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  used_ack_tokens: UsedAckTokensTable;
}

/** The database handle every query takes; SQLite on Node, D1 on Workers. */
export type Db = import('kysely').Kysely<Database>;
