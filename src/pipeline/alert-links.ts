/** The links every alert carries: a signed, expiring, single-use ack link (jti = alert id) and the incident page. */
import { signAckToken } from '../lib/signing.js';
import type { Deps } from './deps.js';

/** Ack links stay valid this long; after that the incident page is the way to acknowledge. */
export const ACK_LINK_TTL_MS = 7 * 24 * 3600_000;

export async function alertLinks(deps: Pick<Deps, 'secret' | 'config'>, incidentId: string, alertId: string, now: number): Promise<{ ackUrl: string; incidentUrl: string }> {
  const base = deps.config.settings.publicUrl;
  const token = await signAckToken(deps.secret, { inc: incidentId, to: 'alert', exp: now + ACK_LINK_TTL_MS, jti: alertId });
  return { ackUrl: `${base}/ack/${token}`, incidentUrl: `${base}/incidents/${incidentId}` };
}
