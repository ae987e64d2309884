/*
 * Templates, their schema ConfigMaps and template chains in kcm-system: the shipped
 * ClusterTemplates (plus two older versions with upgrade chains, and one custom
 * template whose chart cannot be pulled), catalog and KOF ServiceTemplates.
 * Statuses come from the template controller's own evaluation.
 */
import type {
  ClusterTemplate,
  ServiceTemplate,
  TemplateChainSpec,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { CATALOG_REPOSITORY } from '../catalog/serviceCharts';
import { templateName } from '../catalog/templateNames';
import { typed } from '../kube/objects';
import { evaluateChain } from '../controllers/chains/upgradePaths';
import { schemaConfigMap } from '../controllers/templates/schemaConfigMap';
import {
  evaluateClusterTemplate,
  evaluateServiceTemplate,
} from '../controllers/templates/templateStatus';
import {
  COMPONENT_LABEL,
  SHIPPED_LABELS,
  SYSTEM,
  object,
  withCreationTime,
} from './objectBuilders';

/** Shipped cluster template charts and versions (kcm 1.11.4 / main). */
export const SHIPPED_CLUSTER_CHARTS: ReadonlyArray<readonly [string, string]> =
  [
    ['adopted-cluster', '1.0.2'],
    ['aws-eks', '1.0.13'],
    ['aws-hosted-cp', '1.0.45'],
    ['aws-standalone-cp', '1.0.43'],
    ['azure-aks', '1.0.10'],
    ['azure-standalone-cp', '1.0.45'],
    ['docker-hosted-cp', '1.0.15'],
    ['gcp-gke', '1.0.15'],
    ['gcp-standalone-cp', '1.0.43'],
    ['openstack-standalone-cp', '1.0.46'],
    ['remote-cluster', '1.0.38'],
    ['vsphere-standalone-cp', '1.0.42'],
  ];

/** Versions left from an earlier release; chains lead from them to the current ones. */
export const OLDER_CLUSTER_CHARTS: ReadonlyArray<
  readonly [string, string, string]
> = [
  ['aws-standalone-cp', '1.0.40', '1.0.43'],
  ['azure-standalone-cp', '1.0.44', '1.0.45'],
];

/** A platform team's own template from a registry the simulator cannot reach. */
export const BROKEN_TEMPLATE = templateName('acme-aws-hardened', '0.2.0');

export const CLUSTER_TEMPLATE = Object.fromEntries(
  SHIPPED_CLUSTER_CHARTS.map(([chart, version]) => [
    chart,
    templateName(chart, version),
  ]),
) as Record<string, string>;

export interface ServiceChartRef {
  chart: string;
  version: string;
  repository: string;
  /** `spec.version` when the template declares one (KOF's do). */
  appVersion?: string;
  namePrefix?: string;
}

export const SERVICE_CHARTS: readonly ServiceChartRef[] = [
  { chart: 'cert-manager', version: '1.21.1', repository: CATALOG_REPOSITORY },
  {
    chart: 'cert-manager',
    version: 'v1.19.3',
    repository: 'jetstack',
    appVersion: '1.19.3',
  },
  { chart: 'ingress-nginx', version: '4.14.3', repository: CATALOG_REPOSITORY },
  { chart: 'ingress-nginx', version: '4.15.1', repository: CATALOG_REPOSITORY },
  { chart: 'kyverno', version: '3.2.6', repository: CATALOG_REPOSITORY },
  { chart: 'external-dns', version: '1.18.0', repository: CATALOG_REPOSITORY },
  {
    chart: 'kof-operators',
    version: '1.10.0',
    repository: 'kof',
    appVersion: '1.10.0',
  },
  {
    chart: 'kof-collectors',
    version: '1.10.0',
    repository: 'kof',
    appVersion: '1.10.0',
  },
  {
    chart: 'kof-storage',
    version: '1.10.0',
    repository: 'kof',
    appVersion: '1.10.0',
  },
];

export const SERVICE_TEMPLATE = {
  certManager: templateName('cert-manager', '1.21.1'),
  certManagerKof: templateName('cert-manager', 'v1.19.3'),
  ingressNginxOld: templateName('ingress-nginx', '4.14.3'),
  ingressNginx: templateName('ingress-nginx', '4.15.1'),
  kyverno: templateName('kyverno', '3.2.6'),
  externalDns: templateName('external-dns', '1.18.0'),
  kofOperators: templateName('kof-operators', '1.10.0'),
  kofCollectors: templateName('kof-collectors', '1.10.0'),
  kofStorage: templateName('kof-storage', '1.10.0'),
} as const;

function clusterTemplate(
  chart: string,
  version: string,
  createdAtMs: number,
  repository = 'kcm-templates',
): KubeObject[] {
  const name = templateName(chart, version);
  const template = object(
    'ClusterTemplate',
    {
      name,
      namespace: SYSTEM,
      labels: repository === 'kcm-templates' ? SHIPPED_LABELS : COMPONENT_LABEL,
      annotations: { 'helm.sh/resource-policy': 'keep' },
    },
    createdAtMs,
    {
      spec: {
        helm: {
          chartSpec: {
            chart,
            version,
            interval: '10m0s',
            sourceRef: { kind: 'HelmRepository', name: repository },
          },
        },
      },
    },
  );
  const { status, schema } = evaluateClusterTemplate(
    typed<ClusterTemplate>(template),
  );
  template.status = status;
  return schema && status.schemaConfigMapName
    ? [
        template,
        withCreationTime(
          schemaConfigMap(status.schemaConfigMapName, SYSTEM, schema),
          createdAtMs,
        ),
      ]
    : [template];
}

function serviceTemplate(
  ref: ServiceChartRef,
  createdAtMs: number,
): KubeObject[] {
  const name = templateName(ref.chart, ref.version);
  const template = object(
    'ServiceTemplate',
    { name, namespace: SYSTEM, labels: COMPONENT_LABEL },
    createdAtMs,
    {
      spec: {
        ...(ref.appVersion ? { version: ref.appVersion } : {}),
        ...(ref.repository === 'jetstack'
          ? { k8sConstraint: '>=1.29.0-0' }
          : {}),
        helm: {
          chartSpec: {
            chart: ref.chart,
            version: ref.version,
            interval: '10m0s',
            sourceRef: { kind: 'HelmRepository', name: ref.repository },
          },
        },
      },
    },
  );
  const { status, schema } = evaluateServiceTemplate(
    typed<ServiceTemplate>(template),
  );
  template.status = status;
  // Schemas are published for a couple of catalog charts only.
  const withSchema =
    ref.chart === 'cert-manager' || ref.chart === 'ingress-nginx';
  if (!withSchema) {
    delete (template.status as Record<string, unknown>).schemaConfigMapName;
    return [template];
  }
  return [
    template,
    withCreationTime(
      schemaConfigMap(status.schemaConfigMapName!, SYSTEM, schema!),
      createdAtMs,
    ),
  ];
}

function chain(
  kind: 'ClusterTemplateChain' | 'ServiceTemplateChain',
  name: string,
  spec: TemplateChainSpec,
  at: number,
): KubeObject {
  return object(
    kind,
    { name, namespace: SYSTEM, labels: COMPONENT_LABEL },
    at,
    {
      spec,
      status: evaluateChain(spec),
    },
  );
}

const single = (name: string): TemplateChainSpec => ({
  supportedTemplates: [{ name }],
});

/** Cluster template chains: one per distributed template, with upgrade edges from old versions. */
export function clusterTemplateChains(at: number): KubeObject[] {
  const upgradeable = new Map(
    OLDER_CLUSTER_CHARTS.map(([chart, from, to]) => [
      templateName(chart, to),
      templateName(chart, from),
    ]),
  );
  return [
    'aws-standalone-cp',
    'aws-hosted-cp',
    'aws-eks',
    'azure-standalone-cp',
    'azure-aks',
    'gcp-standalone-cp',
    'gcp-gke',
  ].map(chart => {
    const current = CLUSTER_TEMPLATE[chart];
    const older = upgradeable.get(current);
    const spec: TemplateChainSpec = older
      ? {
          supportedTemplates: [
            { name: older, availableUpgrades: [{ name: current }] },
            { name: current },
          ],
        }
      : single(current);
    return chain('ClusterTemplateChain', current, spec, at);
  });
}

export const SERVICE_CHAINS = {
  ingressNginx: 'ingress-nginx-chain',
  certManager: 'cert-manager-chain',
  kyverno: 'kyverno-chain',
  externalDns: 'external-dns-chain',
  kofOperators: SERVICE_TEMPLATE.kofOperators,
  kofCollectors: SERVICE_TEMPLATE.kofCollectors,
  kofStorage: SERVICE_TEMPLATE.kofStorage,
} as const;

export function serviceTemplateChains(at: number): KubeObject[] {
  const t = SERVICE_TEMPLATE;
  return [
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.ingressNginx,
      {
        supportedTemplates: [
          {
            name: t.ingressNginxOld,
            availableUpgrades: [{ name: t.ingressNginx, version: '4.15.1' }],
          },
          { name: t.ingressNginx },
        ],
      },
      at,
    ),
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.certManager,
      {
        supportedTemplates: [
          {
            name: t.certManagerKof,
            availableUpgrades: [{ name: t.certManager, version: '1.21.1' }],
          },
          { name: t.certManager },
        ],
      },
      at,
    ),
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.kyverno,
      single(t.kyverno),
      at,
    ),
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.externalDns,
      single(t.externalDns),
      at,
    ),
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.kofOperators,
      single(t.kofOperators),
      at,
    ),
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.kofCollectors,
      single(t.kofCollectors),
      at,
    ),
    chain(
      'ServiceTemplateChain',
      SERVICE_CHAINS.kofStorage,
      single(t.kofStorage),
      at,
    ),
  ];
}

/** Templates, their schema ConfigMaps and chains in kcm-system. */
export function systemTemplates(
  installedAt: number,
  olderAt: number,
): KubeObject[] {
  return [
    ...SHIPPED_CLUSTER_CHARTS.flatMap(([chart, version]) =>
      clusterTemplate(chart, version, installedAt),
    ),
    ...OLDER_CLUSTER_CHARTS.flatMap(([chart, version]) =>
      clusterTemplate(chart, version, olderAt),
    ),
    ...clusterTemplate(
      'acme-aws-hardened',
      '0.2.0',
      installedAt + 3 * 86_400_000,
      'platform-charts',
    ),
    ...SERVICE_CHARTS.flatMap(ref => serviceTemplate(ref, installedAt)),
    ...clusterTemplateChains(installedAt),
    ...serviceTemplateChains(installedAt),
  ];
}
