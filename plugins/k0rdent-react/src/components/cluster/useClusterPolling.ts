/*
 * Polling of something about one cluster (its details, metrics or cost).
 */
import { useApi } from '@backstage/core-plugin-api';
import { stringifyClusterRef } from '@k0rdent-backstage/plugin-k0rdent-common';
import { type ClusterRef, type K0rdentApi, k0rdentApiRef } from '../../api';
import { type Polled, usePolling } from '../common/usePolling';

/**
 * {@link usePolling} of something about one cluster: starts over for another
 * cluster or another `variant` (e.g. a metrics window).
 */
export function useClusterPolling<T>(
  cluster: ClusterRef,
  load: (api: K0rdentApi, cluster: ClusterRef) => Promise<T>,
  intervalMs: number | undefined,
  variant = '',
): Polled<T> {
  const api = useApi(k0rdentApiRef);
  const { managementCluster, namespace, name } = cluster;
  return usePolling(
    () => load(api, { managementCluster, namespace, name }),
    `${stringifyClusterRef(cluster)}#${variant}`,
    intervalMs,
  );
}
