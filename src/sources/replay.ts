/**
 * `replay`: plays a JSONL file of timestamped posts and engagement updates at a chosen speed.
 * File times `t` are seconds; on the first poll the file position `start_at` is mapped to `now`,
 * so everything before it (e.g. a demo's quiet days) arrives at once as history.
 */
import type { EngagementSnapshot, SourcePost } from '../core/types.js';
import { withoutBom } from '../lib/bom.js';
import type { Source } from './source.js';
import { parsePostRecord, type PostRecord } from './post-record.js';

export interface ReplayConfig {
  file: string;
  speed: number;
  startAt: number;
}

interface ReplayCursor {
  anchor: number;
  line: number;
}

const cache = new Map<string, PostRecord[]>();

/** Parses a whole replay file; a malformed line is an error naming the line. */
export function parseReplayFile(text: string, file: string): PostRecord[] {
  const out: PostRecord[] = [];
  withoutBom(text).split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const rec = parsePostRecord(raw, `${file}:${i + 1}`, (t) => t * 1000);
    if (rec.t === null) throw new Error(`${file}:${i + 1}: replay records need "t" (seconds from the start)`);
    out.push(rec);
  });
  for (let i = 1; i < out.length; i++) if (out[i]!.t! < out[i - 1]!.t!) throw new Error(`${file}: records must be sorted by "t" (record ${i + 1} goes back in time)`);
  return out;
}

export const replay: Source<ReplayConfig> = {
  kind: 'replay',
  description: 'Plays a JSONL file of timestamped posts and engagement updates at a chosen speed (demos, incident reviews).',
  configSchema: {
    file: { type: 'string', required: true, description: 'Path of the JSONL file, relative to the working directory.' },
    speed: { type: 'number', description: 'File seconds per clock second.', default: 1 },
    start_at: { type: 'number', description: 'File second mapped to the first poll; earlier records arrive at once.', default: 0 },
  },
  parseConfig(raw) {
    if (typeof raw.file !== 'string' || !raw.file) throw new Error('file: required path of a JSONL file');
    const speed = raw.speed ?? 1;
    if (typeof speed !== 'number' || !(speed > 0)) throw new Error('speed: must be a positive number');
    const startAt = raw.start_at ?? 0;
    if (typeof startAt !== 'number' || !Number.isFinite(startAt)) throw new Error('start_at: must be a number of seconds');
    for (const k of Object.keys(raw)) if (!['file', 'speed', 'start_at'].includes(k)) throw new Error(`${k}: unknown field for replay`);
    return { file: raw.file, speed, startAt };
  },
  async poll(cfg, cursorText, io) {
    if (!io.readFile) return { ok: false, requests: 0, error: { permanent: true, reason: 'bad-config', detail: 'replay needs a filesystem (not available on this runtime)' } };
    let records = cache.get(cfg.file);
    if (!records) {
      try {
        records = parseReplayFile(await io.readFile(cfg.file), cfg.file);
      } catch (err) {
        return { ok: false, requests: 0, error: { permanent: true, reason: 'bad-response', detail: (err as Error).message } };
      }
      cache.set(cfg.file, records);
    }
    const now = io.now();
    const cursor: ReplayCursor = cursorText ? (JSON.parse(cursorText) as ReplayCursor) : { anchor: now - (cfg.startAt * 1000) / cfg.speed, line: 0 };
    const fileNow = ((now - cursor.anchor) * cfg.speed) / 1000;
    const toMs = (t: number) => cursor.anchor + (t * 1000) / cfg.speed;
    const posts: SourcePost[] = [];
    const snapshots: EngagementSnapshot[] = [];
    let line = cursor.line;
    while (line < records.length && records[line]!.t! <= fileNow) {
      const r = records[line]!;
      if (r.type === 'post') posts.push({ ...r.post, createdAt: toMs(r.t!) });
      else snapshots.push({ ...r.snapshot, at: toMs(r.t!) });
      line++;
    }
    return { ok: true, posts, snapshots, cursor: JSON.stringify({ anchor: cursor.anchor, line }), requests: 0 };
  },
};

/** Forgets parsed files (tests that rewrite a file between runs). */
export function clearReplayCache(): void {
  cache.clear();
}
