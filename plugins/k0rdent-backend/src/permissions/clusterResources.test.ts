import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  k0rdentClusterDeletePermission,
  k0rdentClusterReadPermission,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentClusterResource } from '@k0rdent-backstage/plugin-k0rdent-node';
import { ClusterAuthorizer } from './clusterResources';
import { k0rdentClusterConditions } from './conditionExports';
import { k0rdentClusterRules } from './rules';

const rulesByName = new Map(
  Object.values(k0rdentClusterRules).map(rule => [rule.name, rule]),
);

function authorizerAnswering(conditions: any) {
  return new ClusterAuthorizer({
    permissions: {
      authorize: async () => [{ result: AuthorizeResult.DENY }],
      authorizeConditional: async () => [
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'k0rdent',
          resourceType: 'k0rdent-cluster',
          conditions,
        },
      ],
    } as any,
    permissionsRegistry: {
      getPermissionRuleset: () => ({
        getRuleByName: (name: string) => rulesByName.get(name)!,
      }),
    } as any,
  });
}

function cluster(
  overrides: Partial<K0rdentClusterResource>,
): K0rdentClusterResource {
  return {
    managementCluster: 'demo',
    namespace: 'team-a',
    name: 'c1',
    owner: 'group:default/team-a',
    tenant: 'PLATFORM',
    ...overrides,
  };
}

const credentials = mockCredentials.user('user:default/jane');

describe('ClusterAuthorizer', () => {
  it('applies nested conditions of one decision to every cluster', async () => {
    const authorizer = authorizerAnswering({
      anyOf: [
        k0rdentClusterConditions.isClusterOwner({
          claims: ['group:default/team-a'],
        }),
        {
          allOf: [
            k0rdentClusterConditions.isTenantMember({
              claims: ['group:default/team-a'],
            }),
            {
              not: k0rdentClusterConditions.isInNamespace({
                namespaces: ['kcm-system'],
              }),
            },
          ],
        },
      ],
    });
    const canRead = await authorizer.predicate(
      credentials,
      k0rdentClusterReadPermission,
    );
    expect(canRead(cluster({}))).toBe(true);
    expect(canRead(cluster({ owner: 'group:default/other' }))).toBe(false);
    expect(
      canRead(
        cluster({
          owner: 'group:default/other',
          tenantOwner: 'group:default/team-a',
        }),
      ),
    ).toBe(true);
    expect(
      canRead(
        cluster({
          owner: 'group:default/other',
          tenantOwner: 'group:default/team-a',
          namespace: 'kcm-system',
        }),
      ),
    ).toBe(false);
  });

  it('names the cluster and the permission when it refuses', async () => {
    const authorizer = authorizerAnswering(
      k0rdentClusterConditions.isClusterOwner({ claims: ['user:default/x'] }),
    );
    await expect(
      authorizer.authorize(
        credentials,
        k0rdentClusterDeletePermission,
        cluster({}),
      ),
    ).rejects.toThrow(
      'You may not delete cluster team-a/c1 on demo (k0rdent.cluster.delete)',
    );
  });

  it('fails loudly on a policy that passes bad rule parameters', async () => {
    const authorizer = authorizerAnswering({
      rule: 'IS_CLUSTER_OWNER',
      resourceType: 'k0rdent-cluster',
      params: { claims: 'not-a-list' },
    });
    await expect(
      authorizer.predicate(credentials, k0rdentClusterReadPermission),
    ).rejects.toThrow(/Parameters of permission rule IS_CLUSTER_OWNER/);
  });
});
