/** `emberwatch start`: the HTTP server and the scheduler on the embedded default (SQLite under data/). */
import { serve } from '@hono/node-server';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createApp } from '../http/app.js';
import { sweepInterrupted } from '../db/queries/outbox.js';
import { runPollCycle } from '../pipeline/cycle.js';
import { ensureAdminToken } from '../runtime/bootstrap.js';
import { acceleratedClock, systemClock } from '../runtime/clock.js';
import { createNodeDeps, loadNodeConfig, REPO_ROOT } from '../runtime/node.js';
import { schedule } from '../runtime/scheduler.js';

export async function run(_args: string[]): Promise<number> {
  const env = { ...process.env };
  const probe = loadNodeConfig(env);
  const log = (l: string) => process.stdout.write(`${l}\n`);
  if (probe.demo) {
    // The demo replays from its start each time on its own database file, so a newcomer always sees the whole story.
    // A database the user named is never deleted.
    if (!env.EMBERWATCH_DB) {
      env.EMBERWATCH_DB = 'data/demo.sqlite';
      for (const suffix of ['', '-wal', '-shm']) rmSync(resolve(REPO_ROOT, env.EMBERWATCH_DB + suffix), { force: true });
    }
    env.EMBERWATCH_SCHEDULE ||= '*/5 * * * * *';
  }
  const clock = probe.demo ? acceleratedClock(probe.settings.demoSpeed) : systemClock;
  const deps = await createNodeDeps(env, { clock, log });
  const s = deps.config.settings;
  const interrupted = await sweepInterrupted(deps.db, Number.MAX_SAFE_INTEGER, clock.now());
  if (interrupted) log(`${interrupted} delivery(ies) were interrupted mid-send by the last shutdown; marked failed for review (never resent blindly).`);
  const tokenFile = join(dirname(resolve(REPO_ROOT, s.dbPath)), 'admin-token');
  const admin = await ensureAdminToken(deps.db, tokenFile, clock.now());

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: s.port });
  log(`Emberwatch listening on ${s.publicUrl}/`);
  log(`Admin API token ${admin.created ? 'created' : 'kept'} in ${tokenFile} (mode 600).`);
  log(`Sign in to the dashboard once with: ${s.publicUrl}/login?token=${admin.token}`);
  log(`API: curl -H "Authorization: Bearer $(cat ${tokenFile})" ${s.publicUrl}/api/incidents`);
  if (deps.config.demo) log(`Demo: no brand in rules/brands/, so the bundled replay of Lumen Coffee plays at ${s.demoSpeed}x; an incident opens within about a minute.`);
  if (!deps.channels.size) log('No alert channel configured (ALERT_EMAIL_TO with SMTP_HOST or MAIL_API_URL, or rules/routing.yaml): alerts stay in the local outbox on the dashboard and are printed here.');

  const tick = async () => {
    const out = await runPollCycle(deps, clock.now());
    for (const b of out.brands) for (const d of b.decisions) log(`[${new Date(d.start).toISOString()}] ${b.brandId}: ${d.decision.action} — ${d.decision.reason}`);
  };
  await tick();
  const scheduler = schedule(s.schedule, tick, log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the current cycle, then exiting`);
    await scheduler.stop();
    server.close();
    await deps.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return new Promise<number>(() => {});
}
