/*
 * What the k0rdent backend's KOF endpoints return: a cluster's usage over a
 * time window and what clusters cost, from KOF's Promxy (VictoriaMetrics
 * across the regions) and the OpenCost metrics KOF collects.
 */
import type { ClusterSummary } from './fleet';

/**
 * Time windows of the metrics endpoint with the step of their points.
 *
 * @public
 */
export const METRICS_WINDOWS = {
  '1h': { seconds: 3600, stepSeconds: 60 },
  '6h': { seconds: 6 * 3600, stepSeconds: 300 },
  '24h': { seconds: 24 * 3600, stepSeconds: 900 },
  '7d': { seconds: 7 * 24 * 3600, stepSeconds: 3600 },
} as const;

/** One of {@link METRICS_WINDOWS}. @public */
export type MetricsWindow = keyof typeof METRICS_WINDOWS;

/** The metrics a cluster page charts. @public */
export type ClusterMetricId = 'cpu' | 'memory' | 'nodes';

/** One metric of a cluster over a window. @public */
export interface ClusterMetric {
  id: ClusterMetricId;
  title: string;
  unit: 'cores' | 'bytes' | 'nodes';
  /** `[unix seconds, value]`, oldest first; empty when KOF has no data. */
  points: Array<[number, number]>;
  /** The latest value, when there is one. */
  latest?: number;
  /** What the cluster's nodes offer (cores, bytes), when known. */
  capacity?: number;
}

/** A cluster's usage over a window. @public */
export interface ClusterMetrics {
  managementCluster: string;
  namespace: string;
  name: string;
  window: MetricsWindow;
  /** ISO times of the first and last point. */
  start: string;
  end: string;
  stepSeconds: number;
  metrics: ClusterMetric[];
}

/**
 * Hours in a month, as OpenCost counts them (365 × 24 / 12).
 *
 * @public
 */
export const HOURS_PER_MONTH = 730;

/** Cost of one namespace of a cluster, from its CPU and memory allocation. @public */
export interface NamespaceCost {
  namespace: string;
  hourly: number;
}

/**
 * What a cluster costs now, from OpenCost's node prices. Amounts are absent
 * when KOF has no cost data for the cluster (not a KOF cluster, or not
 * reporting yet).
 *
 * @public
 */
export interface ClusterCost {
  managementCluster: string;
  namespace: string;
  name: string;
  /** Currency of the OpenCost price list (configured; USD by default). */
  currency: string;
  hourly?: number;
  daily?: number;
  /** hourly × {@link HOURS_PER_MONTH} */
  monthly?: number;
  /** Nodes with a price. */
  nodes: number;
  /** Largest first. */
  byNamespace: NamespaceCost[];
  /** ISO time the prices were read at. */
  at: string;
}

/** One cluster in a cost summary. @public */
export type CostSummaryItem = Pick<
  ClusterSummary,
  'managementCluster' | 'namespace' | 'name' | 'entityRef' | 'owner' | 'tenant'
> & {
  hourly: number;
  monthly: number;
};

/**
 * What a set of clusters costs (a team's, a tenant's, the fleet's): only the
 * clusters the user may see the cost of, with KOF data.
 *
 * @public
 */
export interface CostSummary {
  currency: string;
  at: string;
  /** Sums over every matching cluster, not only the listed ones. */
  totalHourly: number;
  totalMonthly: number;
  /** Clusters with cost data. */
  totalItems: number;
  /** The most expensive first, at most `limit`. */
  items: CostSummaryItem[];
  /** Management clusters whose KOF did not answer; their clusters are missing. */
  unavailable: Array<{ managementCluster: string; message: string }>;
  /**
   * Clusters KOF's data cannot tell apart (same name and tenant in two
   * namespaces of one management cluster): left out rather than guessed.
   */
  ambiguous: Array<{
    managementCluster: string;
    namespace: string;
    name: string;
  }>;
}
