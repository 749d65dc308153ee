/** Parses one `rules/brands/*.yaml` file into a validated brand. */
import { parse as parseYaml } from 'yaml';
import { ConfigError, type RuleFile } from '../core/errors.js';
import { parseBrandNegativity, type BrandNegativityOverrides } from '../core/negativity/index.js';
import { Fields, type Obj } from './validate.js';

export interface SourceInstance {
  /** Unique across the deployment: `<brand id>:<name>`. */
  id: string;
  kind: string;
  name: string;
  /** Validated by the source's own parseConfig. */
  cfg: unknown;
  /** Max requests per poll cycle. */
  budget: number;
}

export interface BrandQuery {
  lang: 'zh' | 'en';
  must: string[];
  exclude: string[];
}

export interface Brand {
  id: string;
  name: string;
  names: { zh?: string; en?: string };
  aliases: string[];
  timezone: string;
  windowMs: number;
  lang: 'zh' | 'en';
  queries: BrandQuery[];
  ownAccounts: string[];
  sources: SourceInstance[];
  playbooks: string[] | null;
  negativity: BrandNegativityOverrides;
  /** Reposts past which one negative post raises an early warning; null = learned from the brand's own history. */
  usualReach: number | null;
  file: string;
}

/** What parsing a source block needs: the kind's own config parser. */
export type SourceConfigParser = (kind: string, raw: Obj, env: Record<string, string | undefined>) => unknown;

const BRAND_KEYS = ['id', 'name', 'names', 'aliases', 'timezone', 'window_minutes', 'lang', 'queries', 'own_accounts', 'sources', 'playbooks', 'negativity', 'usual_reach'];

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses and validates a brand file; throws ConfigError naming the file and field. */
export function parseBrand(file: RuleFile, env: Record<string, string | undefined>, parseSource: SourceConfigParser): Brand {
  let raw: unknown;
  try {
    raw = parseYaml(file.text);
  } catch (err) {
    throw new ConfigError(file.path, '(yaml)', `is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(file.path, '(top level)', 'must be a mapping');
  const f = new Fields(file.path, raw as Obj);
  f.only(BRAND_KEYS);
  const id = f.str('id');
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) f.fail('id', 'must be lowercase letters, digits and dashes');
  const timezone = f.str('timezone', 'UTC')!;
  if (!validTimezone(timezone)) f.fail('timezone', `unknown IANA timezone ${JSON.stringify(timezone)}`);
  const brandName = f.str('name');
  const namesField = f.sub('names');
  const names = { zh: namesField?.str('zh', null) ?? undefined, en: namesField?.str('en', null) ?? undefined };
  const aliases = f.strs('aliases');
  const queries = f.list('queries').map((q) => {
    q.only(['lang', 'must', 'exclude']);
    const must = q.strs('must');
    if (must.length === 0) q.fail('must', 'needs at least one term');
    return { lang: q.oneOf('lang', ['zh', 'en'] as const, 'en'), must, exclude: q.strs('exclude') };
  });
  const seen = new Set<string>();
  const sources = f.list('sources').map((s, i) => {
    const kind = s.str('kind');
    const name = s.str('name', `${kind}${i ? `-${i}` : ''}`)!;
    if (seen.has(name)) s.fail('name', `duplicate source name ${JSON.stringify(name)} (give each a distinct name)`);
    seen.add(name);
    const { kind: _k, name: _n, budget: _b, ...rest } = s.obj;
    let cfg: unknown;
    try {
      cfg = parseSource(kind, rest, env);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      throw new ConfigError(file.path, `${s.prefix}`, (err as Error).message);
    }
    return { id: `${id}:${name}`, kind, name, cfg, budget: s.num('budget', 30, 1, 10_000) };
  });
  const playbooks = f.obj.playbooks === undefined ? null : f.strs('playbooks');
  return {
    id,
    name: brandName,
    names,
    aliases,
    timezone,
    windowMs: f.num('window_minutes', 5, 1, 1440) * 60_000,
    lang: f.oneOf('lang', ['zh', 'en'] as const, 'en'),
    queries,
    ownAccounts: f.strs('own_accounts').map((h) => h.toLowerCase()),
    sources,
    playbooks,
    // The brand's own names carry no learned weight in its posts (brand-overrides.ts, ownNames).
    negativity: { ...parseBrandNegativity(f.obj.negativity, file.path), ownNames: [brandName, ...Object.values(names).filter((x): x is string => !!x), ...aliases] },
    usualReach: f.obj.usual_reach === undefined ? null : f.num('usual_reach', 0, 1, 1e9),
    file: file.path,
  };
}

/** Every term that marks a post as about the brand. */
export function brandTerms(b: Brand): string[] {
  return [...new Set([b.name, ...Object.values(b.names).filter((x): x is string => !!x), ...b.aliases, ...b.queries.flatMap((q) => q.must)])];
}
