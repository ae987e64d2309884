/*
 * Benchmark child: a backend with the k0rdent plugin on the management cluster
 * of the kubeconfig given as the first argument, reported ready once its fleet
 * cache is synced.
 *
 * Its permission policy allows everything, except for {@link CONDITIONAL_USER}:
 * that user gets the decision a typical policy gives, "clusters you or your
 * team own, or of your tenant", so that the cost of applying conditional
 * decisions to the whole fleet is measured too.
 */
import {
  coreServices,
  createServiceFactory,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type DefinitivePolicyDecision,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { startK0rdentBackend } from '../src/__testUtils__/k0rdentBackend';
import { runBenchChild } from './benchChild';

/** The user whose cluster reads are decided by conditions. */
export const CONDITIONAL_USER = 'user:default/bench-owner';

const CLAIMS = [CONDITIONAL_USER, 'group:default/payments'];

const permissions: PermissionsService = {
  authorize: async requests =>
    requests.map(
      (): DefinitivePolicyDecision => ({ result: AuthorizeResult.ALLOW }),
    ),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map((): PolicyDecision => {
      const principal = credentials.principal as { userEntityRef?: string };
      if (principal.userEntityRef !== CONDITIONAL_USER) {
        return { result: AuthorizeResult.ALLOW };
      }
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'k0rdent',
        resourceType: 'k0rdent-cluster',
        conditions: {
          anyOf: [
            {
              rule: 'IS_CLUSTER_OWNER',
              resourceType: 'k0rdent-cluster',
              params: { claims: CLAIMS },
            },
            {
              rule: 'IS_TENANT_MEMBER',
              resourceType: 'k0rdent-cluster',
              params: { claims: CLAIMS },
            },
          ],
        },
      };
    }),
};

runBenchChild(async () => {
  const kubeconfig = process.argv[2];
  return startK0rdentBackend({
    simulators: {},
    config: {
      k0rdent: {
        managementClusters: [{ name: 'sim', kubeconfig: { path: kubeconfig } }],
      },
    },
    features: [
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
    ],
  });
});
