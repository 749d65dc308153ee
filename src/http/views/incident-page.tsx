/** The incident timeline an executive reads: what happened, the spread against its baseline, key posts, every event. */
import type { AlertGuidance, ChartPoint, Incident, IncidentEvent } from '../../core/types.js';
import { Layout, when } from './layout.js';
import { SpreadChart } from './spread-chart.js';
import { CoordinationPanel, LintBox, ResponsePanel, type CoordinationView, type LintBoxState, type ResponseTrackingView } from './response-panels.js';

/** Alert guidance, with the playbook's other sections when the page has them (alerts carry only the first ones). */
type PageGuidance = AlertGuidance & { firstHour?: string[]; whatToSay?: string[]; followUp?: string[] };

export interface OnCallView {
  assignee: string | null;
  snoozedUntil: number | null;
}

export interface IncidentPageProps {
  incident: Incident;
  brand: { name: string; timezone: string };
  chart: ChartPoint[];
  events: IncidentEvent[];
  posts: { text: string; url: string | null; author: string; followers: number; engagement: number; platform: string }[];
  deliveries: { channel: string; status: string; attempts: number; last_error: string | null; alert_id: string }[];
  guidance: PageGuidance | null;
  /** Issue 7: the brand's response, the coordinated verdict, the inorganic playbook offered, the draft-lint box. */
  response?: ResponseTrackingView;
  coordination?: CoordinationView | null;
  offered?: PageGuidance | null;
  lint?: LintBoxState;
  /** Issue 6: assignee and snooze (on-call card with snooze and reassign forms for responders). */
  onCall?: OnCallView | null;
  /** Issue 3: SEISMIC forecasts of the most-reposted negative posts. */
  forecasts?: { author: string; sentence: string; basis: 'reposts' | 'counters' }[];
  user: { name: string } | null;
  canAct: boolean;
  csrf: string | null;
  flash?: string;
}

const safeUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

export function IncidentPage(p: IncidentPageProps) {
  const i = p.incident;
  const tz = p.brand.timezone;
  const marks = [
    { t: i.openedAt, label: 'opened' },
    ...(i.acknowledgedAt ? [{ t: i.acknowledgedAt, label: 'acknowledged' }] : []),
    ...(i.resolvedAt ? [{ t: i.resolvedAt, label: 'resolved' }] : []),
  ];
  return (
    <Layout title={i.title} user={p.user}>
      {p.flash ? <div class="card"><strong>{p.flash}</strong></div> : null}
      <h1>{i.title}</h1>
      <p>
        <span class={`pill ${i.state}`}>{i.state}</span> <span class={`pill ${i.severity}`}>{i.severity}</span>{' '}
        <span class="muted">opened {when(i.openedAt, tz)}{i.acknowledgedAt ? ` · acknowledged by ${i.acknowledgedBy ?? '?'} at ${when(i.acknowledgedAt, tz)}` : ''}{i.resolvedAt ? ` · resolved ${when(i.resolvedAt, tz)}` : ''}</span>
      </p>
      <div class="card">
        <h2>Why</h2>
        <p>{i.reason}</p>
        {i.topics.length ? <p class="muted">Topics: {i.topics.join(', ')}</p> : null}
      </div>
      <div class="card">
        <h2>Spread against baseline</h2>
        <SpreadChart points={p.chart} tz={tz} marks={marks} />
      </div>
      {p.canAct && i.state !== 'resolved' ? (
        <div class="card">
          <h2>Act</h2>
          {i.state === 'open' ? (
            <form method="post" action={`/incidents/${i.id}/ack`} style="display:inline">
              <input type="hidden" name="csrf" value={p.csrf ?? ''} />
              <button type="submit">Acknowledge</button>
            </form>
          ) : null}{' '}
          <form method="post" action={`/incidents/${i.id}/resolve`} style="display:inline">
            <input type="hidden" name="csrf" value={p.csrf ?? ''} />
            <button type="submit">Resolve</button>
          </form>
          <form method="post" action={`/incidents/${i.id}/notes`} style="margin-top:10px">
            <input type="hidden" name="csrf" value={p.csrf ?? ''} />
            <input type="text" name="note" placeholder="Add a note to the timeline (what was done, who was called)" maxlength={2000} />
          </form>
        </div>
      ) : null}
      {p.onCall && i.state !== 'resolved' ? <OnCallCard id={i.id} onCall={p.onCall} canAct={p.canAct && i.state === 'open'} csrf={p.csrf} tz={tz} /> : null}
      {p.guidance ? <Guidance g={p.guidance} /> : null}
      {p.response ? <ResponsePanel r={p.response} tz={tz} /> : null}
      {p.coordination ? <CoordinationPanel c={p.coordination} tz={tz} /> : null}
      {p.offered ? <Guidance g={p.offered} label="Offered because the spread looks coordinated" /> : null}
      {p.canAct && p.csrf ? <LintBox incidentId={i.id} csrf={p.csrf} lint={p.lint} /> : null}
      {p.forecasts?.length ? (
        <div class="card">
          <h2>Where the biggest posts are heading</h2>
          <ul>
            {p.forecasts.map((f) => (
              <li>
                {f.author}: {f.sentence}
                {f.basis === 'counters' ? <span class="muted"> (from the repost counter; resharers' audiences estimated)</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="card">
        <h2>Posts driving it</h2>
        <table>
          {p.posts.map((x) => (
            <tr>
              <td class="post">{x.text}</td>
              <td class="muted" style="width:220px">
                {x.author} · {x.followers.toLocaleString('en-US')} followers · {x.platform}
                <br />
                {x.engagement.toLocaleString('en-US')} reposts+quotes+replies {safeUrl(x.url) ? <a href={safeUrl(x.url)!} rel="noopener noreferrer nofollow">open</a> : null}
              </td>
            </tr>
          ))}
        </table>
      </div>
      <div class="card">
        <h2>Timeline</h2>
        <table>
          {p.events.map((e) => (
            <tr>
              <td class="muted" style="width:190px">{when(e.at, tz)}</td>
              <td style="width:120px"><span class="pill learning">{e.type}</span></td>
              <td class="post">{e.message}{e.actor ? <span class="muted"> — {e.actor}</span> : null}</td>
            </tr>
          ))}
        </table>
      </div>
      <div class="card">
        <h2>Alert deliveries</h2>
        <table>
          {p.deliveries.map((d) => (
            <tr>
              <td>{d.channel}</td>
              <td>{d.status}</td>
              <td class="muted">{d.attempts} attempt(s){d.last_error ? ` · ${d.last_error}` : ''}</td>
            </tr>
          ))}
        </table>
      </div>
    </Layout>
  );
}

/** A titled list of playbook items, or nothing when the section is empty. */
function Items({ title, items }: { title: string; items?: string[] }) {
  return items?.length ? (
    <>
      <strong>{title}</strong>
      <ul>{items.map((a) => <li>{a}</li>)}</ul>
    </>
  ) : null;
}

function Guidance({ g, label }: { g: PageGuidance; label?: string }) {
  return (
    <div class="card">
      {label ? <p class="muted">{label}</p> : null}
      <h2>Playbook: {g.title} <span class="muted">· respond within {g.responseTargetMinutes} min{g.loopIn.length ? ` · loop in ${g.loopIn.join(', ')}` : ''}</span></h2>
      <strong>First 15 minutes</strong>
      <ol>{g.firstActions.map((a) => <li>{a}</li>)}</ol>
      <Items title="First hour" items={g.firstHour} />
      <Items title="What to say" items={g.whatToSay} />
      {g.doNot.length ? (
        <>
          <strong>Do not</strong>
          <ul>{g.doNot.map((a) => <li>{a}</li>)}</ul>
        </>
      ) : null}
      <div class="draft">
        <strong>Holding statement — draft, edit before posting</strong>
        <p class="post">{g.holdingStatement.en}</p>
        <p class="post">{g.holdingStatement.zh}</p>
      </div>
      <Items title="Follow-up" items={g.followUp} />
    </div>
  );
}

/** Who has it and whether paging is paused; responders can snooze (at most a week) or reassign. */
function OnCallCard({ id, onCall, canAct, csrf, tz }: { id: string; onCall: OnCallView; canAct: boolean; csrf: string | null; tz: string }) {
  return (
    <div class="card">
      <h2>On call</h2>
      <p class="muted">
        Assigned to {onCall.assignee ?? 'nobody yet'}
        {onCall.snoozedUntil ? ` · paging snoozed until ${when(onCall.snoozedUntil, tz)}, then whoever is on call is notified again` : ''}
      </p>
      {canAct ? (
        <>
          <form method="post" action={`/incidents/${id}/snooze`} style="display:inline">
            <input type="hidden" name="csrf" value={csrf ?? ''} />
            <select name="duration">
              {['30m', '1h', '4h', '1d', '1w'].map((d) => <option value={d}>{d}</option>)}
            </select>{' '}
            <button type="submit">Snooze</button>
          </form>{' '}
          <form method="post" action={`/incidents/${id}/reassign`} style="display:inline">
            <input type="hidden" name="csrf" value={csrf ?? ''} />
            <input type="text" name="assignee" placeholder="Assign to (name)" maxlength={80} style="width:220px" />{' '}
            <button type="submit">Reassign</button>
          </form>
        </>
      ) : null}
    </div>
  );
}
