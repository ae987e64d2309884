import {
  CLUSTER_FACETS,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  clusterDeployment,
  clusterTemplate,
  condition,
  credential,
  TEST_OWNERSHIP,
} from '../__testUtils__/fleetObjects';
import { eventually } from '../__testUtils__/eventually';
import {
  createMemoryFleet,
  MemoryManagementCluster,
  type MemoryFleet,
} from '../__testUtils__/memoryFleet';
import { ClusterRows, naturalSortKey, STATUS_FACET } from './clusterRows';

describe('ClusterRows', () => {
  let mgmt: MemoryManagementCluster;
  let fleet: MemoryFleet;

  beforeEach(async () => {
    mgmt = new MemoryManagementCluster();
    mgmt.put(clusterTemplate('aws-standalone-cp-1-0-43'));
    mgmt.put(credential('aws-cred', { region: 'eu-region' }));
    fleet = createMemoryFleet({ mgmt });
    fleet.start();
    await fleet.waitForSync();
  });

  afterEach(() => fleet.stop());

  const cached = (namespace: string, name: string) =>
    fleet.get('mgmt').get('ClusterDeployment', namespace, name) as
      | ClusterDeployment
      | undefined;

  async function put(object: ReturnType<typeof clusterDeployment>) {
    const stored = mgmt.put(object);
    return eventually('the cluster in the cache', () => {
      const found = cached(object.metadata.namespace!, object.metadata.name);
      return found?.metadata.resourceVersion === stored.metadata.resourceVersion
        ? found
        : undefined;
    });
  }

  it('derives the summary the overview shows', async () => {
    const cd = await put(
      clusterDeployment('pay-prod', {
        namespace: 'team-payments',
        labels: {
          'k0rdent.mirantis.com/kof-tenant-id': 'payments',
          'k0rdent.mirantis.com/kof-cluster-role': 'child',
        },
        config: { region: 'us-east-2', k0s: { version: 'v1.35.1+k0s.0' } },
        conditions: [
          condition('Ready', 'False', 'Failed', 'HelmRelease failed'),
          condition('ServicesInReadyState', 'False', 'Failed', '1/3'),
        ],
        status: { availableUpgrades: ['aws-standalone-cp-1-0-44'] },
      }),
    );
    const row = new ClusterRows(TEST_OWNERSHIP).rowOf(
      'mgmt',
      fleet.get('mgmt'),
      cd,
    );
    expect(row.summary).toEqual({
      managementCluster: 'mgmt',
      namespace: 'team-payments',
      name: 'pay-prod',
      entityRef: 'resource:default/mgmt_clusterd_team-payments_pay-prod',
      owner: 'group:default/payments',
      tenant: 'payments',
      phase: 'Failed',
      message: 'HelmRelease failed',
      template: 'aws-standalone-cp-1-0-43',
      credential: 'aws-cred',
      // Template and credential resolved from the system namespace.
      provider: 'aws',
      region: 'eu-region',
      cloudRegion: 'us-east-2',
      kubernetesVersion: 'v1.35.1+k0s.0',
      kofRole: 'child',
      services: { ready: 1, total: 3 },
      availableUpgrades: ['aws-standalone-cp-1-0-44'],
      labels: cd.metadata.labels,
      createdAt: '2026-08-01T00:00:00Z',
    });
    expect(row.resource).toEqual({
      managementCluster: 'mgmt',
      namespace: 'team-payments',
      name: 'pay-prod',
      owner: 'group:default/payments',
      tenant: 'payments',
      tenantOwner: 'group:default/payments',
    });
  });

  it('leaves out what a cluster does not have, and the message of a ready one', async () => {
    const cd = await put(
      clusterDeployment('bare', {
        template: 'unknown-template',
        credential: 'unknown-cred',
        config: {},
        status: { region: 'us-region' },
      }),
    );
    const { summary } = new ClusterRows(TEST_OWNERSHIP).rowOf(
      'mgmt',
      fleet.get('mgmt'),
      cd,
    );
    expect(summary.phase).toBe('Ready');
    expect(summary.region).toBe('us-region');
    expect(summary.owner).toBe('group:default/platform');
    expect(summary.tenant).toBe('PLATFORM');
    for (const key of [
      'message',
      'provider',
      'cloudRegion',
      'kubernetesVersion',
      'kofRole',
    ]) {
      expect(summary).not.toHaveProperty(key);
    }
  });

  it('derives a row once per cached object, and again when its template changes', async () => {
    const rows = new ClusterRows(TEST_OWNERSHIP);
    const cache = fleet.get('mgmt');
    const cd = await put(clusterDeployment('a'));
    const first = rows.rowOf('mgmt', cache, cd);
    expect(rows.rowOf('mgmt', cache, cd)).toBe(first);
    expect(first.summary.provider).toBe('aws');

    const template = mgmt.put(
      clusterTemplate('aws-standalone-cp-1-0-43', {
        providers: ['infrastructure-gcp'],
      }),
    );
    await eventually(
      'the changed template in the cache',
      () =>
        cache.get('ClusterTemplate', 'kcm-system', 'aws-standalone-cp-1-0-43')
          ?.metadata.resourceVersion === template.metadata.resourceVersion,
    );
    const second = rows.rowOf('mgmt', cache, cd);
    expect(second).not.toBe(first);
    expect(second.summary.provider).toBe('gcp');

    const changed = await put(
      clusterDeployment('a', { labels: { env: 'prod' } }),
    );
    expect(rows.rowOf('mgmt', cache, changed).summary.labels).toEqual({
      env: 'prod',
    });
  });

  it('looks references up again only when told they may have changed', async () => {
    const rows = new ClusterRows(TEST_OWNERSHIP);
    const cache = fleet.get('mgmt');
    const cd = await put(clusterDeployment('a'));
    const first = rows.rowOf('mgmt', cache, cd, 1);
    const template = mgmt.put(
      clusterTemplate('aws-standalone-cp-1-0-43', {
        providers: ['infrastructure-vsphere'],
      }),
    );
    await eventually(
      'the changed template in the cache',
      () =>
        cache.get('ClusterTemplate', 'kcm-system', 'aws-standalone-cp-1-0-43')
          ?.metadata.resourceVersion === template.metadata.resourceVersion,
    );
    expect(rows.rowOf('mgmt', cache, cd, 1)).toBe(first);
    expect(rows.rowOf('mgmt', cache, cd, 2).summary.provider).toBe('vsphere');
  });

  it('numbers facet values, the same value with the same number', async () => {
    const rows = new ClusterRows(TEST_OWNERSHIP);
    const cache = fleet.get('mgmt');
    const a = rows.rowOf('mgmt', cache, await put(clusterDeployment('a')));
    const b = rows.rowOf(
      'mgmt',
      cache,
      await put(clusterDeployment('b', { namespace: 'team-ml' })),
    );
    const namespace = CLUSTER_FACETS.indexOf('namespace');
    const provider = CLUSTER_FACETS.indexOf('provider');
    const kofRole = CLUSTER_FACETS.indexOf('kofRole');
    expect(a.facetIds[provider]).toBe(b.facetIds[provider]);
    expect(a.facetIds[namespace]).not.toBe(b.facetIds[namespace]);
    expect(rows.facetValues.valuesOf(namespace)[b.facetIds[namespace]]).toBe(
      'team-ml',
    );
    expect(a.facetIds[kofRole]).toBe(-1);
    expect(a.facetIds[STATUS_FACET]).toBe(-1);
  });

  it('prefers the template in the cluster namespace over the system one', async () => {
    mgmt.put(
      clusterTemplate('aws-standalone-cp-1-0-43', {
        namespace: 'team-a',
        providers: ['infrastructure-azure'],
      }),
    );
    const cd = await put(clusterDeployment('a', { namespace: 'team-a' }));
    await eventually("the namespace's template in the cache", () =>
      fleet
        .get('mgmt')
        .get('ClusterTemplate', 'team-a', 'aws-standalone-cp-1-0-43'),
    );
    expect(
      new ClusterRows(TEST_OWNERSHIP).rowOf('mgmt', fleet.get('mgmt'), cd)
        .summary.provider,
    ).toBe('azure');
  });
});

describe('naturalSortKey', () => {
  it('orders numbers by value with plain string comparison', () => {
    const sorted = ['v1.10.0', 'v1.9.2', 'V1.9.10', 'scale-10', 'scale-2']
      .map(value => ({ value, key: naturalSortKey(value)! }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map(v => v.value);
    expect(sorted).toEqual([
      'scale-2',
      'scale-10',
      'v1.9.2',
      'V1.9.10',
      'v1.10.0',
    ]);
    expect(naturalSortKey('')).toBeUndefined();
    expect(naturalSortKey(undefined)).toBeUndefined();
  });
});
