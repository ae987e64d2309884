/*
 * The scaffolder module: registers the k0rdent actions, each calling the
 * k0rdent backend as the user who runs the template.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createClusterCreateAction,
  createClusterDeleteAction,
  createClusterUpgradeAction,
  createServiceDeployAction,
} from './actions';
import { K0rdentApiClient } from './K0rdentApiClient';

/**
 * Adds the `k0rdent:*` actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleK0rdent = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'k0rdent',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        const client = new K0rdentApiClient({ discovery, auth });
        scaffolder.addActions(
          createClusterCreateAction({ client }),
          createClusterUpgradeAction({ client }),
          createClusterDeleteAction({ client }),
          createServiceDeployAction({ client }),
        );
      },
    });
  },
});
