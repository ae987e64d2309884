/*
 * Test helper: small builders of k0rdent objects as the fleet cache holds them,
 * and an ownership config, for the fleet reader's unit tests.
 */
import type {
  Condition,
  JsonObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  readOwnershipConfig,
  type KubeObject,
} from '@k0rdent-backstage/plugin-k0rdent-node';

/** Ownership used by the tests: tenant `payments` → group payments, namespace `team-ml` → group ml. */
export const TEST_OWNERSHIP = readOwnershipConfig(
  {
    tenants: { payments: 'group:default/payments' },
    namespaces: { 'team-ml': 'group:default/ml' },
    default: 'group:default/platform',
  },
  'ownership',
);

type Built = KubeObject & { kind: string };

import { testCondition as condition } from '@k0rdent-backstage/plugin-k0rdent-common/testUtils';

export { condition };

export const READY = [
  condition('Ready', 'True', 'Succeeded', 'Object is ready'),
  condition('ServicesInReadyState', 'True', 'Succeeded', '1/1'),
];

export function clusterDeployment(
  name: string,
  options: {
    namespace?: string;
    template?: string;
    credential?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    config?: JsonObject;
    conditions?: Condition[];
    status?: Record<string, unknown>;
    spec?: Record<string, unknown>;
    createdAt?: string;
    uid?: string;
  } = {},
): Built {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name,
      namespace: options.namespace ?? 'kcm-system',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: options.createdAt ?? '2026-08-01T00:00:00Z',
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      template: options.template ?? 'aws-standalone-cp-1-0-43',
      credential: options.credential ?? 'aws-cred',
      config: options.config ?? { region: 'eu-west-1' },
      ...options.spec,
    },
    status: { conditions: options.conditions ?? READY, ...options.status },
  };
}

export function clusterTemplate(
  name: string,
  options: {
    namespace?: string;
    providers?: string[];
    valid?: boolean;
    labels?: Record<string, string>;
    status?: Record<string, unknown>;
  } = {},
): Built {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterTemplate',
    metadata: {
      name,
      namespace: options.namespace ?? 'kcm-system',
      ...(options.labels ? { labels: options.labels } : {}),
    },
    spec: { helm: { chartSpec: { chart: name, version: '1.0.0' } } },
    status: {
      valid: options.valid ?? true,
      providers: options.providers ?? ['infrastructure-aws'],
      chartVersion: '1.0.0',
      config: { k0s: { version: 'v1.36.3+k0s.2' } },
      ...options.status,
    },
  };
}

export function serviceTemplate(
  name: string,
  options: { namespace?: string; valid?: boolean; version?: string } = {},
): Built {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ServiceTemplate',
    metadata: { name, namespace: options.namespace ?? 'kcm-system' },
    spec: {
      helm: { chartSpec: { chart: name, version: '4.15.1' } },
      ...(options.version ? { version: options.version } : {}),
    },
    status: { valid: options.valid ?? true, chartVersion: '4.15.1' },
  };
}

export function templateChain(
  kind: 'ClusterTemplateChain' | 'ServiceTemplateChain',
  name: string,
  supportedTemplates: Array<{
    name: string;
    availableUpgrades?: Array<{ name: string; version?: string }>;
  }>,
  options: { namespace?: string; valid?: boolean } = {},
): Built {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind,
    metadata: { name, namespace: options.namespace ?? 'kcm-system' },
    spec: { supportedTemplates },
    status: { valid: options.valid ?? true },
  };
}

export function credential(
  name: string,
  options: {
    namespace?: string;
    identityKind?: string;
    ready?: boolean;
    region?: string;
    description?: string;
  } = {},
): Built {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'Credential',
    metadata: { name, namespace: options.namespace ?? 'kcm-system' },
    spec: {
      identityRef: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        kind: options.identityKind ?? 'AWSClusterStaticIdentity',
        name: `${name}-identity-secret-name`,
        namespace: 'identity-namespace',
      },
      ...(options.region ? { region: options.region } : {}),
      ...(options.description ? { description: options.description } : {}),
    },
    status: { ready: options.ready ?? true },
  };
}

export function region(
  name: string,
  builtOn?: { name: string; namespace: string },
): Built {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'Region',
    metadata: { name },
    spec: builtOn
      ? { clusterDeployment: builtOn }
      : { kubeConfig: { name: `${name}-kubeconfig`, key: 'value' } },
  };
}
