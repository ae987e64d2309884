/*
 * A small bounded cache of loads from the API server (events, values schemas):
 * concurrent asks for one key share one load, answers live for a while, and
 * the oldest entries go first when it is full. A failed load is not kept.
 */

/** Options of {@link ExpiringCache}. */
export interface ExpiringCacheOptions {
  /** How long an answer is kept; Infinity keeps it until it is pushed out. */
  ttlMs: number;
  /** Entries kept at most. */
  maxEntries: number;
  /** Clock (tests). */
  now?: () => number;
}

interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
}

/** Loads once per key and time-to-live, sharing loads in flight. */
export class ExpiringCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: ExpiringCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = Math.max(1, options.maxEntries);
    this.#now = options.now ?? Date.now;
  }

  /** The cached answer for `key`, else what `load` resolves to (and keeps it). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    if (entry) this.#entries.delete(key);
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    const value = load();
    const created: Entry<V> = { value, expiresAt: now + this.#ttlMs };
    this.#entries.set(key, created);
    value.catch(() => {
      if (this.#entries.get(key) === created) this.#entries.delete(key);
    });
    return value;
  }

  /** Entries held, expired ones included until they are asked for. */
  get size(): number {
    return this.#entries.size;
  }
}
