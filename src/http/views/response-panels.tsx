/**
 * Incident-page panels of issue 7: the brand's response (time to first response, each reply's lint verdict), the
 * "possibly coordinated" verdict with its evidence, and the box that lints a draft reply. All text is escaped by
 * hono/jsx; spans are shown by slicing the text, never by building HTML.
 */
import type { Finding, LintResult } from '../../core/reply-lint/index.js';
import { when } from './layout.js';

export interface ResponseTrackingView {
  /** False when the brand has no own accounts configured: nothing can be recognised as a response. */
  tracked: boolean;
  accounts: string[];
  targetMinutes: number | null;
  dueAt: number | null;
  overdueAlertedAt: number | null;
  summary: string;
  firstResponseAt: number | null;
  minutesToFirstResponse: number | null;
  withinTarget: boolean | null;
  firstDeflecting: boolean | null;
  responses: { at: number; platform: string | null; author: string | null; text: string; url: string | null; deflecting: boolean; findings: Finding[] }[];
}

export interface CoordinationView {
  at: number;
  reason: string;
  tripped: string[];
  evidence: string[];
  posts: number;
  offeredPlaybookId: string | null;
  offerReason: string | null;
}

export interface LintBoxState {
  text: string;
  result: LintResult | null;
  error?: string;
}

const safeUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <ul>
      {findings.map((f) => (
        <li>
          <strong>{f.rule}</strong>: “{f.match}” <span class="muted">(characters {f.span[0]}–{f.span[1]})</span>
          <br />
          {f.why}
          <br />
          <span class="muted">Try instead:</span> {f.rewrite}
        </li>
      ))}
    </ul>
  );
}

export function ResponsePanel({ r, tz }: { r: ResponseTrackingView; tz: string }) {
  return (
    <div class="card">
      <h2>
        Brand response{' '}
        <span class="muted">
          {r.targetMinutes !== null ? `· target ${r.targetMinutes} min` : ''}
          {r.accounts.length ? ` · accounts ${r.accounts.join(', ')}` : ''}
        </span>
      </h2>
      {!r.tracked ? (
        <p>No own accounts are configured for this brand (own_accounts in its brand file), so replies cannot be recognised and no "response overdue" alert is sent.</p>
      ) : (
        <>
          <p>
            {r.firstResponseAt === null ? null : <span class={`pill ${r.withinTarget ? 'normal' : 'open'}`}>{r.withinTarget ? 'within target' : 'over target'}</span>}{' '}
            {r.firstDeflecting === null ? null : <span class={`pill ${r.firstDeflecting ? 'open' : 'normal'}`}>{r.firstDeflecting ? 'first reply deflected' : 'first reply engaged'}</span>} {r.summary}
          </p>
          {r.overdueAlertedAt !== null ? <p class="muted">"No public response yet" alert sent {when(r.overdueAlertedAt, tz)} (due {when(r.dueAt, tz)}).</p> : null}
          <table>
            {r.responses.map((x) => (
              <tr>
                <td class="muted" style="width:190px">
                  {when(x.at, tz)}
                  <br />
                  {x.author ?? '?'} on {x.platform ?? '?'} {safeUrl(x.url) ? <a href={safeUrl(x.url)!} rel="noopener noreferrer nofollow">open</a> : null}
                </td>
                <td style="width:100px"><span class={`pill ${x.deflecting ? 'open' : 'normal'}`}>{x.deflecting ? 'deflecting' : 'engaging'}</span></td>
                <td class="post">
                  {x.text}
                  {x.findings.length ? <FindingList findings={x.findings} /> : null}
                </td>
              </tr>
            ))}
          </table>
        </>
      )}
    </div>
  );
}

export function CoordinationPanel({ c, tz }: { c: CoordinationView; tz: string }) {
  return (
    <div class="card">
      <h2>
        <span class="pill elevated">possibly coordinated</span> <span class="muted">marked {when(c.at, tz)} over {c.posts} posts</span>
      </h2>
      <p>{c.reason}</p>
      <ul>{c.evidence.map((e) => <li>{e}</li>)}</ul>
      <p class="muted">Evidence is a reason to check a sample of accounts and report them to the platform, not proof; real people may be angry too.</p>
    </div>
  );
}

/** The reply with each finding's span marked; overlapping spans keep the earlier one. */
function Highlighted({ text, findings }: { text: string; findings: Finding[] }) {
  const parts: (string | { mark: string })[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.span[0] - b.span[0])) {
    if (f.span[0] < at) continue;
    parts.push(text.slice(at, f.span[0]), { mark: text.slice(f.span[0], f.span[1]) });
    at = f.span[1];
  }
  parts.push(text.slice(at));
  return <p class="post">{parts.map((p) => (typeof p === 'string' ? p : <mark>{p.mark}</mark>))}</p>;
}

export function LintBox({ incidentId, csrf, lint }: { incidentId: string; csrf: string; lint?: LintBoxState }) {
  const res = lint?.result ?? null;
  return (
    <div class="card" id="lint">
      <h2>Lint a draft reply <span class="muted">· does it engage, or push the complaint away?</span></h2>
      <form method="post" action={`/incidents/${incidentId}/lint-reply#lint`}>
        <input type="hidden" name="csrf" value={csrf} />
        <textarea name="draft" rows={5} maxlength={5000} placeholder="Paste the reply you are about to post">{lint?.text ?? ''}</textarea>
        <p><button type="submit">Lint this draft</button></p>
      </form>
      {lint?.error ? <p><strong>{lint.error}</strong></p> : null}
      {res ? (
        <div>
          <p>
            <span class={`pill ${res.deflecting ? 'open' : 'normal'}`}>{res.deflecting ? 'deflecting' : 'engaging'}</span>{' '}
            {res.deflecting ? 'Rewrite before posting: this reply pushes the complaint away.' : res.findings.length ? 'Engages overall, but fix the phrases below.' : 'No deflection found.'}
          </p>
          {res.findings.length ? <Highlighted text={lint!.text} findings={res.findings} /> : null}
          {res.findings.length ? <FindingList findings={res.findings} /> : null}
          {res.engagement.signals.length ? (
            <p class="muted">Engages by: {res.engagement.signals.map((s) => `${s.label} (“${s.match}”)`).join('; ')}</p>
          ) : (
            <p class="muted">No engagement found: own the problem, say what is being fixed, and when the next update comes.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
