/** The shared machinery: watermark with overlap and dedupe, backoff with jitter, redaction, config readers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelayMs, nextPollDelayMs, platformMessage } from '../../src/sources/backoff.js';
import { numField, secretFromEnv, urlField } from '../../src/sources/config-fields.js';
import { redactSecrets } from '../../src/sources/redact.js';
import { advanceWatermark, freshItems, readWatermark, sinceOf, writeWatermark } from '../../src/sources/watermark.js';
import { MIN, NOW } from './fakes/harness.js';

describe('watermark cursor', () => {
  it('starts a lookback before now, then re-reads an overlap window behind the newest item', () => {
    const w0 = readWatermark(null, NOW, 60 * MIN);
    assert.equal(w0.wm, NOW - 60 * MIN);
    const w1 = advanceWatermark(w0, [{ id: 'a', at: NOW - 5 * MIN }, { id: 'b', at: NOW - 30 * MIN }], 10 * MIN, NOW);
    assert.equal(w1.wm, NOW - 5 * MIN);
    assert.equal(sinceOf(w1, 10 * MIN), NOW - 15 * MIN);
    assert.deepEqual(w1.seen, ['a'], 'only ids inside the overlap window are remembered');
  });

  it('drops repeats and items older than the window, and survives a JSON round trip', () => {
    const w = readWatermark(writeWatermark({ wm: NOW - MIN, seen: ['a'], ext: { etag: '"x"' } }), NOW, MIN);
    assert.deepEqual(w.ext, { etag: '"x"' });
    const got = freshItems(w, [{ id: 'a', at: NOW }, { id: 'b', at: NOW }, { id: 'b', at: NOW }, { id: 'c', at: NOW - 99 * MIN }], NOW - 10 * MIN);
    assert.deepEqual(got.map((x) => x.id), ['b']);
  });

  it('never moves past now, whatever time a client claims', () => {
    const w = advanceWatermark(readWatermark(null, NOW, MIN), [{ id: 'future', at: NOW + 86_400_000 }], MIN, NOW);
    assert.equal(w.wm, NOW);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    assert.equal(backoffDelayMs(0, () => 0), 500);
    assert.equal(backoffDelayMs(0, () => 0.999999), 1000);
    assert.equal(backoffDelayMs(3, () => 0), 4000);
    assert.equal(backoffDelayMs(20, () => 0.999999), 30_000);
  });

  it('spaces out the next poll of a failing source, but never sooner than the platform asked', () => {
    assert.equal(nextPollDelayMs(120_000, 0, undefined, () => 0.5), 120_000);
    assert.equal(nextPollDelayMs(120_000, 2, undefined, () => 0.5), 480_000);
    assert.equal(nextPollDelayMs(120_000, 30, undefined, () => 0.5), 3_600_000);
    assert.equal(nextPollDelayMs(120_000, 1, 900_000, () => 0.5), 900_000);
  });

  it('quotes the platform\'s own error message from JSON, or the title of an HTML page', () => {
    assert.equal(platformMessage('{"error":"ExpiredToken","message":"Token has expired"}'), 'ExpiredToken: Token has expired');
    assert.equal(platformMessage('{"errors":[{"code":88,"message":"Rate limit exceeded"}]}'), 'Rate limit exceeded');
    assert.equal(platformMessage('<html><title>403 Forbidden</title></html>'), 'HTML error page (title: 403 Forbidden)');
  });
});

describe('secrets', () => {
  it('hides known secrets, bearer tokens, JWTs and key=value tokens', () => {
    const out = redactSecrets('pw hunter2xx; Authorization: Bearer abcdefghijkl; eyJhbGciOi.eyJzdWIiOi.sig1; access_token=zzzz9999', ['hunter2xx']);
    for (const leak of ['hunter2xx', 'abcdefghijkl', 'eyJzdWIiOi', 'zzzz9999']) assert.ok(!out.includes(leak), out);
  });

  it('refuses an unset or empty secret instead of sending an empty auth header', () => {
    assert.throws(() => secretFromEnv({ password_env: 'BSKY' }, 'password_env', {}), /password_env: environment variable BSKY is not set/);
    assert.throws(() => secretFromEnv({ password_env: 'BSKY' }, 'password_env', { BSKY: '  ' }), /not set/);
    assert.throws(() => secretFromEnv({ password_env: 'not a name' }, 'password_env', {}), /must name an environment variable/);
  });

  it('names the field of a bad URL or number', () => {
    assert.throws(() => urlField({ instance: 'ftp://x' }, 'instance', 'https://a'), /^Error: instance: must be an http\(s\) URL/);
    assert.throws(() => numField({ max_pages: 0 }, 'max_pages', 5, 1, 50), /^Error: max_pages: must be between 1 and 50/);
  });
});
