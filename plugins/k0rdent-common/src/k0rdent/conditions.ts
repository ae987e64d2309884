/*
 * Reading conditions: the one place that knows how to find a condition and what
 * "ready" means for a k0rdent object.
 */
import { CONDITION_TYPES } from './constants';
import type { Condition } from './meta';

/** Anything with conditions (and, for Credential/Release, a `ready` flag). @public */
export interface WithConditions {
  status?: {
    conditions?: readonly Condition[];
    ready?: boolean;
  };
}

/** The condition of the given type, or undefined. @public */
export function getCondition(
  obj: WithConditions | undefined,
  type: string,
): Condition | undefined {
  return obj?.status?.conditions?.find(condition => condition.type === type);
}

/**
 * Whether the object is ready: its `Ready` condition is True. Kinds without a Ready
 * condition but with `status.ready` (Credential, Release) use that flag.
 * @public
 */
export function isReady(obj: WithConditions | undefined): boolean {
  const ready = getCondition(obj, CONDITION_TYPES.ready);
  if (ready) {
    return ready.status === 'True';
  }
  return obj?.status?.ready === true;
}
