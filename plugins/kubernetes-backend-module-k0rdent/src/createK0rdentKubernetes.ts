/*
 * The supplier, the kubeconfigs it reads and the auth strategy, wired to one
 * fleet: what the module registers, and what the tests exercise.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { K0rdentFleetService } from '@k0rdent-backstage/plugin-k0rdent-node';
import { K0rdentAuthStrategy } from './auth/K0rdentAuthStrategy';
import type { K0rdentKubernetesConfig } from './config/readK0rdentKubernetesConfig';
import { ChildKubeconfigs } from './kubeconfig/ChildKubeconfigs';
import { K0rdentClustersSupplier } from './supplier/K0rdentClustersSupplier';

/** The parts of the module, started. */
export interface K0rdentKubernetes {
  kubeconfigs: ChildKubeconfigs;
  supplier: K0rdentClustersSupplier;
  authStrategy: K0rdentAuthStrategy;
  /** Stops following the fleet and forgets every kubeconfig. */
  stop(): void;
}

/** Creates and starts the supplier, its kubeconfigs and the auth strategy. */
export function createK0rdentKubernetes(options: {
  fleet: K0rdentFleetService;
  logger: LoggerService;
  settings: K0rdentKubernetesConfig;
}): K0rdentKubernetes {
  const { fleet, logger, settings } = options;
  const kubeconfigs = new ChildKubeconfigs({
    readSecret: (managementCluster, namespace, name) =>
      fleet.client(managementCluster).get('Secret', namespace, name),
    isReachable: managementCluster =>
      fleet.find(managementCluster)?.health().connected ?? false,
    logger,
    credentialTtlMs: settings.credentialTtlMs,
    endpointRefreshMs: settings.endpointRefreshMs,
  });
  const supplier = new K0rdentClustersSupplier({
    fleet,
    kubeconfigs,
    logger,
    skipMetricsLookup: settings.skipMetricsLookup,
  });
  const authStrategy = new K0rdentAuthStrategy({
    kubeconfigs,
    clusters: supplier,
  });
  kubeconfigs.start();
  const unsubscribe = supplier.start();
  return {
    kubeconfigs,
    supplier,
    authStrategy,
    stop() {
      unsubscribe();
      kubeconfigs.stop();
    },
  };
}
