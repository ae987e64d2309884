/*
 * A controller's work queue: keys are deduplicated and reconciled in one batch on the
 * next tick, never inside the store listener that reported the change (writing from a
 * listener would re-enter the store). Failed reconciles are retried with back-off.
 */
import type { Clock, TimerHandle } from '../clock';
import { KeyedTimers } from './timers';

const RETRY_BASE_MS = 200;
const RETRY_MAX_MS = 10_000;

export class ReconcileQueue {
  private pending = new Set<string>();
  private flushHandle: TimerHandle | undefined;
  private readonly later: KeyedTimers;
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly reconcile: (key: string) => void,
    private readonly log: (message: string) => void,
  ) {
    this.later = new KeyedTimers(clock);
  }

  /** Reconciles `key` on the next tick. */
  add(key: string): void {
    if (this.stopped) {
      return;
    }
    this.pending.add(key);
    if (this.flushHandle === undefined) {
      this.flushHandle = this.clock.setTimeout(() => this.flush(), 0);
    }
  }

  /** Reconciles `key` after `delayMs` (replaces an earlier delayed request for it). */
  addAfter(key: string, delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.later.schedule(key, delayMs, () => this.add(key));
  }

  /** Forgets a delayed request (e.g. the object is gone). */
  forget(key: string): void {
    this.later.cancel(key);
    this.failures.delete(key);
  }

  stop(): void {
    this.stopped = true;
    if (this.flushHandle !== undefined) {
      this.clock.clearTimeout(this.flushHandle);
      this.flushHandle = undefined;
    }
    this.later.clear();
    this.pending.clear();
  }

  private flush(): void {
    this.flushHandle = undefined;
    const keys = [...this.pending];
    this.pending = new Set();
    for (const key of keys) {
      if (this.stopped) {
        return;
      }
      try {
        this.reconcile(key);
        this.failures.delete(key);
      } catch (error) {
        const attempt = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, attempt);
        const delay = Math.min(
          RETRY_MAX_MS,
          RETRY_BASE_MS * 2 ** (attempt - 1),
        );
        this.log(
          `reconcile ${key} failed (attempt ${attempt}), retrying in ${delay}ms: ${String(
            error,
          )}`,
        );
        this.addAfter(key, delay);
      }
    }
  }
}
