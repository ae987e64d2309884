/*
 * The Ready ClusterDeployments of every management cluster as Kubernetes
 * clusters, served from the fleet cache and the kubeconfigs in memory: no list
 * against a management cluster per call.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import {
  clusterPhase,
  ENTITY_ANNOTATIONS,
  k0rdentEntityName,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  FleetChangeEvent,
  K0rdentFleetService,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  ChildClusterLocation,
  ChildKubeconfigs,
} from '../kubeconfig/ChildKubeconfigs';
import type { ChildEndpoint } from '../kubeconfig/parseChildKubeconfig';

/**
 * The `authProvider` of the clusters this module supplies, and the key of its
 * auth strategy.
 *
 * @public
 */
export const K0RDENT_AUTH_PROVIDER = 'k0rdent';

/**
 * The Kubernetes cluster name of a ClusterDeployment: its catalog entity name
 * (`<management cluster>_clusterd_<namespace>_<name>`, see `k0rdentEntityName`),
 * which the catalog module also puts into the entity's
 * `backstage.io/kubernetes-cluster` annotation.
 *
 * @public
 */
export function k0rdentKubernetesClusterName(location: {
  managementCluster: string;
  namespace: string;
  name: string;
}): string {
  return k0rdentEntityName({ ...location, kind: 'ClusterDeployment' });
}

/** Where the auth strategy finds a supplied cluster's kubeconfig (nothing secret). */
export function authMetadataOf(
  location: ChildClusterLocation,
): Record<string, string> {
  return {
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: K0RDENT_AUTH_PROVIDER,
    [ENTITY_ANNOTATIONS.managementCluster]: location.managementCluster,
    [ENTITY_ANNOTATIONS.namespace]: location.namespace,
    [ENTITY_ANNOTATIONS.name]: location.name,
  };
}

/** The ClusterDeployment an auth metadata block points at, or undefined. */
export function locationFromAuthMetadata(
  authMetadata: Record<string, string> | undefined,
): ChildClusterLocation | undefined {
  const managementCluster =
    authMetadata?.[ENTITY_ANNOTATIONS.managementCluster];
  const namespace = authMetadata?.[ENTITY_ANNOTATIONS.namespace];
  const name = authMetadata?.[ENTITY_ANNOTATIONS.name];
  return managementCluster && namespace && name
    ? { managementCluster, namespace, name }
    : undefined;
}

/**
 * Options of {@link K0rdentClustersSupplier}.
 *
 * @public
 */
export interface K0rdentClustersSupplierOptions {
  fleet: K0rdentFleetService;
  kubeconfigs: ChildKubeconfigs;
  logger: LoggerService;
  /** Sets `skipMetricsLookup` on every supplied cluster (default false). */
  skipMetricsLookup?: boolean;
  /**
   * How long `getClusters` waits for kubeconfigs it has never read (right after
   * start-up); clusters whose kubeconfig is still being read are left out of
   * that answer and appear in a later one. Default 5 s.
   */
  firstReadWaitMs?: number;
}

function locationOf(
  managementCluster: string,
  object: ClusterDeployment,
): ChildClusterLocation {
  return {
    managementCluster,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name,
    uid: object.metadata.uid,
  };
}

function isReadyCluster(object: ClusterDeployment): boolean {
  return clusterPhase(object) === 'Ready';
}

/**
 * Lists every Ready ClusterDeployment of every management cluster as a
 * Kubernetes cluster: its URL and CA from its kubeconfig Secret, authProvider
 * `k0rdent`. A cluster whose kubeconfig Secret is missing or unusable is left
 * out. While a management cluster does not answer, its clusters stay listed as
 * they were last seen.
 *
 * @public
 */
export class K0rdentClustersSupplier implements KubernetesClustersSupplier {
  readonly #fleet: K0rdentFleetService;
  readonly #kubeconfigs: ChildKubeconfigs;
  readonly #skipMetricsLookup: boolean;
  readonly #firstReadWaitMs: number;

  constructor(options: K0rdentClustersSupplierOptions) {
    this.#fleet = options.fleet;
    this.#kubeconfigs = options.kubeconfigs;
    this.#skipMetricsLookup = options.skipMetricsLookup ?? false;
    this.#firstReadWaitMs = options.firstReadWaitMs ?? 5000;
  }

  /**
   * Follows the fleet: reads the kubeconfig of a cluster as soon as it is
   * Ready, forgets a cluster that is deleted or no longer Ready. Returns the
   * function that stops following.
   */
  start(): () => void {
    return this.#fleet.subscribe(event => this.#onChange(event));
  }

  /** The same for every caller: the fleet is not filtered per user. */
  async getClusters(
    _options?: Parameters<KubernetesClustersSupplier['getClusters']>[0],
  ): Promise<ClusterDetails[]> {
    const ready = this.#readyClusters();
    const pending: Promise<void>[] = [];
    for (const location of ready) {
      const state = this.#kubeconfigs.listable(location);
      if (!state.endpoint && state.pending) pending.push(state.pending);
    }
    if (pending.length > 0) {
      await this.#waitAtMost(Promise.all(pending), this.#firstReadWaitMs);
    }
    const clusters: ClusterDetails[] = [];
    for (const location of ready) {
      const endpoint = this.#kubeconfigs.endpoint(location);
      if (endpoint) clusters.push(this.#details(location, endpoint));
    }
    return clusters;
  }

  /** Whether the ClusterDeployment exists in the fleet cache and is Ready. */
  isReady(location: ChildClusterLocation): boolean {
    const object = this.#fleet
      .find(location.managementCluster)
      ?.get('ClusterDeployment', location.namespace, location.name);
    return Boolean(object && isReadyCluster(object as ClusterDeployment));
  }

  #readyClusters(): ChildClusterLocation[] {
    const ready: ChildClusterLocation[] = [];
    for (const managementCluster of this.#fleet.clusters()) {
      const cache = this.#fleet.find(managementCluster.name);
      if (!cache) continue;
      const objects = (
        cache.list('ClusterDeployment') as unknown as ClusterDeployment[]
      ).filter(isReadyCluster);
      for (const object of objects) {
        ready.push(locationOf(managementCluster.name, object));
      }
    }
    return ready;
  }

  #details(
    location: ChildClusterLocation,
    endpoint: ChildEndpoint,
  ): ClusterDetails {
    return {
      name: k0rdentKubernetesClusterName(location),
      title: `${location.name} (${location.managementCluster}/${location.namespace})`,
      url: endpoint.server,
      ...(endpoint.caData ? { caData: endpoint.caData } : {}),
      authMetadata: authMetadataOf(location),
      skipMetricsLookup: this.#skipMetricsLookup,
    };
  }

  #onChange(event: FleetChangeEvent) {
    if (event.kind !== 'ClusterDeployment') return;
    const object = event.object as unknown as ClusterDeployment;
    const location = locationOf(event.cluster, object);
    if (event.type === 'deleted' || !isReadyCluster(object)) {
      this.#kubeconfigs.forget(location);
    } else {
      this.#kubeconfigs.listable(location);
    }
  }

  async #waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      promise,
      new Promise<void>(resolve => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    if (timer) clearTimeout(timer);
  }
}
