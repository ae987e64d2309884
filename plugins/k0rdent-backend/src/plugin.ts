/*
 * The k0rdent backend plugin: reads the fleet from the shared fleet cache,
 * records what users ask for and reconciles it into the management clusters.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  k0rdentBasicPermissions,
  k0rdentClusterResourcePermissions,
  parseClusterRef,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  k0rdentClusterPermissionResourceRef,
  k0rdentFleetServiceRef,
  readK0rdentOwnership,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { FleetReader } from './fleet/FleetReader';
import { KofReader } from './kof/KofReader';
import { PromxyClient } from './kof/PromxyClient';
import { readKofSettings } from './kof/readKofSettings';
import {
  ClusterAuthorizer,
  clusterResourceOf,
} from './permissions/clusterResources';
import { k0rdentClusterRules } from './permissions/rules';
import { readReconcilerSettings } from './reconciler/readReconcilerSettings';
import { Reconciler } from './reconciler/Reconciler';
import { DesiredStateStore } from './requests/DesiredStateStore';
import { RequestService } from './requests/RequestService';
import { createRouter } from './router';

/**
 * The k0rdent backend plugin (id `k0rdent`).
 *
 * @public
 */
export const k0rdentPlugin = createBackendPlugin({
  pluginId: 'k0rdent',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        userInfo: coreServices.userInfo,
        fleet: k0rdentFleetServiceRef,
      },
      async init({
        config,
        logger,
        database,
        scheduler,
        auditor,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        lifecycle,
        userInfo,
        fleet,
      }) {
        const ownership = readK0rdentOwnership(config);

        permissionsRegistry.addPermissions(k0rdentBasicPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: k0rdentClusterPermissionResourceRef,
          permissions: k0rdentClusterResourcePermissions,
          rules: Object.values(k0rdentClusterRules),
          getResources: async refs =>
            refs.map(ref => {
              const parsed = parseClusterRef(ref);
              const object =
                parsed &&
                fleet
                  .find(parsed.managementCluster)
                  ?.get('ClusterDeployment', parsed.namespace, parsed.name);
              return parsed && object
                ? clusterResourceOf(
                    ownership,
                    parsed.managementCluster,
                    object as ClusterDeployment,
                  )
                : undefined;
            }),
        });
        const authorizer = new ClusterAuthorizer({
          permissions,
          permissionsRegistry,
        });

        const store = await DesiredStateStore.create({ database });
        const reconciler = new Reconciler({
          store,
          fleet,
          logger: logger.child({ task: 'k0rdent-reconciler' }),
          settings: readReconcilerSettings(config),
        });
        const reader = new FleetReader({ fleet, ownership });
        const kofSettings = readKofSettings(config);
        const kof = new KofReader({
          fleet,
          promxy: new PromxyClient({ fleet, settings: kofSettings }),
          currency: kofSettings.currency,
          alignMs: kofSettings.cacheTtlMs,
        });
        const requests = new RequestService({
          store,
          fleet,
          ownership,
          auditor,
          userInfo,
          authorizer,
          schemas: reader,
          onAccepted: () => reconciler.kick(),
        });
        await reconciler.schedule(scheduler);
        lifecycle.addShutdownHook(() => reconciler.stop());

        httpRouter.use(
          await createRouter({
            httpAuth,
            fleet,
            authorizer,
            ownership,
            reader,
            requests,
            kof,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
