/*
 * Named timers of one controller: at most one pending timer per key, all cleared on stop.
 */
import type { Clock, TimerHandle } from '../clock';

export class KeyedTimers {
  private readonly handles = new Map<string, TimerHandle>();

  constructor(private readonly clock: Clock) {}

  /** Runs `callback` after `delayMs`, replacing any timer pending for `key`. */
  schedule(key: string, delayMs: number, callback: () => void): void {
    this.cancel(key);
    const handle = this.clock.setTimeout(() => {
      this.handles.delete(key);
      callback();
    }, Math.max(0, delayMs));
    this.handles.set(key, handle);
  }

  cancel(key: string): void {
    const handle = this.handles.get(key);
    if (handle !== undefined) {
      this.clock.clearTimeout(handle);
      this.handles.delete(key);
    }
  }

  has(key: string): boolean {
    return this.handles.has(key);
  }

  clear(): void {
    for (const handle of this.handles.values()) {
      this.clock.clearTimeout(handle);
    }
    this.handles.clear();
  }
}
