/**
 * Inorganic amplification on the real pipeline. The demo's anger is real (established accounts, people repeating a
 * few slogans) and must not be called coordinated; the same demo plus a burst of copy-pasted reposts from
 * days-old, follower-less accounts is marked "possibly coordinated" once, with evidence, and offered the
 * inorganic playbook.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessAmplification } from '../../src/core/inorganic/index.js';
import { coordinatedVerdict, toRepost } from '../../src/pipeline/amplification-watch.js';
import { createApp } from '../../src/http/app.js';
import { CRISIS, MIN, START, WINDOW, demoWorld, eventsOfKind, signIn, theIncident, tokenFor, type World } from './pipeline-world.js';

const DAY = 86_400_000;

/** Four bursts of fifteen identical reposts, each within three seconds, from accounts two days old. */
function botBurst(at: number) {
  const out: object[] = [];
  for (let b = 0; b < 4; b++) {
    for (let i = 0; i < 15; i++) {
      const n = b * 15 + i;
      out.push({
        t: (at - START) / 1000 + b * 60 + i * 0.2,
        type: 'post',
        id: `bot-${n}`,
        platform: 'weibo',
        author: `xinhao_${1000 + n}`,
        followers: n % 4,
        author_created_at: at - 2 * DAY,
        text: '鹿鸣咖啡又出事了！！大家千万别再去喝了，转发扩散 https://t.cn/abc',
        kind: 'repost',
        parent: 'p524',
        url: null,
      });
    }
  }
  return out;
}

describe('the demo alone: real anger is not called coordinated', () => {
  let w: World;
  before(async () => {
    w = await demoWorld();
    await w.runUntil(CRISIS + 120 * MIN);
  });
  after(async () => w.close());

  it('leaves the incident unmarked although its people repeat a few slogans word for word', async () => {
    const inc = await theIncident(w);
    assert.equal(inc.coordinated_at, null);
    assert.equal((await eventsOfKind(w, 'possibly-coordinated')).length, 0);
    assert.equal((await eventsOfKind(w, 'playbook-offered')).length, 0);
  });
});

describe('the demo plus a bought burst of reposts', () => {
  let w: World;
  const burstAt = CRISIS + 25 * MIN;
  before(async () => {
    w = await demoWorld(botBurst(burstAt));
    await w.runUntil(burstAt + 4 * MIN);
  });
  after(async () => w.close());

  it('marks the incident possibly coordinated in the cycle after the burst, with evidence from several signals', async () => {
    await w.runUntil(burstAt + 4 * MIN + WINDOW);
    const inc = await theIncident(w);
    assert.ok(inc.coordinated_at !== null && inc.coordinated_at <= burstAt + 4 * MIN + WINDOW);
    const c = JSON.parse(inc.coordination!) as { tripped: string[]; evidence: string[]; offeredPlaybookId: string };
    assert.ok(c.tripped.includes('low-quality-accounts') && c.tripped.includes('duplicate-text'), `tripped: ${c.tripped.join(', ')}`);
    assert.ok(c.evidence.some((e) => /accounts under 30 days old/.test(e)));
    assert.equal(c.offeredPlaybookId, 'inorganic-attack');
    assert.equal(inc.playbook_id, 'food-safety', 'the food-safety playbook stays: the complaint underneath is still real');
  });

  it('offers the inorganic playbook with its guidance, once, however many cycles follow', async () => {
    await w.runUntil(burstAt + 40 * MIN);
    assert.equal((await eventsOfKind(w, 'possibly-coordinated')).length, 1);
    const offered = await eventsOfKind(w, 'playbook-offered');
    assert.equal(offered.length, 1);
    const data = JSON.parse(offered[0]!.data!) as { playbookId: string; guidance: { firstActions: string[]; holdingStatement: { en: string } } };
    assert.equal(data.playbookId, 'inorganic-attack');
    assert.ok(data.guidance.firstActions.length > 0);
    assert.match(data.guidance.holdingStatement.en, /Lumen Coffee/);
  });

  it('shows the verdict, its evidence and the offered playbook on the incident page', async () => {
    const app = createApp(w.deps);
    const inc = await theIncident(w);
    const html = await (await app.request(`/incidents/${inc.id}`, { headers: { cookie: await signIn(app, await tokenFor(w.deps.db, 'viewer')) } })).text();
    assert.ok(html.includes('possibly coordinated'));
    assert.ok(html.includes('Playbook: Competitor-driven or inorganic attack'));
    assert.match(html, /accounts under 30 days old/);
  });
});

describe('what the pipeline feeds the assessment', () => {
  const post = { author_handle: 'a', author_created_at: null, text: 'x', created_at: 0 };

  it('treats 0 followers as unknown on platforms that do not report followers, and as 0 where they do', () => {
    assert.equal(toRepost({ ...post, platform: 'reddit', author_followers: 0 }).authorFollowers, null);
    assert.equal(toRepost({ ...post, platform: 'Bluesky', author_followers: 0 }).authorFollowers, null);
    assert.equal(toRepost({ ...post, platform: 'weibo', author_followers: 0 }).authorFollowers, 0);
    assert.equal(toRepost({ ...post, platform: 'reddit', author_followers: 12 }).authorFollowers, 12);
  });

  it('does not call a lone copy-paste signal coordinated when the accounts are established, but does when authors are unknown', () => {
    const reposts = (followers: number | null) => Array.from({ length: 40 }, (_, i) => ({ authorHandle: `u${i}`, authorFollowers: followers, text: '必须给个说法，食品安全不是小事', createdAt: i * 97_000 }));
    const established = assessAmplification(reposts(500));
    assert.equal(established.possiblyCoordinated, true, 'the core calls one overwhelming signal enough');
    assert.equal(coordinatedVerdict(established).coordinated, false);
    assert.match(coordinatedVerdict(established).reason, /repeating a slogan/);
    assert.equal(coordinatedVerdict(assessAmplification(reposts(null))).coordinated, true);
  });
});
