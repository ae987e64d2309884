/*
 * One reconcile of a MultiClusterService, as a pure function: which clusters it
 * matches, how its services progress on each (Provisioning, then Deployed after the
 * rollout time, in dependsOn order, after the MultiClusterServices it depends on),
 * the entries to write into each ClusterDeployment's status.services, and its own
 * status (matchingClusters, conditions, self-managed services).
 */
import {
  CONDITION_REASONS as REASONS,
  CONDITION_TYPES as TYPES,
  KCM_SYSTEM_NAMESPACE,
  type ClusterDeployment,
  type Condition,
  type Credential,
  type MatchingCluster,
  type MultiClusterService,
  type MultiClusterServiceStatus,
  type Service,
  type ServiceState,
  type ServiceTemplate,
  type ServiceUpgradePaths,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { fromKubeTime, toKubeTime } from '../../clock';
import {
  aggregateReady,
  classifyMultiClusterServiceCondition,
  setCondition,
  type ConditionUpdate,
} from '../../kube/conditions';
import { deepEqual, notFoundMessage } from '../../kube/objects';
import {
  deployedHash,
  desiredServices,
  serviceKey,
} from '../clusterDeployment/ownServices';
import { serviceVersionOf } from '../templates/templateStatus';
import {
  claimedServiceKeys,
  clusterIsUp,
  owningMultiClusterService,
  selects,
  serviceKeysOf,
} from './matching';

export interface McsInput {
  mcs: MultiClusterService;
  clusters: readonly ClusterDeployment[];
  multiClusterServices: readonly MultiClusterService[];
  credential(namespace: string, name: string): Credential | undefined;
  /** ServiceTemplate lookup (namespace, name). */
  serviceTemplate(namespace: string, name: string): ServiceTemplate | undefined;
  /** `servicesUpgradePaths` of the MCS (computed by the caller from the chains). */
  upgradePaths: ServiceUpgradePaths[];
  now: number;
  /** How long one service takes to deploy on one cluster. */
  serviceRolloutMs: number;
}

export interface McsPlan {
  status: MultiClusterServiceStatus;
  /** New `status.services` for each ClusterDeployment (`namespace/name`) that changes. */
  clusterServices: Map<string, ServiceState[]>;
  /** When the next service finishes deploying somewhere. */
  nextWakeAt?: number;
}

const cdKey = (cd: ClusterDeployment) =>
  `${cd.metadata.namespace}/${cd.metadata.name}`;

function enabledServices(mcs: MultiClusterService): Service[] {
  return (mcs.spec?.serviceSpec?.services ?? []).filter(s => !s.disable);
}

/** Progress of this MCS's services on one target, from the entries already there. */
function progressServices(
  services: readonly Service[],
  existing: readonly ServiceState[],
  target: string,
  namespace: string,
  input: McsInput,
  wake: (at: number) => void,
): ServiceState[] {
  const byKey = new Map(existing.map(e => [serviceKey(e), e]));
  const deployed = (key: string) => byKey.get(key)?.state === 'Deployed';
  const result: ServiceState[] = [];
  for (const service of services) {
    const key = serviceKey(service);
    const entry = byKey.get(key);
    const template = input.serviceTemplate(namespace, service.template);
    const deps = (service.dependsOn ?? []).map(d =>
      serviceKey({ name: d.name, namespace: d.namespace ?? service.namespace }),
    );
    const waiting = deps.some(d => !deployed(d));
    const base = {
      name: service.name,
      namespace: service.namespace || 'default',
      template: service.template,
      version: service.version ?? serviceVersionOf(template, service.template),
      type: 'Helm' as const,
    };
    const state = (
      s: ServiceState['state'],
      extra: Partial<ServiceState> = {},
    ): ServiceState => ({
      ...base,
      state: s,
      lastStateTransitionTime:
        entry && entry.state === s && entry.template === service.template
          ? entry.lastStateTransitionTime
          : toKubeTime(input.now),
      ...extra,
    });
    if (
      entry &&
      entry.template === service.template &&
      entry.state === 'Deployed'
    ) {
      result.push(entry);
    } else if (!template || (template.status && !template.status.valid)) {
      result.push(
        state('Failed', {
          failureMessage: template
            ? `the ServiceTemplate ${namespace}/${
                service.template
              } is invalid with the error: ${
                template.status?.validationError ?? ''
              }`
            : `failed to get ServiceTemplate ${namespace}/${
                service.template
              }: ${notFoundMessage('ServiceTemplate', service.template)}`,
        }),
      );
    } else if (waiting) {
      result.push(state('Pending'));
    } else if (
      entry &&
      entry.template === service.template &&
      entry.state === 'Provisioning'
    ) {
      const since = fromKubeTime(entry.lastStateTransitionTime) ?? input.now;
      const doneAt = since + input.serviceRolloutMs;
      if (input.now >= doneAt) {
        result.push(
          state('Deployed', {
            lastDeployedHash: deployedHash(target, service),
          }),
        );
        byKey.set(key, { ...entry, state: 'Deployed' });
      } else {
        result.push(entry);
        wake(doneAt);
      }
    } else {
      result.push(state('Provisioning'));
      wake(input.now + input.serviceRolloutMs);
    }
  }
  return result;
}

/** Why a cluster must wait for the MCSs this one depends on, or undefined. */
function dependencyBlock(
  input: McsInput,
  cd: ClusterDeployment,
): string | undefined {
  const entries = new Map(
    (cd.status?.services ?? []).map(e => [serviceKey(e), e]),
  );
  const waitingOn: string[] = [];
  for (const name of input.mcs.spec?.dependsOn ?? []) {
    const dependency = input.multiClusterServices.find(
      m => m.metadata.name === name,
    );
    if (!dependency || !selects(dependency, cd)) continue;
    const keys = serviceKeysOf(dependency);
    const done = keys.filter(k => entries.get(k)?.state === 'Deployed').length;
    if (done < keys.length)
      waitingOn.push(`${name} (${done}/${keys.length} services deployed)`);
  }
  if (waitingOn.length === 0) return undefined;
  const shown = waitingOn.slice(0, 3).join(', ');
  const more = waitingOn.length > 3 ? ` and ${waitingOn.length - 3} more` : '';
  return `skipping create/update of ServiceSet for matching cluster ${cdKey(
    cd,
  )}: waiting on ${shown}${more}`;
}

function validationConditions(input: McsInput): ConditionUpdate[] {
  const { mcs } = input;
  const ok = (type: string): ConditionUpdate => ({
    type,
    status: 'True',
    reason: REASONS.succeeded,
  });
  const fail = (type: string, message: string): ConditionUpdate => ({
    type,
    status: 'False',
    reason: REASONS.failed,
    message,
  });

  const referenceErrors = enabledServices(mcs).flatMap(service => {
    const template = input.serviceTemplate(
      KCM_SYSTEM_NAMESPACE,
      service.template,
    );
    if (!template) {
      return [
        `failed to get ServiceTemplate ${KCM_SYSTEM_NAMESPACE}/${
          service.template
        }: ${notFoundMessage('ServiceTemplate', service.template)}`,
      ];
    }
    if (template.status && !template.status.valid) {
      return [
        `the ServiceTemplate ${KCM_SYSTEM_NAMESPACE}/${
          service.template
        } is invalid with the error: ${template.status.validationError ?? ''}`,
      ];
    }
    return [];
  });
  const missingDependencies = (mcs.spec?.dependsOn ?? []).filter(
    name =>
      name === mcs.metadata.name ||
      !input.multiClusterServices.some(m => m.metadata.name === name),
  );
  return [
    referenceErrors.length
      ? fail(TYPES.servicesReferencesValidation, referenceErrors.join('\n'))
      : ok(TYPES.servicesReferencesValidation),
    ok(TYPES.servicesDependencyValidation),
    missingDependencies.length
      ? fail(
          TYPES.multiClusterServiceDependencyValidation,
          missingDependencies
            .map(name => `dependency MultiClusterService ${name} is not found`)
            .join('\n'),
        )
      : ok(TYPES.multiClusterServiceDependencyValidation),
  ];
}

export function planMultiClusterService(input: McsInput): McsPlan {
  const { mcs, now } = input;
  const generation = mcs.metadata.generation ?? 1;
  const services = enabledServices(mcs);
  const ownKeys = new Set(services.map(serviceKey));
  let nextWakeAt: number | undefined;
  const wake = (at: number) => {
    nextWakeAt = nextWakeAt === undefined ? at : Math.min(nextWakeAt, at);
  };

  const previous = new Map(
    (mcs.status?.matchingClusters ?? []).map(m => [
      `${m.namespace}/${m.name}`,
      m,
    ]),
  );
  const matched = input.clusters.filter(cd => selects(mcs, cd));
  const clusterServices = new Map<string, ServiceState[]>();
  const matchingClusters: MatchingCluster[] = [];
  let blockedCount = 0;

  for (const cd of matched) {
    const key = cdKey(cd);
    const existing = cd.status?.services ?? [];
    const cdOwn = new Set(desiredServices(cd).map(serviceKey));
    const block = dependencyBlock(input, cd);
    // Entries nobody claims any more (a service removed from an MCS) go.
    const claims = claimedServiceKeys(cd, input.multiClusterServices);
    let entries = existing.filter(
      e => cdOwn.has(serviceKey(e)) || claims.has(serviceKey(e)),
    );
    if (clusterIsUp(cd) && !block) {
      // Services the CD deploys itself win over the same release from an MCS; among
      // MCSs, the one with the highest priority deploys it.
      const mine = services.filter(
        s =>
          !cdOwn.has(serviceKey(s)) &&
          owningMultiClusterService(
            serviceKey(s),
            cd,
            input.multiClusterServices,
          ) === mcs.metadata.name,
      );
      const progressed = progressServices(
        mine,
        entries,
        cd.metadata.name,
        cd.metadata.namespace ?? '',
        input,
        wake,
      );
      const byKey = new Map(progressed.map(e => [serviceKey(e), e]));
      entries = [
        ...entries.map(e => byKey.get(serviceKey(e)) ?? e),
        ...progressed.filter(
          e => !entries.some(x => serviceKey(x) === serviceKey(e)),
        ),
      ];
    }
    if (!deepEqual(entries, existing)) {
      clusterServices.set(key, entries);
    }
    if (block) blockedCount++;
    const byKey = new Map(entries.map(e => [serviceKey(e), e]));
    const deployed =
      !block && [...ownKeys].every(k => byKey.get(k)?.state === 'Deployed');
    const before = previous.get(key);
    const credential = input.credential(
      cd.metadata.namespace ?? '',
      cd.spec?.credential ?? '',
    );
    matchingClusters.push({
      apiVersion: cd.apiVersion,
      kind: 'ClusterDeployment',
      name: cd.metadata.name,
      namespace: cd.metadata.namespace,
      deployed,
      regional: Boolean(credential?.spec?.region),
      lastTransitionTime:
        before && before.deployed === deployed && before.lastTransitionTime
          ? before.lastTransitionTime
          : toKubeTime(now),
      ...(block
        ? {
            reason: REASONS.multiClusterServiceDependencyNotReady,
            message: block,
          }
        : {}),
    });
  }

  // Clusters that stopped matching lose this MCS's services (unless it keeps them).
  if (!mcs.spec?.keepServicesOnSelectorMismatch) {
    const others = input.multiClusterServices.filter(
      m => m.metadata.name !== mcs.metadata.name,
    );
    for (const cd of input.clusters) {
      const key = cdKey(cd);
      if (
        !previous.has(key) ||
        matched.includes(cd) ||
        cd.metadata.deletionTimestamp
      )
        continue;
      const keep = claimedServiceKeys(cd, others);
      const cdOwn = new Set(desiredServices(cd).map(serviceKey));
      const existing = cd.status?.services ?? [];
      const remaining = existing.filter(e => {
        const k = serviceKey(e);
        return !ownKeys.has(k) || cdOwn.has(k) || keep.has(k);
      });
      if (remaining.length !== existing.length)
        clusterServices.set(key, remaining);
    }
  }

  // The management cluster itself, with selfManagement.
  const selfManaged = mcs.spec?.serviceSpec?.provider?.selfManagement === true;
  const managementServices = selfManaged
    ? progressServices(
        services,
        mcs.status?.services ?? [],
        'management',
        KCM_SYSTEM_NAMESPACE,
        input,
        wake,
      )
    : [];
  const managementDeployed =
    selfManaged && managementServices.every(s => s.state === 'Deployed');

  matchingClusters.sort((a, b) =>
    `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
  const total = matchingClusters.length + (selfManaged ? 1 : 0);
  const ready =
    matchingClusters.filter(m => m.deployed).length +
    (managementDeployed ? 1 : 0);

  const updates: ConditionUpdate[] = [
    ...validationConditions(input),
    blockedCount > 0
      ? {
          type: TYPES.multiClusterServiceDependencyReady,
          status: 'False',
          reason: REASONS.multiClusterServiceDependencyNotReady,
          message: `waiting for MultiClusterService dependencies to be ready on ${blockedCount} matching cluster(s)`,
        }
      : {
          type: TYPES.multiClusterServiceDependencyReady,
          status: 'True',
          reason: REASONS.succeeded,
        },
    {
      type: TYPES.clusterInReadyState,
      status: ready < total ? 'False' : 'True',
      reason: ready < total ? REASONS.failed : REASONS.succeeded,
      message: `${ready}/${total}`,
    },
  ];
  let conditions: Condition[] = [...(mcs.status?.conditions ?? [])];
  for (const update of updates)
    conditions = setCondition(conditions, update, now, generation);
  conditions = aggregateReady(
    conditions,
    classifyMultiClusterServiceCondition,
    now,
    generation,
  );

  const {
    matchingClusters: _m,
    services: _s,
    servicesUpgradePaths: _u,
    ...rest
  } = mcs.status ?? {};
  return {
    clusterServices,
    nextWakeAt,
    status: {
      ...rest,
      conditions,
      ...(matchingClusters.length > 0 ? { matchingClusters } : {}),
      ...(managementServices.length > 0
        ? { services: managementServices }
        : {}),
      ...(input.upgradePaths.length > 0
        ? { servicesUpgradePaths: input.upgradePaths }
        : {}),
      observedGeneration: generation,
    },
  };
}
