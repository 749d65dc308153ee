/** parseRouting: the shipped rules parse; mistakes are ConfigErrors naming the file and the field. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRouting, selectRoutes } from '../../src/core/routing/index.js';
import { ConfigError } from '../../src/core/errors.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shipped = { path: 'routing.yaml', text: readFileSync(path.join(repoRoot, 'rules/routing.example.yaml'), 'utf8') };

const MINIMAL = `
channels:
  mail: { kind: email, to: [a@example.com] }
routes:
  - channels: [mail]
`;

describe('parseRouting', () => {
  it('parses the shipped rules/routing.example.yaml with back-off repeats of 30 min, 2 h and a day', () => {
    const cfg = parseRouting(shipped);
    assert.deepEqual(cfg.routes.find((r) => r.name === 'warnings')!.repeatMs, [30 * 60_000, 2 * 3_600_000, 86_400_000]);
    assert.equal(cfg.routes.find((r) => r.name === 'warnings')!.quietHours?.timezone, 'Asia/Shanghai');
    assert.equal(cfg.escalations['pr-default']!.levels.length, 2);
  });

  it('keeps channel config raw for the channel to parse, without kind and cap', () => {
    const cfg = parseRouting(shipped);
    assert.deepEqual(cfg.channels['pr-feishu']!.raw, { url_env: 'FEISHU_WEBHOOK_URL', secret_env: 'FEISHU_SIGNING_SECRET' });
    assert.deepEqual(cfg.channels['pr-feishu']!.cap, { max: 20, perMs: 3_600_000 });
  });

  it('sends a critical down the first route and keeps later matches as fallbacks', () => {
    const sel = selectRoutes(parseRouting(shipped), { incidentId: 'i', kind: 'opened', severity: 'critical', brand: { id: 'acme' } });
    assert.deepEqual(sel.primary.map((r) => r.name), ['critical-everywhere']);
    assert.deepEqual(sel.fallback.map((r) => r.name), ['fallback-mail']);
  });

  const BAD: [string, string, RegExp][] = [
    ['an unknown channel in a route', MINIMAL.replace('[mail]', '[mial]'), /routes\[0\]\.channels\[0\]: unknown channel mial/],
    ['a bad duration', MINIMAL + '    group_wait: soon\n', /routes\[0\]\.group_wait: expected a duration/],
    ['an unknown severity', MINIMAL + '    match: { severity: [urgent] }\n', /routes\[0\]\.match\.severity: unknown value\(s\) urgent/],
    ['an unknown time zone', MINIMAL + '    quiet_hours: { timezone: Mars/Olympus, from: "22:00", to: "07:00" }\n', /quiet_hours\.timezone: unknown time zone/],
    ['quiet hours without an end', MINIMAL + '    quiet_hours: { timezone: UTC, from: "22:00", to: "25:00" }\n', /quiet_hours\.to: expected HH:MM/],
    ['an unknown escalation', MINIMAL + '    escalation: nobody\n', /routes\[0\]\.escalation: unknown escalation policy nobody/],
    ['a cap without a number', MINIMAL.replace('to: [a@example.com] }', 'to: [a@example.com], cap: { max: lots, per: 1h } }'), /channels\.mail\.cap\.max/],
    ['an escalation to an unknown schedule', MINIMAL + 'escalations:\n  e: { levels: [{ notify: [schedule:ghost], timeout: 5m }] }\n', /escalations\.e\.levels\[0\]\.notify\[0\]: unknown schedule ghost/],
    ['too many repeats', MINIMAL + 'escalations:\n  e: { repeat: 12, levels: [{ notify: [user:a], timeout: 5m }] }\n', /escalations\.e\.repeat: expected a whole number 0–9/],
    ['a rotation handoff without a time', MINIMAL + 'schedules:\n  s: { timezone: UTC, handoff: monday, start: 2025-01-06, rotation: [a] }\n', /schedules\.s\.handoff/],
    ['a typo in a section name', MINIMAL + 'route: []\n', /route: unknown section/],
    ['no routes at all', 'channels:\n  mail: { kind: email }\n', /routes: expected a non-empty list/],
    ['broken YAML', 'routes: [\n', /invalid YAML/],
  ];
  for (const [what, text, re] of BAD) {
    it(`names the file and field for ${what}`, () => {
      assert.throws(() => parseRouting({ path: 'routing.yaml', text }), (e: unknown) => e instanceof ConfigError && e.file === 'routing.yaml' && re.test(e.message));
    });
  }
});
