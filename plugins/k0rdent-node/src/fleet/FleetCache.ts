/*
 * The cache of one management cluster: one list+watch per kind feeding an indexed
 * in-memory store, change subscriptions and health.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeConfig } from '@kubernetes/client-node';
import { findKind, KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { DEFAULT_FLEET_SETTINGS } from '../config/readConfig';
import { FleetSettings } from '../config/types';
import { ClientNodeTransport, FleetTransport } from '../kubernetes/transport';
import { KubeObject } from '../types';
import { DEFAULT_FLEET_INDEXES } from './indexes';
import { KindReflector, ReflectorSink } from './KindReflector';
import {
  FleetIndexDefinition,
  FleetListOptions,
  ObjectChange,
  ObjectIndex,
} from './ObjectIndex';
import {
  FleetChangeEvent,
  FleetChangeListener,
  FleetClusterHealth,
  FleetHealthListener,
  FleetKindHealth,
} from './types';

/**
 * Options of {@link FleetCache.create}.
 *
 * @public
 */
export interface FleetCacheOptions {
  /** The management cluster's name. */
  name: string;
  title?: string;
  /** Where to list and watch. One of `kubeConfig` and `transport` is required. */
  kubeConfig?: KubeConfig;
  /** A transport other than client-node (tests). */
  transport?: FleetTransport;
  logger: LoggerService;
  settings?: Partial<FleetSettings>;
  /** Secondary indexes; defaults to {@link DEFAULT_FLEET_INDEXES}. */
  indexes?: readonly FleetIndexDefinition[];
  /**
   * Applied to every object before it is stored. The default drops
   * `metadata.managedFields`, which nobody reads from the cache and which can
   * double an object's size.
   */
  transform?: (object: KubeObject) => KubeObject;
  /** Random source for jitter (tests). */
  random?: () => number;
}

/**
 * Drops `metadata.managedFields` (in place) and returns the object.
 *
 * @public
 */
export function stripManagedFields(object: KubeObject): KubeObject {
  if (object.metadata && 'managedFields' in object.metadata) {
    delete object.metadata.managedFields;
  }
  return object;
}

/**
 * The fleet cache of one management cluster.
 *
 * @remarks
 * Reads are served from memory. Objects are shared, not copied: treat them as
 * read-only. When the server cannot be reached the data is kept, `connected`
 * turns false and `staleSince` is set; on recovery watches resume from their
 * last resourceVersion, or relist and emit only the differences.
 *
 * @public
 */
export class FleetCache {
  readonly name: string;
  readonly title: string;
  readonly #logger: LoggerService;
  readonly #index: ObjectIndex;
  readonly #kinds: Map<string, KindInfo>;
  readonly #reflectors = new Map<string, KindReflector>();
  readonly #listeners = new Set<FleetChangeListener>();
  readonly #healthListeners = new Set<FleetHealthListener>();
  readonly #transform: (object: KubeObject) => KubeObject;
  readonly #syncWaiters = new Set<{
    resolve: () => void;
    reject: (e: Error) => void;
  }>();

  #started = false;
  #stopped = false;
  #staleSince?: number;
  #lastSyncAt?: number;
  #lastError?: string;
  #lastErrorAt?: number;
  #lastHealthKey = '';
  #wasSynced = false;

  /** Creates a cache; call `start()` to begin listing and watching. */
  static create(options: FleetCacheOptions): FleetCache {
    return new FleetCache(options);
  }

  private constructor(options: FleetCacheOptions) {
    this.name = options.name;
    this.title = options.title ?? options.name;
    this.#logger = options.logger;
    const settings: FleetSettings = {
      ...DEFAULT_FLEET_SETTINGS,
      ...options.settings,
    };
    const transport =
      options.transport ??
      (options.kubeConfig
        ? new ClientNodeTransport(options.kubeConfig)
        : undefined);
    if (!transport) {
      throw new Error(
        `FleetCache '${options.name}' needs a kubeConfig or a transport`,
      );
    }
    this.#index = new ObjectIndex([
      ...(options.indexes ?? DEFAULT_FLEET_INDEXES),
    ]);
    this.#transform = options.transform ?? stripManagedFields;
    this.#kinds = new Map();
    for (const kind of settings.kinds) {
      const info = findKind(kind);
      if (!info) {
        throw new Error(`FleetCache '${options.name}': unknown kind '${kind}'`);
      }
      this.#kinds.set(kind, info);
    }

    const sink: ReflectorSink = {
      onList: (kind, items) => this.#applyList(kind, items),
      onEvent: (kind, type, object) => this.#applyEvent(kind, type, object),
      onStatus: () => this.#updateHealth(),
    };
    for (const info of this.#kinds.values()) {
      this.#reflectors.set(
        info.kind,
        new KindReflector({
          kind: info,
          transport,
          sink,
          logger: this.#logger.child({ kind: info.kind }),
          backoffInitialMs: settings.backoffInitialMs,
          backoffMaxMs: settings.backoffMaxMs,
          missingKindRetryMs: settings.missingKindRetryMs,
          listPageSize: settings.listPageSize,
          watchTimeoutSeconds: settings.watchTimeoutSeconds,
          random: options.random,
        }),
      );
    }
  }

  /** The kinds this cache lists and watches. */
  kinds(): string[] {
    return [...this.#kinds.keys()];
  }

  /** Starts one list+watch per kind. Returns at once; see {@link FleetCache.waitForSync}. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#logger.info(
      `Fleet cache '${this.name}' starting: ${this.#kinds.size} kinds`,
    );
    for (const reflector of this.#reflectors.values()) reflector.start();
    this.#updateHealth();
  }

  /** Ends every watch and timer. The data stays readable. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await Promise.all([...this.#reflectors.values()].map(r => r.stop()));
    for (const waiter of this.#syncWaiters) {
      waiter.reject(new Error(`Fleet cache '${this.name}' was stopped`));
    }
    this.#syncWaiters.clear();
    this.#updateHealth();
  }

  /** One object, or undefined. `namespace` is ignored for cluster-scoped kinds. */
  get<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    const info = this.#kinds.get(kind);
    return this.#index.get(
      kind,
      info && !info.namespaced ? undefined : namespace,
      name,
    ) as T | undefined;
  }

  /** Objects of a kind, optionally in one namespace and matching a label selector. */
  list<T extends KubeObject = KubeObject>(
    kind: string,
    options?: FleetListOptions,
  ): T[] {
    return this.#index.list(kind, options) as T[];
  }

  /** How many objects of a kind are cached. */
  count(kind: string): number {
    return this.#index.count(kind);
  }

  /**
   * Objects filed under `value` in a secondary index, e.g.
   * `byIndex('ClusterDeployment', 'template', 'kcm-system/aws-standalone-cp-1-0-43')`.
   * See {@link DEFAULT_FLEET_INDEXES}.
   */
  byIndex<T extends KubeObject = KubeObject>(
    kind: string,
    index: string,
    value: string,
  ): T[] {
    return this.#index.byIndex(kind, index, value) as T[];
  }

  /** The distinct values of a secondary index with their object counts (e.g. all tenants). */
  indexValues(kind: string, index: string): Map<string, number> {
    return this.#index.indexValues(kind, index);
  }

  /**
   * Calls `listener` after every change the cache applies. Returns the
   * unsubscribe function. Listener errors are logged and do not stop delivery.
   */
  subscribe(listener: FleetChangeListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Calls `listener` when the cluster's health changes (not on every event). */
  onHealthChange(listener: FleetHealthListener): () => void {
    this.#healthListeners.add(listener);
    return () => {
      this.#healthListeners.delete(listener);
    };
  }

  /** Resolves once every kind was listed (or found missing or forbidden). */
  waitForSync(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.#isSynced()) return Promise.resolve();
    if (this.#stopped) {
      return Promise.reject(
        new Error(`Fleet cache '${this.name}' was stopped`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter = {
        resolve: () => {
          if (timer) clearTimeout(timer);
          resolve();
        },
        reject: (e: Error) => {
          if (timer) clearTimeout(timer);
          reject(e);
        },
      };
      this.#syncWaiters.add(waiter);
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.#syncWaiters.delete(waiter);
          reject(
            new Error(
              `Fleet cache '${this.name}' did not sync within ${options.timeoutMs} ms`,
            ),
          );
        }, options.timeoutMs);
      }
    });
  }

  health(): FleetClusterHealth {
    const kinds: Record<string, FleetKindHealth> = {};
    for (const [kind, reflector] of this.#reflectors) {
      kinds[kind] = reflector.health(this.#index.count(kind));
    }
    const health: FleetClusterHealth = {
      name: this.name,
      title: this.title,
      connected: this.#isConnected(),
      synced: this.#isSynced(),
      kinds,
    };
    if (this.#staleSince !== undefined) {
      health.staleSince = new Date(this.#staleSince);
    }
    if (this.#lastError !== undefined) {
      health.lastError = this.#lastError;
      health.lastErrorAt = new Date(this.#lastErrorAt!);
    }
    if (this.#lastSyncAt !== undefined) {
      health.lastSyncAt = new Date(this.#lastSyncAt);
    }
    return health;
  }

  #isSynced(): boolean {
    for (const r of this.#reflectors.values()) {
      if (!r.synced) return false;
    }
    return true;
  }

  #isConnected(): boolean {
    if (!this.#started || this.#stopped) return false;
    for (const r of this.#reflectors.values()) {
      if (r.failing || !r.contacted) return false;
    }
    return true;
  }

  #applyList(kind: string, items: KubeObject[]) {
    const objects = items.map(item => this.#transform(item));
    this.#emit(kind, this.#index.replace(kind, objects));
    if (this.#wasSynced && this.#isConnected()) {
      this.#lastSyncAt = Date.now();
    }
  }

  #applyEvent(
    kind: string,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ) {
    const change =
      type === 'DELETED'
        ? this.#index.remove(
            kind,
            object.metadata.namespace,
            object.metadata.name,
          )
        : this.#index.upsert(kind, this.#transform(object));
    if (change) this.#emit(kind, [change]);
  }

  #emit(kind: string, changes: ObjectChange[]) {
    if (changes.length === 0 || this.#listeners.size === 0) return;
    const listeners = [...this.#listeners];
    for (const change of changes) {
      const event: FleetChangeEvent = {
        type: change.type,
        cluster: this.name,
        kind,
        object: change.object,
      };
      if (change.previous) event.previous = change.previous;
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (e) {
          this.#logger.error(
            `Fleet change listener failed on ${kind} ${
              change.object.metadata.name
            }: ${(e as Error)?.message ?? e}`,
          );
        }
      }
    }
  }

  #updateHealth() {
    const now = Date.now();
    let failing = false;
    let latestError: { message: string; at: number } | undefined;
    for (const reflector of this.#reflectors.values()) {
      if (reflector.failing) failing = true;
      const h = reflector.health(0);
      if (
        h.lastError &&
        h.lastErrorAt &&
        (!latestError || h.lastErrorAt.getTime() >= latestError.at)
      ) {
        latestError = { message: h.lastError, at: h.lastErrorAt.getTime() };
      }
    }
    if (latestError) {
      this.#lastError = latestError.message;
      this.#lastErrorAt = latestError.at;
    }
    if (failing && this.#staleSince === undefined) {
      this.#staleSince = now;
      this.#logger.warn(
        `Fleet cache '${this.name}' lost contact with the management cluster: ${
          this.#lastError ?? 'unknown error'
        }; keeping the last known state`,
      );
    }
    const synced = this.#isSynced();
    const connected = this.#isConnected();
    if (!failing && this.#staleSince !== undefined && connected) {
      this.#logger.info(
        `Fleet cache '${this.name}' is current again (stale for ${Math.round(
          (now - this.#staleSince) / 1000,
        )}s)`,
      );
      this.#staleSince = undefined;
      this.#lastSyncAt = now;
    }
    if (synced && !this.#wasSynced) {
      this.#wasSynced = true;
      this.#lastSyncAt = now;
      const counts = [...this.#kinds.keys()]
        .map(k => this.#index.count(k))
        .reduce((a, b) => a + b, 0);
      this.#logger.info(`Fleet cache '${this.name}' synced: ${counts} objects`);
    }
    if (synced && this.#syncWaiters.size > 0) {
      const waiters = [...this.#syncWaiters];
      this.#syncWaiters.clear();
      waiters.forEach(w => w.resolve());
    }

    if (this.#healthListeners.size === 0) return;
    const health = this.health();
    const key = JSON.stringify([
      health.connected,
      health.synced,
      health.staleSince?.getTime(),
      health.lastError,
      Object.values(health.kinds).map(k => [k.state, k.synced]),
    ]);
    if (key === this.#lastHealthKey) return;
    this.#lastHealthKey = key;
    for (const listener of [...this.#healthListeners]) {
      try {
        listener(health);
      } catch (e) {
        this.#logger.error(
          `Fleet health listener failed: ${(e as Error)?.message ?? e}`,
        );
      }
    }
  }
}
