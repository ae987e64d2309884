/*
 * A MultiClusterService and its rollout, as its page shows it, from the fleet
 * cache: its spec without any values, its conditions, and one row per matching
 * cluster (from `status.matchingClusters`) that the user may read, with the
 * states of the MultiClusterService's services on that cluster. Matching
 * clusters the user may not read are only counted, so that nothing else about
 * them is told.
 *
 * Where the service states come from: KSM reports them per cluster and
 * MultiClusterService in a ServiceSet (`spec.multiClusterService`,
 * `spec.cluster`), and collects them, without saying which
 * MultiClusterService they come from, into the ClusterDeployment's
 * `status.services`. The ServiceSet is used when the cache has it; otherwise
 * the cluster's entries with the namespace and name of one of this
 * MultiClusterService's services (a release is unique per namespace and name
 * on a cluster).
 */
import {
  k0rdentEntityRef,
  type ClusterDeployment,
  type LabelSelector,
  type MultiClusterService,
  type MultiClusterServiceCluster,
  type MultiClusterServiceDetails,
  type Service,
  type ServiceSet,
  type ServiceSpecSummary,
  type ServiceState,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ClusterReadFilter } from './clusterQuery';
import type { ClusterRow } from './clusterRows';

/** What {@link multiClusterServiceDetails} reads. */
export interface MultiClusterServiceSource {
  managementCluster: string;
  mcs: MultiClusterService;
  /** The row of a cached ClusterDeployment; undefined when it is not cached. */
  clusterRow(namespace: string, name: string): ClusterRow | undefined;
  /** The ServiceSets of this MultiClusterService (none with the simulator). */
  serviceSets: readonly ServiceSet[];
  /** Since when the management cluster does not answer (ISO time). */
  staleSince?: string;
}

/** The services of a `serviceSpec` without their values. */
export function serviceSpecSummaries(
  services: readonly Service[] | undefined,
): ServiceSpecSummary[] {
  return (services ?? []).map(s => ({
    name: s.name,
    ...(s.namespace ? { namespace: s.namespace } : {}),
    template: s.template,
    ...(s.dependsOn?.length
      ? {
          dependsOn: s.dependsOn.map(d => ({
            name: d.name,
            ...(d.namespace ? { namespace: d.namespace } : {}),
          })),
        }
      : {}),
  }));
}

/**
 * A label selector in the Kubernetes string form, e.g. `env=prod, tier in
 * (web)`; empty for an empty selector.
 */
export function labelSelectorText(selector: LabelSelector | undefined): string {
  const terms = Object.entries(selector?.matchLabels ?? {}).map(
    ([key, value]) => `${key}=${value}`,
  );
  for (const { key, operator, values = [] } of selector?.matchExpressions ??
    []) {
    switch (operator) {
      case 'In':
        terms.push(`${key} in (${values.join(', ')})`);
        break;
      case 'NotIn':
        terms.push(`${key} notin (${values.join(', ')})`);
        break;
      case 'Exists':
        terms.push(key);
        break;
      case 'DoesNotExist':
        terms.push(`!${key}`);
        break;
      default:
        terms.push(`${key} ${operator} (${values.join(', ')})`);
    }
  }
  return terms.join(', ');
}

/** `namespace/name` of a release; KSM's namespace defaults to `default`. */
function releaseKey(service: { name: string; namespace?: string }): string {
  return `${service.namespace || 'default'}/${service.name}`;
}

/** The MultiClusterService's services that KSM deploys (not disabled). */
function enabledServices(mcs: MultiClusterService): Service[] {
  return (mcs.spec?.serviceSpec?.services ?? []).filter(s => !s.disable);
}

/** The states of `keys`, in their order, among `states`. */
function statesOf(
  keys: readonly string[],
  states: readonly ServiceState[],
): ServiceState[] {
  const byKey = new Map(states.map(state => [releaseKey(state), state]));
  return keys.flatMap(key => {
    const state = byKey.get(key);
    return state ? [state] : [];
  });
}

/**
 * A MultiClusterService with the rollout over the matching clusters that
 * `allowed` lets through. A matching cluster that is not (or no longer)
 * cached is counted as hidden too: whether the user may read it cannot be
 * decided.
 */
export function multiClusterServiceDetails(
  source: MultiClusterServiceSource,
  allowed: ClusterReadFilter,
): MultiClusterServiceDetails {
  const { managementCluster, mcs, staleSince } = source;
  const name = mcs.metadata.name;
  const services = enabledServices(mcs);
  const keys = services.map(releaseKey);
  const serviceSets = new Map<string, ServiceSet>();
  for (const set of source.serviceSets) {
    if (set.spec?.multiClusterService === name && set.spec.cluster) {
      serviceSets.set(
        `${set.metadata.namespace ?? ''}/${set.spec.cluster}`,
        set,
      );
    }
  }

  const clusters: MultiClusterServiceCluster[] = [];
  let hidden = 0;
  for (const match of mcs.status?.matchingClusters ?? []) {
    const namespace = match.namespace ?? '';
    const clusterName = match.name ?? '';
    const row = clusterName
      ? source.clusterRow(namespace, clusterName)
      : undefined;
    if (!row || !allowed(row.resource)) {
      hidden += 1;
      continue;
    }
    const cluster: ClusterDeployment = row.object;
    const serviceSet = serviceSets.get(`${namespace}/${clusterName}`);
    clusters.push({
      namespace,
      name: clusterName,
      entityRef: row.summary.entityRef,
      status: staleSince ? 'Stale' : row.summary.phase,
      phase: row.summary.phase,
      deployed: match.deployed === true,
      ...(match.regional !== undefined ? { regional: match.regional } : {}),
      ...(match.reason ? { reason: match.reason } : {}),
      ...(match.message ? { message: match.message } : {}),
      ...(match.lastTransitionTime
        ? { lastTransitionTime: match.lastTransitionTime }
        : {}),
      services: statesOf(
        keys,
        serviceSet?.status?.services ?? cluster.status?.services ?? [],
      ),
    });
  }

  const selfManagement =
    mcs.spec?.serviceSpec?.provider?.selfManagement === true;
  const details: MultiClusterServiceDetails = {
    managementCluster,
    name,
    entityRef: k0rdentEntityRef({
      managementCluster,
      kind: 'MultiClusterService',
      name,
    }),
    clusterSelector: mcs.spec?.clusterSelector ?? {},
    selector: labelSelectorText(mcs.spec?.clusterSelector),
    dependsOn: mcs.spec?.dependsOn ?? [],
    selfManagement,
    services: serviceSpecSummaries(services),
    conditions: mcs.status?.conditions ?? [],
    clusters,
    managementClusterServices: selfManagement
      ? statesOf(keys, mcs.status?.services ?? [])
      : [],
    counts: {
      matching: clusters.length,
      deployed: clusters.filter(c => c.deployed).length,
      failed: clusters.filter(c => c.services.some(s => s.state === 'Failed'))
        .length,
      hidden,
    },
    stale: Boolean(staleSince),
  };
  if (staleSince) details.staleSince = staleSince;
  if (mcs.metadata.creationTimestamp) {
    details.createdAt = mcs.metadata.creationTimestamp;
  }
  return details;
}
