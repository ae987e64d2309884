/*
 * Templates and template chains (API fact sheet §3.2, §3.4, §4.2). Their spec is
 * immutable; the controller fills status from the Helm chart.
 */
import type { JsonObject, K0rdentObject } from './meta';
import type { HelmOptions } from './services';

/** Flux HelmChartSpec as embedded in a template. @public */
export interface HelmChartSpec {
  chart: string;
  version?: string;
  interval?: string;
  sourceRef: {
    kind: 'HelmRepository' | 'GitRepository' | 'Bucket';
    name: string;
  };
  valuesFiles?: string[];
  reconcileStrategy?: string;
  verify?: JsonObject;
}

/** Reference to an existing Flux source object. @public */
export interface ChartSourceRef {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion?: string;
}

/** `spec.helm` of a template: exactly one of the three. @public */
export interface TemplateHelmSpec {
  chartSpec?: HelmChartSpec;
  chartRef?: ChartSourceRef;
  /** ServiceTemplate only. */
  chartSource?: TemplateSourceSpec;
}

/** Kustomize/resources/chart source of a ServiceTemplate. @public */
export interface TemplateSourceSpec {
  localSourceRef?: ChartSourceRef;
  remoteSourceSpec?: JsonObject;
  path?: string;
  deploymentType?: 'Local' | 'Remote';
}

/** Status fields every template kind shares (`TemplateStatusCommon`). @public */
export interface TemplateStatus {
  valid: boolean;
  validationError?: string;
  description?: string;
  /** The chart's default values. */
  config?: JsonObject;
  /** ConfigMap (data key `schema`) holding the chart's values JSON Schema. */
  schemaConfigMapName?: string;
  chartRef?: ChartSourceRef;
  chartVersion?: string;
  observedGeneration?: number;
}

/** `spec` of a ClusterTemplate. @public */
export interface ClusterTemplateSpec {
  helm: TemplateHelmSpec;
  k8sVersion?: string;
  providers?: string[];
  providerContracts?: Record<string, string>;
}

/** `status` of a ClusterTemplate. @public */
export interface ClusterTemplateStatus extends TemplateStatus {
  /** Sorted, e.g. `infrastructure-aws`. */
  providers?: string[];
  providerContracts?: Record<string, string>;
  k8sVersion?: string;
}

/** A k0rdent ClusterTemplate. @public */
export type ClusterTemplate = K0rdentObject<
  'ClusterTemplate',
  ClusterTemplateSpec,
  ClusterTemplateStatus
>;

/** `spec` of a ServiceTemplate: exactly one of helm, kustomize, resources. @public */
export interface ServiceTemplateSpec {
  helm?: TemplateHelmSpec;
  kustomize?: TemplateSourceSpec;
  resources?: TemplateSourceSpec;
  helmOptions?: HelmOptions;
  version?: string;
  k8sConstraint?: string;
}

/** `status` of a ServiceTemplate. @public */
export interface ServiceTemplateStatus extends TemplateStatus {
  k8sConstraint?: string;
  sourceStatus?: JsonObject;
}

/** A k0rdent ServiceTemplate. @public */
export type ServiceTemplate = K0rdentObject<
  'ServiceTemplate',
  ServiceTemplateSpec,
  ServiceTemplateStatus
>;

/** An upgrade edge of a template chain. @public */
export interface AvailableUpgrade {
  name: string;
  version?: string;
}

/** One template a chain supports and where it may be upgraded to. @public */
export interface SupportedTemplate {
  name: string;
  availableUpgrades?: AvailableUpgrade[];
}

/** `spec` of a template chain. @public */
export interface TemplateChainSpec {
  supportedTemplates?: SupportedTemplate[];
}

/** `status` of a template chain. @public */
export interface TemplateChainStatus {
  valid?: boolean;
  validationError?: string;
}

/** A ClusterTemplateChain. @public */
export type ClusterTemplateChain = K0rdentObject<
  'ClusterTemplateChain',
  TemplateChainSpec,
  TemplateChainStatus
>;

/** A ServiceTemplateChain. @public */
export type ServiceTemplateChain = K0rdentObject<
  'ServiceTemplateChain',
  TemplateChainSpec,
  TemplateChainStatus
>;
