import {
  getCondition,
  type ClusterDeployment,
  type MultiClusterService,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../../store/types';
import { startHarness, type Harness } from '../../testing/controllerHarness';
import { NS, clusterDeployment, fixtureObjects } from '../../testing/fixtures';

const P = 10_000;

function mcs(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'MultiClusterService',
    metadata: { name },
    spec,
  };
}

const kyverno = {
  services: [
    { name: 'kyverno', namespace: 'kyverno', template: 'kyverno-3-2-6' },
  ],
};
const ingress = {
  services: [
    {
      name: 'ingress-nginx',
      namespace: 'ingress-nginx',
      template: 'ingress-nginx-4-15-1',
    },
  ],
};

const getMcs = (h: Harness, name: string) =>
  h.get<MultiClusterService>('MultiClusterService', name)!;
const getCd = (h: Harness, name: string) =>
  h.get<ClusterDeployment>('ClusterDeployment', name, NS)!;
const serviceStates = (h: Harness, cd: string) =>
  (getCd(h, cd).status?.services ?? []).map(s => `${s.name}:${s.state}`);

function relabel(h: Harness, name: string, labels: Record<string, string>) {
  const current = h.get<KubeObject>('ClusterDeployment', name, NS)!;
  h.store.update({
    ...current,
    metadata: {
      ...current.metadata,
      labels: { ...current.metadata.labels, ...labels },
    },
  });
}

describe('MultiClusterServiceController', () => {
  let h: Harness;

  beforeEach(() => {
    h = startHarness({ objects: fixtureObjects(), provisioningMillis: P });
    h.store.create(clusterDeployment('prod-a', { labels: { env: 'prod' } }));
    h.store.create(clusterDeployment('dev-b', { labels: { env: 'dev' } }));
    h.advance(2 * P);
  });

  afterEach(() => h.stop());

  it('deploys to the clusters its selector matches and reports them', () => {
    h.store.create(
      mcs('baseline', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: kyverno,
      }),
    );
    h.settle();
    expect(serviceStates(h, 'prod-a')).toEqual(['kyverno:Provisioning']);
    expect(
      getCondition(getMcs(h, 'baseline'), 'ClusterInReadyState')?.message,
    ).toBe('0/1');
    expect(
      getCondition(getCd(h, 'prod-a'), 'ServicesInReadyState')?.message,
    ).toBe('0/1');

    h.advance(P);
    const status = getMcs(h, 'baseline').status!;
    expect(status.matchingClusters).toEqual([
      expect.objectContaining({
        kind: 'ClusterDeployment',
        name: 'prod-a',
        namespace: NS,
        deployed: true,
        regional: false,
      }),
    ]);
    expect(
      getCondition(getMcs(h, 'baseline'), 'ClusterInReadyState'),
    ).toMatchObject({ status: 'True', message: '1/1' });
    expect(getCondition(getMcs(h, 'baseline'), 'Ready')).toMatchObject({
      status: 'True',
      message: 'Object is ready',
    });
    expect(serviceStates(h, 'prod-a')).toEqual(['kyverno:Deployed']);
    expect(
      getCondition(getCd(h, 'prod-a'), 'ServicesInReadyState')?.message,
    ).toBe('1/1');
    expect(serviceStates(h, 'dev-b')).toEqual([]);
  });

  it('follows label changes: new matches get the services, old ones lose them', () => {
    h.store.create(
      mcs('baseline', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: kyverno,
      }),
    );
    h.advance(P);

    relabel(h, 'dev-b', { env: 'prod' });
    h.advance(P);
    expect(
      getMcs(h, 'baseline').status?.matchingClusters?.map(m => [
        m.name,
        m.deployed,
      ]),
    ).toEqual([
      ['dev-b', true],
      ['prod-a', true],
    ]);
    expect(serviceStates(h, 'dev-b')).toEqual(['kyverno:Deployed']);

    relabel(h, 'prod-a', { env: 'staging' });
    h.advance(P);
    expect(
      getMcs(h, 'baseline').status?.matchingClusters?.map(m => m.name),
    ).toEqual(['dev-b']);
    expect(serviceStates(h, 'prod-a')).toEqual([]);
    expect(
      getCondition(getCd(h, 'prod-a'), 'ServicesInReadyState')?.message,
    ).toBe('0/0');
  });

  it('reacts to new and deleted clusters', () => {
    h.store.create(
      mcs('baseline', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: kyverno,
      }),
    );
    h.advance(P);
    h.store.create(clusterDeployment('prod-c', { labels: { env: 'prod' } }));
    h.settle();
    expect(
      getCondition(getMcs(h, 'baseline'), 'ClusterInReadyState')?.message,
    ).toBe('1/2');
    h.advance(3 * P);
    expect(
      getCondition(getMcs(h, 'baseline'), 'ClusterInReadyState')?.message,
    ).toBe('2/2');

    h.store.delete({
      kind: 'ClusterDeployment',
      namespace: NS,
      name: 'prod-c',
    });
    h.settle();
    expect(
      getCondition(getMcs(h, 'baseline'), 'ClusterInReadyState')?.message,
    ).toBe('1/1');
  });

  it('waits for the MultiClusterServices it depends on', () => {
    h.store.create(
      mcs('ingress', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        dependsOn: ['baseline'],
        serviceSpec: ingress,
      }),
    );
    h.store.create(
      mcs('baseline', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: kyverno,
      }),
    );
    h.settle();
    const blocked = getMcs(h, 'ingress');
    expect(blocked.status?.matchingClusters?.[0]).toMatchObject({
      deployed: false,
      reason: 'MultiClusterServiceDependencyNotReady',
      message:
        'skipping create/update of ServiceSet for matching cluster kcm-system/prod-a: waiting on baseline (0/1 services deployed)',
    });
    expect(
      getCondition(blocked, 'MultiClusterServiceDependencyReady'),
    ).toMatchObject({ status: 'False' });
    expect(serviceStates(h, 'prod-a')).toEqual(['kyverno:Provisioning']);

    h.advance(P);
    expect(serviceStates(h, 'prod-a')).toEqual([
      'kyverno:Deployed',
      'ingress-nginx:Deployed',
    ]);
    expect(getCondition(getMcs(h, 'ingress'), 'Ready')?.status).toBe('True');
  });

  it('matches nothing with an empty selector but deploys to the management cluster with selfManagement', () => {
    h.store.create(
      mcs('mgmt', {
        serviceSpec: { ...kyverno, provider: { selfManagement: true } },
      }),
    );
    h.settle();
    expect(getMcs(h, 'mgmt').status?.matchingClusters).toBeUndefined();
    expect(getMcs(h, 'mgmt').status?.services?.map(s => s.state)).toEqual([
      'Provisioning',
    ]);
    h.advance(P);
    expect(getMcs(h, 'mgmt').status?.services?.map(s => s.state)).toEqual([
      'Deployed',
    ]);
    expect(
      getCondition(getMcs(h, 'mgmt'), 'ClusterInReadyState')?.message,
    ).toBe('1/1');
    expect(serviceStates(h, 'prod-a')).toEqual([]);
  });

  it('reports missing templates and dependencies in its conditions', () => {
    h.store.create(
      mcs('broken', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        dependsOn: ['nowhere'],
        serviceSpec: { services: [{ name: 'x', template: 'x-1-0-0' }] },
      }),
    );
    h.settle();
    const status = getMcs(h, 'broken');
    expect(getCondition(status, 'ServicesReferencesValidation')?.message).toBe(
      'failed to get ServiceTemplate kcm-system/x-1-0-0: servicetemplates.k0rdent.mirantis.com "x-1-0-0" not found',
    );
    expect(
      getCondition(status, 'MultiClusterServiceDependencyValidation')?.status,
    ).toBe('False');
    expect(getCondition(status, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'Failed',
    });
  });

  it('removes its services when it is deleted', () => {
    h.store.create(
      mcs('baseline', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: kyverno,
      }),
    );
    h.advance(P);
    h.store.delete({ kind: 'MultiClusterService', name: 'baseline' });
    h.settle();
    expect(serviceStates(h, 'prod-a')).toEqual([]);
    expect(
      getCondition(getCd(h, 'prod-a'), 'ServicesInReadyState')?.message,
    ).toBe('0/0');
  });

  it('lets the higher priority deploy a release two MultiClusterServices want', () => {
    const low = {
      provider: { config: { priority: 100 } },
      services: [
        {
          name: 'ingress-nginx',
          namespace: 'ingress-nginx',
          template: 'ingress-nginx-4-15-1',
        },
      ],
    };
    const high = {
      provider: { config: { priority: 300 } },
      services: [
        {
          name: 'ingress-nginx',
          namespace: 'ingress-nginx',
          template: 'kyverno-3-2-6',
        },
      ],
    };
    h.store.create(
      mcs('low', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: low,
      }),
    );
    h.store.create(
      mcs('high', {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: high,
      }),
    );
    h.advance(2 * P);
    expect(
      getCd(h, 'prod-a').status?.services?.map(s => [
        s.name,
        s.template,
        s.state,
      ]),
    ).toEqual([['ingress-nginx', 'kyverno-3-2-6', 'Deployed']]);
    expect(getCondition(getMcs(h, 'low'), 'ClusterInReadyState')?.message).toBe(
      '1/1',
    );
  });
});
