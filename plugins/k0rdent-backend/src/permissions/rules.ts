/*
 * Permission rules on k0rdent clusters. Policies combine them into conditional
 * decisions (see conditionExports.ts); the backend applies them to one cluster
 * or filters lists with them.
 */
import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  k0rdentClusterPermissionResourceRef,
  type K0rdentClusterResource,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { z } from 'zod';

const claims = z.object({
  claims: z
    .array(z.string())
    .describe(
      "Entity refs the user is or is a member of, e.g. the user's ownershipEntityRefs",
    ),
});

/** The cluster's owner is one of the claims. @public */
export const isClusterOwner = createPermissionRule({
  name: 'IS_CLUSTER_OWNER',
  description: 'Allow clusters owned by one of the given users or groups',
  resourceRef: k0rdentClusterPermissionResourceRef,
  paramsSchema: claims,
  apply: (resource: K0rdentClusterResource, { claims: refs }) =>
    refs.includes(resource.owner),
  toQuery: ({ claims: refs }) => ({ property: 'owner', values: refs }),
});

/** The owner of the cluster's KOF tenant is one of the claims. @public */
export const isTenantMember = createPermissionRule({
  name: 'IS_TENANT_MEMBER',
  description:
    "Allow clusters whose KOF tenant is owned by one of the given users or groups (the tenant's members)",
  resourceRef: k0rdentClusterPermissionResourceRef,
  paramsSchema: claims,
  apply: (resource: K0rdentClusterResource, { claims: refs }) =>
    resource.tenantOwner !== undefined && refs.includes(resource.tenantOwner),
  toQuery: ({ claims: refs }) => ({ property: 'tenantOwner', values: refs }),
});

/** The cluster lives on one of the named management clusters. @public */
export const isInManagementCluster = createPermissionRule({
  name: 'IS_IN_MANAGEMENT_CLUSTER',
  description: 'Allow clusters on the given management clusters',
  resourceRef: k0rdentClusterPermissionResourceRef,
  paramsSchema: z.object({
    managementClusters: z
      .array(z.string())
      .describe('Names of management clusters from k0rdent.managementClusters'),
  }),
  apply: (resource: K0rdentClusterResource, { managementClusters }) =>
    managementClusters.includes(resource.managementCluster),
  toQuery: ({ managementClusters }) => ({
    property: 'managementCluster',
    values: managementClusters,
  }),
});

/** The cluster's ClusterDeployment is in one of the named namespaces. @public */
export const isInNamespace = createPermissionRule({
  name: 'IS_IN_NAMESPACE',
  description:
    'Allow clusters whose ClusterDeployment is in the given namespaces',
  resourceRef: k0rdentClusterPermissionResourceRef,
  paramsSchema: z.object({
    namespaces: z.array(z.string()).describe('Kubernetes namespaces'),
  }),
  apply: (resource: K0rdentClusterResource, { namespaces }) =>
    namespaces.includes(resource.namespace),
  toQuery: ({ namespaces }) => ({ property: 'namespace', values: namespaces }),
});

/** Every rule, keyed as policy authors use them. @public */
export const k0rdentClusterRules = {
  isClusterOwner,
  isTenantMember,
  isInManagementCluster,
  isInNamespace,
};
