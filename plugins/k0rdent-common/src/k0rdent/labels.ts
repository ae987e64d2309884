/*
 * What a ClusterDeployment's labels say about it in KOF terms, and whether an object
 * is an AccessManagement copy.
 */
import { K0RDENT_LABELS, PLATFORM_TENANT } from './constants';
import type { ObjectMeta } from './meta';

type WithLabels = { metadata?: Pick<ObjectMeta, 'labels'> };

/** KOF role of a ClusterDeployment; only these two values are handled by KOF. @public */
export type KofRole = 'child' | 'regional';

/**
 * The KOF tenant of a ClusterDeployment: its `kof-tenant-id` label, or `PLATFORM`
 * when the label is absent or empty.
 * @public
 */
export function tenantOf(cd: WithLabels): string {
  const tenant = cd.metadata?.labels?.[K0RDENT_LABELS.kofTenantId];
  return tenant ? tenant : PLATFORM_TENANT;
}

/** The KOF role of a ClusterDeployment, or undefined for any other value. @public */
export function kofRoleOf(cd: WithLabels): KofRole | undefined {
  const role = cd.metadata?.labels?.[K0RDENT_LABELS.kofClusterRole];
  return role === 'child' || role === 'regional' ? role : undefined;
}

/**
 * The labels KOF puts on a cluster's metrics: `cluster` is the ClusterDeployment's
 * name; `tenant` is injected at write time for every cluster but a regional one,
 * whose data is written with unfiltered credentials and has none (undefined).
 * @public
 */
export function kofMetricLabelsOf(
  cd: WithLabels & { metadata: { name: string } },
): {
  cluster: string;
  tenant: string | undefined;
} {
  return {
    cluster: cd.metadata.name,
    tenant: kofRoleOf(cd) === 'regional' ? undefined : tenantOf(cd),
  };
}

/** Whether the object was copied into its namespace by AccessManagement. @public */
export function isTemplateCopy(obj: WithLabels): boolean {
  return obj.metadata?.labels?.[K0RDENT_LABELS.managed] === 'true';
}
