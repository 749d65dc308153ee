/** What the detector's decisions do to a brand's open incident, including an open single-post early warning. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planFromDecision } from '../../src/core/incident.js';
import type { DetectorDecision, Incident } from '../../src/core/types.js';

const T = Date.UTC(2026, 10, 19, 9, 0);
const ctx = { brandId: 'acme', brandName: 'Acme', now: T, newId: 'new-1', topics: ['food-safety'] };
const decision = (action: DetectorDecision['action'], severity: DetectorDecision['severity'] = 'warning'): DetectorDecision => ({ action, score: action === 'open' || action === 'escalate' ? 0.9 : 0.1, severity, phase: 'incident', reason: 'negative posts 23 vs 1.2 expected', observed: 23, expected: 1.2, band: { lo: 0, hi: 4 } });
const incident = (state: Incident['state'], severity: Incident['severity'] = 'warning'): Incident => ({ id: 'inc-1', brandId: 'acme', state, severity, title: 'Acme: one negative post predicted to outgrow its usual reach', openedAt: T - 600_000, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: 'early warning', topics: [], playbookId: null });

describe('incident plans from detector decisions', () => {
  it('opens a new incident with an alert when none is open', () => {
    const p = planFromDecision(null, decision('open'), ctx);
    assert.equal(p.kind, 'open');
    assert.equal(p.kind === 'open' && p.incident.title, 'Acme: negative posts spreading faster than normal');
  });

  it('does not re-alert an acknowledged spread incident for more of the same, but does when it turns critical', () => {
    const same = planFromDecision(incident('acknowledged'), decision('escalate'), ctx);
    assert.ok(same.kind === 'escalate' && !same.alert && !same.takeOver);
    const worse = planFromDecision(incident('acknowledged'), decision('escalate', 'critical'), ctx);
    assert.ok(worse.kind === 'escalate' && worse.alert && worse.severity === 'critical');
  });

  it('takes over an acknowledged early warning when the spread breaks away, and alerts even at the same severity', () => {
    const p = planFromDecision(incident('acknowledged'), decision('open'), ctx, 'cascade');
    assert.ok(p.kind === 'escalate' && p.takeOver && p.alert, JSON.stringify(p));
    assert.equal(p.kind === 'escalate' && p.incidentId, 'inc-1', 'the same incident, not a second one');
  });

  it('leaves an early warning to resolve itself: the detector resolves only what it opened', () => {
    assert.equal(planFromDecision(incident('open'), decision('resolve'), ctx, 'cascade').kind, 'none');
    assert.equal(planFromDecision(incident('open'), decision('resolve'), ctx).kind, 'resolve');
  });
});
