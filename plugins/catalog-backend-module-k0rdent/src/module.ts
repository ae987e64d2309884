/*
 * The catalog module: one entity provider per configured management cluster,
 * all reading the one fleet service of the backend.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { k0rdentFleetServiceRef } from '@k0rdent-backstage/plugin-k0rdent-node';
import { readK0rdentCatalogConfig } from './config';
import { K0rdentEntityProvider } from './provider';

/**
 * Puts the k0rdent fleet into the catalog.
 *
 * @public
 */
export const catalogModuleK0rdentEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'k0rdent-entity-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        fleet: k0rdentFleetServiceRef,
      },
      async init({ catalog, config, logger, scheduler, fleet }) {
        const catalogConfig = readK0rdentCatalogConfig(config);
        for (const managementCluster of fleet.clusters()) {
          catalog.addEntityProvider(
            new K0rdentEntityProvider({
              managementCluster,
              cache: fleet.get(managementCluster.name),
              config: catalogConfig,
              logger,
              taskRunner: scheduler.createScheduledTaskRunner(
                catalogConfig.schedule,
              ),
            }),
          );
        }
      },
    });
  },
});
