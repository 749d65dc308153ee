/**
 * Atomic groups on a real local D1 (wrangler's getPlatformProxy runs workerd with a D1 binding in this process):
 * `atomically` on D1 commits a group as one batch, drops it on rollback, and a compare-and-set keeps its meaning.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import { getPlatformProxy } from 'wrangler';
import { atomically } from '../../src/db/atomic.js';
import { D1Dialect, D1GroupConflictError, type D1Like } from '../../src/db/d1-dialect.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import type { Database, Db } from '../../src/db/schema.js';
import { insertEvent, insertIncident, listEvents, transition } from '../../src/db/queries/incidents.js';
import { recordResponse } from '../../src/db/queries/responses.js';
import type { Incident } from '../../src/core/types.js';

// Loopback only: no metrics, no cf.json fetch.
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const dir = mkdtempSync(join(tmpdir(), 'emberwatch-d1-'));
let d1: D1Like;
let db: Db;
let dispose: () => Promise<void>;

function makeIncident(id: string, over: Partial<Incident> = {}): Incident {
  return { id, brandId: 'acme', state: 'open', severity: 'warning', title: 'Refund complaints', openedAt: 1_000, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, reason: 'test', topics: [], playbookId: null, ...over };
}
const opened = (id: string) => ({ incidentId: id, at: 1_000, type: 'opened' as const, actor: null, message: 'opened' });
const count = async (table: 'incidents' | 'incident_events') => Number((await db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

before(async () => {
  writeFileSync(join(dir, 'wrangler.toml'), 'name = "d1-test"\ncompatibility_date = "2025-09-01"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "test"\ndatabase_id = "test"\n');
  const proxy = await getPlatformProxy<{ DB: D1Like }>({ configPath: join(dir, 'wrangler.toml'), persist: false });
  d1 = proxy.env.DB;
  dispose = proxy.dispose;
  db = new Kysely<Database>({ dialect: new D1Dialect(d1) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error;
});

after(async () => {
  await db?.destroy();
  await dispose?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('atomic groups on D1', () => {
  it('runs every migration on a fresh D1 database', async () => {
    const { rows } = await (await import('kysely')).sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    assert.deepEqual(rows.map((r) => r.name), Object.keys((await migrationProvider.getMigrations())).sort());
  });

  it('writes nothing until the group commits, then all of it', async () => {
    let seenInside = -1;
    await atomically(db, async (trx) => {
      await insertIncident(trx, makeIncident('c1'), opened('c1'));
      await insertEvent(trx, { incidentId: 'c1', at: 1_001, type: 'note', actor: null, message: 'second' });
      // Another connection (or another Worker request) does not see the group before its commit.
      seenInside = Number(((await d1.prepare('select count(*) as n from incidents where id = ?').bind('c1').all()).results![0] as { n: number }).n);
    });
    assert.equal(seenInside, 0);
    assert.deepEqual((await listEvents(db, 'c1')).map((e) => e.message), ['opened', 'second']);
  });

  it('leaves none of the group behind when one statement fails at commit', async () => {
    await insertIncident(db, makeIncident('dup'), opened('dup'));
    const [incidents, events] = [await count('incidents'), await count('incident_events')];
    await assert.rejects(
      atomically(db, async (trx) => {
        await insertIncident(trx, makeIncident('fresh'), opened('fresh'));
        await insertEvent(trx, { incidentId: 'dup', at: 2_000, type: 'note', actor: null, message: 'written before the failure' });
        await insertIncident(trx, makeIncident('dup'), opened('dup')); // primary key taken: the batch fails here
      }),
      /UNIQUE|constraint/i,
    );
    assert.equal(await count('incidents'), incidents);
    assert.equal(await count('incident_events'), events);
    assert.equal((await db.selectFrom('incidents').select('id').where('id', '=', 'fresh').executeTakeFirst()), undefined);
  });

  it('drops the group when the code inside it throws', async () => {
    const events = await count('incident_events');
    await assert.rejects(
      atomically(db, async (trx) => {
        await insertEvent(trx, { incidentId: 'c1', at: 3_000, type: 'note', actor: null, message: 'never' });
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.equal(await count('incident_events'), events);
  });

  it('answers a compare-and-set with the row count, so a lost transition writes no event', async () => {
    await insertIncident(db, makeIncident('cas'), opened('cas'));
    const resolve = (message: string) => transition(db, { id: 'cas', from: 'open', to: 'resolved', patch: { resolved_at: 5_000 }, event: { incidentId: 'cas', at: 5_000, type: 'auto-resolved', actor: null, message } });
    assert.equal(await resolve('first'), true);
    assert.equal(await resolve('second'), false);
    assert.deepEqual((await listEvents(db, 'cas')).map((e) => e.message), ['opened', 'first']);
    assert.equal((await db.selectFrom('incidents').select('state').where('id', '=', 'cas').executeTakeFirstOrThrow()).state, 'resolved');
  });

  it('rolls the whole group back when a compare-and-set loses a race between its read and the commit', async () => {
    await insertIncident(db, makeIncident('race'), opened('race'));
    await assert.rejects(
      atomically(db, async (trx) => {
        const won = await transition(trx, { id: 'race', from: 'open', to: 'acknowledged', patch: { acknowledged_at: 6_000, acknowledged_by: 'ana' }, event: { incidentId: 'race', at: 6_000, type: 'acknowledged', actor: 'ana', message: 'acknowledged by ana' } });
        assert.equal(won, true);
        await insertEvent(trx, { incidentId: 'race', at: 6_000, type: 'note', actor: null, message: 'follows the ack' });
        // Meanwhile another request resolves it.
        await d1.prepare("update incidents set state = 'resolved' where id = ?").bind('race').all();
      }),
      D1GroupConflictError,
    );
    assert.deepEqual((await listEvents(db, 'race')).map((e) => e.message), ['opened']);
    assert.equal((await db.selectFrom('incidents').select('state').where('id', '=', 'race').executeTakeFirstOrThrow()).state, 'resolved');
  });

  it('counts an insert that a unique key skips as zero, inside and across groups', async () => {
    await insertIncident(db, makeIncident('resp'), opened('resp'));
    const record = (trx: Db, message: string) => recordResponse(trx, { incidentId: 'resp', sourceId: 'x', externalId: 'p1', at: 7_000, deflecting: false, findings: [], now: 7_000, event: { incidentId: 'resp', at: 7_000, type: 'response', actor: null, message } });
    const inOneGroup = await atomically(db, async (trx) => [await record(trx, 'first'), await record(trx, 'again in the group')]);
    assert.deepEqual(inOneGroup, [true, false]);
    assert.equal(await atomically(db, (trx) => record(trx, 'again later')), false);
    assert.deepEqual((await listEvents(db, 'resp')).map((e) => e.message), ['opened', 'first']);
  });
});
