/** Server-rendered SVG: negative posts per window against the baseline band (expected, with its upper edge). */
import type { ChartPoint } from '../../core/types.js';

export function SpreadChart(props: { points: ChartPoint[]; tz: string; width?: number; height?: number; marks?: { t: number; label: string }[] }) {
  const W = props.width ?? 1000;
  const H = props.height ?? 240;
  const pad = { l: 44, r: 12, t: 12, b: 28 };
  const pts = props.points;
  if (pts.length < 2) return <p class="muted">Not enough windows yet to draw the spread.</p>;
  const t0 = pts[0]!.t;
  const t1 = pts[pts.length - 1]!.t;
  // A "nice" top for the axis (1, 2, 5 × 10^k), so tick labels are distinct round numbers.
  const peak = Math.max(1, ...pts.map((p) => Math.max(p.observed, p.hi)));
  const step = 10 ** Math.floor(Math.log10(peak));
  const yMax = [1, 2, 5, 10].map((m) => m * step).find((v) => v >= peak * 1.05) ?? 10 * step;
  const label = (v: number) => (yMax < 5 ? v.toFixed(1) : String(Math.round(v)));
  const x = (t: number) => pad.l + ((t - t0) / Math.max(1, t1 - t0)) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / yMax) * (H - pad.t - pad.b);
  const line = (f: (p: ChartPoint) => number) => pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(f(p)).toFixed(1)}`).join('');
  const band = `${pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.hi).toFixed(1)}`).join('')}${[...pts].reverse().map((p) => `L${x(p.t).toFixed(1)},${y(p.lo).toFixed(1)}`).join('')}Z`;
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: props.tz, hour: '2-digit', minute: '2-digit', day: '2-digit', month: 'short' });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => t0 + f * (t1 - t0));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Negative posts per window against the baseline band">
      <rect x={pad.l} y={pad.t} width={W - pad.l - pad.r} height={H - pad.t - pad.b} fill="#fbfcfd" stroke="#e3e7ec" />
      <path d={band} fill="#cfe3f7" stroke="none" />
      <path d={line((p) => p.expected)} fill="none" stroke="#5b8fc9" stroke-dasharray="4 3" stroke-width="1.5" />
      <path d={line((p) => p.observed)} fill="none" stroke="#c0392b" stroke-width="2" />
      {[0, 0.5, 1].map((f) => (
        <text x={pad.l - 6} y={y(f * yMax) + 4} text-anchor="end" font-size="11" fill="#6b7686">{label(f * yMax)}</text>
      ))}
      {ticks.map((t) => (
        <text x={x(t)} y={H - 8} text-anchor="middle" font-size="11" fill="#6b7686">{fmt.format(t)}</text>
      ))}
      {(props.marks ?? []).filter((m) => m.t >= t0 && m.t <= t1).map((m) => (
        <g>
          <line x1={x(m.t)} x2={x(m.t)} y1={pad.t} y2={H - pad.b} stroke="#1d2430" stroke-dasharray="2 3" />
          <text x={x(m.t) + 3} y={pad.t + 11} font-size="11" fill="#1d2430">{m.label}</text>
        </g>
      ))}
      <text x={W - pad.r - 4} y={pad.t + 12} text-anchor="end" font-size="11" fill="#6b7686">red: negative posts per window · blue: baseline band</text>
    </svg>
  );
}
