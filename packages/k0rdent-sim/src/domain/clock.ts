/*
 * Time as the simulated controllers see it. Production uses the wall clock; tests pass
 * a FakeClock (testing/fakeClock.ts) so that a ten-minute rollout runs in microseconds.
 */

/** An opaque timer handle. */
export type TimerHandle = unknown;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock. Timers are unref'd: simulated work never keeps a process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** Recently formatted instants: statuses stamp many conditions with the same one. */
const recentTimes = new Map<number, string>();

/** RFC 3339 without milliseconds, as Kubernetes writes timestamps. */
export function toKubeTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = recentTimes.get(second);
  if (text === undefined) {
    if (recentTimes.size >= 256) recentTimes.clear();
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    recentTimes.set(second, text);
  }
  return text;
}

/** Parses a Kubernetes timestamp; undefined when absent or malformed. */
export function fromKubeTime(value: string | undefined): number | undefined {
  if (!value) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
