/**
 * Starts the Worker under `wrangler dev` (workerd with a local D1) for tests: a temp project whose entry runs the
 * repo's createWorker over a test's own rules directory, bound to 127.0.0.1 with a temp persist dir, the
 * `/__scheduled` endpoint on, and no network beyond loopback (no metrics, no update check, no cf.json fetch).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface WranglerDev {
  base: string;
  /** Everything wrangler printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** A free loopback port (bound, read, released). */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** The environment wrangler runs in: loopback only, nothing sent home. */
function quietEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_LOG_PATH: join(dir, 'logs'), MINIFLARE_CACHE_DIR: join(dir, 'cache'), CI: 'true', NO_COLOR: '1' };
  for (const k of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'CF_API_TOKEN']) delete env[k];
  return env;
}

/** Compatibility date and flags from the repo's wrangler.toml, so the test Worker runs as the real one does. */
function compatibility(): string {
  const toml = readFileSync(join(REPO_ROOT, 'wrangler.toml'), 'utf8');
  return [/^compatibility_date\s*=.*$/m, /^compatibility_flags\s*=.*$/m].map((re) => re.exec(toml)?.[0] ?? '').join('\n');
}

/** Bundles `rulesDir`, writes the temp project, starts `wrangler dev` and waits until it answers. Links point at it. */
export async function startWranglerDev(rulesDir: string, vars: Record<string, string>, timeoutMs = 45_000): Promise<WranglerDev> {
  const dir = mkdtempSync(join(tmpdir(), 'ew-wrangler-'));
  const env = quietEnv(dir);
  const bundled = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/runtime/bundle-rules.ts')], {
    env: { ...env, EMBERWATCH_RULES: rulesDir, EMBERWATCH_RULES_OUT: join(dir, 'rules.generated.ts') },
    encoding: 'utf8',
  });
  if (bundled.status !== 0) throw new Error(`bundle-rules failed: ${bundled.stderr}`);
  writeFileSync(join(dir, 'entry.ts'), `import { createWorker } from ${JSON.stringify(join(REPO_ROOT, 'src/runtime/worker-app.ts'))};\nimport { DEMO_BRAND, RULE_FILES } from './rules.generated.ts';\nexport default createWorker(RULE_FILES, DEMO_BRAND);\n`);
  writeFileSync(join(dir, 'wrangler.toml'), `name = "emberwatch-test"\nmain = "entry.ts"\n${compatibility()}\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "emberwatch-test"\ndatabase_id = "local"\n`);
  const port = await freePort();
  const inspector = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Secrets and vars as `wrangler dev` reads them locally (values may hold ':' and '/', which --var cannot).
  const all = { EMBERWATCH_PUBLIC_URL: base, ...vars };
  writeFileSync(join(dir, '.dev.vars'), Object.entries(all).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n') + '\n');
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', join(dir, 'state'), '--test-scheduled', '--show-interactive-dev-session=false'],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    // wrangler starts workerd as its own child: signal the whole process group this test started.
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (/Ready on/.test(out)) {
      try {
        await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(20_000) });
        return { base, output: () => out, stop };
      } catch {}
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not start within ${timeoutMs} ms:\n${out}`);
}
