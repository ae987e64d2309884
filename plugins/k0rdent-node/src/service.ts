/*
 * The fleet as a Backstage service.
 *
 * Root-scoped on purpose: the catalog module and the k0rdent backend plugin both
 * depend on it, and a root service has one instance per backend process, so both
 * read the same caches over the same watches. A plugin-scoped service would run
 * its factory once per consuming plugin: two copies of a 10,000-cluster fleet in
 * memory and twice the watches on every management cluster.
 */
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { EmbeddedClusterFactory } from './config/ConnectionResolver';
import { K0rdentFleet, K0rdentFleetService } from './fleet/K0rdentFleet';

/**
 * Where the backend provides the embedded simulated management cluster.
 *
 * @remarks
 * A root-scoped multiton with no default: this package never imports the
 * simulator. A backend that supports `embedded` connections registers one factory:
 *
 * ```ts
 * backend.add(createServiceFactory({
 *   service: k0rdentEmbeddedClusterFactoryServiceRef,
 *   deps: {},
 *   factory: () => async request => startEmbeddedCluster(request),
 * }));
 * ```
 *
 * @public
 */
export const k0rdentEmbeddedClusterFactoryServiceRef =
  createServiceRef<EmbeddedClusterFactory>({
    id: 'k0rdent.embedded-cluster-factory',
    scope: 'root',
    multiton: true,
  });

/**
 * The k0rdent fleet: one cache and one write client per management cluster
 * configured under `k0rdent.managementClusters`.
 *
 * @remarks
 * Root-scoped, so every plugin and module of a backend shares one instance
 * (one set of watches, one copy of the fleet in memory). Created lazily by the
 * first plugin that depends on it; the caches start then and stop on backend
 * shutdown.
 *
 * @public
 */
export const k0rdentFleetServiceRef = createServiceRef<K0rdentFleetService>({
  id: 'k0rdent.fleet',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      initialization: 'lazy',
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
        embeddedClusterFactories: k0rdentEmbeddedClusterFactoryServiceRef,
      },
      async factory({ config, logger, lifecycle, embeddedClusterFactories }) {
        if (embeddedClusterFactories.length > 1) {
          throw new Error(
            `More than one k0rdent embedded cluster factory is installed (${embeddedClusterFactories.length}); install one`,
          );
        }
        const fleet = await K0rdentFleet.fromConfig(config, {
          logger: logger.child({ service: 'k0rdent-fleet' }),
          embeddedClusterFactory: embeddedClusterFactories[0],
        });
        fleet.start();
        lifecycle.addShutdownHook(() => fleet.stop());
        return fleet;
      },
    }),
});
