/*
 * All configured management clusters: one FleetCache and one client each.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  ConnectionResolver,
  EmbeddedClusterFactory,
  ResolvedConnection,
} from '../config/ConnectionResolver';
import {
  readFleetSettings,
  readManagementClusterConfigs,
} from '../config/readConfig';
import { FleetSettings, ManagementClusterConfig } from '../config/types';
import { K0rdentKubernetesClient } from '../kubernetes/K0rdentKubernetesClient';
import { FleetCache } from './FleetCache';
import { FleetIndexDefinition } from './ObjectIndex';
import {
  FleetChangeListener,
  FleetClusterHealth,
  FleetHealthListener,
} from './types';

/**
 * A configured management cluster, as the fleet lists it.
 *
 * @public
 */
export interface ManagementClusterInfo {
  name: string;
  title: string;
  /** The API server URL, without credentials. */
  server: string;
}

/**
 * The k0rdent fleet: one cache and one client per configured management cluster.
 *
 * @public
 */
export interface K0rdentFleetService {
  /** The configured management clusters, in config order. */
  clusters(): ManagementClusterInfo[];
  /** The cache of one management cluster; throws NotFoundError for an unknown name. */
  get(clusterName: string): FleetCache;
  /** The cache of one management cluster, or undefined. */
  find(clusterName: string): FleetCache | undefined;
  /** The write client of one management cluster; throws NotFoundError for an unknown name. */
  client(clusterName: string): K0rdentKubernetesClient;
  /** Health of every management cluster. */
  health(): FleetClusterHealth[];
  /** Changes from every management cluster (`event.cluster` says which). */
  subscribe(listener: FleetChangeListener): () => void;
  /** Health changes of every management cluster. */
  onHealthChange(listener: FleetHealthListener): () => void;
  /**
   * Resolves once every cache has synced. With `timeoutMs`, rejects when that
   * passes first; unreachable clusters therefore need a timeout.
   */
  waitForSync(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Options of {@link K0rdentFleet.fromConfig}.
 *
 * @public
 */
export interface K0rdentFleetFromConfigOptions {
  logger: LoggerService;
  /** Starts the embedded simulator for `embedded` connections. */
  embeddedClusterFactory?: EmbeddedClusterFactory;
  /** Secondary indexes of every cache; defaults to DEFAULT_FLEET_INDEXES. */
  indexes?: readonly FleetIndexDefinition[];
}

/**
 * Options of {@link K0rdentFleet.create}.
 *
 * @public
 */
export interface K0rdentFleetOptions {
  logger: LoggerService;
  clusters: Array<{
    connection: ResolvedConnection;
    title?: string;
  }>;
  settings?: Partial<FleetSettings>;
  indexes?: readonly FleetIndexDefinition[];
}

interface Member {
  info: ManagementClusterInfo;
  cache: FleetCache;
  connection: ResolvedConnection;
  client?: K0rdentKubernetesClient;
}

/**
 * Holds one {@link FleetCache} and one {@link K0rdentKubernetesClient} per
 * configured management cluster.
 *
 * @public
 */
export class K0rdentFleet implements K0rdentFleetService {
  readonly #members = new Map<string, Member>();
  readonly #logger: LoggerService;
  #started = false;
  #stopped = false;

  /**
   * Reads `k0rdent.managementClusters` and `k0rdent.fleet`, resolves every
   * connection (starting embedded simulators through the factory) and creates
   * the caches. Does not start them. Throws on invalid config, naming the key.
   */
  static async fromConfig(
    config: Config,
    options: K0rdentFleetFromConfigOptions,
  ): Promise<K0rdentFleet> {
    const clusters = readManagementClusterConfigs(config);
    const settings = readFleetSettings(config);
    const resolver = ConnectionResolver.create({
      embeddedClusterFactory: options.embeddedClusterFactory,
    });
    const resolved: Array<{
      connection: ResolvedConnection;
      cluster: ManagementClusterConfig;
    }> = [];
    try {
      for (const cluster of clusters) {
        resolved.push({ cluster, connection: await resolver.resolve(cluster) });
      }
    } catch (e) {
      await Promise.all(resolved.map(r => r.connection.close()));
      throw e;
    }
    if (clusters.length === 0) {
      options.logger.warn(
        'No k0rdent management clusters configured (k0rdent.managementClusters); the fleet is empty',
      );
    }
    return K0rdentFleet.create({
      logger: options.logger,
      settings,
      indexes: options.indexes,
      clusters: resolved.map(r => ({
        connection: r.connection,
        title: r.cluster.title,
      })),
    });
  }

  /** Creates a fleet from resolved connections. Does not start it. */
  static create(options: K0rdentFleetOptions): K0rdentFleet {
    return new K0rdentFleet(options);
  }

  private constructor(options: K0rdentFleetOptions) {
    this.#logger = options.logger;
    for (const { connection, title } of options.clusters) {
      if (this.#members.has(connection.name)) {
        throw new Error(
          `Duplicate management cluster name '${connection.name}'`,
        );
      }
      const cache = FleetCache.create({
        name: connection.name,
        title: title ?? connection.name,
        kubeConfig: connection.kubeConfig,
        logger: options.logger.child({ managementCluster: connection.name }),
        settings: options.settings,
        indexes: options.indexes,
      });
      this.#members.set(connection.name, {
        info: {
          name: connection.name,
          title: title ?? connection.name,
          server: connection.server,
        },
        cache,
        connection,
      });
    }
  }

  clusters(): ManagementClusterInfo[] {
    return [...this.#members.values()].map(m => ({ ...m.info }));
  }

  #member(clusterName: string): Member {
    const member = this.#members.get(clusterName);
    if (!member) {
      throw new NotFoundError(
        `No management cluster named '${clusterName}' is configured`,
      );
    }
    return member;
  }

  get(clusterName: string): FleetCache {
    return this.#member(clusterName).cache;
  }

  find(clusterName: string): FleetCache | undefined {
    return this.#members.get(clusterName)?.cache;
  }

  client(clusterName: string): K0rdentKubernetesClient {
    const member = this.#member(clusterName);
    member.client ??= K0rdentKubernetesClient.fromKubeConfig(
      member.connection.kubeConfig,
    );
    return member.client;
  }

  health(): FleetClusterHealth[] {
    return [...this.#members.values()].map(m => m.cache.health());
  }

  subscribe(listener: FleetChangeListener): () => void {
    const unsubscribes = [...this.#members.values()].map(m =>
      m.cache.subscribe(listener),
    );
    return () => unsubscribes.forEach(u => u());
  }

  onHealthChange(listener: FleetHealthListener): () => void {
    const unsubscribes = [...this.#members.values()].map(m =>
      m.cache.onHealthChange(listener),
    );
    return () => unsubscribes.forEach(u => u());
  }

  async waitForSync(options: { timeoutMs?: number } = {}): Promise<void> {
    await Promise.all(
      [...this.#members.values()].map(m => m.cache.waitForSync(options)),
    );
  }

  /** Starts every cache. Returns at once. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    for (const member of this.#members.values()) member.cache.start();
  }

  /** Stops every cache (all watches and timers), then closes the connections. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await Promise.all([...this.#members.values()].map(m => m.cache.stop()));
    await Promise.all(
      [...this.#members.values()].map(async m => {
        try {
          await m.connection.close();
        } catch (e) {
          this.#logger.warn(
            `Closing the connection to '${m.info.name}' failed: ${
              (e as Error)?.message ?? e
            }`,
          );
        }
      }),
    );
  }
}
