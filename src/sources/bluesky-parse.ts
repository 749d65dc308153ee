/** Parsers for Bluesky XRPC responses (postView lists, profiles, reposters). Pure and total: never throw. */
import type { EngagementSnapshot, PostKind, SourcePost } from '../core/types.js';
import { asArr, asCount, asObj, asStr, asText, asTime, type Obj, type Parsed } from './json.js';
import type { Page, PageItem } from './page.js';

/** Web URL of a post from its AT-URI (at://did/app.bsky.feed.post/rkey). */
export function postUrl(uri: string, handle: string): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  return m ? `https://bsky.app/profile/${encodeURIComponent(handle || m[1]!)}/post/${encodeURIComponent(m[2]!)}` : null;
}

/** Counters of one postView at `now`. */
export function postViewSnapshot(p: Obj, uri: string, now: number): EngagementSnapshot {
  return { externalId: uri, at: now, reposts: asCount(p.repostCount), quotes: asCount(p.quoteCount), replies: asCount(p.replyCount), likes: asCount(p.likeCount) };
}

/** One postView as a page item, or undefined when it lacks a uri, an author or a time. */
export function postViewToItem(v: unknown, now: number): PageItem | undefined {
  const p = asObj(v);
  const uri = asStr(p?.uri);
  const author = asObj(p?.author);
  const record = asObj(p?.record);
  const did = asStr(author?.did);
  const indexedAt = asTime(p?.indexedAt);
  const createdAt = asTime(record?.createdAt) ?? indexedAt;
  if (!p || !uri || !did || createdAt === undefined) return undefined;
  const handle = asStr(author?.handle) ?? did;
  const reply = asObj(asObj(record?.reply)?.parent);
  const embed = asObj(record?.embed);
  const quoted = asStr(asObj(embed?.record)?.uri) ?? asStr(asObj(asObj(asObj(embed?.record)?.record))?.uri);
  const kind: PostKind = reply ? 'reply' : quoted ? 'quote' : 'post';
  const post: SourcePost = {
    externalId: uri,
    url: postUrl(uri, handle),
    authorHandle: handle,
    authorName: asText(author?.displayName) ?? null,
    authorFollowers: 0,
    authorCreatedAt: asTime(author?.createdAt) ?? null,
    text: asText(record?.text) ?? '',
    createdAt,
    kind,
    parentExternalId: kind === 'reply' ? asStr(reply?.uri) ?? null : kind === 'quote' ? quoted ?? null : null,
    platform: 'bluesky',
  };
  // The watermark follows indexedAt: `since` filters on sortAt, and client createdAt can be back-dated.
  return { post, at: indexedAt ?? createdAt, snapshot: postViewSnapshot(p, uri, now) };
}

/** Parses a `{posts: PostView[], cursor?}` body (searchPosts, getPosts, getQuotes). */
export function parseBlueskyPosts(value: unknown, now: number): Parsed<Page> {
  const o = asObj(value);
  const posts = asArr(o?.posts);
  if (!o || !posts) return { ok: false, detail: 'response has no posts[] array' };
  const items: PageItem[] = [];
  let skipped = 0;
  for (const p of posts) {
    const it = postViewToItem(p, now);
    if (it) items.push(it); else skipped++;
  }
  const cursor = asStr(o.cursor);
  return { ok: true, value: { items, skipped, next: cursor ?? null } };
}

export interface Profile { did: string; handle: string; followers: number; createdAt: number | null }

/** Parses getProfiles `{profiles: profileViewDetailed[]}`. */
export function parseBlueskyProfiles(value: unknown): Parsed<Profile[]> {
  const list = asArr(asObj(value)?.profiles);
  if (!list) return { ok: false, detail: 'response has no profiles[] array' };
  const out: Profile[] = [];
  for (const v of list) {
    const p = asObj(v);
    const did = asStr(p?.did);
    if (p && did) out.push({ did, handle: asStr(p.handle) ?? did, followers: asCount(p.followersCount), createdAt: asTime(p.createdAt) ?? null });
  }
  return { ok: true, value: out };
}

/** Parses getRepostedBy `{repostedBy: profileView[]}` into (did, handle) pairs. */
export function parseBlueskyRepostedBy(value: unknown): Parsed<{ did: string; handle: string; name: string | null }[]> {
  const list = asArr(asObj(value)?.repostedBy);
  if (!list) return { ok: false, detail: 'response has no repostedBy[] array' };
  const out: { did: string; handle: string; name: string | null }[] = [];
  for (const v of list) {
    const p = asObj(v);
    const did = asStr(p?.did);
    if (p && did) out.push({ did, handle: asStr(p.handle) ?? did, name: asText(p.displayName) ?? null });
  }
  return { ok: true, value: out };
}
