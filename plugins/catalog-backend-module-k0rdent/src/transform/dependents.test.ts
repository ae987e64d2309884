import type { K0rdentObject } from '@k0rdent-backstage/plugin-k0rdent-common';
import { dependentObjects } from './dependents';
import { KOF_TENANT_KIND, MANAGEMENT_CLUSTER_KIND } from './snapshot';
import {
  clusterDeployment,
  clusterTemplate,
  credential,
  multiClusterService,
  region,
  serviceTemplate,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const TENANT = 'k0rdent.mirantis.com/kof-tenant-id';
const copyLabels = { 'k0rdent.mirantis.com/managed': 'true' };

const clusters = [
  clusterDeployment('sys-1', {
    spec: {
      serviceSpec: {
        services: [{ name: 'i', template: 'ingress-nginx-4-15-1' }],
      },
    },
  }),
  clusterDeployment('sys-2', {
    spec: { template: 'other-1-0-0', credential: 'other' },
  }),
  clusterDeployment('team-1', {
    metadata: { namespace: 'team-b' },
    spec: {
      serviceSpec: {
        services: [
          { name: 'i', template: 'ingress-nginx-4-15-1' },
          { name: 'j', template: 'ingress-nginx-4-15-1' },
        ],
      },
    },
  }),
  clusterDeployment('other-ns', { metadata: { namespace: 'team-c' } }),
];

const snapshot = testSnapshot(clusters);
const config = testConfig();

function dependents(object: K0rdentObject, previous?: K0rdentObject) {
  return dependentObjects(snapshot, config, { object, previous });
}

describe('dependentObjects', () => {
  describe('ClusterDeployment', () => {
    const cluster = clusterDeployment('c', {
      metadata: { labels: { [TENANT]: 'team-a' } },
    });

    it('touches its tenant when added or deleted', () => {
      expect(dependents(cluster)).toEqual([
        { kind: KOF_TENANT_KIND, name: 'team-a' },
      ]);
      expect(dependents(clusterDeployment('c'))).toEqual([
        { kind: KOF_TENANT_KIND, name: 'PLATFORM' },
      ]);
    });

    it('touches the old and the new tenant when it moves', () => {
      expect(dependents(clusterDeployment('c'), cluster)).toEqual([
        { kind: KOF_TENANT_KIND, name: 'team-a' },
        { kind: KOF_TENANT_KIND, name: 'PLATFORM' },
      ]);
    });

    it('touches nothing else when its tenant stays', () => {
      const upgraded = clusterDeployment('c', {
        metadata: { labels: { [TENANT]: 'team-a', env: 'prod' } },
        spec: { template: 'aws-standalone-cp-1-0-44' },
      });
      expect(dependents(upgraded, cluster)).toEqual([]);
    });

    it('touches no tenant when tenants are not ingested', () => {
      expect(
        dependentObjects(
          snapshot,
          testConfig({ kinds: new Set(['ClusterDeployment']) }),
          { object: cluster },
        ),
      ).toEqual([]);
    });
  });

  describe('ClusterTemplate', () => {
    const template = clusterTemplate('aws-standalone-cp-1-0-43', {
      status: { valid: true, providers: ['infrastructure-aws'] },
    });

    it('touches the clusters of every namespace using the system namespace template', () => {
      expect(dependents(template)).toEqual([
        { kind: 'ClusterDeployment', namespace: 'kcm-system', name: 'sys-1' },
        { kind: 'ClusterDeployment', namespace: 'team-b', name: 'team-1' },
        { kind: 'ClusterDeployment', namespace: 'team-c', name: 'other-ns' },
      ]);
    });

    it('touches only the clusters of its namespace for a template elsewhere', () => {
      const copy = clusterTemplate('aws-standalone-cp-1-0-43', {
        metadata: { namespace: 'team-b', labels: copyLabels },
      });
      expect(dependents(copy)).toEqual([
        { kind: 'ClusterDeployment', namespace: 'team-b', name: 'team-1' },
      ]);
    });

    it('touches the clusters when their provider or Kubernetes version changes', () => {
      const gcp = clusterTemplate('aws-standalone-cp-1-0-43', {
        status: { valid: true, providers: ['infrastructure-gcp'] },
      });
      expect(dependents(gcp, template)).toHaveLength(3);
      const versioned = clusterTemplate('aws-standalone-cp-1-0-43', {
        status: {
          valid: true,
          providers: ['infrastructure-aws'],
          k8sVersion: 'v1.36.3',
        },
      });
      expect(dependents(versioned, template)).toHaveLength(3);
    });

    it('touches nothing when only fields the clusters do not use change', () => {
      const invalid = clusterTemplate('aws-standalone-cp-1-0-43', {
        status: {
          valid: false,
          validationError: 'x',
          description: 'new',
          providers: ['infrastructure-aws'],
        },
      });
      expect(dependents(invalid, template)).toEqual([]);
    });

    it('touches no cluster when clusters are not ingested', () => {
      expect(
        dependentObjects(
          snapshot,
          testConfig({ kinds: new Set(['ClusterTemplate']) }),
          { object: template },
        ),
      ).toEqual([]);
    });
  });

  describe('Credential', () => {
    const cred = credential('aws-cred');

    it('touches the clusters using it', () => {
      expect(dependents(cred)).toHaveLength(3);
      expect(dependents(credential('other'))).toEqual([
        { kind: 'ClusterDeployment', namespace: 'kcm-system', name: 'sys-2' },
      ]);
    });

    it('touches them when its region changes or it becomes a copy, not when it gets ready', () => {
      expect(
        dependents(
          credential('aws-cred', { spec: { region: 'eu' } as any }),
          cred,
        ),
      ).toHaveLength(3);
      expect(
        dependents(
          credential('aws-cred', {
            metadata: { labels: copyLabels },
            status: { ready: true },
          }),
          cred,
        ),
      ).toEqual([]);
      const teamCopy = credential('aws-cred', {
        metadata: { namespace: 'team-b' },
      });
      expect(
        dependents(
          credential('aws-cred', {
            metadata: { namespace: 'team-b', labels: copyLabels },
          }),
          teamCopy,
        ),
      ).toEqual([
        { kind: 'ClusterDeployment', namespace: 'team-b', name: 'team-1' },
      ]);
      expect(
        dependents(credential('aws-cred', { status: { ready: true } }), cred),
      ).toEqual([]);
    });
  });

  describe('ServiceTemplate', () => {
    it('touches the clusters whose services use it, once each', () => {
      expect(dependents(serviceTemplate('ingress-nginx-4-15-1'))).toEqual([
        { kind: 'ClusterDeployment', namespace: 'kcm-system', name: 'sys-1' },
        { kind: 'ClusterDeployment', namespace: 'team-b', name: 'team-1' },
      ]);
    });

    it('touches nothing on a status change', () => {
      expect(
        dependents(
          serviceTemplate('ingress-nginx-4-15-1', { status: { valid: true } }),
          serviceTemplate('ingress-nginx-4-15-1'),
        ),
      ).toEqual([]);
    });
  });

  it('touches the Domain when the Management object changes', () => {
    const management = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'Management',
      metadata: { name: 'kcm' },
    };
    expect(dependents(management)).toEqual([
      { kind: MANAGEMENT_CLUSTER_KIND, name: 'mgmt' },
    ]);
  });

  it.each([
    [multiClusterService('m')],
    [region('eu')],
    [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's', namespace: 'x' },
      },
    ],
  ])('touches nothing else for %j', object => {
    expect(dependents(object)).toEqual([]);
  });
});
