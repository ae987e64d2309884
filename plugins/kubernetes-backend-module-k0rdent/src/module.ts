/*
 * The Kubernetes backend module: the k0rdent cluster supplier and the `k0rdent`
 * auth strategy, both reading the one fleet service of the backend.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  kubernetesAuthStrategyExtensionPoint,
  kubernetesClusterSupplierExtensionPoint,
} from '@backstage/plugin-kubernetes-node';
import { k0rdentFleetServiceRef } from '@k0rdent-backstage/plugin-k0rdent-node';
import { builtInAuthStrategies } from './auth/builtInAuthStrategies';
import { readK0rdentKubernetesConfig } from './config/readK0rdentKubernetesConfig';
import { createK0rdentKubernetes } from './createK0rdentKubernetes';
import { CombinedClustersSupplier } from './supplier/CombinedClustersSupplier';
import { K0RDENT_AUTH_PROVIDER } from './supplier/K0rdentClustersSupplier';

/**
 * Puts the Ready child clusters of every k0rdent management cluster into the
 * Backstage Kubernetes plugin.
 *
 * @public
 */
export const kubernetesModuleK0rdent = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'k0rdent',
  register(reg) {
    reg.registerInit({
      deps: {
        clusterSupplier: kubernetesClusterSupplierExtensionPoint,
        authStrategy: kubernetesAuthStrategyExtensionPoint,
        fleet: k0rdentFleetServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        clusterSupplier,
        authStrategy,
        fleet,
        config,
        logger,
        lifecycle,
      }) {
        const k0rdent = createK0rdentKubernetes({
          fleet,
          logger,
          settings: readK0rdentKubernetesConfig(config),
        });
        lifecycle.addShutdownHook(() => k0rdent.stop());

        authStrategy.addAuthStrategy(
          K0RDENT_AUTH_PROVIDER,
          k0rdent.authStrategy,
        );
        for (const [key, strategy] of builtInAuthStrategies({
          config,
          logger,
        })) {
          authStrategy.addAuthStrategy(key, strategy);
        }

        clusterSupplier.addClusterSupplier(async ({ getDefault }) => {
          // The default supplier reads kubernetes.clusterLocatorMethods, which it requires.
          if (!config.has('kubernetes.clusterLocatorMethods')) {
            return k0rdent.supplier;
          }
          return new CombinedClustersSupplier({
            configured: await getDefault(),
            k0rdent: k0rdent.supplier,
            logger,
          });
        });
      },
    });
  },
});
