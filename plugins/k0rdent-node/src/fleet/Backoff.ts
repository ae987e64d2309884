/*
 * Exponential back-off with jitter.
 */

/**
 * Options of {@link Backoff}.
 *
 * @public
 */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. */
  initialMs: number;
  /** Longest delay, in milliseconds. */
  maxMs: number;
  /** Growth per attempt; default 2. */
  factor?: number;
  /**
   * Share of the delay that is random, 0..1; default 0.5: a delay d becomes a
   * value in [d·(1 − jitter), d], so retries of many watchers spread out.
   */
  jitter?: number;
  /** Random source in [0, 1); default Math.random. */
  random?: () => number;
}

/**
 * Exponential back-off with jitter: `min(max, initial · factor^n)`, minus a random
 * share. `reset()` after a success.
 *
 * @public
 */
export class Backoff {
  readonly #initialMs: number;
  readonly #maxMs: number;
  readonly #factor: number;
  readonly #jitter: number;
  readonly #random: () => number;
  #attempts = 0;

  constructor(options: BackoffOptions) {
    if (!(options.initialMs > 0) || !(options.maxMs >= options.initialMs)) {
      throw new Error('Backoff needs 0 < initialMs <= maxMs');
    }
    this.#initialMs = options.initialMs;
    this.#maxMs = options.maxMs;
    this.#factor = options.factor ?? 2;
    this.#jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
    this.#random = options.random ?? Math.random;
  }

  /** How many delays were handed out since the last reset. */
  get attempts(): number {
    return this.#attempts;
  }

  /** The next delay in milliseconds; grows with every call until `reset()`. */
  next(): number {
    return this.delayFor(this.#attempts++);
  }

  /**
   * The delay before retry number `attempt` (0 = the first retry), for callers
   * that keep the count themselves (e.g. in a database).
   */
  delayFor(attempt: number): number {
    const base = Math.min(
      this.#maxMs,
      this.#initialMs * Math.pow(this.#factor, Math.max(0, attempt)),
    );
    const delay = base * (1 - this.#jitter * this.#random());
    return Math.max(1, Math.round(delay));
  }

  reset(): void {
    this.#attempts = 0;
  }
}
