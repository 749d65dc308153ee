/** Shared domain types. Pure data: no I/O, no classes, times are epoch milliseconds (UTC). */

export type Lang = 'zh' | 'en' | 'mixed' | 'other';
export type Severity = 'warning' | 'critical';
export type PostKind = 'post' | 'repost' | 'quote' | 'reply';

/** A post as a source returns it, before scoring. */
export interface SourcePost {
  externalId: string;
  url: string | null;
  authorHandle: string;
  authorName?: string | null;
  /** Followers of the author at fetch time; 0 when the platform does not say. */
  authorFollowers: number;
  /** Account creation time when the platform tells it (inorganic-amplification evidence). */
  authorCreatedAt?: number | null;
  text: string;
  createdAt: number;
  kind: PostKind;
  /** For reposts, quotes and replies: the external id of the post they spread. */
  parentExternalId?: string | null;
  /** Platform name for display and playbook matching, e.g. 'weibo', 'bluesky'. */
  platform: string;
}

/** Counters of one post at one instant. Spread is measured from the change between snapshots. */
export interface EngagementSnapshot {
  externalId: string;
  at: number;
  reposts: number;
  quotes: number;
  replies: number;
  likes: number;
}

/** Negativity of one text (issue 4 deepens the scorer; this shape is the contract). */
export interface NegativityResult {
  negativity: number; // [0, 1]
  negative: boolean;
  complaint: boolean;
  topics: string[];
  lang: Lang;
  /** Why it counted: matched terms and rules, readable by a PR lead. */
  evidence: string[];
}

/** A stored post with its score. */
export interface ScoredPost extends SourcePost {
  brandId: string;
  sourceId: string;
  score: NegativityResult;
}

/** Aggregates of one brand over one fixed window [start, end). */
export interface SpreadWindow {
  brandId: string;
  start: number;
  end: number;
  posts: number;
  negPosts: number;
  /** Δ(reposts + quotes + replies) on negative posts within the window. */
  negEngagement: number;
  negEngagementPerMin: number;
  /** Followers of authors of negative posts first seen in the window. */
  reach: number;
  /** False when a source was failing or silent: the baseline must not learn from it. */
  complete: boolean;
}

/** What the detector (issue 3) says of one window. `score >= 0.5` iff action is open or escalate. */
export type DetectorAction = 'none' | 'open' | 'escalate' | 'resolve';
export type DetectorPhase = 'learning' | 'normal' | 'elevated' | 'incident';

export interface DetectorDecision {
  action: DetectorAction;
  /** In [0, 1]; >= 0.5 exactly when action is 'open' or 'escalate'. */
  score: number;
  severity: Severity | null;
  phase: DetectorPhase;
  /** One sentence a PR lead can read, with numbers. */
  reason: string;
  /** Primary signal: observed value and what the baseline expected, with its band. */
  observed: number;
  expected: number;
  band: { lo: number; hi: number };
}

export type IncidentState = 'open' | 'acknowledged' | 'resolved';

export interface Incident {
  id: string;
  brandId: string;
  state: IncidentState;
  severity: Severity;
  title: string;
  openedAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  resolvedAt: number | null;
  /** The latest reason (opened/escalated/resolved) in words. */
  reason: string;
  topics: string[];
  playbookId: string | null;
}

export type IncidentEventType =
  | 'opened'
  | 'escalated'
  | 'acknowledged'
  | 'resolved'
  | 'auto-resolved'
  | 'alert-queued'
  | 'alert-delivered'
  | 'alert-failed'
  | 'note'
  | 'key-post'
  | 'response'
  | 'paged'
  | 'snoozed'
  | 'snooze-ended'
  | 'reassigned'
  | 'channel-failing'
  | 'channel-enabled'
  | 'delivery-held'
  | 'delivery-suppressed'
  | 'rerouted'
  | 'playbook'
  | 'coordinated'
  | 'forecast';

export interface IncidentEvent {
  incidentId: string;
  at: number;
  type: IncidentEventType;
  actor: string | null;
  /** Human sentence for the timeline. */
  message: string;
  data?: Record<string, unknown>;
}

/** One point of the spread chart: observed primary signal against the baseline band. */
export interface ChartPoint {
  t: number;
  observed: number;
  expected: number;
  lo: number;
  hi: number;
}

export interface AlertPost {
  text: string;
  url: string | null;
  author: string;
  followers: number;
  negativity: number;
  engagement: number;
  platform: string;
}

/** Playbook guidance carried in every alert (issue 7 deepens matching and content). */
export interface AlertGuidance {
  playbookId: string;
  title: string;
  responseTargetMinutes: number;
  loopIn: string[];
  firstActions: string[];
  doNot: string[];
  /** Pre-filled holding statement, a draft to edit. */
  holdingStatement: { zh: string; en: string };
}

/** 'early-warning': one negative post predicted (SEISMIC) to outgrow the brand's usual reach, before the spread breaks away. */
export type AlertKind = 'opened' | 'early-warning' | 'escalated' | 'reminder' | 'response-overdue' | 'source-degraded';

/** Everything a channel needs to render one alert. Channels never query anything else. */
export interface Alert {
  id: string;
  incidentId: string;
  kind: AlertKind;
  brand: { id: string; name: string };
  severity: Severity;
  lang: 'zh' | 'en';
  createdAt: number;
  title: string;
  /** The numbers, e.g. "negative reposts 48/min vs baseline 3.1/min". */
  summary: string;
  reason: string;
  chart: ChartPoint[];
  topPosts: AlertPost[];
  guidance: AlertGuidance | null;
  /** Signed one-click ack link (opens a confirmation page; GET never changes state). */
  ackUrl: string;
  incidentUrl: string;
}

/** Topic ids shared by the negativity scorer (which tags posts) and playbook matching. */
export const TOPICS = [
  'safety-health',
  'food-safety',
  'fraud-money',
  'privacy-data',
  'discrimination-conduct',
  'executive-conduct',
  'product-defect',
  'service-failure',
  'pricing',
] as const;
export type Topic = (typeof TOPICS)[number];
