/**
 * One-click acknowledgement from an alert: GET shows a confirmation page and changes nothing (mail scanners follow
 * links); the page's button POSTs, which verifies the signed, expiring token, spends it once, and acknowledges.
 */
import { Hono } from 'hono';
import { getIncident } from '../../db/queries/incidents.js';
import { isAckTokenSpent, spendAckToken } from '../../db/queries/auth.js';
import { verifyAckToken } from '../../lib/signing.js';
import type { Deps } from '../../pipeline/deps.js';
import { acknowledge } from '../incident-actions.js';
import { AckPage } from '../views/ack-page.js';

export function ackLinkRoutes(deps: Deps) {
  const r = new Hono();
  r.get('/:token', async (c) => {
    const token = c.req.param('token');
    const v = await verifyAckToken(deps.secret, token, deps.sourceIO.now());
    if (!v.ok) return c.html(<AckPage incident={null} token="" error={v.reason} />, 403);
    const incident = await getIncident(deps.db, v.claims.inc);
    if (!incident) return c.html(<AckPage incident={null} token="" error="This incident no longer exists." />, 404);
    if (await isAckTokenSpent(deps.db, v.claims.jti)) return c.html(<AckPage incident={incident} token="" error="This link has already been used." />, 409);
    if (incident.state !== 'open') return c.html(<AckPage incident={incident} token="" done={`Already ${incident.state}${incident.acknowledgedBy ? ` by ${incident.acknowledgedBy}` : ''}.`} />);
    return c.html(<AckPage incident={incident} token={token} />);
  });
  r.post('/:token', async (c) => {
    const token = c.req.param('token');
    const v = await verifyAckToken(deps.secret, token, deps.sourceIO.now());
    if (!v.ok) return c.html(<AckPage incident={null} token="" error={v.reason} />, 403);
    const form = await c.req.parseBody();
    const name = String(form.name ?? '').trim().slice(0, 80);
    if (!name) return c.html(<AckPage incident={await getIncident(deps.db, v.claims.inc)} token={token} error="Please give your name: acknowledgements are attributed to a person." />, 400);
    if (!(await spendAckToken(deps.db, v.claims.jti, deps.sourceIO.now()))) return c.html(<AckPage incident={null} token="" error="This link has already been used." />, 409);
    const res = await acknowledge(deps, v.claims.inc, `${name} (via alert link)`);
    const incident = await getIncident(deps.db, v.claims.inc);
    return res.ok ? c.html(<AckPage incident={incident} token="" done={res.message} />) : c.html(<AckPage incident={incident} token="" error={res.error} />, res.status);
  });
  return r;
}
