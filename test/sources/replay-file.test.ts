/** The replay file reader: a whole file or a clear error naming the line; never a silently shortened replay. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReplayFile } from '../../src/sources/replay.js';

const rec = (t: number, id: string): string => JSON.stringify({ t, type: 'post', id, platform: 'weibo', author: 'u1', followers: 10, text: '排队一小时', kind: 'post', parent: null });

describe('replay files', () => {
  it('reads a file saved with a byte-order mark and CRLF line ends, first record included', () => {
    const out = parseReplayFile('\uFEFF' + [rec(0, 'a'), rec(5, 'b')].join('\r\n') + '\r\n', 'x.jsonl');
    assert.deepEqual(out.map((r) => [r.t, r.type === 'post' ? r.post.externalId : null]), [[0, 'a'], [5, 'b']]);
  });

  it('names the file and line of a line that is not JSON, and of a record that goes back in time', () => {
    assert.throws(() => parseReplayFile([rec(0, 'a'), '{"t": 1,'].join('\n'), 'x.jsonl'), /^Error: x\.jsonl:2: not valid JSON$/);
    assert.throws(() => parseReplayFile([rec(5, 'a'), rec(1, 'b')].join('\n'), 'x.jsonl'), /x\.jsonl: records must be sorted by "t" \(record 2 goes back in time\)/);
  });
});
