/*
 * Keeps the catalog current with one k0rdent management cluster.
 *
 * - Changes from the fleet cache (its watches) become delta mutations within a
 *   short batching window: the changed object's entity and those of the objects
 *   that read it (a template's clusters, a tenant's System).
 * - A full mutation runs when the cache first syncs, when the cluster's staleness
 *   flips (entities get or lose the Stale status), and on a slow schedule as a
 *   safety net.
 * - Nothing is ever removed from a cache that has not synced: an unreachable
 *   management cluster keeps its entities. The cache removes an object only after
 *   the server confirmed it is gone, and only then does its entity go.
 */
import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type {
  FleetCache,
  FleetChangeEvent,
  FleetClusterHealth,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import type { K0rdentCatalogConfig } from '../config';
import {
  dependentObjects,
  entityRefOf,
  keyOf,
  transformObject,
  transformSnapshot,
  type FleetObjectKey,
} from '../transform';
import { fleetSnapshotOf } from './fleetSnapshot';

/** How long changes are gathered before one delta mutation is applied. */
const DEFAULT_BATCH_MILLIS = 100;

/** Options of {@link K0rdentEntityProvider}. @public */
export interface K0rdentEntityProviderOptions {
  managementCluster: { name: string; title?: string };
  cache: FleetCache;
  config: K0rdentCatalogConfig;
  logger: LoggerService;
  /** Runs the full-mutation safety net. */
  taskRunner: SchedulerServiceTaskRunner;
  /** Batching window for delta mutations (default 100 ms). */
  batchMillis?: number;
}

/**
 * The entity provider of one management cluster; its name is
 * `k0rdent:<management cluster>`.
 *
 * @public
 */
export class K0rdentEntityProvider implements EntityProvider {
  readonly #options: K0rdentEntityProviderOptions;
  readonly #logger: LoggerService;
  readonly #locationKey: string;
  #connection?: EntityProviderConnection;
  #pendingKeys = new Map<string, FleetObjectKey>();
  #batchTimer?: NodeJS.Timeout;
  #flushing: Promise<void> = Promise.resolve();
  #lastStale = false;
  #synced = false;
  #unsubscribe: Array<() => void> = [];

  constructor(options: K0rdentEntityProviderOptions) {
    this.#options = options;
    this.#locationKey = `k0rdent:${options.managementCluster.name}`;
    this.#logger = options.logger.child({ target: this.getProviderName() });
  }

  getProviderName(): string {
    return this.#locationKey;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    const { cache, taskRunner } = this.#options;
    this.#unsubscribe.push(cache.subscribe(event => this.#onChange(event)));
    this.#unsubscribe.push(
      cache.onHealthChange(health => this.#onHealth(health)),
    );
    await taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
    this.#onHealth(cache.health());
  }

  /** Stops listening to the cache (the catalog has no disconnect; used by tests and shutdown). */
  close(): void {
    this.#unsubscribe.forEach(unsubscribe => unsubscribe());
    this.#unsubscribe = [];
    clearTimeout(this.#batchTimer);
  }

  /**
   * Applies a full mutation from the cache, when it has synced. Public so it can
   * run without a scheduler in tests.
   */
  async refresh(): Promise<void> {
    const connection = this.#requireConnection();
    const health = this.#options.cache.health();
    if (!health.synced) {
      this.#logger.info(
        'Fleet cache not synced yet; keeping the current entities',
      );
      return;
    }
    const started = Date.now();
    const entities = transformSnapshot(
      this.#snapshot(health),
      this.#options.config,
    );
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => this.#deferred(entity)),
    });
    this.#lastStale = Boolean(health.staleSince);
    this.#logger.info(
      `Applied ${entities.length} entities in ${Date.now() - started} ms`,
    );
  }

  #onHealth(health: FleetClusterHealth): void {
    if (!this.#connection) {
      return;
    }
    const stale = Boolean(health.staleSince);
    const firstSync = health.synced && !this.#synced;
    this.#synced = this.#synced || health.synced;
    if (firstSync || (this.#synced && stale !== this.#lastStale)) {
      this.#lastStale = stale;
      this.#enqueueFlush(() => this.refresh());
    }
  }

  #onChange(event: FleetChangeEvent): void {
    if (!this.#synced) {
      // The first full mutation will include it.
      return;
    }
    const snapshot = this.#snapshot();
    const keys = [
      keyOf(event.object),
      ...dependentObjects(snapshot, this.#options.config, {
        object: event.object,
        previous: event.previous,
      }),
    ];
    for (const key of keys) {
      this.#pendingKeys.set(
        entityRefOf(this.#options.managementCluster.name, key),
        key,
      );
    }
    if (!this.#batchTimer) {
      this.#batchTimer = setTimeout(() => {
        this.#batchTimer = undefined;
        this.#enqueueFlush(() => this.#applyDelta());
      }, this.#options.batchMillis ?? DEFAULT_BATCH_MILLIS);
    }
  }

  /** Mutations run one at a time, in order. */
  #enqueueFlush(work: () => Promise<void>): void {
    this.#flushing = this.#flushing.then(work).catch(error => {
      this.#logger.error(`Failed to update the catalog: ${error}`);
    });
  }

  async #applyDelta(): Promise<void> {
    const pending = this.#pendingKeys;
    this.#pendingKeys = new Map();
    if (pending.size === 0) {
      return;
    }
    const snapshot = this.#snapshot();
    const added: Entity[] = [];
    const removed: string[] = [];
    for (const [entityRef, key] of pending) {
      const entity = transformObject(snapshot, this.#options.config, key);
      if (entity) {
        added.push(entity);
      } else {
        removed.push(entityRef);
      }
    }
    await this.#requireConnection().applyMutation({
      type: 'delta',
      added: added.map(entity => this.#deferred(entity)),
      removed: removed.map(entityRef => ({
        entityRef,
        locationKey: this.#locationKey,
      })),
    });
  }

  /** Resolves once every change seen so far has reached the catalog (for tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.#batchTimer || this.#pendingKeys.size > 0) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    await this.#flushing;
  }

  #snapshot(health?: FleetClusterHealth) {
    return fleetSnapshotOf(
      this.#options.cache,
      this.#options.managementCluster,
      health,
    );
  }

  #deferred(entity: Entity) {
    return { entity, locationKey: this.#locationKey };
  }

  #requireConnection(): EntityProviderConnection {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    return this.#connection;
  }
}
