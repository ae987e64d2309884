/*
 * The k0rdent plugins' permissions. Defined here so that the frontend can ask
 * `usePermission` about them and policies can name them; the resource ref lives
 * in -node, the rules in -backend.
 */
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of a ClusterDeployment in permission checks. Resource refs are
 * {@link stringifyClusterRef} strings (`<managementCluster>/<namespace>/<name>`).
 *
 * @public
 */
export const RESOURCE_TYPE_K0RDENT_CLUSTER = 'k0rdent-cluster';

/** Asking for a new cluster. A basic permission: the cluster does not exist yet. @public */
export const k0rdentClusterCreatePermission = createPermission({
  name: 'k0rdent.cluster.create',
  attributes: { action: 'create' },
});

/** Seeing a cluster, its conditions, services, events and requests. @public */
export const k0rdentClusterReadPermission = createPermission({
  name: 'k0rdent.cluster.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_K0RDENT_CLUSTER,
});

/** Changing a cluster: upgrading its template, changing its services. @public */
export const k0rdentClusterUpdatePermission = createPermission({
  name: 'k0rdent.cluster.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_K0RDENT_CLUSTER,
});

/** Decommissioning a cluster. @public */
export const k0rdentClusterDeletePermission = createPermission({
  name: 'k0rdent.cluster.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_K0RDENT_CLUSTER,
});

/** Reading a cluster's cost (KOF / OpenCost). @public */
export const k0rdentClusterCostReadPermission = createPermission({
  name: 'k0rdent.cluster.cost.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_K0RDENT_CLUSTER,
});

/**
 * Creating or changing a MultiClusterService: services rolled out to every
 * cluster a label selector matches, so a platform-level permission.
 *
 * @public
 */
export const k0rdentMultiClusterServiceApplyPermission = createPermission({
  name: 'k0rdent.multi-cluster-service.apply',
  attributes: { action: 'update' },
});

/** The resource permissions on clusters. @public */
export const k0rdentClusterResourcePermissions = [
  k0rdentClusterReadPermission,
  k0rdentClusterUpdatePermission,
  k0rdentClusterDeletePermission,
  k0rdentClusterCostReadPermission,
];

/** The basic permissions: nothing to decide on exists yet (creation) or it spans clusters. @public */
export const k0rdentBasicPermissions = [
  k0rdentClusterCreatePermission,
  k0rdentMultiClusterServiceApplyPermission,
];

/** Every k0rdent permission, for registration and policy authors. @public */
export const k0rdentPermissions = [
  ...k0rdentBasicPermissions,
  ...k0rdentClusterResourcePermissions,
];

/** Where a ClusterDeployment lives. @public */
export interface ClusterRef {
  managementCluster: string;
  namespace: string;
  name: string;
}

/**
 * `<managementCluster>/<namespace>/<name>`: the resource ref of a cluster in
 * permission checks. Unambiguous, since none of the three may contain `/`.
 *
 * @public
 */
export function stringifyClusterRef(ref: ClusterRef): string {
  return `${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

/** The inverse of {@link stringifyClusterRef}; undefined for anything else. @public */
export function parseClusterRef(value: string): ClusterRef | undefined {
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some(p => p === '')) {
    return undefined;
  }
  const [managementCluster, namespace, name] = parts;
  return { managementCluster, namespace, name };
}
