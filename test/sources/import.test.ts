import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importSource, parseExportTime } from '../../src/sources/import.js';
import { makeCtx, makeIO, NOW } from './fakes/harness.js';

const jsonl = [
  JSON.stringify({ id: 'bw-1', text: 'Acme refund still missing', created_at: '2026-11-17T02:10:00Z', author: 'ann', followers: 120, platform: 'Twitter', retweets: 4, likes: 9 }),
  '{"id": "bw-2", "text": "broken line',
  JSON.stringify({ id: 'bw-3', text: 'Acme support hung up', date: '2026-11-17 10:20:00', username: 'bo' }),
].join('\n');

const csv = '\uFEFFMention Id,Full Text,Date,Author,Reach\r\n' +
  'tw-9,"Acme ""premium"" plan, a scam",2026-11-17T02:30:00Z,cy,5400\r\n' +
  'tw-10,"multi\nline Acme",2026-11-17T02:31:00Z,di,7\r\n';

describe('import of listening-tool exports', () => {
  it('reads JSONL rows by common column names, skipping a broken line', async () => {
    const cfg = importSource.parseConfig({ path: 'export.jsonl', utc_offset_hours: 8 }, {});
    const r = await importSource.poll(cfg, null, makeIO(NOW, { 'export.jsonl': jsonl }), makeCtx());
    assert.ok(r.ok);
    assert.deepEqual(r.posts.map((p) => [p.externalId, p.authorHandle, p.platform, p.createdAt]), [
      ['bw-1', 'ann', 'twitter', Date.parse('2026-11-17T02:10:00Z')],
      ['bw-3', 'bo', 'import', Date.parse('2026-11-17T02:20:00Z')], // written without a zone, read at +08:00
    ]);
    assert.equal(r.snapshots.find((s) => s.externalId === 'bw-1')!.reposts, 4);
    assert.equal(r.requests, 0);
  });

  it('reads the first JSONL row of a file that starts with a byte-order mark', async () => {
    const cfg = importSource.parseConfig({ path: 'bom.jsonl', utc_offset_hours: 8 }, {});
    const r = await importSource.poll(cfg, null, makeIO(NOW, { 'bom.jsonl': '\uFEFF' + jsonl }), makeCtx());
    assert.ok(r.ok);
    assert.deepEqual(r.posts.map((p) => p.externalId), ['bw-1', 'bw-3']);
  });

  it('reads CSV with quotes, doubled quotes, newlines in fields, a BOM and mapped columns', async () => {
    const cfg = importSource.parseConfig({ path: 'x.csv', fields: 'followers=Reach' }, {});
    const r = await importSource.poll(cfg, null, makeIO(NOW, { 'x.csv': csv }), makeCtx());
    assert.ok(r.ok);
    assert.deepEqual(r.posts.map((p) => [p.externalId, p.text, p.authorFollowers]), [['tw-9', 'Acme "premium" plan, a scam', 5400], ['tw-10', 'multi\nline Acme', 7]]);
  });

  it('returns only rows added since the last poll when the export grows', async () => {
    const cfg = importSource.parseConfig({ path: 'x.csv' }, {});
    const first = await importSource.poll(cfg, null, makeIO(NOW, { 'x.csv': csv }), makeCtx());
    assert.ok(first.ok);
    const grown = csv + 'tw-11,Acme again,2026-11-17T02:50:00Z,ed,1\r\n';
    const second = await importSource.poll(cfg, first.cursor, makeIO(NOW, { 'x.csv': grown }), makeCtx());
    assert.ok(second.ok);
    assert.deepEqual(second.posts.map((p) => p.externalId), ['tw-11']);
  });

  it('says clearly when the file is missing or unreadable as an export', async () => {
    const cfg = importSource.parseConfig({ path: 'nope.csv' }, {});
    const missing = await importSource.poll(cfg, null, makeIO(NOW, {}), makeCtx());
    assert.ok(!missing.ok);
    assert.equal(missing.error.reason, 'not-found');
    const junk = await importSource.poll(importSource.parseConfig({ path: 'j', format: 'jsonl' }, {}), null, makeIO(NOW, { j: 'not json\nnor this' }), makeCtx());
    assert.ok(!junk.ok);
    assert.match(junk.error.detail, /no readable jsonl rows/);
  });

  it('refuses an unknown column mapping, naming the field', () => {
    assert.throws(() => importSource.parseConfig({ path: 'x', fields: 'colour=Red' }, {}), /^Error: fields:/);
  });

  it('reads epoch seconds and milliseconds, and refuses zone-less dates it cannot place', () => {
    assert.equal(parseExportTime(1794881100, 0), 1794881100000);
    assert.equal(parseExportTime('1794881100000', 0), 1794881100000);
    assert.equal(parseExportTime('Nov 17 2026 10:00', 0), undefined);
  });
});
