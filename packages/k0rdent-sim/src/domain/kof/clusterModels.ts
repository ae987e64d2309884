/*
 * What a simulated child cluster looks like to its metrics: nodes (with instance types
 * and prices) and pods (with requests), derived from the ClusterDeployment's config,
 * template and deployed services. The management cluster is "mothership".
 */
import {
  MANAGEMENT_CLUSTER_METRICS_NAME,
  clusterPhase,
  kofRoleOf,
  tenantOf,
  type ClusterDeployment,
  type JsonObject,
  type JsonValue,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { fromKubeTime } from '../clock';
import { instanceTypeOf, nodeRates, type InstanceType } from './pricing';
import { hash32 } from './synthetic';

export interface NodeModel {
  name: string;
  instanceType: string;
  type: InstanceType;
  cpuHourly: number;
  ramHourly: number;
}

export interface PodModel {
  namespace: string;
  pod: string;
  container: string;
  node: string;
  cpuRequest: number;
  memoryRequest: number;
}

export interface ClusterModel {
  name: string;
  /** `tenant` label value; undefined for regional and management clusters. */
  tenant?: string;
  region?: string;
  up: 0 | 1;
  /** Metrics exist from this time on (seconds). */
  sinceSeconds: number;
  nodes: NodeModel[];
  pods: PodModel[];
  seed: number;
}

const MIB = 1024 ** 2;
const MAX_NODES = 16;

function field(
  value: JsonValue | undefined,
  ...path: string[]
): JsonValue | undefined {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current))
      return undefined;
    current = current[key];
  }
  return current;
}

const text = (value: JsonValue | undefined) =>
  typeof value === 'string' && value ? value : undefined;
const count = (value: JsonValue | undefined, fallback: number) =>
  typeof value === 'number' ? value : fallback;

interface NodePlan {
  controlPlanes: number;
  controlPlaneType?: string;
  workers: number;
  workerType?: string;
}

/** Node counts and instance types by template family. */
function nodePlan(chart: string, config: JsonObject): NodePlan {
  if (chart === 'aws-eks')
    return {
      controlPlanes: 0,
      workers: count(config.workersNumber, 1),
      workerType: text(field(config, 'worker', 'instanceType')) ?? 't3.small',
    };
  if (chart === 'gcp-gke')
    return {
      controlPlanes: 0,
      workers: count(config.workersNumber, 3),
      workerType: text(field(config, 'machines', 'machineType')) ?? 'e2-medium',
    };
  if (chart === 'azure-aks') {
    const system = count(field(config, 'machinePools', 'system', 'count'), 3);
    const user = count(field(config, 'machinePools', 'user', 'count'), 2);
    return {
      controlPlanes: 0,
      workers: system + user,
      workerType:
        text(field(config, 'machinePools', 'user', 'vmSize')) ??
        text(field(config, 'machinePools', 'system', 'vmSize')),
    };
  }
  if (chart === 'adopted-cluster') return { controlPlanes: 1, workers: 2 };
  if (chart === 'remote-cluster') {
    const machines = config.machines;
    return {
      controlPlanes: 0,
      workers: Array.isArray(machines) ? machines.length : 1,
    };
  }
  const hosted = chart.endsWith('-hosted-cp');
  const size = (role: 'controlPlane' | 'worker') =>
    text(field(config, role, 'instanceType')) ??
    text(field(config, role, 'vmSize')) ??
    text(field(config, role, 'flavor')) ??
    (typeof field(config, role, 'cpus') === 'number'
      ? `vsphere-${field(config, role, 'cpus')}c${Math.round(
          count(field(config, role, 'memory'), 4096) / 1024,
        )}g`
      : undefined);
  return {
    controlPlanes: hosted ? 0 : count(config.controlPlaneNumber, 3),
    controlPlaneType: size('controlPlane'),
    workers: count(config.workersNumber, 2),
    workerType: hosted
      ? text(config.instanceType) ?? text(config.vmSize)
      : size('worker'),
  };
}

/** Where the cluster runs: AWS/GCP region, Azure location, OpenStack region, vSphere datacenter. */
function regionOf(config: JsonObject): string | undefined {
  return (
    text(config.region) ??
    text(config.location) ??
    text(field(config, 'identityRef', 'region')) ??
    text(field(config, 'vsphere', 'datacenter'))
  );
}

function providerOf(chart: string): string {
  return chart.split('-')[0];
}

function nodes(name: string, provider: string, plan: NodePlan): NodeModel[] {
  const make = (nodeName: string, typeName: string | undefined): NodeModel => {
    const type = instanceTypeOf(provider, typeName);
    return {
      name: nodeName,
      instanceType: typeName ?? 'unknown',
      type,
      ...nodeRates(type),
    };
  };
  const result: NodeModel[] = [];
  for (let i = 0; i < plan.controlPlanes && result.length < MAX_NODES; i++) {
    result.push(make(`${name}-cp-${i}`, plan.controlPlaneType));
  }
  for (let i = 0; i < plan.workers && result.length < MAX_NODES; i++) {
    result.push(
      make(
        `${name}-md-${(hash32(`${name}/${i}`) % 0xfffff)
          .toString(36)
          .padStart(4, '0')}`,
        plan.workerType,
      ),
    );
  }
  return result;
}

function suffix(seed: number, n: number): string {
  return (hash32(`${seed}/${n}`) % 0x7fffffff)
    .toString(36)
    .slice(0, 5)
    .padStart(5, 'x');
}

function pods(
  seed: number,
  nodeList: NodeModel[],
  apps: string,
  services: Array<{ name: string; namespace: string }>,
): PodModel[] {
  const workers = nodeList.filter(n => !n.name.includes('-cp-'));
  const targets = workers.length > 0 ? workers : nodeList;
  const result: PodModel[] = [];
  const add = (
    namespace: string,
    app: string,
    cpu: number,
    memoryMiB: number,
  ) => {
    const node = targets[result.length % targets.length];
    result.push({
      namespace,
      pod: `${app}-${suffix(seed, result.length)}`,
      container: app,
      node: node.name,
      cpuRequest: cpu,
      memoryRequest: memoryMiB * MIB,
    });
  };
  add('kube-system', 'coredns', 0.1, 70);
  add('kube-system', 'coredns', 0.1, 70);
  add('kube-system', 'metrics-server', 0.1, 200);
  add('kof', 'opentelemetry-collector', 0.25, 512);
  add('kof', 'opencost', 0.1, 256);
  for (const service of services)
    add(service.namespace, service.name, 0.1, 256);
  // The workload: a few apps sized to the cluster.
  const capacity = targets.reduce((sum, n) => sum + n.type.cpus, 0);
  const appCount = Math.min(12, Math.max(2, Math.round(capacity / 6)));
  for (let i = 0; i < appCount; i++) {
    const cpu = [0.25, 0.5, 1, 2][hash32(`${seed}/app/${i}`) % 4];
    add(
      apps,
      ['api', 'worker', 'web', 'cache', 'db-proxy', 'scheduler'][i % 6],
      cpu,
      cpu * 2048,
    );
  }
  return result;
}

export function clusterModel(
  cd: ClusterDeployment,
  chart: string,
): ClusterModel | undefined {
  const phase = clusterPhase(cd);
  if (phase !== 'Ready' && phase !== 'Deleting') return undefined;
  const name = cd.metadata.name;
  const seed = hash32(name);
  const config = cd.spec?.config ?? {};
  const nodeList = nodes(name, providerOf(chart), nodePlan(chart, config));
  const readyAt =
    fromKubeTime(
      cd.status?.conditions?.find(
        c => c.type === 'Ready' && c.status === 'True',
      )?.lastTransitionTime,
    ) ??
    fromKubeTime(cd.metadata.creationTimestamp) ??
    0;
  const team = cd.metadata.labels?.team;
  const services = (cd.status?.services ?? []).filter(
    s => s.state === 'Deployed',
  );
  return {
    name,
    tenant: kofRoleOf(cd) === 'regional' ? undefined : tenantOf(cd),
    region: regionOf(config),
    up: phase === 'Ready' ? 1 : 0,
    sinceSeconds: Math.floor(readyAt / 1000),
    nodes: nodeList,
    pods:
      phase === 'Ready'
        ? pods(seed, nodeList, team ? `${team}-apps` : 'apps', services)
        : [],
    seed,
  };
}

/** The management cluster itself. */
export function mothershipModel(sinceSeconds: number): ClusterModel {
  const name = MANAGEMENT_CLUSTER_METRICS_NAME;
  const seed = hash32(name);
  const nodeList = nodes(name, 'mothership', {
    controlPlanes: 3,
    controlPlaneType: 'm5.2xlarge',
    workers: 0,
  });
  const result = pods(seed, nodeList, 'kcm-system', [
    { name: 'kcm-controller-manager', namespace: 'kcm-system' },
    { name: 'promxy', namespace: 'kof' },
    { name: 'kof-operator', namespace: 'kof' },
  ]);
  return { name, up: 1, sinceSeconds, nodes: nodeList, pods: result, seed };
}
