/*
 * One list+watch loop for one kind on one management cluster.
 *
 *  - lists (paged) when it has no resourceVersion, then watches from the list's
 *    resourceVersion with bookmarks;
 *  - a watch that ends is resumed from the last resourceVersion seen (event or
 *    bookmark): no relist;
 *  - 410 Gone (in the stream, on the watch request or on a list page) drops the
 *    resourceVersion and relists; the cache diffs the new list against what it holds;
 *  - other errors back off exponentially with jitter (Retry-After honoured); the
 *    cache keeps its data meanwhile;
 *  - 404 (kind not served) and 403 are reported and retried slowly.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { KubernetesApiError } from '../kubernetes/KubernetesApiError';
import { FleetTransport, FleetTransportWatch } from '../kubernetes/transport';
import { KubeObject } from '../types';
import { Backoff } from './Backoff';
import { FleetKindHealth, FleetKindState } from './types';

/** What the reflector reports to its cache. */
export interface ReflectorSink {
  /** A complete list: replace what is cached for the kind. */
  onList(kind: string, items: KubeObject[]): void;
  onEvent(
    kind: string,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ): void;
  /** The reflector's state, failure or contact changed. */
  onStatus(kind: string): void;
}

export interface KindReflectorOptions {
  kind: KindInfo;
  transport: FleetTransport;
  sink: ReflectorSink;
  logger: LoggerService;
  backoffInitialMs: number;
  backoffMaxMs: number;
  missingKindRetryMs: number;
  listPageSize: number;
  watchTimeoutSeconds: number;
  random?: () => number;
  now?: () => number;
}

/** A watch shorter than this with no events counts as a failure (no hot reconnect loop). */
const MIN_HEALTHY_WATCH_MS = 1000;
/** Longest Retry-After honoured. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** Consecutive 410s tolerated before relists back off too. */
const MAX_IMMEDIATE_RELISTS = 2;

/** A watch stream that broke after it was accepted. */
class StreamBroken extends Error {
  constructor(readonly error: KubernetesApiError, readonly healthy: boolean) {
    super(error.message);
  }
}

export class KindReflector {
  readonly kind: KindInfo;
  readonly #transport: FleetTransport;
  readonly #sink: ReflectorSink;
  readonly #logger: LoggerService;
  readonly #options: KindReflectorOptions;
  readonly #backoff: Backoff;
  readonly #random: () => number;
  readonly #now: () => number;

  #state: FleetKindState = 'pending';
  #synced = false;
  #resourceVersion?: string;
  #lastListAt?: number;
  #lastEventAt?: number;
  #lastError?: string;
  #lastErrorAt?: number;
  #retryAt?: number;
  #consecutiveFailures = 0;
  #consecutiveGone = 0;
  /** The last attempt failed in a way that leaves the cache possibly behind. */
  #failing = false;
  /** The server has answered at least once. */
  #contacted = false;

  #stopped = false;
  #abort = new AbortController();
  #watch?: FleetTransportWatch;
  #sleepTimer?: NodeJS.Timeout;
  #wake?: () => void;
  #loop?: Promise<void>;

  constructor(options: KindReflectorOptions) {
    this.kind = options.kind;
    this.#transport = options.transport;
    this.#sink = options.sink;
    this.#logger = options.logger;
    this.#options = options;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#backoff = new Backoff({
      initialMs: options.backoffInitialMs,
      maxMs: options.backoffMaxMs,
      random: this.#random,
    });
  }

  get failing(): boolean {
    return this.#failing;
  }

  get contacted(): boolean {
    return this.#contacted;
  }

  get synced(): boolean {
    return this.#synced;
  }

  get state(): FleetKindState {
    return this.#state;
  }

  health(objects: number): FleetKindHealth {
    const h: FleetKindHealth = {
      kind: this.kind.kind,
      state: this.#state,
      synced: this.#synced,
      objects,
      consecutiveFailures: this.#consecutiveFailures,
    };
    if (this.#resourceVersion) h.resourceVersion = this.#resourceVersion;
    if (this.#lastListAt) h.lastListAt = new Date(this.#lastListAt);
    if (this.#lastEventAt) h.lastEventAt = new Date(this.#lastEventAt);
    if (this.#lastError) {
      h.lastError = this.#lastError;
      h.lastErrorAt = new Date(this.#lastErrorAt!);
    }
    if (this.#retryAt) h.retryAt = new Date(this.#retryAt);
    return h;
  }

  start(): void {
    if (this.#loop || this.#stopped) return;
    this.#loop = this.#run().catch(e => {
      // Not expected: every error is handled inside the loop.
      this.#logger.error(
        `Fleet watch of ${this.kind.kind} ended unexpectedly: ${
          KubernetesApiError.fromError(e).message
        }`,
      );
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    this.#watch?.abort();
    if (this.#sleepTimer) clearTimeout(this.#sleepTimer);
    this.#wake?.();
    await this.#loop;
    this.#setState('stopped');
  }

  #setState(state: FleetKindState) {
    if (this.#state !== state) {
      this.#state = state;
      this.#sink.onStatus(this.kind.kind);
    }
  }

  /** Marks an answer from the server that proves the cache is current. */
  #succeeded() {
    const changed = this.#failing || !this.#contacted;
    if (this.#failing) {
      this.#logger.info(
        `Fleet watch of ${this.kind.kind} recovered after ${
          this.#consecutiveFailures
        } failed attempt(s)`,
      );
    }
    this.#failing = false;
    this.#contacted = true;
    this.#consecutiveFailures = 0;
    this.#retryAt = undefined;
    if (changed) this.#sink.onStatus(this.kind.kind);
  }

  #recordError(error: KubernetesApiError) {
    this.#lastError = error.message;
    this.#lastErrorAt = this.#now();
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      try {
        if (!this.#resourceVersion) {
          await this.#list();
          if (this.#stopped) break;
        }
        const result = await this.#watchOnce();
        if (this.#stopped) break;
        if (result.healthy) {
          this.#backoff.reset();
          this.#consecutiveGone = 0;
        } else {
          // The server closed the watch at once without a word: do not spin.
          await this.#sleep(this.#backoff.next(), 'watching');
        }
      } catch (e) {
        if (this.#stopped) break;
        await this.#handleError(e);
      }
    }
  }

  async #handleError(e: unknown) {
    const kind = this.kind.kind;
    if (e instanceof StreamBroken && e.healthy) {
      // A stream that worked for a while broke (connection reset, idle timeout,
      // a proxy): a fresh start, resumed at once from the last resourceVersion.
      // Only if resuming fails does the cache count as behind.
      this.#backoff.reset();
      if (e.error.code === 0 && e.error.retryable) {
        this.#logger.debug(
          `Fleet watch of ${kind} broke (${e.error.message}); resuming from ${
            this.#resourceVersion
          }`,
        );
        return;
      }
    }
    const error = KubernetesApiError.fromError(
      e instanceof StreamBroken ? e.error : e,
    );
    if (error.code === 410) {
      await this.#gone();
      return;
    }
    this.#recordError(error);
    this.#consecutiveFailures++;
    if (error.code === 404 || error.code === 403) {
      // Not served (CRD not installed) or not allowed: an answer, not an outage.
      const state: FleetKindState =
        error.code === 404 ? 'missing' : 'forbidden';
      if (this.#state !== state) {
        this.#logger.info(
          error.code === 404
            ? `Fleet: the server does not serve ${kind}; retrying every ${Math.round(
                this.#options.missingKindRetryMs / 1000,
              )}s`
            : `Fleet: not allowed to list/watch ${kind} (${
                error.message
              }); retrying every ${Math.round(
                this.#options.missingKindRetryMs / 1000,
              )}s`,
        );
      }
      this.#failing = false;
      this.#contacted = true;
      this.#synced = true;
      this.#resourceVersion = undefined;
      this.#setState(state);
      this.#sink.onStatus(kind);
      await this.#sleep(this.#options.missingKindRetryMs, state);
      return;
    }
    const wasFailing = this.#failing;
    this.#failing = true;
    let delay = this.#backoff.next();
    if (error.retryAfterSeconds !== undefined) {
      // The server knows best; bounded so a bogus header cannot park the watch.
      delay = Math.max(
        delay,
        Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS),
      );
    }
    const message = `Fleet watch of ${kind} failed: ${error.message}; retrying in ${delay} ms`;
    if (!wasFailing || this.#consecutiveFailures % 10 === 0) {
      this.#logger.warn(message);
    } else {
      this.#logger.debug(message);
    }
    this.#sink.onStatus(kind);
    await this.#sleep(delay, 'backoff');
  }

  async #gone(): Promise<void> {
    this.#consecutiveGone++;
    this.#logger.debug(
      `Fleet watch of ${this.kind.kind}: resourceVersion ${
        this.#resourceVersion
      } is gone (410); relisting`,
    );
    this.#resourceVersion = undefined;
    if (this.#consecutiveGone > MAX_IMMEDIATE_RELISTS) {
      await this.#sleep(this.#backoff.next(), 'backoff');
    }
  }

  async #list(): Promise<void> {
    this.#setState('listing');
    const items: KubeObject[] = [];
    let cont: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.#transport.list(this.kind, {
        limit: this.#options.listPageSize,
        continue: cont,
        signal: this.#abort.signal,
      });
      if (this.#stopped) return;
      for (const item of page.items) items.push(item);
      // Every page of a paged list carries the snapshot's resourceVersion.
      resourceVersion = page.resourceVersion || resourceVersion;
      cont = page.continue;
    } while (cont);
    this.#sink.onList(this.kind.kind, items);
    this.#resourceVersion = resourceVersion || undefined;
    this.#lastListAt = this.#now();
    const firstSync = !this.#synced;
    this.#synced = true;
    this.#succeeded();
    if (firstSync) this.#sink.onStatus(this.kind.kind);
    this.#logger.debug(
      `Fleet listed ${items.length} ${this.kind.kind} at resourceVersion ${resourceVersion}`,
    );
  }

  async #watchOnce(): Promise<{ healthy: boolean }> {
    const started = this.#now();
    let events = 0;
    const max = this.#options.watchTimeoutSeconds;
    const timeoutSeconds = Math.max(
      1,
      Math.floor(max / 2 + (this.#random() * max) / 2),
    );
    const connection = await this.#transport.watch(this.kind, {
      resourceVersion: this.#resourceVersion ?? '',
      timeoutSeconds,
      signal: this.#abort.signal,
      onEvent: event => {
        if (this.#stopped) return;
        const object = event.object as KubeObject | undefined;
        switch (event.type) {
          case 'ADDED':
          case 'MODIFIED':
          case 'DELETED':
            if (!object?.metadata?.name) return;
            if (!object.apiVersion) object.apiVersion = this.#apiVersion();
            if (!object.kind) object.kind = this.kind.kind;
            this.#sink.onEvent(this.kind.kind, event.type, object);
            break;
          case 'BOOKMARK':
            break;
          case 'ERROR': {
            // Thrown through the transport; 410 makes the loop relist.
            const status = event.object as { code?: number } | undefined;
            throw KubernetesApiError.fromResponse(
              typeof status?.code === 'number' ? status.code : 500,
              status,
            );
          }
          default:
            return;
        }
        events++;
        this.#lastEventAt = this.#now();
        const rv = object?.metadata?.resourceVersion;
        if (rv) this.#resourceVersion = rv;
      },
    });
    if (this.#stopped) {
      connection.abort();
      return { healthy: true };
    }
    this.#watch = connection;
    this.#setState('watching');
    this.#succeeded();
    try {
      await connection.done;
    } catch (e) {
      throw new StreamBroken(
        KubernetesApiError.fromError(e),
        events > 0 || this.#now() - started >= MIN_HEALTHY_WATCH_MS,
      );
    } finally {
      this.#watch = undefined;
    }
    return {
      healthy: events > 0 || this.#now() - started >= MIN_HEALTHY_WATCH_MS,
    };
  }

  #apiVersion(): string {
    return this.kind.group
      ? `${this.kind.group}/${this.kind.version}`
      : this.kind.version;
  }

  #sleep(ms: number, state: FleetKindState): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#retryAt = this.#now() + ms;
    this.#setState(state);
    return new Promise<void>(resolve => {
      this.#wake = () => {
        this.#wake = undefined;
        this.#retryAt = undefined;
        resolve();
      };
      this.#sleepTimer = setTimeout(() => {
        this.#sleepTimer = undefined;
        this.#wake?.();
      }, ms);
      this.#sleepTimer.unref?.();
    });
  }
}
