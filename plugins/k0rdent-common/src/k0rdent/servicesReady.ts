/*
 * The "ready/total" message KCM writes on ServicesInReadyState (ClusterDeployment,
 * ServiceSet) and ClusterInReadyState (MultiClusterService).
 */
import { CONDITION_TYPES } from './constants';
import { getCondition, type WithConditions } from './conditions';

/** Parsed "ready/total" counts. @public */
export interface ReadyCount {
  ready: number;
  total: number;
}

/** Parses "3/4"; undefined for anything else (empty, "n/a", "3/", "-1/2"). @public */
export function parseServicesReady(
  message: string | undefined,
): ReadyCount | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(message ?? '');
  if (!match) {
    return undefined;
  }
  return { ready: Number(match[1]), total: Number(match[2]) };
}

/** The services count of a ClusterDeployment, from its ServicesInReadyState condition. @public */
export function servicesReadyOf(
  obj: WithConditions | undefined,
): ReadyCount | undefined {
  return parseServicesReady(
    getCondition(obj, CONDITION_TYPES.servicesInReadyState)?.message,
  );
}
