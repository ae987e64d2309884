/*
 * The PromQL the backend sends to Promxy. Every query of a cluster's data
 * carries that cluster's `cluster` and `tenant` matchers (KOF's labels, see
 * kofMetricLabelsOf), so what a user sees is decided by which clusters the
 * backend lets them ask about, not by the query text: users never send PromQL.
 */
import {
  kofMetricLabelsOf,
  type ClusterDeployment,
  type ClusterMetricId,
} from '@k0rdent-backstage/plugin-k0rdent-common';

/** A PromQL string literal. */
export function promqlString(value: string): string {
  return `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/**
 * The matchers that select one cluster's series. A regional cluster's data
 * has no `tenant` label, which PromQL matches with `tenant=""`.
 */
export function clusterMatchers(cluster: ClusterDeployment): string {
  const { cluster: name, tenant } = kofMetricLabelsOf(cluster);
  return `cluster=${promqlString(name)},tenant=${promqlString(tenant ?? '')}`;
}

/** One charted metric: its usage query and, if any, its capacity query. */
export interface MetricQueries {
  id: ClusterMetricId;
  title: string;
  unit: 'cores' | 'bytes' | 'nodes';
  usage: string;
  capacity?: string;
}

/** The charts of a cluster page, as KOF's own dashboards compute them. */
export function clusterMetricQueries(matchers: string): MetricQueries[] {
  return [
    {
      id: 'cpu',
      title: 'CPU used',
      unit: 'cores',
      usage: `sum(rate(container_cpu_usage_seconds_total{${matchers}}[5m]))`,
      capacity: `sum(machine_cpu_cores{${matchers}})`,
    },
    {
      id: 'memory',
      title: 'Memory used',
      unit: 'bytes',
      usage: `sum(container_memory_working_set_bytes{${matchers}})`,
      capacity: `sum(machine_memory_bytes{${matchers}})`,
    },
    {
      id: 'nodes',
      title: 'Nodes up',
      unit: 'nodes',
      usage: `sum(up{${matchers},job="kubelet"})`,
    },
  ];
}

/**
 * What the cluster's nodes cost per hour (OpenCost), how many have a price,
 * and each namespace's share: its CPU and memory allocation at its nodes'
 * prices (two queries, added up by namespace by the caller, as KOF's
 * dashboards do).
 */
export function clusterCostQueries(matchers: string): {
  hourly: string;
  nodes: string;
  namespaceCpu: string;
  namespaceMemory: string;
} {
  return {
    hourly: `sum(node_total_hourly_cost{${matchers}})`,
    nodes: `count(node_total_hourly_cost{${matchers}})`,
    namespaceCpu: `sum by (namespace) (container_cpu_allocation{${matchers}} * on(instance) group_left() node_cpu_hourly_cost{${matchers}})`,
    namespaceMemory: `sum by (namespace) (container_memory_allocation_bytes{${matchers}} / 1073741824 * on(instance) group_left() node_ram_hourly_cost{${matchers}})`,
  };
}

/**
 * Hourly cost of every cluster of a management cluster, by KOF's labels: one
 * query for a whole fleet summary, mapped to clusters by the caller.
 */
export const FLEET_COST_QUERY =
  'sum by (cluster, tenant) (node_total_hourly_cost)';
