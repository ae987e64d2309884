/*
 * What the portal applies to a management cluster — the manifests the k0rdent
 * backend builds from users' requests — must be valid against the upstream
 * CRDs, or a real API server would refuse what the simulator accepted.
 */
import {
  changedManifest,
  clusterDeploymentManifest,
  multiClusterServiceManifest,
  stampManifest,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { expectValidAgainstUpstream } from './expectValidAgainstUpstream';
import { loadUpstreamCrds } from './upstreamCrds';

loadUpstreamCrds();

const stamp = {
  requestId: '7db41591-cbb6-4b2c-9500-6b23c4595fed',
  requestedBy: 'user:default/jane',
  owner: 'group:default/payments',
};

const created = stampManifest(
  clusterDeploymentManifest({
    namespace: 'team-payments',
    name: 'payments-eu',
    template: 'aws-standalone-cp-1-0-43',
    credential: 'aws-payments-cred',
    config: {
      region: 'eu-central-1',
      controlPlane: { instanceType: 'm5.large' },
      worker: { instanceType: 'm5.xlarge' },
      workersNumber: 3,
    },
    tenant: 'payments',
    kofRole: 'child',
    labels: { env: 'prod' },
    services: [
      {
        name: 'cert-manager',
        namespace: 'cert-manager',
        template: 'cert-manager-1-21-1',
      },
      {
        name: 'ingress-nginx',
        namespace: 'ingress-nginx',
        template: 'ingress-nginx-4-15-1',
        values: { 'ingress-nginx': { controller: { replicaCount: 2 } } },
        dependsOn: [{ name: 'cert-manager', namespace: 'cert-manager' }],
      },
    ],
  }),
  stamp,
);

describe('manifests of desired-state requests', () => {
  it('a new ClusterDeployment with services is valid', () => {
    expectValidAgainstUpstream([created]);
  });

  it('an upgrade and a change of services on top of it are valid', () => {
    const target = {
      kind: 'ClusterDeployment',
      namespace: 'team-payments',
      name: 'payments-eu',
    };
    const upgraded = changedManifest(created, target, spec => ({
      ...spec,
      template: 'aws-standalone-cp-1-0-44',
    }));
    const fromScratch = changedManifest(undefined, target, spec => ({
      ...spec,
      template: 'aws-standalone-cp-1-0-44',
    }));
    expectValidAgainstUpstream([upgraded, fromScratch], [created, created]);
  });

  it('a MultiClusterService is valid', () => {
    expectValidAgainstUpstream([
      stampManifest(
        multiClusterServiceManifest({
          name: 'prod-baseline',
          clusterSelector: { matchLabels: { env: 'prod' } },
          dependsOn: ['security-base'],
          services: [
            {
              name: 'kyverno',
              namespace: 'kyverno',
              template: 'kyverno-3-2-6',
            },
          ],
        }),
        stamp,
      ),
    ]);
  });
});
