/** Clocks: the real one, and the demo's accelerated one (virtual time runs `speed` times faster from `start`). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Virtual time that starts at real `startReal` and runs `speed` times faster. */
export function acceleratedClock(speed: number, startReal = Date.now(), real: () => number = Date.now): Clock {
  return { now: () => startReal + (real() - startReal) * speed };
}
