/*
 * What the template controller writes: template status computed from the simulated
 * chart repositories (../../catalog). A known chart gives a valid template with its
 * description, providers, default values and values schema; anything else is invalid
 * with the error Flux would report for a chart it cannot pull.
 */
import type {
  ClusterTemplate,
  ClusterTemplateStatus,
  HelmChartSpec,
  ServiceTemplate,
  ServiceTemplateStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  clusterChartDefaults,
  findClusterChart,
} from '../../catalog/clusterCharts';
import type { JsonSchema } from '../../catalog/jsonSchema';
import {
  findServiceChart,
  serviceChartDefaults,
  serviceChartSchema,
} from '../../catalog/serviceCharts';
import { semverOf } from '../../catalog/templateNames';

/** Status plus the schema the controller stores in the `schema-*` ConfigMap. */
export interface TemplateEvaluation<Status> {
  status: Status;
  schema?: JsonSchema;
}

export const CLUSTER_TEMPLATE_SCHEMA_PREFIX = 'schema-ct-';
export const SERVICE_TEMPLATE_SCHEMA_PREFIX = 'schema-st-';

function pullError(
  namespace: string,
  name: string,
  spec: HelmChartSpec | undefined,
): string {
  if (!spec) {
    return `HelmChart ${namespace}/${name} is not ready: no chart source can be resolved`;
  }
  return (
    `HelmChart ${namespace}/${name} is not ready: chart pull error: failed to get chart version ` +
    `for remote reference: no '${spec.chart}' chart with version matching '${
      spec.version ?? '*'
    }' ` +
    `found in ${spec.sourceRef.kind} ${namespace}/${spec.sourceRef.name}`
  );
}

function chartRefOf(namespace: string, name: string) {
  return { kind: 'HelmChart', name, namespace };
}

export function evaluateClusterTemplate(
  template: ClusterTemplate,
): TemplateEvaluation<ClusterTemplateStatus> {
  const { name, namespace = '' } = template.metadata;
  const generation = template.metadata.generation ?? 1;
  const chartSpec = template.spec?.helm?.chartSpec;
  const chart = chartSpec ? findClusterChart(chartSpec.chart) : undefined;
  if (!chartSpec || !chart) {
    return {
      status: {
        valid: false,
        validationError: pullError(namespace, name, chartSpec),
        observedGeneration: generation,
      },
    };
  }
  const version = semverOf(chartSpec.version ?? '');
  const schema = chart.schema(version);
  const providers = template.spec?.providers?.length
    ? [...template.spec.providers].sort()
    : chart.providers;
  const k8sVersion = template.spec?.k8sVersion;
  return {
    schema,
    status: {
      valid: true,
      description: chart.description,
      config: clusterChartDefaults(chart, version),
      chartRef: chartRefOf(namespace, name),
      chartVersion: version,
      providers,
      providerContracts:
        template.spec?.providerContracts ?? chart.providerContracts,
      ...(k8sVersion ? { k8sVersion } : {}),
      schemaConfigMapName: `${CLUSTER_TEMPLATE_SCHEMA_PREFIX}${name}`,
      observedGeneration: generation,
    },
  };
}

export function evaluateServiceTemplate(
  template: ServiceTemplate,
): TemplateEvaluation<ServiceTemplateStatus> {
  const { name, namespace = '' } = template.metadata;
  const generation = template.metadata.generation ?? 1;
  const spec = template.spec ?? {};
  const k8sConstraint = spec.k8sConstraint
    ? { k8sConstraint: spec.k8sConstraint }
    : {};
  if (spec.kustomize || spec.resources) {
    // Kustomize and raw resources come from a Flux source the simulator trusts.
    return {
      status: { valid: true, ...k8sConstraint, observedGeneration: generation },
    };
  }
  const chartSpec = spec.helm?.chartSpec;
  const chart = chartSpec ? findServiceChart(chartSpec.chart) : undefined;
  if (!chartSpec || !chart) {
    return {
      status: {
        valid: false,
        validationError: pullError(namespace, name, chartSpec),
        observedGeneration: generation,
      },
    };
  }
  const repository = chartSpec.sourceRef.name;
  return {
    schema: serviceChartSchema(chart, repository),
    status: {
      valid: true,
      description: chart.description,
      config: serviceChartDefaults(chart, repository),
      chartRef: chartRefOf(namespace, name),
      chartVersion: chartSpec.version,
      ...k8sConstraint,
      schemaConfigMapName: `${SERVICE_TEMPLATE_SCHEMA_PREFIX}${name}`,
      observedGeneration: generation,
    },
  };
}

/** The version a service deployed from this template reports (§4.1 defaulting). */
export function serviceVersionOf(
  template: ServiceTemplate | undefined,
  fallback: string,
): string {
  return (
    template?.spec?.version ??
    template?.spec?.helm?.chartSpec?.version ??
    fallback
  );
}
