/** The platform sources by kind. The lead's `all.ts` adds replay and webhook; a new source is one file and one line here. */
import { bluesky } from './bluesky.js';
import { hackernews } from './hackernews.js';
import { importSource } from './import.js';
import { mastodon } from './mastodon.js';
import { reddit } from './reddit.js';
import { rss } from './rss.js';
import type { Source } from './source.js';
import { weibo } from './weibo.js';
import { x } from './x.js';

// Source<Cfg> is invariant in Cfg (parsed, then passed back), so the table is checked against Source<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Registry = Record<string, Source<any>>;

export const SOURCES = { bluesky, mastodon, hackernews, reddit, rss, x, weibo, import: importSource } as const satisfies Registry;

export type SourceKind = keyof typeof SOURCES;
