/** The HTML mail body in hono/jsx: every interpolated string is escaped by the renderer, never concatenated. */
import type { AlertView } from './alert-view.js';
import { defangLinks } from './neutralise.js';

const CHART_CID = 'spread-chart@emberwatch';
export { CHART_CID };

const box = 'font-family:-apple-system,Segoe UI,PingFang SC,Microsoft YaHei,sans-serif;max-width:640px;color:#212529';
const h2 = 'font-size:15px;margin:20px 0 6px';
const button = 'display:inline-block;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:600';

function Mail({ v, critical, hasChart }: { v: AlertView; critical: boolean; hasChart: boolean }) {
  const L = v.labels;
  const g = v.guidance;
  return (
    <div style={box}>
      <h1 style={`font-size:18px;color:${critical ? '#c92a2a' : '#e67700'}`}>{v.heading}</h1>
      <p><strong>{L.numbers}:</strong> {v.summary}</p>
      <p><strong>{L.why}:</strong> {v.reason}</p>
      <p>
        <a href={v.ackUrl} style={`${button};background:#2b8a3e;color:#fff`}>{L.ack}</a>{' '}
        <a href={v.incidentUrl} style={`${button};background:#e9ecef;color:#212529`}>{L.incident}</a>
      </p>
      <p style="font-size:12px;color:#868e96">{L.ackNote}</p>
      {hasChart && (
        <div>
          <h2 style={h2}>{L.chart}</h2>
          <img src={`cid:${CHART_CID}`} width="600" height="200" alt={v.chartCaption ?? L.chart} style="max-width:100%" />
          <p style="font-size:12px;color:#495057">{v.chartCaption}</p>
        </div>
      )}
      {v.posts.length > 0 && (
        <div>
          <h2 style={h2}>{L.topPosts}</h2>
          <ol>
            {v.posts.map((p) => (
              <li style="margin-bottom:8px">
                <strong>{defangLinks(p.author)}</strong>: {defangLinks(p.text)}
                <br />
                <span style="font-size:12px;color:#868e96">{p.meta}</span>
                {p.url && <span style="font-size:12px"> · <a href={p.url}>↗</a></span>}
              </li>
            ))}
          </ol>
        </div>
      )}
      {g && (
        <div>
          <h2 style={h2}>{L.guidance}: {g.title} <span style="font-weight:400">({g.target})</span></h2>
          {g.loopIn.length > 0 && <p>{L.loopIn}: {g.loopIn.join(', ')}</p>}
          {g.firstActions.length > 0 && <div><strong>{L.firstActions}</strong><ol>{g.firstActions.map((a) => <li>{a}</li>)}</ol></div>}
          {g.doNot.length > 0 && <div><strong>{L.doNot}</strong><ul>{g.doNot.map((a) => <li>{a}</li>)}</ul></div>}
          <h2 style={h2}>{L.holdingStatement}</h2>
          <blockquote style="border-left:3px solid #dee2e6;margin:0;padding:4px 12px;white-space:pre-wrap">{g.holding}</blockquote>
          <p style="font-size:12px;color:#868e96">{L.draftNote}</p>
        </div>
      )}
    </div>
  );
}

/** Renders the mail HTML document synchronously (no async components, so hono returns a string). */
export function renderMailHtml(v: AlertView, lang: 'zh' | 'en', critical: boolean, hasChart: boolean): string {
  const el = <Mail v={v} critical={critical} hasChart={hasChart} />;
  const s = el.toString();
  if (typeof s !== 'string') throw new Error('mail template must render synchronously');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"></head><body>${s}</body></html>`;
}
