/**
 * Configuration: the only place that reads the environment (passed in by the runtime) and turns the rule files
 * into a validated, frozen Config. Nothing half-loads: any problem throws a ConfigError naming file and field.
 */
import { ConfigError, type RuleFile } from '../core/errors.js';
import { buildNegativityModel, type NegativityModel } from '../core/negativity/index.js';
import { parsePlaybooks, type Playbook } from '../core/playbook/index.js';
import { parseLintRules } from '../core/reply-lint/index.js';
import { parseBrand, type Brand, type SourceConfigParser } from './brand.js';
import type { RoutingConfig } from '../core/routing/index.js';
import { loadRouting } from './routing.js';

export type Env = Record<string, string | undefined>;

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

export interface Settings {
  port: number;
  dbPath: string;
  rulesDir: string;
  publicUrl: string;
  /** node-cron expression for the poll cycle. */
  schedule: string;
  /** Signing secret for ack links; the Node runtime creates and keeps one under data/ when unset. */
  secret: string | null;
  smtp: SmtpSettings | null;
  /** An HTTP mail API (the Workers runtime's email transport): MAIL_API_URL + MAIL_API_KEY. */
  mailApi: { url: string; apiKey: string } | null;
  emailTo: string[];
  emailFrom: string;
  /** Clock speed-up for the bundled demo (virtual seconds per real second). */
  demoSpeed: number;
}

export interface Config {
  settings: Settings;
  brands: Brand[];
  playbooks: Playbook[];
  negativity: NegativityModel;
  /** True when the bundled demo brand is running because no brand is configured. */
  demo: boolean;
  /** Rule files by path, for modules that parse their own (routing, reply-lint). */
  files: ReadonlyMap<string, string>;
  /** Routes, channels and on-call: `routing.yaml`, or the built-in default (email when SMTP is set). */
  routing: RoutingConfig;
}

function envNumber(env: Env, name: string, dflt: number): number {
  const v = env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError('environment', name, `must be a non-negative number, got ${JSON.stringify(v)}`);
  return n;
}

/** Reads settings from the environment. */
export function readSettings(env: Env): Settings {
  const port = envNumber(env, 'PORT', 8787);
  const smtp: SmtpSettings | null = env.SMTP_HOST
    ? { host: env.SMTP_HOST, port: envNumber(env, 'SMTP_PORT', 587), secure: env.SMTP_SECURE === 'true', user: env.SMTP_USER || undefined, pass: env.SMTP_PASS || undefined }
    : null;
  const emailTo = (env.ALERT_EMAIL_TO ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const to of emailTo) if (!/^[^@\s]+@[^@\s]+$/.test(to)) throw new ConfigError('environment', 'ALERT_EMAIL_TO', `${JSON.stringify(to)} is not an email address`);
  const mailApi = env.MAIL_API_URL ? { url: env.MAIL_API_URL, apiKey: env.MAIL_API_KEY ?? '' } : null;
  if (mailApi && !/^https?:\/\//.test(mailApi.url)) throw new ConfigError('environment', 'MAIL_API_URL', `must be an http(s) URL, got ${JSON.stringify(mailApi.url.slice(0, 80))}`);
  if (mailApi && !mailApi.apiKey) throw new ConfigError('environment', 'MAIL_API_KEY', 'is required when MAIL_API_URL is set');
  // A mail API may serve only routing.yaml's email channels (their own `to`), so ALERT_EMAIL_TO stays optional there.
  if (smtp && emailTo.length === 0) throw new ConfigError('environment', 'ALERT_EMAIL_TO', 'is required when SMTP is configured (comma-separated addresses)');
  if (env.EMBERWATCH_SECRET !== undefined && env.EMBERWATCH_SECRET.length < 32) throw new ConfigError('environment', 'EMBERWATCH_SECRET', 'must be at least 32 characters');
  return {
    port,
    dbPath: env.EMBERWATCH_DB || 'data/emberwatch.sqlite',
    rulesDir: env.EMBERWATCH_RULES || 'rules',
    publicUrl: (env.EMBERWATCH_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    schedule: env.EMBERWATCH_SCHEDULE || '* * * * *',
    secret: env.EMBERWATCH_SECRET || null,
    smtp,
    mailApi,
    emailTo,
    emailFrom: env.ALERT_EMAIL_FROM || 'emberwatch@emberwatch.local',
    demoSpeed: envNumber(env, 'EMBERWATCH_DEMO_SPEED', 60),
  };
}

/**
 * Builds the Config from rule files (paths relative to the rules root: brands/*.yaml, playbooks/*.md, lexicons/*).
 * `demoBrand` is used when no brand file exists.
 */
export function buildConfig(files: RuleFile[], env: Env, parseSource: SourceConfigParser, demoBrand?: RuleFile): Config {
  const settings = readSettings(env);
  let brandFiles = files.filter((f) => /^brands\/[^/]+\.ya?ml$/.test(f.path));
  const demo = brandFiles.length === 0 && !!demoBrand;
  if (demo) brandFiles = [demoBrand!];
  const brands = brandFiles.map((f) => parseBrand(f, env, parseSource));
  const ids = new Set<string>();
  for (const b of brands) {
    if (ids.has(b.id)) throw new ConfigError(b.file, 'id', `brand id ${JSON.stringify(b.id)} is used by another brand file`);
    ids.add(b.id);
  }
  const playbooks = parsePlaybooks(files.filter((f) => /^playbooks\/[^/]+\.md$/.test(f.path)));
  for (const b of brands) for (const p of b.playbooks ?? []) if (!playbooks.some((x) => x.id === p)) throw new ConfigError(b.file, 'playbooks', `no playbook named ${JSON.stringify(p)} in rules/playbooks/`);
  // Parsed again where used (reply linting); checked here so a broken file stops start-up, not a poll cycle.
  for (const f of files) if (f.path === 'reply-lint.yaml') parseLintRules(f);
  const negativity = buildNegativityModel(files.filter((f) => f.path.startsWith('lexicons/')));
  const fileMap = new Map(files.map((f) => [f.path, f.text]));
  const routing = loadRouting(fileMap, settings, env);
  return Object.freeze({ settings, brands, playbooks, negativity, demo, files: fileMap, routing });
}
