/*
 * Failures on demand, so that clients' retry, relist and reconnect paths can be
 * tested against the simulator: the next N matching requests fail (500, 429 with
 * Retry-After, 503, 504, or a timeout that never answers), are delayed, open watches
 * are cut, or the change history is compacted so old resourceVersions get 410 Gone.
 * The HTTP layer asks `takeFault` once per request before handling it.
 */

/** How a request fails: an HTTP error code, or 'timeout' (no answer; the socket is closed later). */
export type FaultStatus = 500 | 429 | 503 | 504 | 'timeout';

/** Which requests a rule applies to; all given conditions must hold. */
export interface FaultMatch {
  /** Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection) or HTTP method (GET, POST, ...). */
  verb?: string;
  /** A path prefix (string) or pattern (RegExp), matched against the URL path without query. */
  path?: string | RegExp;
}

export interface FailOptions {
  status: FaultStatus;
  /** For 429 (and 503): the Retry-After header and `details.retryAfterSeconds`; default 1. */
  retryAfterSeconds?: number;
  /** For 'timeout': how long the request is held before its socket is closed; default 5000 ms. */
  holdMillis?: number;
  match?: FaultMatch;
}

/** What the HTTP layer must do to one request. */
export interface FaultDecision {
  /** Wait this long before going on (delayNext). */
  delayMillis: number;
  failure?: {
    status: FaultStatus;
    retryAfterSeconds: number;
    holdMillis: number;
  };
}

/** How `dropWatches` ends streams: 'reset' destroys the socket, 'end' closes the response cleanly. */
export type DropMode = 'reset' | 'end';

/** Something with history to compact (the store). */
export interface Compactable {
  compact(): void;
}

interface FailRule {
  type: 'fail';
  remaining: number;
  options: FailOptions;
}

interface DelayRule {
  type: 'delay';
  remaining: number;
  millis: number;
  match?: FaultMatch;
}

type Rule = FailRule | DelayRule;

/** A pending rule as reported by `pending()` (and `GET /sim/v1/faults`). */
export interface PendingFault {
  type: 'fail' | 'delay';
  remaining: number;
  status?: FaultStatus;
  millis?: number;
  verb?: string;
  path?: string;
}

const DEFAULT_HOLD_MILLIS = 5000;

export class FaultInjector {
  private rules: Rule[] = [];
  private readonly dropListeners = new Set<(mode: DropMode) => number>();
  private store: Compactable | undefined;

  constructor(options: { store?: Compactable } = {}) {
    this.store = options.store;
  }

  /** Sets the store `compact()` acts on (when not given to the constructor). */
  attachStore(store: Compactable): void {
    this.store = store;
  }

  /** The next `count` matching requests fail as described. */
  failNext(count: number, options: FailOptions): void {
    this.rules.push({ type: 'fail', remaining: positive(count), options });
  }

  /** The next `count` matching requests are answered `millis` later. */
  delayNext(count: number, millis: number, match?: FaultMatch): void {
    this.rules.push({
      type: 'delay',
      remaining: positive(count),
      millis,
      match,
    });
  }

  /** Ends every open watch stream now; returns how many were ended. */
  dropWatches(mode: DropMode = 'reset'): number {
    let dropped = 0;
    for (const listener of this.dropListeners) dropped += listener(mode);
    return dropped;
  }

  /** Drops the store's change history: watches from older resourceVersions get 410. */
  compact(): void {
    if (!this.store) throw new Error('FaultInjector has no store to compact');
    this.store.compact();
  }

  /** Forgets all pending rules. */
  reset(): void {
    this.rules = [];
  }

  pending(): PendingFault[] {
    return this.rules.map(rule => {
      const match = rule.type === 'fail' ? rule.options.match : rule.match;
      return {
        type: rule.type,
        remaining: rule.remaining,
        status: rule.type === 'fail' ? rule.options.status : undefined,
        millis: rule.type === 'delay' ? rule.millis : undefined,
        verb: match?.verb,
        path: match?.path?.toString(),
      };
    });
  }

  /** For the HTTP layer: registers what ends its watch streams. */
  onDropWatches(listener: (mode: DropMode) => number): () => void {
    this.dropListeners.add(listener);
    return () => {
      this.dropListeners.delete(listener);
    };
  }

  /**
   * For the HTTP layer: what to do to this request. Consumes one use of the first
   * matching delay rule and of the first matching failure rule.
   */
  takeFault(request: {
    verb: string;
    method: string;
    path: string;
  }): FaultDecision {
    const decision: FaultDecision = { delayMillis: 0 };
    const delay = this.take('delay', request) as DelayRule | undefined;
    if (delay) decision.delayMillis = delay.millis;
    const fail = this.take('fail', request) as FailRule | undefined;
    if (fail) {
      decision.failure = {
        status: fail.options.status,
        retryAfterSeconds: fail.options.retryAfterSeconds ?? 1,
        holdMillis: fail.options.holdMillis ?? DEFAULT_HOLD_MILLIS,
      };
    }
    return decision;
  }

  private take(
    type: Rule['type'],
    request: { verb: string; method: string; path: string },
  ): Rule | undefined {
    const rule = this.rules.find(
      candidate =>
        candidate.type === type &&
        matches(
          candidate.type === 'fail' ? candidate.options.match : candidate.match,
          request,
        ),
    );
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0)
      this.rules = this.rules.filter(other => other !== rule);
    return rule;
  }
}

function matches(
  match: FaultMatch | undefined,
  request: { verb: string; method: string; path: string },
): boolean {
  if (!match) return true;
  if (
    match.verb &&
    match.verb !== request.verb &&
    match.verb !== request.method
  ) {
    return false;
  }
  if (match.path !== undefined) {
    if (typeof match.path === 'string')
      return request.path.startsWith(match.path);
    return match.path.test(request.path);
  }
  return true;
}

function positive(count: number): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`fault count must be a positive integer, got ${count}`);
  }
  return count;
}
