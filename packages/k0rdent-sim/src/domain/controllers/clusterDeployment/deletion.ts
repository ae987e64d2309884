/*
 * Deletion of a ClusterDeployment as KCM reports it: the Deleting condition walks
 * through its reasons while ServiceSets, cloud resources (with cleanupOnDeletion), the
 * HelmRelease and the CAPI cluster go away; then the finalizer is removed.
 */
import {
  CONDITION_REASONS as REASONS,
  CONDITION_TYPES as TYPES,
  type ClusterDeployment,
  type ClusterDeploymentStatus,
  type Condition,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { toKubeTime } from '../../clock';
import { setCondition, type ConditionUpdate } from '../../kube/conditions';
import { finishStatus, type ClusterContext } from './clusterStatus';
import { SHARE_EPSILON } from './rollout';

export type DeletionStage =
  | 'services'
  | 'cloudResources'
  | 'helmRelease'
  | 'cluster'
  | 'completed'
  | 'gone';

export interface Deletion {
  startedAt: number;
  durationMs: number;
}

function scheduleOf(cd: ClusterDeployment): Array<[number, DeletionStage]> {
  return [
    [0, 'services'],
    ...(cd.spec?.cleanupOnDeletion
      ? ([[0.2, 'cloudResources']] as Array<[number, DeletionStage]>)
      : []),
    [0.4, 'helmRelease'],
    [0.6, 'cluster'],
    [0.9, 'completed'],
    [1, 'gone'],
  ];
}

export function deletionStageAt(
  cd: ClusterDeployment,
  deletion: Deletion,
  now: number,
): DeletionStage {
  const progress =
    deletion.durationMs > 0
      ? (now - deletion.startedAt) / deletion.durationMs
      : 1;
  let reached: DeletionStage = 'services';
  for (const [from, stage] of scheduleOf(cd)) {
    if (progress + SHARE_EPSILON >= from) reached = stage;
  }
  return reached;
}

export function nextDeletionBoundary(
  cd: ClusterDeployment,
  deletion: Deletion,
  now: number,
): number | undefined {
  return scheduleOf(cd)
    .map(([from]) => Math.ceil(deletion.startedAt + from * deletion.durationMs))
    .find(at => at > now);
}

const DELETING_REASON: Record<DeletionStage, [string, string]> = {
  services: [
    REASONS.waitingForServiceSetsDeletion,
    'Waiting for ServiceSets to be deleted',
  ],
  cloudResources: [
    REASONS.waitingForCloudResourcesDeletion,
    'Waiting for cloud resources to be deleted',
  ],
  helmRelease: [
    REASONS.waitingForHelmReleaseDeletion,
    'Waiting for HelmRelease to be deleted',
  ],
  cluster: [
    REASONS.waitingForClusterDeletion,
    'Waiting for CAPI Cluster to be deleted',
  ],
  completed: [REASONS.deletionCompleted, 'Deletion has been completed'],
  gone: [REASONS.deletionCompleted, 'Deletion has been completed'],
};

/** Where a deletion had got to, from the Deleting condition (to resume after a restart). */
export function deletionShareOf(
  cd: ClusterDeployment,
  condition: Condition | undefined,
): number {
  if (!condition) return 0;
  const entry = Object.entries(DELETING_REASON).find(
    ([, [reason]]) => reason === condition.reason,
  );
  const stage = entry?.[0] as DeletionStage | undefined;
  return scheduleOf(cd).find(([, s]) => s === stage)?.[0] ?? 0;
}

export function deletionStatus(
  cd: ClusterDeployment,
  deletion: Deletion,
  context: ClusterContext,
): ClusterDeploymentStatus {
  const { now } = context;
  const generation = cd.metadata.generation ?? 1;
  const stage = deletionStageAt(cd, deletion, now);
  const order: DeletionStage[] = [
    'services',
    'cloudResources',
    'helmRelease',
    'cluster',
    'completed',
    'gone',
  ];
  const atLeast = (s: DeletionStage) =>
    order.indexOf(stage) >= order.indexOf(s);
  const set = (list: Condition[], update: ConditionUpdate) =>
    setCondition(list, update, now, generation);

  let conditions = [...(cd.status?.conditions ?? [])];
  const hadCluster = conditions.some(c => c.type === TYPES.capiClusterSummary);
  if (cd.spec?.cleanupOnDeletion && atLeast('cloudResources')) {
    conditions = set(
      conditions,
      atLeast('helmRelease')
        ? {
            type: TYPES.cloudResourcesDeleted,
            status: 'True',
            reason: REASONS.succeeded,
          }
        : {
            type: TYPES.cloudResourcesDeleted,
            status: 'False',
            reason: REASONS.progressing,
            message: 'waiting for cloud resources to be deleted',
          },
    );
  }
  const reason = DELETING_REASON[stage][0];
  let message = DELETING_REASON[stage][1];
  if (hadCluster && stage === 'cluster') {
    message = '* Deleting: Waiting for Machines to be deleted';
    conditions = set(conditions, {
      type: TYPES.capiClusterSummary,
      status: 'False',
      reason: REASONS.deleting,
      message,
    });
  }
  if (hadCluster && atLeast('completed')) {
    conditions = set(conditions, {
      type: TYPES.capiClusterSummary,
      status: 'True',
      reason: REASONS.deletionCompleted,
      message: 'Cluster was deleted',
    });
  }
  conditions = set(conditions, {
    type: TYPES.deleting,
    status: 'True',
    reason,
    message,
  });

  const services =
    stage === 'services'
      ? (cd.status?.services ?? []).map(s =>
          s.state === 'Deleting'
            ? s
            : {
                ...s,
                state: 'Deleting' as const,
                lastStateTransitionTime: toKubeTime(now),
              },
        )
      : [];
  return finishStatus(
    cd,
    conditions,
    services,
    context,
    conditions.some(c => c.type === TYPES.servicesInReadyState),
  );
}
