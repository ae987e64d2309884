/*
 * Writing conditions the way apimachinery's SetStatusCondition does, and KCM's Ready
 * aggregation (API fact sheet §2): Deleting wins, then critical errors, then warnings,
 * then unknowns, else Ready.
 */
import {
  CONDITION_REASONS,
  CONDITION_TYPES,
  type Condition,
  type ConditionStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { toKubeTime } from '../clock';

/** What a controller wants a condition to say; the time is filled in on change. */
export interface ConditionUpdate {
  type: string;
  status: ConditionStatus;
  reason: string;
  message?: string;
}

/**
 * Returns the list with the condition upserted by type. `lastTransitionTime` changes
 * only when the status changes; new conditions are appended.
 */
export function setCondition(
  conditions: readonly Condition[] | undefined,
  update: ConditionUpdate,
  nowMs: number,
  observedGeneration?: number,
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === update.type);
  const previous = index >= 0 ? list[index] : undefined;
  const next: Condition = {
    type: update.type,
    status: update.status,
    reason: update.reason,
    message: update.message ?? '',
    lastTransitionTime:
      previous && previous.status === update.status
        ? previous.lastTransitionTime
        : toKubeTime(nowMs),
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
  };
  if (index >= 0) {
    list[index] = next;
  } else {
    list.push(next);
  }
  return list;
}

/** Removes a condition by type. */
export function removeCondition(
  conditions: readonly Condition[] | undefined,
  type: string,
): Condition[] {
  return (conditions ?? []).filter(c => c.type !== type);
}

/** How a False condition counts in the Ready aggregation. */
export interface FalseConditionVerdict {
  error?: string;
  warning?: string;
}

/** Classifies False conditions; each aggregating kind has its own rules. */
export type FalseConditionClassifier = (
  condition: Condition,
  nowMs: number,
) => FalseConditionVerdict;

/** KCM never treats a CAPI cluster that is still coming up as failed within this time. */
const CAPI_PROVISIONING_TIMEOUT_MS = 30 * 60 * 1000;

/** ClusterDeployment rules (handleClusterDeploymentFailedConditions). */
export const classifyClusterDeploymentCondition: FalseConditionClassifier = (
  condition,
  nowMs,
) => {
  switch (condition.type) {
    case CONDITION_TYPES.capiClusterSummary: {
      const since = Date.parse(condition.lastTransitionTime);
      if (
        Number.isNaN(since) ||
        nowMs - since <= CAPI_PROVISIONING_TIMEOUT_MS
      ) {
        return { warning: condition.message };
      }
      return {
        error: `Cluster is not ready. Check the provider logs for more details.\n${condition.message}`,
      };
    }
    case CONDITION_TYPES.servicesInReadyState:
      return { warning: `${condition.message} Services are ready.` };
    default:
      return { error: condition.message };
  }
};

/** MultiClusterService rules: every False condition is an error. */
export const classifyMultiClusterServiceCondition: FalseConditionClassifier =
  condition => {
    switch (condition.type) {
      case CONDITION_TYPES.clusterInReadyState:
        return { error: `${condition.message} Clusters are ready.` };
      case CONDITION_TYPES.servicesInReadyState:
        return { error: `${condition.message} Services are ready.` };
      default:
        return { error: condition.message };
    }
  };

/** Recomputes the `Ready` condition from all the others. */
export function aggregateReady(
  conditions: readonly Condition[],
  classify: FalseConditionClassifier,
  nowMs: number,
  observedGeneration?: number,
): Condition[] {
  const deleting = conditions.find(
    c => c.type === CONDITION_TYPES.deleting && c.status === 'True',
  );
  if (deleting) {
    return setCondition(
      conditions,
      {
        type: CONDITION_TYPES.ready,
        status: 'False',
        reason: CONDITION_REASONS.deleting,
        message: deleting.message,
      },
      nowMs,
      observedGeneration,
    );
  }

  const errors: string[] = [];
  const warnings: string[] = [];
  const unknowns: string[] = [];
  for (const condition of conditions) {
    if (
      condition.type === CONDITION_TYPES.ready ||
      condition.type === CONDITION_TYPES.deleting
    ) {
      continue;
    }
    if (condition.type === CONDITION_TYPES.paused) {
      if (
        condition.status === 'True' &&
        condition.reason === CONDITION_REASONS.paused
      ) {
        errors.push(condition.message);
      }
      continue;
    }
    if (condition.status === 'Unknown') {
      unknowns.push(condition.message);
    } else if (condition.status === 'False') {
      const verdict = classify(condition, nowMs);
      if (verdict.error) errors.push(verdict.error);
      if (verdict.warning) warnings.push(verdict.warning);
    }
  }

  let update: Omit<ConditionUpdate, 'type'>;
  if (errors.length > 0) {
    update = {
      status: 'False',
      reason: CONDITION_REASONS.failed,
      message: errors.join('. '),
    };
  } else if (warnings.length > 0) {
    update = {
      status: 'False',
      reason: CONDITION_REASONS.progressing,
      message: warnings.join('. '),
    };
  } else if (conditions.length === 0 || unknowns.length > 0) {
    update = {
      status: 'Unknown',
      reason: CONDITION_REASONS.progressing,
      // Empty messages (fresh Unknown conditions) are left out of the joined message.
      message: unknowns.filter(Boolean).join('. '),
    };
  } else {
    update = {
      status: 'True',
      reason: CONDITION_REASONS.succeeded,
      message: 'Object is ready',
    };
  }
  return setCondition(
    conditions,
    { ...update, type: CONDITION_TYPES.ready },
    nowMs,
    observedGeneration,
  );
}
