import { kofTenantEntity, kofTenantsOf } from './tenant';
import {
  clusterDeployment,
  expectValidEntity,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const TENANT = 'k0rdent.mirantis.com/kof-tenant-id';
const LABEL = 'backstage.k0rdent.io';

describe('kofTenantsOf', () => {
  it('collects the tenant of every cluster, PLATFORM for those without one', () => {
    const snapshot = testSnapshot([
      clusterDeployment('a1', { metadata: { labels: { [TENANT]: 'team-a' } } }),
      clusterDeployment('a2', {
        metadata: { namespace: 'team-a', labels: { [TENANT]: 'team-a' } },
      }),
      clusterDeployment('r', {
        metadata: {
          labels: { 'k0rdent.mirantis.com/kof-cluster-role': 'regional' },
        },
      }),
      clusterDeployment('empty', { metadata: { labels: { [TENANT]: '' } } }),
      clusterDeployment('b', { metadata: { labels: { [TENANT]: 'team-b' } } }),
    ]);
    expect(kofTenantsOf(snapshot)).toEqual(['PLATFORM', 'team-a', 'team-b']);
  });

  it('has no tenants without clusters', () => {
    expect(kofTenantsOf(testSnapshot([]))).toEqual([]);
  });
});

describe('kofTenantEntity', () => {
  it('maps a tenant to a System in the management cluster Domain', async () => {
    const entity = kofTenantEntity(
      testSnapshot([], { title: 'Production' }),
      testConfig(),
      'team-a',
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'mgmt_tenant_team-a',
        namespace: 'default',
        title: 'team-a',
        description: 'KOF tenant team-a on management cluster Production',
        annotations: {
          'backstage.io/managed-by-location': 'k0rdent:mgmt',
          'backstage.io/managed-by-origin-location': 'k0rdent:mgmt',
          [`${LABEL}/management-cluster`]: 'mgmt',
          [`${LABEL}/tenant`]: 'team-a',
        },
        labels: {
          [`${LABEL}/management-cluster`]: 'mgmt',
          [`${LABEL}/tenant`]: 'team-a',
        },
        tags: ['k0rdent'],
      },
      spec: {
        type: 'kof-tenant',
        owner: 'group:default/team-a',
        domain: 'domain:default/mgmt',
      },
    });
    await expectValidEntity(entity);
  });

  it('gives PLATFORM and unknown tenants the default owner unless configured', async () => {
    const platform = kofTenantEntity(
      testSnapshot([]),
      testConfig(),
      'PLATFORM',
    );
    expect(platform.metadata.name).toBe('mgmt_tenant_platform');
    expect(platform.metadata.title).toBe('PLATFORM');
    expect(platform.spec?.owner).toBe('group:default/everyone');
    await expectValidEntity(platform);

    const config = testConfig();
    const withPlatform = testConfig({
      ownership: {
        ...config.ownership,
        tenants: new Map([['PLATFORM', 'group:default/platform']]),
      },
    });
    expect(
      kofTenantEntity(testSnapshot([]), withPlatform, 'PLATFORM').spec?.owner,
    ).toBe('group:default/platform');
  });

  it('has no domain when management clusters are not ingested, and marks staleness', async () => {
    const entity = kofTenantEntity(
      testSnapshot([], { staleSince: new Date(0) }),
      testConfig({ kinds: new Set(['KofTenant']) }),
      'team-a',
    );
    expect(entity.spec).not.toHaveProperty('domain');
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('Stale');
    await expectValidEntity(entity);
  });

  it('gives a long tenant id a valid name', async () => {
    const tenant = `tenant-${'x'.repeat(56)}`;
    const entity = kofTenantEntity(testSnapshot([]), testConfig(), tenant);
    expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
    expect(entity.metadata.title).toBe(tenant);
    await expectValidEntity(entity);
  });
});
