/*
 * Test helper: a manual clock. `advance` runs due timers in time order, moving `now`
 * to each timer's due time first, so controllers see the time they asked for.
 * `msPerRead` lets time pass on every read, as the wall clock does on a busy machine.
 */
import type { Clock, TimerHandle } from '../clock';

interface FakeTimer {
  id: number;
  due: number;
  callback: () => void;
}

export interface FakeClockOptions {
  /** How far time moves on after each `now()` read (default 0: time stands still). */
  msPerRead?: number;
}

export class FakeClock implements Clock {
  private current: number;
  private timers: FakeTimer[] = [];
  private nextId = 1;
  private readonly msPerRead: number;

  constructor(
    startMs = Date.parse('2026-08-24T09:00:00Z'),
    options: FakeClockOptions = {},
  ) {
    this.current = startMs;
    this.msPerRead = options.msPerRead ?? 0;
  }

  now(): number {
    const now = this.current;
    this.current += this.msPerRead;
    return now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = {
      id: this.nextId++,
      due: this.current + Math.max(0, delayMs),
      callback,
    };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter(t => t.id !== handle);
  }

  /** Number of timers still pending. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.earliestDue(target);
      if (!next) {
        break;
      }
      this.timers = this.timers.filter(t => t.id !== next.id);
      this.current = Math.max(this.current, next.due);
      next.callback();
    }
    // Reads during the callbacks may have moved time past the target already.
    this.current = Math.max(this.current, target);
  }

  /** Runs everything due now (zero-delay work such as reconcile queues). */
  flush(): void {
    this.advance(0);
  }

  private earliestDue(limit: number): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const timer of this.timers) {
      if (
        timer.due <= limit &&
        (!best ||
          timer.due < best.due ||
          (timer.due === best.due && timer.id < best.id))
      ) {
        best = timer;
      }
    }
    return best;
  }
}
