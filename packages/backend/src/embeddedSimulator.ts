/*
 * Provides the embedded simulated k0rdent management cluster to the k0rdent fleet
 * service, for management clusters configured with `embedded:` (the default
 * app-config.yaml). The plugins still talk to it over HTTP with client-node, as
 * to any management cluster; only where it runs differs.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { startSimulator } from '@k0rdent-backstage/k0rdent-sim';
import { k0rdentEmbeddedClusterFactoryServiceRef } from '@k0rdent-backstage/plugin-k0rdent-node';

export const embeddedSimulatorFactory = createServiceFactory({
  service: k0rdentEmbeddedClusterFactoryServiceRef,
  deps: { logger: coreServices.rootLogger },
  factory({ logger }) {
    return async request => {
      const simulator = await startSimulator({
        seed: request.seed ?? 'demo',
        clusters: request.clusters,
      });
      logger.info(
        `Embedded simulated k0rdent management cluster '${request.name}' serving ${simulator.url}`,
      );
      return {
        url: simulator.url,
        token: simulator.token,
        caData: Buffer.from(simulator.caCertificate).toString('base64'),
        close: () => simulator.stop(),
      };
    };
  },
});
