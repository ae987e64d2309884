/*
 * Test and benchmark helper: a catalog backend with this module, reading a
 * simulated management cluster over HTTP as it would read a real one.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import type { Simulator } from '@k0rdent-backstage/k0rdent-sim';
import { managementClustersConfig } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import type { JsonObject } from '@backstage/types';
import type { AddressInfo } from 'node:net';
import { catalogModuleK0rdentEntityProvider } from '../module';

/** The module's config used by the tests and the benchmark. */
export const TEST_CATALOG_CONFIG = {
  providers: {
    k0rdent: {
      ownership: {
        tenants: { payments: 'group:default/payments' },
        default: 'group:default/platform',
      },
    },
  },
};

/**
 * Starts the catalog with the k0rdent module on `simulator` (management cluster
 * `sim`), plus any `others` by name; returns its URL.
 */
export async function startCatalogOnSimulator(
  simulator: Simulator,
  options: { fleet?: JsonObject; others?: Record<string, Simulator> } = {},
): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const simulators = { sim: simulator, ...options.others };
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleK0rdentEntityProvider,
      mockServices.rootConfig.factory({
        data: {
          k0rdent: {
            managementClusters: managementClustersConfig(simulators),
            ...(options.fleet ? { fleet: options.fleet } : {}),
          },
          catalog: TEST_CATALOG_CONFIG,
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { baseUrl: `http://localhost:${port}`, stop: () => backend.stop() };
}
