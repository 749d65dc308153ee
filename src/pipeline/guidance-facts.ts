/**
 * The facts a playbook's placeholders are filled with — {brand}, {what}, {count}, {platform}, {next_update} — and the
 * response-time target of an incident. Shared by the opening alert, the overdue alert, the offered inorganic
 * playbook and the incident page, so all of them say the same thing.
 */
import type { Brand } from '../config/brand.js';
import type { Config } from '../config/index.js';
import { describeWhat } from '../core/alert-content.js';
import type { IncidentFacts, Playbook } from '../core/playbook/index.js';

const PLATFORM: Record<string, { en: string; zh: string }> = {
  weibo: { en: 'Weibo', zh: '微博' },
  bluesky: { en: 'Bluesky', zh: 'Bluesky' },
  x: { en: 'X', zh: 'X（推特）' },
  reddit: { en: 'Reddit', zh: 'Reddit' },
  hackernews: { en: 'Hacker News', zh: 'Hacker News' },
  mastodon: { en: 'Mastodon', zh: 'Mastodon' },
  rss: { en: 'the news', zh: '新闻报道' },
};

/** The time promised for the next update: at least an hour out (twice the target when longer), on the half hour. */
export function nextUpdateAt(now: number, targetMinutes: number): number {
  const half = 30 * 60_000;
  return Math.ceil((now + Math.max(60, 2 * targetMinutes) * 60_000) / half) * half;
}

function clock(t: number, tz: string, zone: boolean): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hour12: false, ...(zone ? { timeZoneName: 'short' } : {}) });
  return f.format(t);
}

function sameDay(a: number, b: number, tz: string): boolean {
  const d = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  return d.format(a) === d.format(b);
}

export interface FactsInput {
  /** Incident topics, most common first. */
  topics: string[];
  /** Platforms the posts came from, most engaged first. */
  platforms: string[];
  count: number;
  now: number;
  targetMinutes: number;
}

/** Facts for one incident, in English and Chinese (`*_zh` fills the Chinese holding statement). */
export function guidanceFacts(brand: Brand, f: FactsInput): IncidentFacts {
  const what = describeWhat(f.topics, f.platforms);
  const p = f.platforms[0];
  const platform = p ? (PLATFORM[p.toLowerCase()] ?? { en: p, zh: p }) : { en: 'social media', zh: '网上' };
  const next = nextUpdateAt(f.now, f.targetMinutes);
  return {
    brand: brand.names.en ?? brand.name,
    brand_zh: brand.names.zh ?? brand.name,
    what: what.en,
    what_zh: what.zh,
    count: f.count,
    platform: platform.en,
    platform_zh: platform.zh,
    next_update: clock(next, brand.timezone, true),
    next_update_zh: `${sameDay(next, f.now, brand.timezone) ? '今天' : '明天'} ${clock(next, brand.timezone, false)}`,
  };
}

/** Playbooks a brand may use: its own list when it has one (the default always stays available). */
export function brandPlaybooks(config: Config, brand: Brand): Playbook[] {
  return config.playbooks.filter((p) => !brand.playbooks || brand.playbooks.includes(p.id) || p.isDefault);
}

/** The incident's playbook, or the default when it has none or it was removed from the rules since. */
export function playbookOf(config: Config, playbookId: string | null): Playbook | null {
  return config.playbooks.find((p) => p.id === playbookId) ?? config.playbooks.find((p) => p.isDefault) ?? null;
}
