import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { K0rdentObject } from '@k0rdent-backstage/plugin-k0rdent-common';
import { entityRefOf } from './references';
import { KOF_TENANT_KIND, MANAGEMENT_CLUSTER_KIND } from './snapshot';
import { transformObject, transformSnapshot } from './transformSnapshot';
import {
  clusterDeployment,
  clusterTemplate,
  condition,
  credential,
  expectValidEntity,
  multiClusterService,
  region,
  serviceTemplate,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

const TENANT = 'k0rdent.mirantis.com/kof-tenant-id';
const copyLabels = { 'k0rdent.mirantis.com/managed': 'true' };

/** A small fleet with the odd cases: copies, a team namespace, regions, tenants. */
function fleet(): K0rdentObject[] {
  return [
    clusterTemplate('aws-standalone-cp-1-0-43', {
      status: { valid: true, providers: ['infrastructure-aws'] },
    }),
    clusterTemplate('aws-standalone-cp-1-0-43', {
      metadata: { namespace: 'team-b', labels: copyLabels },
      status: { valid: true, providers: ['infrastructure-aws'] },
    }),
    clusterTemplate('openstack-standalone-cp-1-0-46', {
      status: { valid: false, validationError: 'chart pull failed' },
    }),
    serviceTemplate('ingress-nginx-4-15-1', { status: { valid: true } }),
    serviceTemplate('ingress-nginx-4-15-1', {
      metadata: { namespace: 'team-b', labels: copyLabels },
    }),
    credential('aws-cred', { status: { ready: true } }),
    credential('aws-cred', {
      metadata: { namespace: 'team-b', labels: copyLabels },
    }),
    credential('aws-eu-cred', {
      spec: { region: 'eu-region' } as any,
      status: { ready: true },
    }),
    region('eu-region', {
      spec: {
        clusterDeployment: { name: 'eu-regional', namespace: 'kcm-system' },
      },
      status: { conditions: [condition('Ready', 'True')] },
    }),
    multiClusterService('prod-ingress', {
      spec: {
        clusterSelector: { matchLabels: { env: 'prod' } },
        serviceSpec: {
          services: [{ name: 'ingress', template: 'ingress-nginx-4-15-1' }],
        },
      },
    }),
    multiClusterService('nothing-selected', { spec: { clusterSelector: {} } }),
    clusterDeployment('eu-regional', {
      metadata: {
        labels: { 'k0rdent.mirantis.com/kof-cluster-role': 'regional' },
      },
      spec: {
        template: 'openstack-standalone-cp-1-0-46',
        credential: 'aws-cred',
      },
      status: { conditions: [condition('Ready', 'True')] },
    }),
    clusterDeployment('team-a-dev', {
      metadata: {
        labels: {
          [TENANT]: 'team-a',
          'k0rdent.mirantis.com/kof-cluster-role': 'child',
        },
      },
      spec: { credential: 'aws-eu-cred' },
    }),
    clusterDeployment('team-b-prod', {
      metadata: { namespace: 'team-b', labels: { env: 'prod' } },
      spec: {
        serviceSpec: {
          services: [{ name: 'ingress', template: 'ingress-nginx-4-15-1' }],
        },
      },
    }),
    clusterDeployment('unknown-template', {
      spec: { template: 'gone-1-0-0' },
      metadata: { deletionTimestamp: '2026-08-21T10:00:00Z' },
    }),
    {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'bare', namespace: 'team-c' },
    },
    // Kinds the module does not map.
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'kcm-system' },
    },
  ];
}

function refs(entities: Entity[]): string[] {
  return entities.map(e => stringifyEntityRef(e)).sort();
}

describe('transformSnapshot', () => {
  it('maps a whole management cluster', () => {
    const entities = transformSnapshot(
      testSnapshot(fleet(), { title: 'Management' }),
      testConfig(),
    );
    expect(refs(entities)).toEqual([
      'domain:default/mgmt',
      'resource:default/mgmt_clusterd_kcm-system_eu-regional',
      'resource:default/mgmt_clusterd_kcm-system_team-a-dev',
      'resource:default/mgmt_clusterd_kcm-system_unknown-template',
      'resource:default/mgmt_clusterd_team-b_team-b-prod',
      'resource:default/mgmt_clusterd_team-c_bare',
      'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
      'resource:default/mgmt_clustertmpl_kcm-system_openstack-standalone-cp-1-0-46',
      'resource:default/mgmt_cred_kcm-system_aws-cred',
      'resource:default/mgmt_cred_kcm-system_aws-eu-cred',
      'resource:default/mgmt_mcs_nothing-selected',
      'resource:default/mgmt_mcs_prod-ingress',
      'resource:default/mgmt_rgn_eu-region',
      'resource:default/mgmt_svctmpl_kcm-system_ingress-nginx-4-15-1',
      'system:default/mgmt_tenant_platform',
      'system:default/mgmt_tenant_team-a',
    ]);
  });

  it('produces only valid entities with unique refs', async () => {
    const entities = transformSnapshot(testSnapshot(fleet()), testConfig());
    for (const entity of entities) {
      await expectValidEntity(entity);
    }
    expect(new Set(refs(entities)).size).toBe(entities.length);
  });

  it('links clusters, templates, credentials, regions and tenants', () => {
    const entities = transformSnapshot(testSnapshot(fleet()), testConfig());
    const byTitle = new Map(entities.map(e => [e.metadata.title, e]));
    expect(byTitle.get('team-a-dev')?.spec).toMatchObject({
      system: 'system:default/mgmt_tenant_team-a',
      dependsOn: [
        'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
        'resource:default/mgmt_cred_kcm-system_aws-eu-cred',
        'resource:default/mgmt_rgn_eu-region',
      ],
    });
    expect(byTitle.get('team-b-prod')?.spec?.dependsOn).toEqual([
      'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
      'resource:default/mgmt_cred_kcm-system_aws-cred',
      'resource:default/mgmt_svctmpl_kcm-system_ingress-nginx-4-15-1',
    ]);
    expect(byTitle.get('eu-region')?.spec?.dependsOn).toEqual([
      'resource:default/mgmt_clusterd_kcm-system_eu-regional',
    ]);
    expect(byTitle.get('PLATFORM')?.spec?.domain).toBe('domain:default/mgmt');
  });

  it('ingests only the configured kinds', () => {
    const entities = transformSnapshot(
      testSnapshot(fleet()),
      testConfig({ kinds: new Set(['ClusterTemplate', 'ManagementCluster']) }),
    );
    expect(refs(entities)).toEqual([
      'domain:default/mgmt',
      'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
      'resource:default/mgmt_clustertmpl_kcm-system_openstack-standalone-cp-1-0-46',
    ]);
  });

  it('marks every entity of a stale snapshot, and keeps them all', async () => {
    const fresh = transformSnapshot(testSnapshot(fleet()), testConfig());
    const stale = transformSnapshot(
      testSnapshot(fleet(), { staleSince: new Date('2026-08-21T12:00:00Z') }),
      testConfig(),
    );
    expect(refs(stale)).toEqual(refs(fresh));
    for (const entity of stale) {
      expect(entity.metadata.labels?.['backstage.k0rdent.io/status']).toBe(
        'Stale',
      );
      expect(
        entity.metadata.annotations?.['backstage.k0rdent.io/stale-since'],
      ).toBe('2026-08-21T12:00:00.000Z');
      await expectValidEntity(entity);
    }
  });

  it('gives objects of different kinds with the same name different refs', () => {
    const entities = transformSnapshot(
      testSnapshot([
        region('eu', {}),
        multiClusterService('eu'),
        clusterDeployment('aws-dev'),
        credential('aws-dev'),
      ]),
      testConfig(),
    );
    expect(new Set(refs(entities)).size).toBe(entities.length);
  });

  it('maps an empty management cluster to its Domain alone', () => {
    expect(refs(transformSnapshot(testSnapshot([]), testConfig()))).toEqual([
      'domain:default/mgmt',
    ]);
  });

  it('is the same for the same input', () => {
    expect(transformSnapshot(testSnapshot(fleet()), testConfig())).toEqual(
      transformSnapshot(testSnapshot(fleet()), testConfig()),
    );
  });
});

describe('transformObject', () => {
  const snapshot = testSnapshot(fleet());
  const config = testConfig();

  it('returns the same entity as the full transform for each key', () => {
    const full = new Map(
      transformSnapshot(snapshot, config).map(e => [stringifyEntityRef(e), e]),
    );
    const keys = [
      { kind: 'ClusterDeployment', namespace: 'team-b', name: 'team-b-prod' },
      {
        kind: 'ClusterTemplate',
        namespace: 'kcm-system',
        name: 'aws-standalone-cp-1-0-43',
      },
      {
        kind: 'ServiceTemplate',
        namespace: 'kcm-system',
        name: 'ingress-nginx-4-15-1',
      },
      { kind: 'Credential', namespace: 'kcm-system', name: 'aws-eu-cred' },
      { kind: 'MultiClusterService', name: 'prod-ingress' },
      { kind: 'Region', name: 'eu-region' },
      { kind: KOF_TENANT_KIND, name: 'team-a' },
      { kind: MANAGEMENT_CLUSTER_KIND, name: 'mgmt' },
    ];
    for (const key of keys) {
      const entity = transformObject(snapshot, config, key);
      const ref = entityRefOf('mgmt', key);
      expect(entity).toBeDefined();
      expect(stringifyEntityRef(entity!)).toBe(ref);
      expect(entity).toEqual(full.get(ref));
    }
  });

  it.each([
    [
      'a deleted object',
      { kind: 'ClusterDeployment', namespace: 'kcm-system', name: 'gone' },
    ],
    [
      'a copy',
      {
        kind: 'ClusterTemplate',
        namespace: 'team-b',
        name: 'aws-standalone-cp-1-0-43',
      },
    ],
    ['a tenant without clusters', { kind: KOF_TENANT_KIND, name: 'team-z' }],
    [
      'another management cluster',
      { kind: MANAGEMENT_CLUSTER_KIND, name: 'other' },
    ],
    [
      'a kind the module does not map',
      { kind: 'Secret', namespace: 'kcm-system', name: 's' },
    ],
  ])('returns nothing for %s', (_, key) => {
    expect(transformObject(snapshot, config, key)).toBeUndefined();
  });

  it('returns nothing for kinds that are not ingested', () => {
    const only = testConfig({ kinds: new Set(['ClusterDeployment']) });
    expect(
      transformObject(snapshot, only, { kind: 'Region', name: 'eu-region' }),
    ).toBeUndefined();
    expect(
      transformObject(snapshot, only, {
        kind: KOF_TENANT_KIND,
        name: 'team-a',
      }),
    ).toBeUndefined();
    expect(
      transformObject(snapshot, only, {
        kind: MANAGEMENT_CLUSTER_KIND,
        name: 'mgmt',
      }),
    ).toBeUndefined();
  });
});

describe('entityRefOf', () => {
  it('names the entity of every kind of key', () => {
    expect(
      entityRefOf('mgmt', {
        kind: 'ClusterDeployment',
        namespace: 'ns',
        name: 'c',
      }),
    ).toBe('resource:default/mgmt_clusterd_ns_c');
    expect(entityRefOf('mgmt', { kind: 'Region', name: 'eu' })).toBe(
      'resource:default/mgmt_rgn_eu',
    );
    expect(
      entityRefOf('mgmt', { kind: KOF_TENANT_KIND, name: 'PLATFORM' }),
    ).toBe('system:default/mgmt_tenant_platform');
    expect(
      entityRefOf('mgmt', { kind: MANAGEMENT_CLUSTER_KIND, name: 'mgmt' }),
    ).toBe('domain:default/mgmt');
  });
});
