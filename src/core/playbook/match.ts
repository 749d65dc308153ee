/** Picks the playbook for an incident: topic overlap, then priority, then specificity; the default as fallback. */
import type { Playbook, PlaybookContext } from './index.js';

export interface PlaybookChoice {
  playbook: Playbook;
  /** Why this one, in words a PR lead can check. */
  reason: string;
}

function effectiveTopics(ctx: PlaybookContext): string[] {
  const t = [...ctx.topics];
  if (ctx.inorganic && !t.includes('inorganic')) t.push('inorganic');
  return t;
}

/** True when the playbook's severity/lang/platform constraints admit the incident (an empty list admits all). */
function admits(p: Playbook, ctx: PlaybookContext): boolean {
  const { severity, lang, platform } = p.match;
  if (severity.length && !severity.includes(ctx.severity)) return false;
  // A mixed-language incident is admitted by Chinese and English playbooks alike.
  const langs = ctx.lang === 'mixed' ? ['mixed', 'zh', 'en'] : [ctx.lang];
  if (lang.length && !lang.some((l) => langs.includes(l))) return false;
  const platforms = ctx.platforms.map((x) => x.toLowerCase());
  if (platform.length && !platform.some((x) => platforms.includes(x))) return false;
  return true;
}

const specificity = (p: Playbook) => (p.match.severity.length ? 1 : 0) + (p.match.lang.length ? 1 : 0) + (p.match.platform.length ? 1 : 0);

/** Chooses a playbook and says why; null only when no playbook (not even a default) exists. */
export function choosePlaybook(playbooks: Playbook[], ctx: PlaybookContext): PlaybookChoice | null {
  const topics = effectiveTopics(ctx);
  const ranked = playbooks
    .filter((p) => !p.isDefault && admits(p, ctx))
    .map((p) => {
      const idx = topics.findIndex((t) => p.match.topics.includes(t));
      return { p, idx };
    })
    .filter((x) => x.idx >= 0)
    .sort(
      (a, b) =>
        b.p.priority - a.p.priority || a.idx - b.idx || specificity(b.p) - specificity(a.p) || a.p.id.localeCompare(b.p.id),
    );
  const best = ranked[0];
  if (best) {
    const others = ranked.slice(1).map((x) => x.p.id);
    const why = `topic "${topics[best.idx]}" matches playbook ${best.p.id} (priority ${best.p.priority})`;
    return { playbook: best.p, reason: others.length ? `${why}; also matched: ${others.join(', ')}` : why };
  }
  const fallback = playbooks.find((p) => p.isDefault && admits(p, ctx)) ?? playbooks.find((p) => p.isDefault);
  if (fallback) {
    const what = topics.length ? `no playbook matches topics ${topics.join(', ')}` : 'the incident has no topics';
    return { playbook: fallback, reason: `${what}; using the default playbook ${fallback.id}` };
  }
  return null;
}
