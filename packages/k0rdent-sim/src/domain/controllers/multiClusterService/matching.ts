/*
 * Which ClusterDeployments a MultiClusterService targets, and which service entries
 * in a ClusterDeployment's status belong to MultiClusterServices.
 */
import {
  CONDITION_TYPES,
  getCondition,
  type ClusterDeployment,
  type MultiClusterService,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  isEmptySelector,
  matchesLabelSelector,
} from '../../kube/labelSelector';
import { serviceKey } from '../clusterDeployment/ownServices';

/** KCM: an empty selector matches no ClusterDeployment; deleting ones are not targeted. */
export function selects(
  mcs: MultiClusterService,
  cd: ClusterDeployment,
): boolean {
  const selector = mcs.spec?.clusterSelector;
  if (isEmptySelector(selector) || cd.metadata.deletionTimestamp) {
    return false;
  }
  return matchesLabelSelector(cd.metadata.labels, selector!);
}

/** Service keys of a MultiClusterService's enabled services. */
export function serviceKeysOf(mcs: MultiClusterService): string[] {
  return (mcs.spec?.serviceSpec?.services ?? [])
    .filter(s => !s.disable)
    .map(serviceKey);
}

/**
 * Keys of service entries MultiClusterServices keep on a cluster: those of every MCS
 * selecting it, and of MCSs that keep services when the selector stops matching.
 */
export function claimedServiceKeys(
  cd: ClusterDeployment,
  multiClusterServices: readonly MultiClusterService[],
): Set<string> {
  const keys = new Set<string>();
  for (const mcs of multiClusterServices) {
    if (selects(mcs, cd) || mcs.spec?.keepServicesOnSelectorMismatch) {
      for (const key of serviceKeysOf(mcs)) keys.add(key);
    }
  }
  return keys;
}

/** Services can be deployed once the CAPI cluster is up and while it is not being deleted. */
export function clusterIsUp(cd: ClusterDeployment): boolean {
  return (
    !cd.metadata.deletionTimestamp &&
    getCondition(cd, CONDITION_TYPES.capiClusterSummary)?.status === 'True'
  );
}

/** Priority of an MCS's services (provider config wins over the deprecated field). */
export function priorityOf(mcs: MultiClusterService): number {
  const spec = mcs.spec?.serviceSpec;
  const fromConfig = spec?.provider?.config?.priority;
  return typeof fromConfig === 'number' ? fromConfig : spec?.priority ?? 100;
}

/**
 * Which MultiClusterService deploys a service on a cluster when several want the same
 * release: the highest priority, then the oldest, then the first by name.
 */
export function owningMultiClusterService(
  key: string,
  cd: ClusterDeployment,
  multiClusterServices: readonly MultiClusterService[],
): string | undefined {
  const candidates = multiClusterServices
    .filter(mcs => selects(mcs, cd) && serviceKeysOf(mcs).includes(key))
    .sort(
      (a, b) =>
        priorityOf(b) - priorityOf(a) ||
        (a.metadata.creationTimestamp ?? '').localeCompare(
          b.metadata.creationTimestamp ?? '',
        ) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  return candidates[0]?.metadata.name;
}
