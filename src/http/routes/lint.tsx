/**
 * Reply linting over HTTP: `POST /api/lint-reply` (JSON, bearer token, any role) and the incident page's
 * "lint a draft reply" box (responders, CSRF-checked form), which shows the findings on the incident page itself.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { lintReply } from '../../core/reply-lint/index.js';
import type { Deps } from '../../pipeline/deps.js';
import { lintRulesOf } from '../../pipeline/response-watch.js';
import { checkCsrf, csrfToken, requireRole, type AppEnv } from '../auth.js';
import { incidentView } from '../incident-view.js';
import { IncidentPage } from '../views/incident-page.js';
import type { LintBoxState } from '../views/response-panels.js';

/** Longest reply the linter takes, in characters (code points): far beyond any post, short of abuse. */
export const MAX_REPLY_CHARS = 5000;
/** Request bodies are cut off well before parsing (JSON escapes can make 5,000 characters ~30 KB). */
const MAX_BODY_BYTES = 64 * 1024;

export type ReplyTextCheck = { ok: true; text: string } | { ok: false; error: string };

/** Validates a reply to lint: a clear message for a missing, empty or oversized text. */
export function checkReplyText(v: unknown): ReplyTextCheck {
  if (v === undefined || v === null) return { ok: false, error: 'missing "text": send {"text": "the reply to check"}' };
  if (typeof v !== 'string') return { ok: false, error: '"text" must be a string' };
  if (!v.trim()) return { ok: false, error: '"text" is empty' };
  const chars = [...v].length;
  if (chars > MAX_REPLY_CHARS) return { ok: false, error: `"text" is ${chars.toLocaleString('en-US')} characters; the limit is ${MAX_REPLY_CHARS.toLocaleString('en-US')}` };
  return { ok: true, text: v };
}

const NO_RULES = 'the reply linter has no rules (rules/reply-lint.yaml is missing)';

export function lintRoutes(deps: Deps) {
  const r = new Hono<AppEnv>();
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: `body larger than ${MAX_BODY_BYTES / 1024} KiB; replies are limited to ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters` }, 413) });

  r.post('/api/lint-reply', requireRole('viewer', 'api'), limit, async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON: {"text": "the reply to check"}' }, 400);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return c.json({ error: 'body must be a JSON object: {"text": "the reply to check"}' }, 400);
    const check = checkReplyText((body as { text?: unknown }).text);
    if (!check.ok) return c.json({ error: check.error }, 400);
    const rules = lintRulesOf(deps.config);
    if (!rules) return c.json({ error: NO_RULES }, 503);
    const { deflecting, findings, engagement } = lintReply(rules, check.text);
    return c.json({ deflecting, findings, engagement });
  });

  r.post('/incidents/:id/lint-reply', requireRole('responder', 'page'), limit, async (c) => {
    const user = c.get('user')!;
    const form = await c.req.parseBody();
    if (!(await checkCsrf(deps, user, form.csrf))) return c.text('This form has expired or did not come from Emberwatch (CSRF check failed). Reload the page.', 403);
    const v = await incidentView(deps, c.req.param('id'));
    if (!v) return c.text('No such incident', 404);
    const draft = typeof form.draft === 'string' ? form.draft : '';
    const check = checkReplyText(draft);
    const rules = lintRulesOf(deps.config);
    const lint: LintBoxState = !check.ok
      ? { text: draft.slice(0, MAX_REPLY_CHARS), result: null, error: check.error.replace('"text"', 'The draft') }
      : rules
        ? { text: check.text, result: lintReply(rules, check.text) }
        : { text: check.text, result: null, error: NO_RULES };
    return c.html(<IncidentPage {...v} user={user} canAct={true} csrf={await csrfToken(deps, user)} lint={lint} />, check.ok ? 200 : 400);
  });
  return r;
}
