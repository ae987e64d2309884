/*
 * The service charts the simulated Helm repositories serve (k0rdent catalog, upstream
 * registries KOF uses, and KOF's own charts). A ServiceTemplate whose Helm chart is not
 * listed here cannot be pulled and is marked invalid.
 */
import type { JsonObject } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  bool,
  defaultsOf,
  int,
  list,
  obj,
  str,
  valuesSchema,
  type JsonSchema,
} from './jsonSchema';

export interface ServiceChart {
  chart: string;
  description: string;
  /** Values schema of the upstream chart (compact). */
  schema: JsonSchema;
}

/** The k0rdent catalog wraps upstream charts, so values nest under the chart name. */
export const CATALOG_REPOSITORY = 'k0rdent-catalog';

const CHARTS: ServiceChart[] = [
  {
    chart: 'cert-manager',
    description: 'A Helm chart for cert-manager',
    schema: valuesSchema(
      'cert-manager values',
      {
        crds: obj('CustomResourceDefinitions', {
          enabled: bool('Install the CRDs', true),
        }),
        replicaCount: int('Controller replicas', { minimum: 1, default: 1 }),
      },
      [],
    ),
  },
  {
    chart: 'ingress-nginx',
    description:
      'Ingress controller for Kubernetes using NGINX as a reverse proxy and load balancer',
    schema: valuesSchema(
      'ingress-nginx values',
      {
        controller: obj('Controller', {
          replicaCount: int('Controller replicas', { minimum: 1, default: 1 }),
          service: obj('Controller Service', {
            type: str('Service type', {
              enum: ['LoadBalancer', 'NodePort', 'ClusterIP'],
              default: 'LoadBalancer',
            }),
          }),
          ingressClassResource: obj('IngressClass', {
            name: str('IngressClass name', { default: 'nginx' }),
            default: bool('Make it the default IngressClass', false),
          }),
        }),
      },
      [],
    ),
  },
  {
    chart: 'kyverno',
    description: 'Kubernetes Native Policy Management',
    schema: valuesSchema(
      'kyverno values',
      {
        admissionController: obj('Admission controller', {
          replicas: int('Replicas', { minimum: 1, default: 1 }),
        }),
        backgroundController: obj('Background controller', {
          enabled: bool('Run background scans', true),
        }),
      },
      [],
    ),
  },
  {
    chart: 'external-dns',
    description:
      'ExternalDNS synchronizes exposed Kubernetes Services and Ingresses with DNS providers.',
    schema: valuesSchema(
      'external-dns values',
      {
        provider: obj('DNS provider', {
          name: str('Provider', {
            enum: ['aws', 'azure', 'google', 'cloudflare'],
            default: 'aws',
          }),
        }),
        policy: str('Record policy', {
          enum: ['sync', 'upsert-only'],
          default: 'upsert-only',
        }),
        sources: list('Resources to watch', str('Source kind'), {
          default: ['service', 'ingress'],
        }),
        domainFilters: list('Domains to manage', str('Domain'), {
          default: [],
        }),
      },
      [],
    ),
  },
  {
    chart: 'kof-operators',
    description:
      'Operators used by KOF: kof-operator and the OpenTelemetry operator',
    schema: valuesSchema(
      'kof-operators values',
      {
        'opentelemetry-operator': obj('OpenTelemetry operator', {
          enabled: bool('Install it', true),
        }),
      },
      [],
    ),
  },
  {
    chart: 'kof-collectors',
    description: 'Collectors of KOF: OpenTelemetry kube-stack and OpenCost',
    schema: valuesSchema(
      'kof-collectors values',
      {
        global: obj('Global settings', {
          clusterName: str('Value of the cluster label on collected data', {
            default: '',
          }),
        }),
        opencost: obj('OpenCost', { enabled: bool('Run OpenCost', true) }),
      },
      [],
    ),
  },
  {
    chart: 'kof-storage',
    description:
      'Regional storage of KOF: VictoriaMetrics, VictoriaLogs and VictoriaTraces clusters',
    schema: valuesSchema(
      'kof-storage values',
      {
        victoriametrics: obj('VictoriaMetrics cluster', {
          enabled: bool('Deploy it', true),
          retentionPeriod: str('Retention', { default: '30d' }),
        }),
        'victoria-logs-cluster': obj('VictoriaLogs cluster', {
          enabled: bool('Deploy it', true),
        }),
        'external-dns': obj('external-dns for the regional domain', {
          enabled: bool('Deploy it', false),
        }),
      },
      [],
    ),
  },
];

const BY_NAME = new Map(CHARTS.map(chart => [chart.chart, chart]));

export function findServiceChart(chart: string): ServiceChart | undefined {
  return BY_NAME.get(chart);
}

/** The schema as served from a repository (catalog wrappers nest it under the chart name). */
export function serviceChartSchema(
  chart: ServiceChart,
  repository: string,
): JsonSchema {
  if (repository !== CATALOG_REPOSITORY) {
    return chart.schema;
  }
  return valuesSchema(
    `${chart.chart} catalog wrapper values`,
    { [chart.chart]: chart.schema },
    [],
  );
}

/** The chart's default values as served from a repository. */
export function serviceChartDefaults(
  chart: ServiceChart,
  repository: string,
): JsonObject {
  return defaultsOf(serviceChartSchema(chart, repository));
}
