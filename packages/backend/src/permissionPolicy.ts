/*
 * The portal's permission policy. Kept small and explicit so that adopters can
 * read it as an example of how to combine Backstage's and k0rdent's rules.
 */
import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import {
  k0rdentClusterCostReadPermission,
  k0rdentClusterDeletePermission,
  k0rdentClusterUpdatePermission,
  k0rdentMultiClusterServiceApplyPermission,
  RESOURCE_TYPE_K0RDENT_CLUSTER,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  createK0rdentClusterConditionalDecision,
  k0rdentClusterConditions,
} from '@k0rdent-backstage/plugin-k0rdent-backend';

/**
 * The group whose members may roll services out across clusters with
 * MultiClusterServices and use the Kubernetes plugin's proxy: this app's
 * choice, an example for adopters.
 */
const PLATFORM_GROUP = 'group:default/platform';

/**
 * Basic permissions only the platform group holds. The Kubernetes proxy
 * forwards any request, writes included, to a child cluster with that
 * cluster's own (admin) kubeconfig.
 */
const PLATFORM_ONLY = new Set([
  k0rdentMultiClusterServiceApplyPermission.name,
  kubernetesProxyPermission.name,
]);

/**
 * Signed-in users may read the catalog and the fleet and ask for new clusters.
 * Removing an entity from the catalog, and upgrading, changing or deleting a
 * k0rdent cluster, is reserved to its owners; a cluster's cost is for its owners
 * and the members of its KOF tenant; MultiClusterServices, which reach every
 * matching cluster, and the Kubernetes proxy, which acts on a child cluster as
 * its admin, are for the platform team.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { permission } = request;
    if (isResourcePermission(permission, RESOURCE_TYPE_K0RDENT_CLUSTER)) {
      return this.#k0rdentClusterDecision(permission, user);
    }
    if (PLATFORM_ONLY.has(permission.name)) {
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      return {
        result: ownershipEntityRefs.includes(PLATFORM_GROUP)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (
      isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY) &&
      permission.attributes.action === 'delete'
    ) {
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }

  async #k0rdentClusterDecision(
    permission: ResourcePermission<typeof RESOURCE_TYPE_K0RDENT_CLUSTER>,
    user: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { ownershipEntityRefs: claims } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    switch (permission.name) {
      case k0rdentClusterUpdatePermission.name:
      case k0rdentClusterDeletePermission.name:
        return createK0rdentClusterConditionalDecision(
          permission,
          k0rdentClusterConditions.isClusterOwner({ claims }),
        );
      case k0rdentClusterCostReadPermission.name:
        return createK0rdentClusterConditionalDecision(permission, {
          anyOf: [
            k0rdentClusterConditions.isClusterOwner({ claims }),
            k0rdentClusterConditions.isTenantMember({ claims }),
          ],
        });
      default:
        return { result: AuthorizeResult.ALLOW };
    }
  }
}

export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new PortalPermissionPolicy(userInfo));
      },
    });
  },
});
