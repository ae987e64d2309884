/*
 * Test helper: a fleet of management clusters held in memory. Each one is a
 * real FleetCache fed through a small in-memory FleetTransport, so objects,
 * change events and health (including a management cluster that stops
 * answering) behave as in production, without any server.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import {
  findKind,
  type KindInfo,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  FleetCache,
  KubernetesApiError,
  type FleetTransport,
  type FleetTransportListPage,
  type FleetTransportWatch,
  type FleetTransportWatchEvent,
  type FleetTransportWatchOptions,
  type K0rdentFleetService,
  type K0rdentKubernetesClient,
  type KubeObject,
  type KubeObjectMeta,
} from '@k0rdent-backstage/plugin-k0rdent-node';

/** The kinds the fleet reader reads. */
export const MEMORY_FLEET_KINDS = [
  'ClusterDeployment',
  'ClusterTemplate',
  'ServiceTemplate',
  'ClusterTemplateChain',
  'ServiceTemplateChain',
  'Credential',
  'Region',
];

interface Watcher {
  kind: string;
  onEvent(event: FleetTransportWatchEvent): void;
  end(error?: unknown): void;
}

function connectionError(): KubernetesApiError {
  return new KubernetesApiError({
    code: 0,
    reason: 'ConnectionError',
    message: 'ConnectionError: cannot reach the API server (ECONNREFUSED)',
    retryable: true,
  });
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** One management cluster's objects, served to a FleetCache as its API server would. */
export class MemoryManagementCluster implements FleetTransport {
  #rv = 1;
  #down = false;
  readonly #objects = new Map<string, Map<string, KubeObject>>();
  readonly #watchers = new Set<Watcher>();

  /** Creates or replaces an object (apiVersion and resourceVersion are filled in). */
  put(object: {
    kind: string;
    metadata: KubeObjectMeta;
    [field: string]: unknown;
  }): KubeObject {
    const info = findKind(object.kind)!;
    this.#rv += 1;
    const stored: KubeObject = {
      apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
      ...structuredClone(object),
      metadata: {
        ...structuredClone(object.metadata),
        resourceVersion: String(this.#rv),
      },
    };
    let objects = this.#objects.get(object.kind);
    if (!objects) {
      objects = new Map();
      this.#objects.set(object.kind, objects);
    }
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    const existed = objects.has(key);
    objects.set(key, stored);
    this.#send(object.kind, existed ? 'MODIFIED' : 'ADDED', stored);
    return stored;
  }

  /** Deletes an object. */
  remove(kind: string, namespace: string | undefined, name: string) {
    const key = keyOf(namespace, name);
    const existing = this.#objects.get(kind)?.get(key);
    if (!existing) return;
    this.#objects.get(kind)!.delete(key);
    this.#rv += 1;
    this.#send(kind, 'DELETED', {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(this.#rv) },
    });
  }

  /** Every request fails and every watch breaks until {@link up}. */
  goDown() {
    this.#down = true;
    for (const watcher of [...this.#watchers]) watcher.end(connectionError());
  }

  up() {
    this.#down = false;
  }

  #send(kind: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', o: KubeObject) {
    for (const watcher of [...this.#watchers]) {
      if (watcher.kind === kind) {
        watcher.onEvent({ type, object: structuredClone(o) });
      }
    }
  }

  async list(kind: KindInfo): Promise<FleetTransportListPage> {
    await Promise.resolve();
    if (this.#down) throw connectionError();
    return {
      items: structuredClone([
        ...(this.#objects.get(kind.kind)?.values() ?? []),
      ]),
      resourceVersion: String(this.#rv),
    };
  }

  async watch(
    kind: KindInfo,
    options: FleetTransportWatchOptions,
  ): Promise<FleetTransportWatch> {
    await Promise.resolve();
    if (this.#down) throw connectionError();
    let resolveDone!: () => void;
    let rejectDone!: (e: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    done.catch(() => {});
    const watcher: Watcher = {
      kind: kind.kind,
      onEvent: e => options.onEvent(e),
      end: error => {
        if (!this.#watchers.delete(watcher)) return;
        if (error) rejectDone(error);
        else resolveDone();
      },
    };
    this.#watchers.add(watcher);
    return { done, abort: () => watcher.end() };
  }
}

/** A fleet service over in-memory management clusters, for FleetReader tests. */
export interface MemoryFleet extends K0rdentFleetService {
  /** Write clients by management cluster; tests put stubs here. */
  clients: Map<string, Partial<K0rdentKubernetesClient>>;
  start(): void;
  stop(): Promise<void>;
}

/** Creates a fleet whose management clusters are the given in-memory ones. */
export function createMemoryFleet(
  clusters: Record<string, MemoryManagementCluster>,
): MemoryFleet {
  const caches = new Map<string, FleetCache>();
  for (const [name, transport] of Object.entries(clusters)) {
    caches.set(
      name,
      FleetCache.create({
        name,
        transport,
        logger: mockServices.logger.mock(),
        settings: {
          kinds: MEMORY_FLEET_KINDS,
          backoffInitialMs: 10,
          backoffMaxMs: 50,
          watchTimeoutSeconds: 600,
        },
      }),
    );
  }
  const cacheOf = (name: string) => {
    const cache = caches.get(name);
    if (!cache) throw new NotFoundError(`No management cluster '${name}'`);
    return cache;
  };
  const clients = new Map<string, Partial<K0rdentKubernetesClient>>();
  return {
    clients,
    clusters: () =>
      [...caches.keys()].map(name => ({ name, title: name, server: 'memory' })),
    get: cacheOf,
    find: name => caches.get(name),
    client: name => {
      cacheOf(name);
      const client = clients.get(name);
      if (!client) throw new Error(`No client stub for '${name}'`);
      return client as K0rdentKubernetesClient;
    },
    health: () => [...caches.values()].map(c => c.health()),
    subscribe: listener => {
      const offs = [...caches.values()].map(c => c.subscribe(listener));
      return () => offs.forEach(off => off());
    },
    onHealthChange: listener => {
      const offs = [...caches.values()].map(c => c.onHealthChange(listener));
      return () => offs.forEach(off => off());
    },
    waitForSync: async options => {
      await Promise.all([...caches.values()].map(c => c.waitForSync(options)));
    },
    start: () => caches.forEach(c => c.start()),
    stop: async () => {
      await Promise.all([...caches.values()].map(c => c.stop()));
    },
  };
}
