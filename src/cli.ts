/** `emberwatch <command>`: one table of commands, each in its own module under src/cli/. */
import process from 'node:process';

type Command = { summary: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  start: { summary: 'start the server and the scheduler', run: async (a) => (await import('./cli/start.js')).run(a) },
  poll: { summary: 'run one poll cycle and exit', run: async (a) => (await import('./cli/poll.js')).run(a) },
  replay: { summary: 'replay <file.jsonl>: ingest a file of posts and engagement updates through the pipeline', run: async (a) => (await import('./cli/replay.js')).run(a) },
  backtest: { summary: 'backtest <series.csv>... --out <dir> [--windows <windows.json>]', run: async (a) => (await import('./cli/backtest.js')).run(a) },
  'score-text': { summary: 'score JSONL {"id","text"} from stdin', run: async (a) => (await import('./cli/score-text.js')).run(a) },
  'lint-reply': { summary: 'lint JSONL {"id","text"} replies from stdin', run: async (a) => (await import('./cli/lint-reply.js')).run(a) },
  sources: { summary: 'list source kinds [--json]', run: async (a) => (await import('./cli/sources.js')).run(a) },
  channels: { summary: 'list channel kinds [--json]', run: async (a) => (await import('./cli/channels.js')).run(a) },
};

function usage(): string {
  return ['usage: emberwatch <command> [args]', '', ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(11)} ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`emberwatch: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  return cmd.run(args);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`emberwatch: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
