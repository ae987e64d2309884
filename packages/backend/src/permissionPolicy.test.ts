import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  k0rdentClusterCostReadPermission,
  k0rdentClusterCreatePermission,
  k0rdentClusterDeletePermission,
  k0rdentClusterReadPermission,
  k0rdentClusterUpdatePermission,
  k0rdentMultiClusterServiceApplyPermission,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { PortalPermissionPolicy } from './permissionPolicy';

describe('PortalPermissionPolicy', () => {
  const userInfo = mockServices.userInfo({
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/payments'],
  });
  const policy = new PortalPermissionPolicy(userInfo);
  const user = {
    credentials: mockCredentials.user('user:default/guest'),
    info: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [] },
  };

  it('lets signed-in users read the catalog', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets only owners remove an entity, by the groups the user belongs to', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      user,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        params: {
          claims: ['user:default/guest', 'group:default/payments'],
        },
      },
    });
  });

  it('denies requests without a user', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});

describe('PortalPermissionPolicy for k0rdent', () => {
  const userInfo = mockServices.userInfo({
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/payments'],
  });
  const policy = new PortalPermissionPolicy(userInfo);
  const user = {
    credentials: mockCredentials.user('user:default/guest'),
    info: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [] },
  };

  it('lets any signed-in user ask for a cluster and read the fleet', async () => {
    for (const permission of [
      k0rdentClusterCreatePermission,
      k0rdentClusterReadPermission,
    ]) {
      await expect(policy.handle({ permission }, user)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets only owners upgrade or delete a cluster', async () => {
    for (const permission of [
      k0rdentClusterUpdatePermission,
      k0rdentClusterDeletePermission,
    ]) {
      await expect(policy.handle({ permission }, user)).resolves.toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'k0rdent',
        resourceType: 'k0rdent-cluster',
        conditions: {
          rule: 'IS_CLUSTER_OWNER',
          params: {
            claims: ['user:default/guest', 'group:default/payments'],
          },
        },
      });
    }
  });

  it("shows a cluster's cost to its owners and its tenant's members", async () => {
    const decision = await policy.handle(
      { permission: k0rdentClusterCostReadPermission },
      user,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [{ rule: 'IS_CLUSTER_OWNER' }, { rule: 'IS_TENANT_MEMBER' }],
      },
    });
  });

  it.each([
    ['multi-cluster services', k0rdentMultiClusterServiceApplyPermission],
    [
      "the Kubernetes proxy (a child cluster's admin)",
      kubernetesProxyPermission,
    ],
  ])('keeps %s to the platform team', async (_what, permission) => {
    await expect(policy.handle({ permission }, user)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    const platform = new PortalPermissionPolicy(
      mockServices.userInfo({
        userEntityRef: 'user:default/ops',
        ownershipEntityRefs: ['user:default/ops', 'group:default/platform'],
      }),
    );
    await expect(
      platform.handle(
        { permission },
        { ...user, credentials: mockCredentials.user('user:default/ops') },
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it("lets signed-in users see a cluster's workloads in the Kubernetes tab", async () => {
    await expect(
      policy.handle({ permission: kubernetesResourcesReadPermission }, user),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
