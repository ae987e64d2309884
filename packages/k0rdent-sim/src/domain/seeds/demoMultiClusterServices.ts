/*
 * MultiClusterServices of the demo: KOF's regional and child rollouts, a security
 * baseline, prod ingress that depends on the baseline, external-dns for the payments
 * team, and cert-manager on the management cluster itself (empty selector).
 */
import {
  K0RDENT_LABELS,
  type MultiClusterServiceSpec,
  type Service,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { KOF_VERSION } from './demoFleet';
import { COMPONENT_LABEL, object } from './objectBuilders';
import { SERVICE_CHAINS, SERVICE_TEMPLATE as ST } from './templateObjects';

const kofService = (
  name: string,
  template: string,
  dependsOn?: string,
): Service => ({
  name,
  namespace: 'kof',
  template,
  ...(dependsOn ? { dependsOn: [{ name: dependsOn, namespace: 'kof' }] } : {}),
});

const kofCertManager: Service = {
  name: 'cert-manager',
  namespace: 'kof',
  template: ST.certManagerKof,
  values: 'crds:\n  enabled: true\n',
};

const provider = (priority: number) => ({
  name: 'ksm-projectsveltos',
  config: { priority, stopOnConflict: false, syncMode: 'Continuous' },
});

export const DEMO_MULTI_CLUSTER_SERVICES: ReadonlyArray<{
  name: string;
  spec: MultiClusterServiceSpec;
}> = [
  {
    name: 'kof-regional-cluster',
    spec: {
      clusterSelector: {
        matchLabels: {
          [K0RDENT_LABELS.kofClusterRole]: 'regional',
          [K0RDENT_LABELS.kofVersion]: KOF_VERSION,
        },
      },
      serviceSpec: {
        provider: provider(100),
        services: [
          kofCertManager,
          {
            name: 'ingress-nginx',
            namespace: 'ingress-nginx',
            template: ST.ingressNginxOld,
            templateChain: SERVICE_CHAINS.ingressNginx,
          },
          kofService('kof-operators', ST.kofOperators),
          kofService('kof-storage', ST.kofStorage, 'kof-operators'),
          kofService('kof-collectors', ST.kofCollectors, 'kof-operators'),
        ],
      },
    },
  },
  {
    name: 'kof-child-cluster',
    spec: {
      clusterSelector: {
        matchLabels: {
          [K0RDENT_LABELS.kofClusterRole]: 'child',
          [K0RDENT_LABELS.kofVersion]: KOF_VERSION,
        },
      },
      serviceSpec: {
        provider: provider(100),
        services: [
          kofCertManager,
          kofService('kof-operators', ST.kofOperators),
          kofService('kof-collectors', ST.kofCollectors, 'kof-operators'),
        ],
      },
    },
  },
  {
    name: 'security-base',
    spec: {
      clusterSelector: {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        ],
      },
      serviceSpec: {
        provider: provider(200),
        services: [
          {
            name: 'kyverno',
            namespace: 'kyverno',
            template: ST.kyverno,
            templateChain: SERVICE_CHAINS.kyverno,
          },
        ],
      },
    },
  },
  {
    name: 'prod-ingress',
    spec: {
      clusterSelector: { matchLabels: { env: 'prod' } },
      dependsOn: ['security-base'],
      serviceSpec: {
        provider: provider(300),
        services: [
          {
            name: 'ingress-nginx',
            namespace: 'ingress-nginx',
            template: ST.ingressNginx,
            templateChain: SERVICE_CHAINS.ingressNginx,
            values:
              'ingress-nginx:\n  controller:\n    service:\n      annotations:\n        example.com/cluster: "{{ .Cluster.metadata.name }}"\n',
          },
        ],
      },
    },
  },
  {
    name: 'payments-external-dns',
    spec: {
      clusterSelector: { matchLabels: { team: 'payments', env: 'prod' } },
      serviceSpec: {
        provider: provider(100),
        services: [
          {
            name: 'external-dns',
            namespace: 'external-dns',
            template: ST.externalDns,
            templateChain: SERVICE_CHAINS.externalDns,
            values:
              'external-dns:\n  domainFilters:\n    - payments.example.com\n',
          },
        ],
      },
    },
  },
  {
    name: 'mgmt-cert-manager',
    spec: {
      serviceSpec: {
        provider: { name: 'ksm-projectsveltos', selfManagement: true },
        services: [kofCertManager],
      },
    },
  },
];

export function multiClusterServiceObjects(createdAt: number): KubeObject[] {
  return DEMO_MULTI_CLUSTER_SERVICES.map(({ name, spec }) =>
    object(
      'MultiClusterService',
      { name, labels: COMPONENT_LABEL },
      createdAt,
      { spec: structuredClone(spec) },
    ),
  );
}
