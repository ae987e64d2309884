/*
 * Benchmark child: the same backend and core services as the k0rdent one
 * (a plugin that depends on the very services the k0rdent plugin uses), but
 * none of our code, as the baseline of the memory comparison.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { AddressInfo } from 'node:net';
import { runBenchChild } from './benchChild';

const baselinePlugin = createBackendPlugin({
  pluginId: 'baseline',
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
      },
      async init({ httpRouter, database }) {
        await database.getClient();
        httpRouter.use((_req, res) => {
          res.json({ status: 'ok' });
        });
      },
    });
  },
});

runBenchChild(async () => {
  const backend = await startTestBackend({
    features: [baselinePlugin, mockServices.rootConfig.factory({ data: {} })],
  });
  const { port } = backend.server.address() as AddressInfo;
  return {
    baseUrl: `http://localhost:${port}/api/baseline`,
    stop: () => backend.stop(),
  };
});
