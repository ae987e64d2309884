import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
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
