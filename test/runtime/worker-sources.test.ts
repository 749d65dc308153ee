/**
 * The Workers build polls every pull source for real: `wrangler dev` with one brand per platform, each source pointed
 * at a local server that speaks that platform's API (the same fakes as the source contract suite), Cron Triggers
 * through /__scheduled. Each source's posts land in D1 once however often the cron runs, and a source whose
 * platform answers garbage shows a clear error and is left alone for its backoff while the others go on.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { blueskyFake } from '../sources/fakes/bluesky.js';
import { hackernewsFake } from '../sources/fakes/hackernews.js';
import { makeItem, startFake, type PlatformFake, type Scenario } from '../sources/fakes/harness.js';
import { mastodonFake } from '../sources/fakes/mastodon.js';
import { redditFake } from '../sources/fakes/reddit.js';
import { rssFake } from '../sources/fakes/rss.js';
import { weiboFake } from '../sources/fakes/weibo.js';
import { xFake } from '../sources/fakes/x.js';
import { REPO_ROOT, startWranglerDev, type WranglerDev } from './wrangler-dev.js';

const ADMIN_TOKEN = 'admin-token-for-the-sources-test-0123';
const FAKES: PlatformFake[] = [blueskyFake, mastodonFake, redditFake, rssFake, hackernewsFake, xFake, weiboFake];
/** The platform whose first answer is malformed JSON. */
const BROKEN = 'mastodon-broken';

interface BrandView {
  id: string;
  sources: { id: string; lastOkAt: number | null; lastError: string | null; failing: boolean; postsLast24h: number; negativeLast24h: number }[];
}

/** Three complaints posted minutes ago (the Worker polls with the real clock). */
function complaints(now: number): Scenario {
  return { pages: [[2, 3, 4].map((m) => makeItem(0, { at: now - m * 60_000, text: `Acme charged me twice and support ignores me, I want a refund now (${m})` }))] };
}

describe('the Worker polls each pull source under wrangler dev', { timeout: 180_000 }, () => {
  const rules = mkdtempSync(join(tmpdir(), 'ew-worker-sources-'));
  const servers: { close(): Promise<void> }[] = [];
  const scenarios = new Map<string, Scenario>();
  let dev: WranglerDev | null = null;

  const cron = async () => {
    const r = await fetch(`${dev!.base}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
    assert.equal(r.status, 200, `scheduled run failed:\n${dev!.output().slice(-3000)}`);
  };
  const brands = async (): Promise<Map<string, BrandView>> => {
    const r = await fetch(`${dev!.base}/api/brands`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(r.status, 200);
    return new Map(((await r.json()) as { brands: BrandView[] }).brands.map((b) => [b.id, b]));
  };

  before(async () => {
    mkdirSync(join(rules, 'brands'));
    for (const d of ['lexicons', 'playbooks']) cpSync(join(REPO_ROOT, 'rules', d), join(rules, d), { recursive: true });
    const now = Date.now();
    const vars: Record<string, string> = {};
    const platforms: [string, PlatformFake][] = [...FAKES.map((f) => [f.name, f] as [string, PlatformFake]), [BROKEN, mastodonFake]];
    for (const [name, fake] of platforms) {
      const s = complaints(now);
      if (name === BROKEN) s.fault = (n) => (n === 0 ? 'malformed' : undefined);
      scenarios.set(name, s);
      const server = await startFake(fake.app(s));
      servers.push(server);
      Object.assign(vars, fake.env);
      const brand = { id: name, name: `Acme (${name})`, timezone: 'UTC', lang: 'en', queries: [{ lang: 'en', must: ['acme'] }], sources: [{ name: fake.name, kind: fake.source.kind, ...fake.config(server.base) }] };
      writeFileSync(join(rules, 'brands', `${name}.yaml`), stringify(brand));
    }
    dev = await startWranglerDev(rules, { ...vars, EMBERWATCH_SECRET: 'worker-sources-secret-0123456789abcdef', EMBERWATCH_ADMIN_TOKEN: ADMIN_TOKEN, EMBERWATCH_ALLOW_PRIVATE_URLS: 'true' });
  });

  after(async () => {
    await dev?.stop();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(rules, { recursive: true, force: true });
  });

  it('stores every platform\'s posts at the first cron run', async () => {
    await cron();
    const seen = await brands();
    for (const fake of FAKES) {
      const b = seen.get(fake.name)!;
      assert.ok(b, `brand ${fake.name} is listed`);
      assert.equal(b.sources[0]!.lastError, null, `${fake.name}: ${b.sources[0]!.lastError}\n${dev!.output().slice(-2000)}`);
      assert.ok(b.sources[0]!.lastOkAt, `${fake.name} polled`);
      assert.ok((scenarios.get(fake.name)!.searches ?? 0) >= 1, `${fake.name}'s API was called`);
      assert.equal(b.sources[0]!.postsLast24h, 3, `${fake.name}: the three complaints are stored`);
      assert.equal(b.sources[0]!.negativeLast24h, 3, `${fake.name}: and scored negative`);
    }
  });

  it('says what went wrong with a platform that answered garbage, and stores nothing from it', async () => {
    const b = (await brands()).get(BROKEN)!;
    assert.equal(b.sources[0]!.failing, true);
    assert.match(b.sources[0]!.lastError ?? '', /mastodon|json|unexpected|shape|malformed/i);
    assert.equal(b.sources[0]!.postsLast24h, 0, 'no posts from the garbage answer');
  });

  it('stores nothing twice on later runs, and leaves the broken platform alone until its backoff has passed', async () => {
    const stored = async () => new Map([...(await brands())].map(([id, b]) => [id, b.sources[0]!.postsLast24h]));
    await cron();
    const second = await stored();
    await cron();
    assert.deepEqual(await stored(), second, 'a third run adds nothing');
    for (const fake of FAKES) {
      // Bluesky's second run re-reads the young posts' counters and stores each one's reposter (getRepostedBy) as a repost.
      assert.equal(second.get(fake.name), fake === blueskyFake ? 6 : 3, fake.name);
    }
    const broken = (await brands()).get(BROKEN)!;
    assert.equal(broken.sources[0]!.failing, true);
    assert.equal(scenarios.get(BROKEN)!.searches, 1, 'no request to the failing platform inside its backoff');
  });

});
