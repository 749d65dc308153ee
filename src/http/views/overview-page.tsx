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

export function OverviewPage(p: { brands: BrandSummary[]; demo: boolean; heldAlerts: { title: string; summary: string; at: number; incidentId: string }[]; user: { name: string } | null }) {
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
