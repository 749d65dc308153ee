/** The overview: each brand's state now, its last day of spread, open incidents, sources, and held alerts. */
import type { ChartPoint, Incident } from '../../core/types.js';
import { Layout, when } from './layout.js';
import { SpreadChart } from './spread-chart.js';

export interface BrandSummary {
  id: string;
  name: string;
  timezone: string;
  phase: string;
  reason: string;
  chart: ChartPoint[];
  incidents: Incident[];
  sources: { id: string; kind: string; ok: boolean; detail: string }[];
}

export interface ChannelHealthView {
  id: string;
  kind: string;
  failing: boolean;
  failingSince: number | null;
  reason: string | null;
  reenabledBy: string | null;
}

export function OverviewPage(p: { brands: BrandSummary[]; demo: boolean; heldAlerts: { title: string; summary: string; at: number; incidentId: string }[]; user: { name: string } | null; channels?: ChannelHealthView[]; adminCsrf?: string | null }) {
  return (
    <Layout title="Overview" user={p.user}>
      {p.demo ? (
        <div class="card muted">
          Demo mode: no brand is configured in <code>rules/brands/</code>, so the bundled replay of a fictional brand plays on an accelerated clock.
        </div>
      ) : null}
      {p.brands.map((b) => (
        <div class="card">
          <h2>
            {b.name} <span class={`pill ${b.phase}`}>{b.phase}</span>
          </h2>
          <p class="muted">{b.reason}</p>
          <SpreadChart points={b.chart} tz={b.timezone} height={180} />
          {b.incidents.length ? (
            <table>
              {b.incidents.map((i) => (
                <tr>
                  <td><a href={`/incidents/${i.id}`}>{i.title}</a></td>
                  <td><span class={`pill ${i.state}`}>{i.state}</span> <span class={`pill ${i.severity}`}>{i.severity}</span></td>
                  <td class="muted">{when(i.openedAt, b.timezone)}</td>
                </tr>
              ))}
            </table>
          ) : (
            <p class="muted">No incidents.</p>
          )}
          <p class="muted">
            Sources:{' '}
            {b.sources.map((s) => (
              <span title={s.detail} class={`pill ${s.ok ? 'normal' : 'open'}`} style="margin-right:6px">{s.id.split(':')[1]} ({s.kind}){s.ok ? '' : ' degraded'}</span>
            ))}
          </p>
        </div>
      ))}
      {p.channels ? <ChannelsCard channels={p.channels} csrf={p.adminCsrf ?? null} /> : null}
      <div class="card">
        <h2>Local outbox</h2>
        {p.heldAlerts.length ? (
          <table>
            {p.heldAlerts.map((a) => (
              <tr>
                <td class="muted" style="width:150px">{new Date(a.at).toISOString().replace('T', ' ').slice(0, 16)} UTC</td>
                <td><a href={`/incidents/${a.incidentId}`}>{a.title}</a><br /><span class="muted">{a.summary}</span></td>
              </tr>
            ))}
          </table>
        ) : (
          <p class="muted">No alerts held. (With no channel configured, alerts wait here and are printed to the console.)</p>
        )}
      </div>
    </Layout>
  );
}

/** Alert channels and their health; a failing channel is skipped until an admin re-enables it here. */
function ChannelsCard({ channels, csrf }: { channels: ChannelHealthView[]; csrf: string | null }) {
  return (
    <div class="card">
      <h2>Alert channels</h2>
      {channels.length ? (
        <table>
          {channels.map((c) => (
            <tr>
              <td>{c.id} <span class="muted">({c.kind})</span></td>
              <td><span class={`pill ${c.failing ? 'open' : 'normal'}`}>{c.failing ? 'failing' : 'ok'}</span></td>
              <td class="muted">{c.failing ? `since ${new Date(c.failingSince!).toISOString().replace('T', ' ').slice(0, 16)} UTC: ${c.reason ?? ''}` : c.reenabledBy ? `re-enabled by ${c.reenabledBy}` : ''}</td>
              <td>
                {c.failing && csrf ? (
                  <form method="post" action={`/channels/${encodeURIComponent(c.id)}/enable`}>
                    <input type="hidden" name="csrf" value={csrf} />
                    <button type="submit">Re-enable</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </table>
      ) : (
        <p class="muted">No channel configured: alerts stay in the local outbox below. Set SMTP_HOST + ALERT_EMAIL_TO, or copy rules/routing.example.yaml to rules/routing.yaml.</p>
      )}
    </div>
  );
}
