/**
 * The JSON record shape shared by replay files and webhook pushes:
 *   {"type":"post", "t"|"at", "id", "platform", "author", "followers", "text", "url", "kind", "parent"}
 *   {"type":"engagement", "t"|"at", "id", "reposts", "quotes", "replies", "likes"}
 * `t` is seconds from the replay's anchor; `at` an ISO time or epoch ms.
 */
import type { EngagementSnapshot, PostKind, SourcePost } from '../core/types.js';

export type PostRecord = { type: 'post'; t: number | null; at: number | null; post: SourcePost } | { type: 'engagement'; t: number | null; at: number | null; snapshot: EngagementSnapshot };

const KINDS: PostKind[] = ['post', 'repost', 'quote', 'reply'];

function time(o: Record<string, unknown>, where: string): { t: number | null; at: number | null } {
  if (typeof o.t === 'number' && Number.isFinite(o.t)) return { t: o.t, at: null };
  if (typeof o.at === 'number' && Number.isFinite(o.at)) return { t: null, at: o.at };
  if (typeof o.at === 'string') {
    const ms = Date.parse(o.at);
    if (Number.isFinite(ms)) return { t: null, at: ms };
  }
  throw new Error(`${where}: needs "t" (seconds) or "at" (ISO time or epoch ms)`);
}

const count = (o: Record<string, unknown>, k: string, where: string): number => {
  const v = o[k] ?? 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${where}: "${k}" must be a non-negative number`);
  return Math.floor(v);
};

const text = (o: Record<string, unknown>, k: string, where: string, required = true): string => {
  const v = o[k];
  if (typeof v === 'string' && (v.length > 0 || !required)) return v;
  if (!required && (v === undefined || v === null)) return '';
  throw new Error(`${where}: "${k}" must be a non-empty string`);
};

/** Validates one record; throws an Error that says which record and field is wrong. `resolve` maps t to epoch ms. */
export function parsePostRecord(raw: unknown, where: string, resolve: (t: number) => number): PostRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: must be a JSON object`);
  const o = raw as Record<string, unknown>;
  const when = time(o, where);
  const ms = when.at ?? resolve(when.t!);
  const id = text(o, 'id', where);
  if (o.type === 'engagement') {
    return { type: 'engagement', ...when, snapshot: { externalId: id, at: ms, reposts: count(o, 'reposts', where), quotes: count(o, 'quotes', where), replies: count(o, 'replies', where), likes: count(o, 'likes', where) } };
  }
  if (o.type !== 'post' && o.type !== undefined) throw new Error(`${where}: "type" must be "post" or "engagement"`);
  const kind = (o.kind ?? 'post') as PostKind;
  if (!KINDS.includes(kind)) throw new Error(`${where}: "kind" must be one of ${KINDS.join(', ')}`);
  const url = o.url === undefined || o.url === null ? null : text(o, 'url', where);
  if (url !== null && !/^https?:\/\//i.test(url)) throw new Error(`${where}: "url" must be an http(s) URL`);
  const post: SourcePost = {
    externalId: id,
    url,
    authorHandle: text(o, 'author', where),
    authorName: typeof o.author_name === 'string' ? o.author_name : null,
    authorFollowers: count(o, 'followers', where),
    authorCreatedAt: typeof o.author_created_at === 'number' ? o.author_created_at : null,
    text: text(o, 'text', where),
    createdAt: ms,
    kind,
    parentExternalId: typeof o.parent === 'string' ? o.parent : null,
    platform: typeof o.platform === 'string' && o.platform ? o.platform : 'unknown',
  };
  return { type: 'post', ...when, post };
}
