/** The pure PNG encoder: valid zlib and CRCs (checked by node:zlib), and a chart that shows the spike. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync, crc32 as zlibCrc } from 'node:zlib';
import fc from 'fast-check';
import { CHART_COLOURS, chartPng, rasteriseChart, zlibRle } from '../../src/lib/png.js';
import { makeChart } from './fixtures.js';

describe('png', () => {
  it('produces zlib streams that node:zlib inflates back to the input', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 600 }), (bytes, run) => {
      const data = new Uint8Array([...bytes, ...new Uint8Array(run).fill(7)]);
      assert.deepEqual(new Uint8Array(inflateSync(zlibRle(data))), data);
    }));
  });

  it('writes chunks whose CRCs match', () => {
    const png = Buffer.from(chartPng(makeChart()));
    let at = 8;
    const types: string[] = [];
    while (at < png.length) {
      const len = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('latin1');
      types.push(type);
      if (typeof zlibCrc === 'function') assert.equal(png.readUInt32BE(at + 8 + len), zlibCrc(png.subarray(at + 4, at + 8 + len)), type);
      at += 12 + len;
    }
    assert.deepEqual(types, ['IHDR', 'PLTE', 'IDAT', 'IEND']);
  });

  it('draws the observed line high above the band where the spike is', () => {
    const w = 600, h = 200;
    const px = rasteriseChart(makeChart(24, 18), w, h);
    const topRowWithObserved = (x0: number, x1: number) => {
      for (let y = 0; y < h; y++) for (let x = x0; x < x1; x++) if (px[y * w + x] === CHART_COLOURS.observed) return y;
      return h;
    };
    assert.ok(topRowWithObserved(550, 592) < 40, 'spike near the top on the right');
    assert.ok(topRowWithObserved(10, 300) > 150, 'quiet near the bottom on the left');
    assert.ok(px.includes(CHART_COLOURS.band));
  });

  it('stays small enough to inline in mail', () => {
    assert.ok(chartPng(makeChart(288, 250)).length < 20_000);
  });
});
