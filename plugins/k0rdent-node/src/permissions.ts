/*
 * The permission resource of a ClusterDeployment: what the k0rdent backend's
 * rules decide on. Here, in -node, so that policy modules and other backend
 * plugins can refer to it without depending on the backend plugin.
 */
import {
  RESOURCE_TYPE_K0RDENT_CLUSTER,
  type ClusterRef,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * A cluster as permission rules see it: where it is and who it belongs to.
 *
 * @public
 */
export interface K0rdentClusterResource extends ClusterRef {
  /** Owner entity ref, by the same rules as the catalog entity's owner. */
  owner: string;
  /** KOF tenant id (`PLATFORM` without a tenant label). */
  tenant: string;
  /** Owner entity ref of the tenant, when the tenant has one in config. */
  tenantOwner?: string;
}

/**
 * A filter the rules translate to: one property of the resource must be one of
 * the values. Combined with allOf / anyOf / not by the permission framework.
 *
 * @public
 */
export interface K0rdentClusterFilter {
  property: 'owner' | 'tenantOwner' | 'managementCluster' | 'namespace';
  values: string[];
}

/**
 * The permission resource ref of k0rdent clusters (plugin `k0rdent`, resource
 * type `k0rdent-cluster`).
 *
 * @public
 */
export const k0rdentClusterPermissionResourceRef = createPermissionResourceRef<
  K0rdentClusterResource,
  K0rdentClusterFilter
>().with({
  pluginId: 'k0rdent',
  resourceType: RESOURCE_TYPE_K0RDENT_CLUSTER,
});
