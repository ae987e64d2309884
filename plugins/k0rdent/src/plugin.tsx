/*
 * The k0rdent frontend plugin for the new frontend system. For now it
 * provides the k0rdent API to the app, which the scaffolder form fields
 * (installed by the scaffolder module in ./alpha) and later k0rdent pages use.
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  K0rdentClient,
  k0rdentApiRef,
} from '@k0rdent-backstage/plugin-k0rdent-react';

/** `api:k0rdent`: the k0rdent API over HTTP. */
const k0rdentApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: k0rdentApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new K0rdentClient(deps),
    }),
});

/**
 * The k0rdent plugin: provides `k0rdentApiRef`.
 *
 * @public
 */
export const k0rdentPlugin = createFrontendPlugin({
  pluginId: 'k0rdent',
  info: { packageJson: () => import('../package.json') },
  extensions: [k0rdentApi],
});
