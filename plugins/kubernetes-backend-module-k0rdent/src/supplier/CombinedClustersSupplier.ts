/*
 * The clusters configured under `kubernetes.clusterLocatorMethods` plus the
 * k0rdent clusters: the Kubernetes backend takes one supplier only, and a
 * supplier registered by a module replaces its own.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';

/** Lists the configured clusters first, then the k0rdent ones. */
export class CombinedClustersSupplier implements KubernetesClustersSupplier {
  readonly #configured: KubernetesClustersSupplier;
  readonly #k0rdent: KubernetesClustersSupplier;
  readonly #logger: LoggerService;
  readonly #warned = new Set<string>();

  constructor(options: {
    configured: KubernetesClustersSupplier;
    k0rdent: KubernetesClustersSupplier;
    logger: LoggerService;
  }) {
    this.#configured = options.configured;
    this.#k0rdent = options.k0rdent;
    this.#logger = options.logger;
  }

  async getClusters(
    options: Parameters<KubernetesClustersSupplier['getClusters']>[0],
  ): Promise<ClusterDetails[]> {
    const [configured, k0rdent] = await Promise.all([
      this.#configured.getClusters(options),
      this.#k0rdent.getClusters(options),
    ]);
    const names = new Set(configured.map(c => c.name));
    const clusters = [...configured];
    for (const cluster of k0rdent) {
      if (names.has(cluster.name)) {
        if (!this.#warned.has(cluster.name)) {
          this.#warned.add(cluster.name);
          this.#logger.warn(
            `The k0rdent cluster '${cluster.name}' has the name of a configured Kubernetes cluster; the configured one is used`,
          );
        }
        continue;
      }
      clusters.push(cluster);
    }
    return clusters;
  }
}
