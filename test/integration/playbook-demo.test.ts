/**
 * The demo's glass-in-a-latte complaint on the real pipeline: the food-safety playbook is chosen, says why on the
 * timeline, and its guidance (with a filled, draft-marked holding statement) lands in the opening alert and on
 * the incident page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/http/app.js';
import { DRAFT_MARK } from '../../src/core/playbook/index.js';
import type { Alert } from '../../src/core/types.js';
import type { PlaybookGuidance } from '../../src/core/playbook/index.js';
import { CRISIS, WINDOW, demoWorld, eventsOfKind, signIn, theIncident, tokenFor, type World } from './pipeline-world.js';

describe('the demo complaint picks the food-safety playbook', () => {
  let w: World;
  before(async () => {
    w = await demoWorld();
    await w.runUntil(CRISIS + 3 * WINDOW);
  });
  after(async () => w.close());

  it('queues an opening alert (the early warning on the post) carrying the food-safety guidance, its 20-minute target and a filled draft', async () => {
    const row = await w.deps.db.selectFrom('alerts').select('payload').where('kind', '=', 'early-warning').executeTakeFirstOrThrow();
    const g = (JSON.parse(row.payload) as Alert).guidance as PlaybookGuidance;
    assert.equal(g.playbookId, 'food-safety');
    assert.equal(g.responseTargetMinutes, 20);
    assert.ok(g.firstActions.length > 0 && g.firstHour.length > 0 && g.followUp.length > 0, 'every section of the playbook travels with the alert');
    assert.ok(g.holdingStatement.en.startsWith(DRAFT_MARK.en) && g.holdingStatement.zh.startsWith(DRAFT_MARK.zh), 'both drafts are marked as drafts');
    assert.match(g.holdingStatement.en, /Lumen Coffee/);
    assert.match(g.holdingStatement.zh, /鹿鸣咖啡/, 'the Chinese draft uses the Chinese brand name');
    assert.match(g.holdingStatement.en, /by \d{2}:\d{2}/, '{next_update} is a time');
    assert.doesNotMatch(g.holdingStatement.en + g.holdingStatement.zh, /\[fill in|【待填/, 'no placeholder is left unfilled');
    assert.doesNotMatch(g.holdingStatement.en, /baseline|p </, 'no detector statistics in a public statement');
  });

  it('records on the timeline which playbook was chosen and why', async () => {
    const inc = await theIncident(w);
    assert.equal(inc.playbook_id, 'food-safety');
    const chosen = await eventsOfKind(w, 'playbook-chosen');
    assert.equal(chosen.length, 1);
    assert.match(chosen[0]!.message, /topic "food-safety" matches playbook food-safety/);
  });

  it('shows the whole playbook on the incident page: first 15 minutes, first hour, what to say, follow-up', async () => {
    const app = createApp(w.deps);
    const inc = await theIncident(w);
    const cookie = await signIn(app, await tokenFor(w.deps.db, 'responder'));
    const res = await app.request(`/incidents/${inc.id}`, { headers: { cookie } });
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const section of ['Playbook: Food safety', 'First 15 minutes', 'First hour', 'What to say', 'Follow-up', 'Lint a draft reply']) assert.ok(html.includes(section), `page shows "${section}"`);
  });
});
