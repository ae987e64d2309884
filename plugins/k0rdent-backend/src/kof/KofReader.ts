/*
 * A cluster's usage and cost, and cost summaries over many clusters, from
 * KOF's Promxy. Callers decide which clusters the user may see (permissions);
 * this only asks about those clusters, by their KOF labels.
 */
import {
  HOURS_PER_MONTH,
  kofMetricLabelsOf,
  METRICS_WINDOWS,
  type ClusterCost,
  type ClusterDeployment,
  type ClusterMetric,
  type ClusterMetrics,
  type ClusterSummary,
  type CostSummary,
  type CostSummaryItem,
  type MetricsWindow,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { ConflictError } from '@backstage/errors';
import {
  kofSeriesKey,
  type K0rdentFleetService,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import type { PromxyClient } from './PromxyClient';
import {
  clusterCostQueries,
  clusterMatchers,
  clusterMetricQueries,
  FLEET_COST_QUERY,
} from './queries';

/** Clusters a cost summary lists unless asked otherwise (its totals cover all). */
export const DEFAULT_COST_ITEMS = 50;
/** Largest number of clusters a cost summary lists. */
export const MAX_COST_ITEMS = 500;

/** What KOF's data knows a cluster by: its name and tenant (none for regional clusters). */
function kofKey(cluster: {
  metadata: { name: string; labels?: Record<string, string> };
}): string {
  return kofSeriesKey(kofMetricLabelsOf(cluster));
}

function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Reads usage and cost for the routes. */
export class KofReader {
  readonly #fleet: K0rdentFleetService;
  readonly #promxy: PromxyClient;
  readonly #currency: string;
  readonly #now: () => number;
  readonly #alignMs: number;

  constructor(options: {
    fleet: K0rdentFleetService;
    promxy: PromxyClient;
    currency: string;
    /** Instant queries are taken at `now` rounded down to this, so that answers can be reused. */
    alignMs: number;
    now?: () => number;
  }) {
    this.#fleet = options.fleet;
    this.#promxy = options.promxy;
    this.#currency = options.currency;
    this.#alignMs = Math.max(1000, options.alignMs);
    this.#now = options.now ?? Date.now;
  }

  /** Unix seconds of "now", aligned. */
  #instant(stepMs = this.#alignMs): number {
    return Math.floor(this.#now() / stepMs) * (stepMs / 1000);
  }

  /**
   * Whether another cluster of the management cluster has the KOF key too:
   * KOF's data cannot tell apart two clusters with one name and tenant in
   * different namespaces, so their series are one. Counted over the whole
   * management cluster, so a namesake the user may not see counts as well.
   */
  #isAmbiguous(managementCluster: string, key: string): boolean {
    return (
      this.#fleet
        .get(managementCluster)
        .byIndex('ClusterDeployment', 'kofSeries', key).length > 1
    );
  }

  /** Throws ConflictError when KOF's data of the cluster would include another one's. */
  #requireDistinct(managementCluster: string, cluster: ClusterDeployment) {
    if (this.#isAmbiguous(managementCluster, kofKey(cluster))) {
      const { tenant } = kofMetricLabelsOf(cluster);
      throw new ConflictError(
        `KOF cannot tell cluster ${cluster.metadata.namespace}/${
          cluster.metadata.name
        } apart from another cluster named '${cluster.metadata.name}' ${
          tenant ? `of tenant '${tenant}' ` : ''
        }on management cluster '${managementCluster}': its metrics are labelled by name and tenant only`,
      );
    }
  }

  /** The charts of a cluster page over `window`. */
  async clusterMetrics(
    managementCluster: string,
    cluster: ClusterDeployment,
    window: MetricsWindow,
  ): Promise<ClusterMetrics> {
    this.#requireDistinct(managementCluster, cluster);
    const { seconds, stepSeconds } = METRICS_WINDOWS[window];
    const end = this.#instant(stepSeconds * 1000);
    const range = { start: end - seconds, end, step: stepSeconds };
    const queries = clusterMetricQueries(clusterMatchers(cluster));
    const metrics = await Promise.all(
      queries.map(async (q): Promise<ClusterMetric> => {
        const [usage, capacity] = await Promise.all([
          this.#promxy.queryRange(managementCluster, q.usage, range),
          q.capacity
            ? this.#promxy.query(managementCluster, q.capacity, end)
            : Promise.resolve([]),
        ]);
        // The queries aggregate to one series (none without data).
        const points = usage[0]?.points ?? [];
        const metric: ClusterMetric = {
          id: q.id,
          title: q.title,
          unit: q.unit,
          points: points.map(([t, v]) => [t, round(v)]),
        };
        if (points.length > 0) {
          metric.latest = round(points[points.length - 1][1]);
        }
        if (capacity[0]) metric.capacity = round(capacity[0].value);
        return metric;
      }),
    );
    return {
      managementCluster,
      namespace: cluster.metadata.namespace ?? '',
      name: cluster.metadata.name,
      window,
      start: new Date(range.start * 1000).toISOString(),
      end: new Date(range.end * 1000).toISOString(),
      stepSeconds,
      metrics,
    };
  }

  /** What the cluster costs now, in total and by namespace. */
  async clusterCost(
    managementCluster: string,
    cluster: ClusterDeployment,
  ): Promise<ClusterCost> {
    this.#requireDistinct(managementCluster, cluster);
    const at = this.#instant();
    const queries = clusterCostQueries(clusterMatchers(cluster));
    const [hourly, nodes, namespaceCpu, namespaceMemory] = await Promise.all([
      this.#promxy.query(managementCluster, queries.hourly, at),
      this.#promxy.query(managementCluster, queries.nodes, at),
      this.#promxy.query(managementCluster, queries.namespaceCpu, at),
      this.#promxy.query(managementCluster, queries.namespaceMemory, at),
    ]);
    const byNamespace = new Map<string, number>();
    for (const sample of [...namespaceCpu, ...namespaceMemory]) {
      const namespace = sample.metric.namespace;
      if (!namespace) continue;
      byNamespace.set(
        namespace,
        (byNamespace.get(namespace) ?? 0) + sample.value,
      );
    }
    const cost: ClusterCost = {
      managementCluster,
      namespace: cluster.metadata.namespace ?? '',
      name: cluster.metadata.name,
      currency: this.#currency,
      nodes: nodes[0]?.value ?? 0,
      byNamespace: [...byNamespace]
        .map(([namespace, value]) => ({ namespace, hourly: round(value) }))
        .sort(
          (a, b) =>
            b.hourly - a.hourly || a.namespace.localeCompare(b.namespace),
        ),
      at: new Date(at * 1000).toISOString(),
    };
    if (hourly[0]) {
      cost.hourly = round(hourly[0].value);
      cost.daily = round(hourly[0].value * 24);
      cost.monthly = round(hourly[0].value * HOURS_PER_MONTH, 2);
    }
    return cost;
  }

  /**
   * What `clusters` cost: one query per management cluster, mapped to the
   * clusters by their KOF labels. A management cluster whose KOF does not
   * answer is reported, not fatal.
   */
  async costSummary(
    clusters: readonly ClusterSummary[],
    limit: number,
  ): Promise<CostSummary> {
    const at = this.#instant();
    const byManagementCluster = new Map<string, ClusterSummary[]>();
    for (const cluster of clusters) {
      const list = byManagementCluster.get(cluster.managementCluster) ?? [];
      list.push(cluster);
      byManagementCluster.set(cluster.managementCluster, list);
    }

    const items: CostSummaryItem[] = [];
    const summary: CostSummary = {
      currency: this.#currency,
      at: new Date(at * 1000).toISOString(),
      totalHourly: 0,
      totalMonthly: 0,
      totalItems: 0,
      items: [],
      unavailable: [],
      ambiguous: [],
    };
    await Promise.all(
      [...byManagementCluster].map(async ([managementCluster, members]) => {
        let samples;
        try {
          samples = await this.#promxy.query(
            managementCluster,
            FLEET_COST_QUERY,
            at,
          );
        } catch (error) {
          summary.unavailable.push({
            managementCluster,
            message: (error as Error).message,
          });
          return;
        }
        const hourlyByKey = new Map<string, number>();
        for (const sample of samples) {
          hourlyByKey.set(
            kofSeriesKey({
              cluster: sample.metric.cluster ?? '',
              tenant: sample.metric.tenant,
            }),
            sample.value,
          );
        }
        for (const cluster of members) {
          const key = kofKey({
            metadata: { name: cluster.name, labels: cluster.labels },
          });
          const hourly = hourlyByKey.get(key);
          if (hourly === undefined) continue;
          if (this.#isAmbiguous(managementCluster, key)) {
            summary.ambiguous.push({
              managementCluster,
              namespace: cluster.namespace,
              name: cluster.name,
            });
            continue;
          }
          items.push({
            managementCluster,
            namespace: cluster.namespace,
            name: cluster.name,
            entityRef: cluster.entityRef,
            owner: cluster.owner,
            tenant: cluster.tenant,
            hourly: round(hourly),
            monthly: round(hourly * HOURS_PER_MONTH, 2),
          });
        }
      }),
    );
    items.sort(
      (a, b) =>
        b.hourly - a.hourly ||
        a.managementCluster.localeCompare(b.managementCluster) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
    const totalHourly = items.reduce((sum, item) => sum + item.hourly, 0);
    summary.totalHourly = round(totalHourly);
    summary.totalMonthly = round(totalHourly * HOURS_PER_MONTH, 2);
    summary.totalItems = items.length;
    summary.items = items.slice(0, Math.min(limit, MAX_COST_ITEMS));
    summary.unavailable.sort((a, b) =>
      a.managementCluster.localeCompare(b.managementCluster),
    );
    return summary;
  }
}
