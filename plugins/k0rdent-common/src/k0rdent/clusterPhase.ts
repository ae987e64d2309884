/*
 * The one-word lifecycle phase of a ClusterDeployment, derived the way KCM's Ready
 * aggregation defines it (API fact sheet §2).
 */
import { CONDITION_REASONS, CONDITION_TYPES } from './constants';
import { getCondition, type WithConditions } from './conditions';
import type { ObjectMeta } from './meta';

/** Lifecycle phase of a ClusterDeployment. @public */
export type ClusterPhase = 'Ready' | 'Provisioning' | 'Failed' | 'Deleting';

/**
 * - `Deleting`: deletionTimestamp set, or a True `Deleting` condition;
 * - `Ready`: the `Ready` condition is True;
 * - `Failed`: `Ready` is False for a critical reason (anything but Progressing);
 * - `Provisioning`: otherwise (no status yet, Ready Unknown, or False/Progressing).
 * @public
 */
export function clusterPhase(
  cd: WithConditions & { metadata?: Pick<ObjectMeta, 'deletionTimestamp'> },
): ClusterPhase {
  const deleting = getCondition(cd, CONDITION_TYPES.deleting);
  if (cd.metadata?.deletionTimestamp || deleting?.status === 'True') {
    return 'Deleting';
  }
  const ready = getCondition(cd, CONDITION_TYPES.ready);
  if (ready?.status === 'True') {
    return 'Ready';
  }
  if (ready?.status === 'False') {
    if (ready.reason === CONDITION_REASONS.deleting) {
      return 'Deleting';
    }
    if (ready.reason !== CONDITION_REASONS.progressing) {
      return 'Failed';
    }
  }
  return 'Provisioning';
}
