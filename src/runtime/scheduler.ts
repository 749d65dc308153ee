/** node-cron around runPollCycle: never overlapping, and `stop()` lets the running cycle finish. */
import cron from 'node-cron';

export interface Scheduler {
  stop(): Promise<void>;
}

/** Runs `tick` on `expression`; a tick that comes while the previous one runs is skipped (and logged). */
export function schedule(expression: string, tick: () => Promise<void>, log: (l: string) => void): Scheduler {
  if (!cron.validate(expression)) throw new Error(`EMBERWATCH_SCHEDULE: ${JSON.stringify(expression)} is not a valid cron expression`);
  let running: Promise<void> | null = null;
  const task = cron.schedule(expression, () => {
    if (running) {
      log('poll cycle still running; skipping this tick');
      return;
    }
    running = tick()
      .catch((err: unknown) => log(`poll cycle failed: ${(err as Error).stack ?? String(err)}`))
      .finally(() => {
        running = null;
      });
  });
  return {
    async stop() {
      await task.stop();
      if (running) await running;
    },
  };
}
