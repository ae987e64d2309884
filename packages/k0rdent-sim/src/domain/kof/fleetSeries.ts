/*
 * The synthetic metric series of the fleet, as Promxy would see them across the
 * regional stores: node, cost (OpenCost) and container series for every Ready
 * ClusterDeployment and the management cluster `mothership`, plus `up` = 0 for clusters
 * being deleted. Values are functions of cluster, series and time only.
 */
import {
  K0RDENT_LABELS,
  MANAGEMENT_NAME,
  PLATFORM_TENANT,
  clusterPhase,
  kofRoleOf,
  type ClusterDeployment,
  type ClusterTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ObjectStore } from '../../store/types';
import { fromKubeTime } from '../clock';
import { typed } from '../kube/objects';
import {
  clusterModel,
  mothershipModel,
  type ClusterModel,
  type NodeModel,
  type PodModel,
} from './clusterModels';
import type { LabelMatcher } from './promql/ast';
import type { SeriesSource, SourceSeries } from './promql/seriesSource';
import { METRIC_NAME, matchesAll, type Labels } from './promql/values';
import { diurnal, diurnalIntegral, hash32, noise } from './synthetic';

export const SCRAPE_INTERVAL_SECONDS = 30;
const GIB = 1024 ** 3;

type Sampler = (t: number) => number;

interface MetricFamily {
  name: string;
  /** A counter that never resets. */
  counter?: boolean;
  /** Label names of its series besides `cluster` and `tenant`. */
  labelNames: string[];
  series(cluster: ClusterModel): Array<{ labels: Labels; valueAt: Sampler }>;
}

const constant =
  (value: number): Sampler =>
  () =>
    value;

function nodeLabels(
  cluster: ClusterModel,
  node: NodeModel,
  cost: boolean,
): Labels {
  return {
    instance: node.name,
    node: node.name,
    ...(cost
      ? {
          instance_type: node.instanceType,
          arch: 'amd64',
          ...(cluster.region ? { region: cluster.region } : {}),
        }
      : {}),
  };
}

function podLabels(pod: PodModel): Labels {
  return {
    namespace: pod.namespace,
    pod: pod.pod,
    container: pod.container,
    node: pod.node,
    instance: pod.node,
  };
}

/** Per-node families; clusters being deleted only report `up`. */
function perNode(
  name: string,
  cost: boolean,
  value: (node: NodeModel, cluster: ClusterModel) => number,
): MetricFamily {
  return {
    name,
    labelNames: [
      'instance',
      'node',
      ...(cost ? ['instance_type', 'arch', 'region'] : []),
    ],
    series: cluster =>
      cluster.up === 1
        ? cluster.nodes.map(node => ({
            labels: nodeLabels(cluster, node, cost),
            valueAt: constant(value(node, cluster)),
          }))
        : [],
  };
}

function perPod(
  name: string,
  sampler: (pod: PodModel, cluster: ClusterModel) => Sampler,
): MetricFamily {
  return {
    name,
    labelNames: ['namespace', 'pod', 'container', 'node', 'instance'],
    series: cluster =>
      cluster.pods.map(pod => ({
        labels: podLabels(pod),
        valueAt: sampler(pod, cluster),
      })),
  };
}

const phaseOf = (cluster: ClusterModel) => (cluster.seed % 1000) / 1000;

/** CPU seconds consumed: 25–70% of the request following the daily cycle, plus jitter. */
function cpuCounter(pod: PodModel, cluster: ClusterModel): Sampler {
  const seed = hash32(`${cluster.name}/${pod.pod}/cpu`);
  const phase = phaseOf(cluster);
  const since = cluster.sinceSeconds;
  const base = 0.25 * -since - 0.45 * diurnalIntegral(since, phase);
  return t =>
    pod.cpuRequest * (base + 0.25 * t + 0.45 * diurnalIntegral(t, phase)) +
    pod.cpuRequest * 3 * noise(seed, Math.floor(t / SCRAPE_INTERVAL_SECONDS));
}

function memoryWorkingSet(pod: PodModel, cluster: ClusterModel): Sampler {
  const seed = hash32(`${cluster.name}/${pod.pod}/memory`);
  const phase = phaseOf(cluster);
  return t =>
    Math.round(
      pod.memoryRequest *
        (0.55 +
          0.15 * diurnal(t, phase) +
          0.05 * noise(seed, Math.floor(t / SCRAPE_INTERVAL_SECONDS))),
    );
}

const FAMILIES: MetricFamily[] = [
  {
    name: 'up',
    labelNames: ['job', 'instance', 'node'],
    series: cluster =>
      cluster.nodes.map(node => ({
        labels: { job: 'kubelet', instance: node.name, node: node.name },
        valueAt: constant(cluster.up),
      })),
  },
  perNode('machine_cpu_cores', false, node => node.type.cpus),
  perNode('machine_memory_bytes', false, node => node.type.memoryGiB * GIB),
  perNode('node_total_hourly_cost', true, node => node.type.hourly),
  perNode('node_cpu_hourly_cost', true, node => node.cpuHourly),
  perNode('node_ram_hourly_cost', true, node => node.ramHourly),
  perPod('container_cpu_allocation', pod => constant(pod.cpuRequest)),
  perPod('container_memory_allocation_bytes', pod =>
    constant(pod.memoryRequest),
  ),
  { ...perPod('container_cpu_usage_seconds_total', cpuCounter), counter: true },
  perPod('container_memory_working_set_bytes', memoryWorkingSet),
];

export const METRIC_NAMES = FAMILIES.map(f => f.name).sort();

/** A cluster before its model is built: enough to filter on `cluster` and `tenant`. */
interface Candidate {
  labels: Labels;
  build(): ClusterModel | undefined;
}

/** Models are rebuilt only when the ClusterDeployment changes. */
const modelCache = new Map<string, ClusterModel | undefined>();
const MODEL_CACHE_LIMIT = 50_000;

function chartOf(
  store: ObjectStore,
  cd: ClusterDeployment,
  charts: Map<string, string>,
): string {
  const key = `${cd.metadata.namespace}/${cd.spec?.template}`;
  let chart = charts.get(key);
  if (chart === undefined) {
    const found = store.get({
      kind: 'ClusterTemplate',
      namespace: cd.metadata.namespace,
      name: cd.spec?.template ?? '',
    });
    chart =
      (found && typed<ClusterTemplate>(found).spec?.helm?.chartSpec?.chart) ??
      (cd.spec?.template ?? '').replace(/(-v?\d+)+$/, '');
    charts.set(key, chart);
  }
  return chart;
}

function candidates(store: ObjectStore): Candidate[] {
  const charts = new Map<string, string>();
  const result: Candidate[] = [];
  for (const object of store.list('ClusterDeployment')) {
    const cd = typed<ClusterDeployment>(object);
    const phase = clusterPhase(cd);
    if (phase !== 'Ready' && phase !== 'Deleting') continue;
    const labels: Labels = { cluster: cd.metadata.name };
    // Only data written by child clusters carries the tenant label.
    if (kofRoleOf(cd) !== 'regional') {
      labels.tenant =
        cd.metadata.labels?.[K0RDENT_LABELS.kofTenantId] || PLATFORM_TENANT;
    }
    const cacheKey = `${
      object.metadata.uid ?? `${cd.metadata.namespace}/${cd.metadata.name}`
    }@${object.metadata.resourceVersion ?? ''}`;
    result.push({
      labels,
      build: () => {
        if (!modelCache.has(cacheKey)) {
          if (modelCache.size >= MODEL_CACHE_LIMIT) modelCache.clear();
          modelCache.set(
            cacheKey,
            clusterModel(cd, chartOf(store, cd, charts)),
          );
        }
        return modelCache.get(cacheKey);
      },
    });
  }
  const management = store.get({ kind: 'Management', name: MANAGEMENT_NAME });
  const since = Math.floor(
    (fromKubeTime(management?.metadata.creationTimestamp) ?? 0) / 1000,
  );
  result.push({
    labels: { cluster: mothershipModel(since).name },
    build: () => mothershipModel(since),
  });
  return result;
}

/** A SeriesSource over the ClusterDeployments currently in the store. */
export function fleetSeriesSource(
  store: ObjectStore,
): SeriesSource & { familyLabelNames(): string[] } {
  return {
    select(matchers: readonly LabelMatcher[]): SourceSeries[] {
      const nameMatchers = matchers.filter(m => m.name === METRIC_NAME);
      const families = FAMILIES.filter(f =>
        matchesAll({ [METRIC_NAME]: f.name }, nameMatchers),
      );
      if (families.length === 0) return [];
      const clusterMatchers = matchers.filter(
        m => m.name === 'cluster' || m.name === 'tenant',
      );
      const result: SourceSeries[] = [];
      for (const candidate of candidates(store)) {
        if (!matchesAll(candidate.labels, clusterMatchers)) continue;
        const model = candidate.build();
        if (!model) continue;
        for (const family of families) {
          for (const series of family.series(model)) {
            const labels = {
              [METRIC_NAME]: family.name,
              ...candidate.labels,
              ...series.labels,
            };
            if (!matchesAll(labels, matchers)) continue;
            result.push({
              labels,
              startSeconds: model.sinceSeconds,
              intervalSeconds: SCRAPE_INTERVAL_SECONDS,
              valueAt: series.valueAt,
              monotonic: family.counter === true,
            });
          }
        }
      }
      return result;
    },
    familyLabelNames(): string[] {
      return [
        ...new Set([
          METRIC_NAME,
          'cluster',
          'tenant',
          ...FAMILIES.flatMap(f => f.labelNames),
        ]),
      ].sort();
    },
  };
}
