/*
 * The status of a ClusterDeployment at a point of its rollout: conditions in the order
 * KCM sets them, services, Ready aggregated from the rest. Pure, so that seeds and the
 * controller produce the very same statuses.
 */
import {
  CONDITION_REASONS as REASONS,
  CONDITION_TYPES as TYPES,
  type ClusterDeployment,
  type ClusterDeploymentStatus,
  type ClusterTemplate,
  type Condition,
  type Credential,
  type ServiceState,
  type ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  aggregateReady,
  classifyClusterDeploymentCondition,
  setCondition,
  type ConditionUpdate,
} from '../../kube/conditions';
import {
  infrastructureProvisioningMessage,
  rollingUpdateMessage,
  workersProvisioningMessage,
} from './capiMessages';
import { composeServices, ownServiceStates } from './ownServices';
import { stageAt, stageIndex, type Rollout, type Stage } from './rollout';

/** Everything the status depends on besides the object itself. */
export interface ClusterContext {
  now: number;
  credential?: Credential;
  template?: ClusterTemplate;
  serviceTemplate(name: string): ServiceTemplate | undefined;
  /** Service keys MultiClusterServices deploy to this cluster. */
  claimedByMultiClusterServices: ReadonlySet<string>;
}

/** The conditions KCM initialises as Unknown on first reconcile. */
export function initialConditions(
  conditions: readonly Condition[] | undefined,
  dryRun: boolean,
  now: number,
  generation: number,
): Condition[] {
  let list = [...(conditions ?? [])];
  for (const type of [
    TYPES.credentialReady,
    TYPES.helmReleaseReady,
    TYPES.helmChartReady,
    TYPES.templateReady,
    TYPES.ready,
  ]) {
    if (type === TYPES.helmReleaseReady && dryRun) continue;
    if (!list.some(c => c.type === type)) {
      list = setCondition(
        list,
        { type, status: 'Unknown', reason: REASONS.progressing },
        now,
        generation,
      );
    }
  }
  return list;
}

/** ServicesInReadyState from the service list ("ready/total", Deleting ones not counted). */
export function servicesCondition(
  services: readonly ServiceState[],
): ConditionUpdate {
  const counted = services.filter(s => s.state !== 'Deleting');
  const ready = counted.filter(s => s.state === 'Deployed').length;
  const complete = ready === counted.length;
  return {
    type: TYPES.servicesInReadyState,
    status: complete ? 'True' : 'False',
    reason: complete ? REASONS.succeeded : REASONS.failed,
    message: `${ready}/${counted.length}`,
  };
}

/** The last stage a rollout can reach: dry runs stop before the chart, failed releases at the release. */
function reachableStage(
  cd: ClusterDeployment,
  rollout: Rollout,
  now: number,
): Stage {
  const stage = stageAt(rollout, now);
  if (cd.spec?.dryRun && stageIndex(stage) > stageIndex('templateReady')) {
    return 'templateReady';
  }
  if (
    rollout.helmOutcome &&
    !rollout.helmOutcome.succeeded &&
    stageIndex(stage) > stageIndex('releaseReady')
  ) {
    return 'releaseReady';
  }
  return stage;
}

/** Finishes a status: services condition, Ready, observedGeneration, region and k8sVersion. */
export function finishStatus(
  cd: ClusterDeployment,
  conditions: Condition[],
  services: ServiceState[],
  context: ClusterContext,
  withServicesCondition: boolean,
): ClusterDeploymentStatus {
  const generation = cd.metadata.generation ?? 1;
  let list = conditions;
  if (withServicesCondition) {
    list = setCondition(
      list,
      servicesCondition(services),
      context.now,
      generation,
    );
  }
  list = aggregateReady(
    list,
    classifyClusterDeploymentCondition,
    context.now,
    generation,
  );
  const {
    services: _services,
    region: _region,
    k8sVersion: _k8s,
    ...rest
  } = cd.status ?? {};
  const region = context.credential?.spec?.region;
  const k8sVersion = context.template?.status?.k8sVersion;
  return {
    ...rest,
    conditions: list,
    ...(k8sVersion ? { k8sVersion } : {}),
    ...(region ? { region } : {}),
    ...(services.length > 0 ? { services } : {}),
    observedGeneration: generation,
  };
}

/** The status of a ClusterDeployment `rollout` has brought to the stage of `now`. */
export function rolloutStatus(
  cd: ClusterDeployment,
  rollout: Rollout,
  context: ClusterContext,
): ClusterDeploymentStatus {
  const { now, template } = context;
  const generation = cd.metadata.generation ?? 1;
  const dryRun = cd.spec?.dryRun === true;
  const stage = stageIndex(reachableStage(cd, rollout, now));
  const set = (list: Condition[], update: ConditionUpdate) =>
    setCondition(list, update, now, generation);
  const ok = (type: string): ConditionUpdate => ({
    type,
    status: 'True',
    reason: REASONS.succeeded,
  });

  let conditions = initialConditions(
    cd.status?.conditions,
    dryRun,
    now,
    generation,
  );
  const install = rollout.kind === 'install';
  // Preconditions passed; an install reveals them one by one, later rollouts keep them True.
  if (!install || stage >= stageIndex('credentialReady'))
    conditions = set(conditions, ok(TYPES.credentialReady));
  if (!install || stage >= stageIndex('templateReady'))
    conditions = set(conditions, ok(TYPES.templateReady));
  if (!dryRun && (!install || stage >= stageIndex('chartReady')))
    conditions = set(conditions, ok(TYPES.helmChartReady));

  if (!dryRun && rollout.kind !== 'services') {
    if (stage === stageIndex('releaseRunning')) {
      conditions = set(conditions, {
        type: TYPES.helmReleaseReady,
        status: 'Unknown',
        reason: REASONS.progressing,
        message: `Running '${
          install ? 'install' : 'upgrade'
        }' action with timeout of 10m0s`,
      });
    } else if (stage >= stageIndex('releaseReady') && rollout.helmOutcome) {
      conditions = set(conditions, {
        type: TYPES.helmReleaseReady,
        status: rollout.helmOutcome.succeeded ? 'True' : 'False',
        reason: rollout.helmOutcome.reason,
        message: rollout.helmOutcome.message,
      });
    }
    const capi = (status: 'True' | 'False', message = ''): ConditionUpdate => ({
      type: TYPES.capiClusterSummary,
      status,
      reason: status === 'True' ? REASONS.succeeded : 'IssuesReported',
      message,
    });
    // The CAPI Cluster exists as soon as the release is installed.
    const releaseDone =
      stage >= stageIndex('releaseReady') &&
      rollout.helmOutcome?.succeeded === true;
    if (releaseDone && stage <= stageIndex('capiProvisioning')) {
      conditions = set(
        conditions,
        capi(
          'False',
          install
            ? infrastructureProvisioningMessage(cd, template)
            : rollingUpdateMessage(cd),
        ),
      );
    } else if (releaseDone && stage === stageIndex('capiControlPlaneReady')) {
      conditions = set(
        conditions,
        capi('False', workersProvisioningMessage(cd, template)),
      );
    } else if (releaseDone && stage >= stageIndex('capiReady')) {
      conditions = set(conditions, capi('True'));
    }
  }

  const own = ownServiceStates({
    cd,
    rollout,
    now,
    serviceTemplate: context.serviceTemplate,
  });
  const services = composeServices(
    cd,
    own,
    context.claimedByMultiClusterServices,
  );
  const clusterUp = !dryRun && stage >= stageIndex('capiReady');
  const hadServicesCondition = conditions.some(
    c => c.type === TYPES.servicesInReadyState,
  );
  return finishStatus(
    cd,
    conditions,
    services,
    context,
    clusterUp || hadServicesCondition,
  );
}

/** The status when a precondition fails: the failing conditions set, everything else kept. */
export function blockedStatus(
  cd: ClusterDeployment,
  failures: ConditionUpdate[],
  context: ClusterContext,
): ClusterDeploymentStatus {
  const generation = cd.metadata.generation ?? 1;
  let conditions = initialConditions(
    cd.status?.conditions,
    cd.spec?.dryRun === true,
    context.now,
    generation,
  );
  for (const failure of failures) {
    conditions = setCondition(conditions, failure, context.now, generation);
  }
  const own = ownServiceStates({
    cd,
    rollout: undefined,
    now: context.now,
    serviceTemplate: context.serviceTemplate,
  });
  const services = composeServices(
    cd,
    own,
    context.claimedByMultiClusterServices,
  );
  const hadServicesCondition = conditions.some(
    c => c.type === TYPES.servicesInReadyState,
  );
  return finishStatus(cd, conditions, services, context, hadServicesCondition);
}
