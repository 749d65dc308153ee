/**
 * A small PNG encoder and the spread-vs-baseline chart rasteriser, for mail (clients do not show SVG).
 * Pure: no node:zlib, no native code. Pixels are palette indices; rows use PNG's Up filter, which turns
 * a chart's long flat runs into zeros, and a fixed-Huffman deflate with run-length matches packs those.
 */
import type { ChartPoint } from '../core/types.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks use it. */
export function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  let c = crc;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return c;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i += 5552) {
    for (let j = i; j < Math.min(i + 5552, bytes.length); j++) {
      a += bytes[j]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

class BitWriter {
  private out: number[] = [];
  private acc = 0;
  private n = 0;
  /** Writes `len` bits of `value`, least significant first (deflate's data order). */
  bits(value: number, len: number): void {
    for (let i = 0; i < len; i++) this.bit((value >>> i) & 1);
  }
  /** Writes a Huffman code most significant bit first, as deflate requires. */
  code(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) this.bit((code >>> i) & 1);
  }
  private bit(b: number): void {
    this.acc |= b << this.n;
    if (++this.n === 8) {
      this.out.push(this.acc);
      this.acc = 0;
      this.n = 0;
    }
  }
  bytes(): Uint8Array {
    if (this.n > 0) this.out.push(this.acc);
    return Uint8Array.from(this.out);
  }
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

/** Fixed-Huffman literal/length code for a symbol 0..287. */
function writeSymbol(w: BitWriter, sym: number): void {
  if (sym < 144) w.code(0x30 + sym, 8);
  else if (sym < 256) w.code(0x190 + sym - 144, 9);
  else if (sym < 280) w.code(sym - 256, 7);
  else w.code(0xc0 + sym - 280, 8);
}

/** zlib stream of one fixed-Huffman block, using only distance-1 matches (run-length encoding). */
export function zlibRle(data: Uint8Array): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(1, 2); // fixed Huffman
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    writeSymbol(w, b);
    let run = 0;
    while (i + 1 + run < data.length && data[i + 1 + run] === b && run < 258) run++;
    i++;
    if (run >= 3) {
      let k = LEN_BASE.length - 1;
      while (LEN_BASE[k]! > run) k--;
      writeSymbol(w, 257 + k);
      w.bits(run - LEN_BASE[k]!, LEN_EXTRA[k]!);
      w.code(0, 5); // distance code 0 = distance 1
      i += run;
    }
  }
  writeSymbol(w, 256);
  const body = w.bytes();
  const out = new Uint8Array(body.length + 6);
  out[0] = 0x78;
  out[1] = 0x01;
  out.set(body, 2);
  const ad = adler32(data);
  out.set([ad >>> 24, (ad >>> 16) & 0xff, (ad >>> 8) & 0xff, ad & 0xff], body.length + 2);
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0);
  return out;
}

/** Encodes an 8-bit palette image (`pixels[y * width + x]` index into `palette` of [r, g, b]). */
export function encodePalettePng(width: number, height: number, pixels: Uint8Array, palette: readonly (readonly [number, number, number])[]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8); // depth 8, palette, deflate, adaptive filtering, no interlace
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = y === 0 ? 0 : 2; // Up filter after the first row
    for (let x = 0; x < width; x++) {
      const cur = pixels[y * width + x]!;
      const up = y === 0 ? 0 : pixels[(y - 1) * width + x]!;
      raw[y * (width + 1) + 1 + x] = (cur - up) & 0xff;
    }
  }
  const parts = [Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('PLTE', Uint8Array.from(palette.flat())), chunk('IDAT', zlibRle(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Palette of the chart: index → colour. Exported so tests can check which pixels were drawn. */
export const CHART_COLOURS = { background: 0, band: 1, expected: 2, observed: 3, axis: 4, grid: 5 } as const;
const PALETTE: [number, number, number][] = [[255, 255, 255], [253, 226, 200], [134, 142, 150], [217, 72, 15], [173, 181, 189], [241, 243, 245]];

/** Rasterises observed vs expected with its normal band; returns the palette pixels. */
export function rasteriseChart(points: readonly ChartPoint[], width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height);
  const m = 8;
  const plotW = width - 2 * m;
  const plotH = height - 2 * m;
  const set = (x: number, y: number, c: number) => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi >= 0 && xi < width && yi >= 0 && yi < height) px[yi * width + xi] = c;
  };
  for (let k = 1; k < 4; k++) for (let x = m; x < width - m; x++) set(x, m + (plotH * k) / 4, CHART_COLOURS.grid);
  for (let x = m; x < width - m; x++) set(x, height - m, CHART_COLOURS.axis);
  if (points.length === 0) return px;
  const all = points.flatMap((p) => [p.observed, p.expected, p.lo, p.hi]).filter(Number.isFinite);
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all, lo + 1) * 1.08;
  const X = (i: number) => m + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const Y = (v: number) => height - m - ((v - lo) / (hi - lo)) * plotH;
  const at = (x: number, f: (p: ChartPoint) => number) => {
    const t = points.length === 1 ? 0 : ((x - m) / plotW) * (points.length - 1);
    const i = Math.min(Math.floor(t), points.length - 2 < 0 ? 0 : points.length - 2);
    const a = f(points[i]!);
    const b = f(points[Math.min(i + 1, points.length - 1)]!);
    return a + (b - a) * (t - i);
  };
  for (let x = m; x <= width - m; x++) {
    for (let y = Math.round(Y(at(x, (p) => p.hi))); y <= Math.round(Y(at(x, (p) => p.lo))); y++) set(x, y, CHART_COLOURS.band);
  }
  const line = (f: (p: ChartPoint) => number, c: number, thick: number, dashed: boolean) => {
    for (let i = 0; i + 1 < points.length || (i === 0 && points.length === 1); i++) {
      const j = Math.min(i + 1, points.length - 1);
      const [x0, y0, x1, y1] = [X(i), Y(f(points[i]!)), X(j), Y(f(points[j]!))];
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
      for (let s = 0; s <= steps; s++) {
        const x = x0 + ((x1 - x0) * s) / steps;
        if (dashed && Math.floor(x / 6) % 2 === 1) continue;
        const y = y0 + ((y1 - y0) * s) / steps;
        for (let dx = -thick; dx <= thick; dx++) for (let dy = -thick; dy <= thick; dy++) set(x + dx, y + dy, c);
      }
      if (points.length === 1) break;
    }
  };
  line((p) => p.expected, CHART_COLOURS.expected, 0, true);
  line((p) => p.observed, CHART_COLOURS.observed, 1, false);
  return px;
}

/** The spread chart as a PNG: observed (red) against expected (grey dashes) and the normal band (shaded). */
export function chartPng(points: readonly ChartPoint[], width = 600, height = 200): Uint8Array {
  return encodePalettePng(width, height, rasteriseChart(points, width, height), PALETTE);
}
