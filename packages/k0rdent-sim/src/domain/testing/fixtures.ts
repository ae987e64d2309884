/*
 * Test helper: the smallest k0rdent worth testing against - one namespace with an
 * AWS template (two versions and a chain), credentials, service templates and the
 * ProviderInterfaces the webhooks consult. Objects have no status: the controllers
 * (or `withStatuses`) provide it.
 */
import type { KubeObject } from '../../store/types';
import { object } from '../seeds/objectBuilders';
import { providerInterfaces } from '../seeds/managementObjects';

export const NS = 'kcm-system';
const T0 = Date.parse('2026-08-01T00:00:00Z');

export function clusterTemplateSpec(
  chart: string,
  version: string,
  repository = 'kcm-templates',
) {
  return {
    helm: {
      chartSpec: {
        chart,
        version,
        interval: '10m0s',
        sourceRef: { kind: 'HelmRepository', name: repository },
      },
    },
  };
}

export function fixtureObjects(): KubeObject[] {
  return [
    object('Namespace', { name: NS }, T0),
    ...providerInterfaces(T0),
    object(
      'ClusterTemplate',
      { name: 'aws-standalone-cp-1-0-40', namespace: NS },
      T0,
      {
        spec: clusterTemplateSpec('aws-standalone-cp', '1.0.40'),
      },
    ),
    object(
      'ClusterTemplate',
      { name: 'aws-standalone-cp-1-0-43', namespace: NS },
      T0,
      {
        spec: clusterTemplateSpec('aws-standalone-cp', '1.0.43'),
      },
    ),
    object('ClusterTemplate', { name: 'mystery-0-1-0', namespace: NS }, T0, {
      spec: clusterTemplateSpec('mystery', '0.1.0', 'elsewhere'),
    }),
    object(
      'ClusterTemplateChain',
      { name: 'aws-standalone-cp-1-0-43', namespace: NS },
      T0,
      {
        spec: {
          supportedTemplates: [
            {
              name: 'aws-standalone-cp-1-0-40',
              availableUpgrades: [{ name: 'aws-standalone-cp-1-0-43' }],
            },
            { name: 'aws-standalone-cp-1-0-43' },
          ],
        },
      },
    ),
    object(
      'ServiceTemplate',
      { name: 'cert-manager-1-21-1', namespace: NS },
      T0,
      {
        spec: {
          helm: {
            chartSpec: {
              chart: 'cert-manager',
              version: '1.21.1',
              sourceRef: { kind: 'HelmRepository', name: 'k0rdent-catalog' },
            },
          },
        },
      },
    ),
    object(
      'ServiceTemplate',
      { name: 'ingress-nginx-4-15-1', namespace: NS },
      T0,
      {
        spec: {
          helm: {
            chartSpec: {
              chart: 'ingress-nginx',
              version: '4.15.1',
              sourceRef: { kind: 'HelmRepository', name: 'k0rdent-catalog' },
            },
          },
        },
      },
    ),
    object('ServiceTemplate', { name: 'kyverno-3-2-6', namespace: NS }, T0, {
      spec: {
        helm: {
          chartSpec: {
            chart: 'kyverno',
            version: '3.2.6',
            sourceRef: { kind: 'HelmRepository', name: 'k0rdent-catalog' },
          },
        },
      },
    }),
    object('Credential', { name: 'aws-cred', namespace: NS }, T0, {
      spec: {
        identityRef: {
          apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
          kind: 'AWSClusterStaticIdentity',
          name: 'aws-identity',
        },
      },
    }),
    object('Credential', { name: 'openstack-cred', namespace: NS }, T0, {
      spec: {
        identityRef: {
          apiVersion: 'v1',
          kind: 'Secret',
          name: 'openstack-clouds',
          namespace: NS,
        },
      },
    }),
  ];
}

/** A ClusterDeployment as a user would create it. */
export function clusterDeployment(
  name: string,
  overrides: {
    template?: string;
    credential?: string;
    labels?: Record<string, string>;
    config?: Record<string, unknown>;
    services?: unknown[];
  } = {},
): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name,
      namespace: NS,
      ...(overrides.labels ? { labels: overrides.labels } : {}),
    },
    spec: {
      template: overrides.template ?? 'aws-standalone-cp-1-0-43',
      credential: overrides.credential ?? 'aws-cred',
      config: overrides.config ?? {
        region: 'us-east-1',
        controlPlane: { instanceType: 'm5.large' },
        worker: { instanceType: 'm5.large' },
      },
      ...(overrides.services
        ? { serviceSpec: { services: overrides.services } }
        : {}),
    },
  };
}
