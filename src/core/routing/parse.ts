/** Parses `rules/routing.yaml` into a RoutingConfig; every problem is a ConfigError naming the field. */
import { parse as parseYaml } from 'yaml';
import { ConfigError, type RuleFile } from '../errors.js';
import type { AlertKind, Severity } from '../types.js';
import type { EscalationPolicy, Schedule, Target } from '../oncall/types.js';
import { isTimeZone, parseClock, parseDuration, parseWeekday, zonedEpoch } from '../oncall/zoned-time.js';
import type { Cap, ChannelInstance, QuietHours, Route, RoutingConfig } from './types.js';

type Obj = Record<string, unknown>;
const SEVERITIES: readonly Severity[] = ['warning', 'critical'];
const KINDS: readonly AlertKind[] = ['opened', 'early-warning', 'escalated', 'reminder', 'response-overdue', 'source-degraded'];
const DEFAULTS = { groupWaitMs: 30_000, groupIntervalMs: 5 * 60_000, repeatMs: [30 * 60_000, 2 * 3_600_000, 24 * 3_600_000] };

/** Field readers bound to one file, so every error names it. */
function reader(file: string) {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(file, field, problem);
  };
  const obj = (v: unknown, field: string, optional = false): Obj => {
    if ((v === undefined || v === null) && optional) return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(field, 'expected a mapping');
    return v as Obj;
  };
  const str = (v: unknown, field: string): string => (typeof v === 'string' && v.trim() !== '' ? v.trim() : fail(field, 'expected a non-empty string'));
  const list = (v: unknown, field: string, allowed?: readonly string[]): string[] => {
    if (v === undefined || v === null) return [];
    const l = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(l)) return fail(field, 'expected a list');
    const out = l.map((x, i) => str(x, `${field}[${i}]`));
    const bad = allowed ? out.filter((x) => !allowed.includes(x)) : [];
    return bad.length ? fail(field, `unknown value(s) ${bad.join(', ')}; allowed: ${allowed!.join(', ')}`) : out;
  };
  const duration = (v: unknown, field: string, fallback?: number): number => {
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    const ms = typeof v === 'string' ? parseDuration(v) : null;
    return ms !== null && ms > 0 ? ms : fail(field, 'expected a duration like 30s, 5m, 2h, 1d');
  };
  const zone = (v: unknown, field: string): string => {
    const tz = str(v, field);
    return isTimeZone(tz) ? tz : fail(field, `unknown time zone ${tz} (use an IANA name like Asia/Shanghai)`);
  };
  return { fail, obj, str, list, duration, zone };
}

/** Parses the whole routing file. */
export function parseRouting(file: RuleFile): RoutingConfig {
  const r = reader(file.path);
  let doc: unknown;
  try {
    doc = parseYaml(file.text);
  } catch (e) {
    r.fail('(file)', `invalid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const top = r.obj(doc, '(file)');
  const known = ['defaults', 'inhibit', 'channels', 'schedules', 'escalations', 'routes'];
  for (const k of Object.keys(top)) if (!known.includes(k)) r.fail(k, `unknown section; expected one of ${known.join(', ')}`);
  const d = r.obj(top.defaults, 'defaults', true);
  const defaults = {
    groupWaitMs: r.duration(d.group_wait, 'defaults.group_wait', DEFAULTS.groupWaitMs),
    groupIntervalMs: r.duration(d.group_interval, 'defaults.group_interval', DEFAULTS.groupIntervalMs),
    repeatMs: d.repeat === undefined ? DEFAULTS.repeatMs : r.list(d.repeat, 'defaults.repeat').map((x, i) => r.duration(x, `defaults.repeat[${i}]`)),
  };
  const channels = parseChannels(r, r.obj(top.channels, 'channels'));
  const schedules = parseSchedules(r, r.obj(top.schedules, 'schedules', true));
  const escalations = parseEscalations(r, r.obj(top.escalations, 'escalations', true), schedules);
  if (!Array.isArray(top.routes) || top.routes.length === 0) r.fail('routes', 'expected a non-empty list of routes');
  const routes = (top.routes as unknown[]).map((x, i) => parseRoute(r, r.obj(x, `routes[${i}]`), `routes[${i}]`, defaults, channels, escalations));
  const inhibit = r.obj(top.inhibit, 'inhibit', true);
  const flag = inhibit.post_alerts_during_brand_incident ?? true;
  if (typeof flag !== 'boolean') r.fail('inhibit.post_alerts_during_brand_incident', 'expected true or false');
  return { channels, schedules, escalations, routes, inhibitPostAlertsDuringBrandIncident: flag as boolean };
}

type R = ReturnType<typeof reader>;

function parseCap(r: R, v: unknown, field: string): Cap | null {
  if (v === undefined || v === null) return null;
  const c = r.obj(v, field);
  const max = c.max;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) r.fail(`${field}.max`, 'expected a whole number ≥ 1');
  return { max: max as number, perMs: r.duration(c.per, `${field}.per`) };
}

function parseChannels(r: R, o: Obj): Record<string, ChannelInstance> {
  const out: Record<string, ChannelInstance> = {};
  for (const [id, v] of Object.entries(o)) {
    const c = r.obj(v, `channels.${id}`);
    const { kind, cap, ...raw } = c;
    out[id] = { id, kind: r.str(kind, `channels.${id}.kind`), cap: parseCap(r, cap, `channels.${id}.cap`), raw };
  }
  if (Object.keys(out).length === 0) r.fail('channels', 'define at least one channel');
  return out;
}

function parseSchedules(r: R, o: Obj): Record<string, Schedule> {
  const out: Record<string, Schedule> = {};
  for (const [id, v] of Object.entries(o)) {
    const f = `schedules.${id}`;
    const s = r.obj(v, f);
    const timezone = r.zone(s.timezone, `${f}.timezone`);
    const [day, clock] = r.str(s.handoff, `${f}.handoff`).split(/\s+/);
    const handoffWeekday = parseWeekday(day ?? '');
    const handoffMinute = parseClock(clock ?? '');
    if (handoffWeekday === null || handoffMinute === null) r.fail(`${f}.handoff`, 'expected "<weekday> HH:MM", e.g. "mon 10:00"');
    const sm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.str(s.start, `${f}.start`));
    if (!sm) r.fail(`${f}.start`, 'expected a date YYYY-MM-DD');
    const rotation = r.list(s.rotation, `${f}.rotation`);
    if (rotation.length === 0) r.fail(`${f}.rotation`, 'needs at least one person');
    const overrides = (Array.isArray(s.overrides) ? s.overrides : s.overrides === undefined ? [] : r.fail(`${f}.overrides`, 'expected a list')) as unknown[];
    out[id] = {
      id, timezone, handoffWeekday: handoffWeekday!, handoffMinute: handoffMinute!, rotation,
      start: { year: +sm![1]!, month: +sm![2]!, day: +sm![3]! },
      overrides: overrides.map((x, i) => {
        const ov = r.obj(x, `${f}.overrides[${i}]`);
        const from = instant(r, ov.from, `${f}.overrides[${i}].from`, timezone);
        const to = instant(r, ov.to, `${f}.overrides[${i}].to`, timezone);
        if (to <= from) r.fail(`${f}.overrides[${i}].to`, 'must be after from');
        return { user: r.str(ov.user, `${f}.overrides[${i}].user`), from, to };
      }),
    };
  }
  return out;
}

/** "YYYY-MM-DD HH:MM" in the schedule's zone, or an ISO time with an explicit offset. */
function instant(r: R, v: unknown, field: string, tz: string): number {
  const s = r.str(v, field);
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(s);
  if (local) return zonedEpoch(+local[1]!, +local[2]!, +local[3]!, +local[4]! * 60 + +local[5]!, tz);
  const ms = /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? Date.parse(s) : NaN;
  return Number.isFinite(ms) ? ms : r.fail(field, 'expected "YYYY-MM-DD HH:MM" (schedule time zone) or an ISO time with offset');
}

function parseTarget(r: R, v: unknown, field: string, schedules: Record<string, Schedule>): Target {
  const m = /^(schedule|user):(.+)$/.exec(r.str(v, field));
  if (!m) return r.fail(field, 'expected schedule:<id> or user:<id>');
  if (m[1] === 'schedule' && !schedules[m[2]!]) r.fail(field, `unknown schedule ${m[2]}`);
  return { type: m[1] as 'schedule' | 'user', id: m[2]! };
}

function parseEscalations(r: R, o: Obj, schedules: Record<string, Schedule>): Record<string, EscalationPolicy> {
  const out: Record<string, EscalationPolicy> = {};
  for (const [id, v] of Object.entries(o)) {
    const f = `escalations.${id}`;
    const e = r.obj(v, f);
    const repeat = e.repeat ?? 0;
    if (typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 0 || repeat > 9) r.fail(`${f}.repeat`, 'expected a whole number 0–9');
    if (!Array.isArray(e.levels) || e.levels.length === 0) r.fail(`${f}.levels`, 'expected a non-empty list of levels');
    const levels = (e.levels as unknown[]).map((x, i) => {
      const l = r.obj(x, `${f}.levels[${i}]`);
      const targets = r.list(l.notify, `${f}.levels[${i}].notify`).map((t, j) => parseTarget(r, t, `${f}.levels[${i}].notify[${j}]`, schedules));
      if (targets.length === 0) r.fail(`${f}.levels[${i}].notify`, 'needs at least one target');
      return { targets, timeoutMs: r.duration(l.timeout, `${f}.levels[${i}].timeout`) };
    });
    out[id] = { id, levels, repeat: repeat as number };
  }
  return out;
}

function parseQuiet(r: R, v: unknown, f: string): QuietHours | null {
  if (v === undefined || v === null) return null;
  const q = r.obj(v, f);
  const fromMinute = parseClock(r.str(q.from, `${f}.from`));
  const toMinute = parseClock(r.str(q.to, `${f}.to`));
  if (fromMinute === null) r.fail(`${f}.from`, 'expected HH:MM');
  if (toMinute === null || toMinute === fromMinute) r.fail(`${f}.to`, 'expected HH:MM different from `from`');
  const days = q.days === undefined ? [0, 1, 2, 3, 4, 5, 6] : r.list(q.days, `${f}.days`).map((d, i) => parseWeekday(d) ?? r.fail(`${f}.days[${i}]`, 'expected a weekday like mon'));
  return { timezone: r.zone(q.timezone, `${f}.timezone`), fromMinute: fromMinute!, toMinute: toMinute!, days };
}

function parseRoute(r: R, o: Obj, f: string, d: Pick<Route, 'groupWaitMs' | 'groupIntervalMs' | 'repeatMs'>, channels: Record<string, ChannelInstance>, escalations: Record<string, EscalationPolicy>): Route {
  const m = r.obj(o.match, `${f}.match`, true);
  const chans = r.list(o.channels, `${f}.channels`);
  if (chans.length === 0) r.fail(`${f}.channels`, 'needs at least one channel');
  chans.forEach((c, i) => channels[c] ?? r.fail(`${f}.channels[${i}]`, `unknown channel ${c}`));
  const escalation = o.escalation === undefined ? null : r.str(o.escalation, `${f}.escalation`);
  if (escalation !== null && !escalations[escalation]) r.fail(`${f}.escalation`, `unknown escalation policy ${escalation}`);
  if (o.continue !== undefined && typeof o.continue !== 'boolean') r.fail(`${f}.continue`, 'expected true or false');
  return {
    name: o.name === undefined ? f : r.str(o.name, `${f}.name`),
    match: { brands: r.list(m.brands, `${f}.match.brands`), severities: r.list(m.severity, `${f}.match.severity`, SEVERITIES) as Severity[], topics: r.list(m.topics, `${f}.match.topics`), kinds: r.list(m.kinds, `${f}.match.kinds`, KINDS) as AlertKind[] },
    channels: chans,
    escalation,
    groupWaitMs: r.duration(o.group_wait, `${f}.group_wait`, d.groupWaitMs),
    groupIntervalMs: r.duration(o.group_interval, `${f}.group_interval`, d.groupIntervalMs),
    repeatMs: o.repeat === undefined ? d.repeatMs : r.list(o.repeat, `${f}.repeat`).map((x, i) => r.duration(x, `${f}.repeat[${i}]`)),
    quietHours: parseQuiet(r, o.quiet_hours, `${f}.quiet_hours`),
    continue: (o.continue as boolean | undefined) ?? false,
  };
}
