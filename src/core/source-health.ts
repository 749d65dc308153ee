/**
 * Is a source quiet or broken? From its recent poll outcomes and post counts against its normal volume, decide
 * ok / degraded with a reason a PR lead can read, so the runtime can raise a "source degraded" event, alert the
 * brand's admins and mark windows incomplete (the baseline must never learn "calm" from an outage). Pure.
 */

export interface PollOutcome {
  at: number;
  ok: boolean;
  /** New posts returned (0 for failures). */
  posts: number;
  /** For failures: the SourceError reason, its detail and whether it is permanent. */
  reason?: string;
  detail?: string;
  permanent?: boolean;
}

export interface HealthOptions {
  /** The source's poll interval. */
  intervalMs: number;
  /** Consecutive failures before degraded (default 2). */
  failAfter?: number;
  /** Consecutive successes before a degraded source is ok again (default 2). */
  recoverAfter?: number;
  /** Window for the error-rate and silence checks (default 1 h). */
  windowMs?: number;
  /** Silence is flagged only when at least this many posts were expected in the window (default 8). */
  minExpected?: number;
  /** Poisson tail probability under which a post count is "far below normal" (default 1e-3). */
  quietP?: number;
}

export interface SourceHealth {
  status: 'ok' | 'degraded';
  kind: 'healthy' | 'failing' | 'erroring' | 'stale' | 'silent' | 'recovering';
  reason: string;
  /** When the current problem started (null when healthy). */
  since: number | null;
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** P(X <= k) for X ~ Poisson(lambda), summed in log space (stable for large lambda). */
export function poissonCdf(k: number, lambda: number): number {
  if (lambda <= 0) return 1;
  let term = -lambda; // log P(X = 0)
  let sum = Math.exp(term);
  for (let i = 1; i <= Math.floor(k); i++) { term += Math.log(lambda / i); sum += Math.exp(term); }
  return Math.min(1, sum);
}

/**
 * Decides the source's health at `now`. `normalPerHour` is its usual post volume at this hour (null while learning);
 * `previous` applies hysteresis so one lucky poll does not flap the dashboard.
 */
export function assessSourceHealth(outcomes: readonly PollOutcome[], normalPerHour: number | null, now: number, opts: HealthOptions, previous: SourceHealth['status'] = 'ok'): SourceHealth {
  const failAfter = opts.failAfter ?? 2;
  const recoverAfter = opts.recoverAfter ?? 2;
  const windowMs = opts.windowMs ?? 3_600_000;
  const recent = outcomes.filter((o) => o.at <= now).slice().sort((a, b) => a.at - b.at);
  const last = recent[recent.length - 1];
  if (!last) return { status: 'ok', kind: 'healthy', reason: 'no polls yet', since: null };

  let streak = 0;
  for (let i = recent.length - 1; i >= 0 && !recent[i]!.ok; i--) streak++;
  const firstFail = recent[recent.length - streak];
  if (!last.ok && (last.permanent || streak >= failAfter)) {
    const what = `${last.reason ?? 'error'}${last.detail ? `: ${last.detail}` : ''}`;
    const lead = last.permanent ? 'failing (needs attention, will not fix itself)' : `failing: ${streak} polls in a row`;
    return { status: 'degraded', kind: 'failing', reason: `${lead} since ${minutes(now - firstFail!.at)} ago — ${what}`, since: firstFail!.at };
  }

  const lastOk = [...recent].reverse().find((o) => o.ok);
  if (!lastOk || now - lastOk.at > 3 * opts.intervalMs) {
    const since = lastOk?.at ?? recent[0]!.at;
    return { status: 'degraded', kind: 'stale', reason: `stale: no successful poll for ${minutes(now - since)} (interval ${minutes(opts.intervalMs)})`, since };
  }

  const inWindow = recent.filter((o) => o.at > now - windowMs);
  const failed = inWindow.filter((o) => !o.ok).length;
  if (inWindow.length >= 4 && failed * 2 >= inWindow.length) {
    return { status: 'degraded', kind: 'erroring', reason: `erroring: ${failed} of ${inWindow.length} polls failed in the last ${minutes(windowMs)}`, since: inWindow.find((o) => !o.ok)!.at };
  }

  if (normalPerHour !== null && normalPerHour > 0) {
    const covered = Math.min(windowMs, now - recent[0]!.at);
    const expected = (normalPerHour * covered) / 3_600_000;
    const seen = inWindow.reduce((s, o) => s + (o.ok ? o.posts : 0), 0);
    if (expected >= (opts.minExpected ?? 8) && poissonCdf(seen, expected) < (opts.quietP ?? 1e-3)) {
      return { status: 'degraded', kind: 'silent', reason: `silent: ${seen} posts in the last ${minutes(covered)} where about ${Math.round(expected)} are normal`, since: now - covered };
    }
  }

  if (previous === 'degraded') {
    let oks = 0;
    for (let i = recent.length - 1; i >= 0 && recent[i]!.ok; i--) oks++;
    if (oks < recoverAfter) return { status: 'degraded', kind: 'recovering', reason: `recovering: ${oks} of ${recoverAfter} successful polls needed`, since: null };
  }
  return { status: 'ok', kind: 'healthy', reason: `ok: last poll ${minutes(now - last.at)} ago returned ${last.posts} posts`, since: null };
}

/**
 * Whether a window [start, end) can teach the baseline: no failed poll inside it and a successful poll no more
 * than two intervals before its end (so an outage, or a stalled poller, marks it incomplete).
 */
export function windowComplete(outcomes: readonly PollOutcome[], start: number, end: number, intervalMs: number): boolean {
  if (outcomes.some((o) => !o.ok && o.at >= start && o.at < end)) return false;
  return outcomes.some((o) => o.ok && o.at <= end + intervalMs && o.at >= end - 2 * intervalMs);
}
