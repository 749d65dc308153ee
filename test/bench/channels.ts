/** Render and chart cost per alert, as ratios against JSON.stringify of the same alert (measured in this run). */
import { deflateSync } from 'node:zlib';
import { CHANNELS } from '../../src/channels/registry.js';
import type { Channel } from '../../src/channels/channel.js';
import { chartPng, encodePalettePng, rasteriseChart } from '../../src/lib/png.js';
import { makeAlert, makeChart } from '../channels/fixtures.js';

const CFG: Record<string, Record<string, unknown>> = {
  email: { from: 'e@example.com', to: ['p@example.com'] },
  webhook: { url: 'https://h.example/x', signing_keys: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
};
function time(fn: () => unknown, n: number): number {
  for (let i = 0; i < Math.min(50, n); i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t) / n) * 1000; // µs per call
}
const alert = makeAlert({ lang: 'zh' });
const ref = time(() => JSON.stringify(alert), 5000);
const rows: [string, number][] = [];
for (const ch of Object.values(CHANNELS) as Channel<any>[]) {
  const cfg = ch.parseConfig(CFG[ch.kind] ?? { url: 'https://x.example/hook/abcdefabcdefabcdef', allow_custom_host: true }, {});
  rows.push([`render ${ch.kind}`, time(() => ch.render(alert, cfg), ch.kind === 'email' ? 200 : 2000)]);
}
const chart = makeChart(288, 250);
const px = rasteriseChart(chart, 600, 200);
rows.push(['chartPng 288 points', time(() => chartPng(chart), 200)]);
rows.push(['  PNG encode only (RLE)', time(() => encodePalettePng(600, 200, px, [[0, 0, 0]]), 200)]);
rows.push(['  node:zlib deflate of same pixels', time(() => deflateSync(px), 200)]);
console.log(`reference: JSON.stringify(alert) = ${ref.toFixed(1)} µs\n`);
console.log('operation'.padEnd(36) + 'µs/call'.padStart(10) + '  × reference');
for (const [name, us] of rows) console.log(name.padEnd(36) + us.toFixed(1).padStart(10) + `  ${(us / ref).toFixed(1).padStart(6)}×`);
console.log(`\nchart PNG size: ${chartPng(chart).length} bytes (RLE) vs ${deflateSync(px).length} bytes of zlib level-6 pixels`);
