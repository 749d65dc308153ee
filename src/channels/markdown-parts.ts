/**
 * Markdown messages for DingTalk and WeCom robots. Every hostile string goes through `inertMarkdown`;
 * the ack link and heading repeat in each part so any single part is actionable.
 */
import type { AlertView } from './alert-view.js';
import { inertMarkdown as m, markdownUrl } from './neutralise.js';
import { packSections, utf8Bytes } from './split.js';

/** Body sections of an alert in markdown (raw text escaped). */
export function markdownSections(v: AlertView): string[] {
  const L = v.labels;
  const s: string[] = [`**${L.numbers}**: ${m(v.summary)}\n\n**${L.why}**: ${m(v.reason)}`];
  if (v.chartCaption) s.push(`**${L.chart}**: ${v.sparkline}\n\n${m(v.chartCaption)}`);
  if (v.posts.length) {
    s.push(`**${L.topPosts}**`);
    v.posts.forEach((p, i) => {
      const link = p.url ? ` · [↗](${markdownUrl(p.url)})` : '';
      s.push(`> ${i + 1}. **${m(p.author)}**: ${m(p.text)}\n>\n> ${m(p.meta)}${link}`);
    });
  }
  const g = v.guidance;
  if (g) {
    const lines = [`**${L.guidance}: ${m(g.title)}** (${m(g.target)})`];
    if (g.loopIn.length) lines.push(`${L.loopIn}: ${g.loopIn.map(m).join(', ')}`);
    if (g.firstActions.length) lines.push(`${L.firstActions}:\n${g.firstActions.map((a, i) => `${i + 1}. ${m(a)}`).join('\n')}`);
    if (g.doNot.length) lines.push(`${L.doNot}:\n${g.doNot.map((a) => `- ${m(a)}`).join('\n')}`);
    s.push(lines.join('\n\n'));
    s.push(`**${L.holdingStatement}**\n\n> ${m(g.holding)}\n\n${L.draftNote}`);
  }
  return s;
}

/** The heading line (escaped). */
export function markdownHeading(v: AlertView): string {
  return `### ${m(v.heading)}`;
}

/** The action line: ack (confirmation page) and incident links. */
export function markdownActions(v: AlertView): string {
  const L = v.labels;
  return `[${L.ack}](${markdownUrl(v.ackUrl)}) · [${L.incident}](${markdownUrl(v.incidentUrl)})\n\n${L.ackNote}`;
}

/** Whole markdown messages, each within `limitBytes` UTF-8 bytes, each with heading and actions. */
export function markdownParts(v: AlertView, limitBytes: number): string[] {
  const head = markdownHeading(v);
  const actions = markdownActions(v);
  const reserve = utf8Bytes(head + actions + v.labels.continued(99, 99)) + 16;
  const bodies = packSections(markdownSections(v), limitBytes, { reserve, marker: v.labels.truncated });
  return bodies.map((b, i) => {
    const cont = bodies.length > 1 ? ` ${v.labels.continued(i + 1, bodies.length)}` : '';
    return `${head}${cont}\n\n${b}\n\n${actions}`;
  });
}
