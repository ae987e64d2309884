import { clusterDeploymentEntity } from './clusterDeployment';
import {
  clusterDeployment,
  clusterTemplate,
  condition,
  credential,
  expectValidEntity,
  serviceTemplate,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';
import type { K0rdentObject } from '@k0rdent-backstage/plugin-k0rdent-common';

const LABEL = 'backstage.k0rdent.io';

const awsTemplate = clusterTemplate('aws-standalone-cp-1-0-43', {
  status: {
    valid: true,
    providers: [
      'bootstrap-k0sproject-k0smotron',
      'control-plane-k0sproject-k0smotron',
      'infrastructure-aws',
    ],
    config: { k0s: { version: 'v1.36.3+k0s.2' } },
  },
});
const awsCred = credential('aws-cred', { status: { ready: true } });

const teamADev = clusterDeployment('team-a-aws-dev', {
  metadata: {
    labels: {
      env: 'dev',
      'k0rdent.mirantis.com/kof-cluster-role': 'child',
      'k0rdent.mirantis.com/kof-tenant-id': 'team-a',
    },
  },
  spec: {
    config: { region: 'us-west-2', controlPlaneNumber: 3 },
    serviceSpec: {
      services: [
        {
          name: 'cert-manager',
          namespace: 'cert-manager',
          template: 'cert-manager-1-21-1',
        },
        { name: 'ingress-nginx', template: 'ingress-nginx-4-15-1' },
        { name: 'old', template: 'old-1-0-0', disable: true },
        { name: 'gone', template: 'gone-1-0-0', helmAction: 'Uninstall' },
      ],
    },
  },
  status: {
    conditions: [condition('Ready', 'True')],
  },
});

function entityOf(
  cluster: K0rdentObject,
  others: K0rdentObject[] = [],
  config = testConfig(),
) {
  return clusterDeploymentEntity(
    testSnapshot([cluster, ...others]),
    config,
    cluster as any,
  );
}

describe('clusterDeploymentEntity', () => {
  it('maps a ready cluster with its template, credential, services and tenant', async () => {
    const entity = entityOf(teamADev, [
      awsTemplate,
      awsCred,
      serviceTemplate('cert-manager-1-21-1'),
      serviceTemplate('ingress-nginx-4-15-1'),
    ]);
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'mgmt_clusterd_kcm-system_team-a-aws-dev',
        namespace: 'default',
        title: 'team-a-aws-dev',
        annotations: {
          'backstage.io/managed-by-location': 'k0rdent:mgmt',
          'backstage.io/managed-by-origin-location': 'k0rdent:mgmt',
          [`${LABEL}/management-cluster`]: 'mgmt',
          [`${LABEL}/kind`]: 'ClusterDeployment',
          [`${LABEL}/namespace`]: 'kcm-system',
          [`${LABEL}/name`]: 'team-a-aws-dev',
          [`${LABEL}/kubernetes-version`]: 'v1.36.3+k0s.2',
          'backstage.io/kubernetes-cluster':
            'mgmt_clusterd_kcm-system_team-a-aws-dev',
          'backstage.io/kubernetes-id':
            'mgmt_clusterd_kcm-system_team-a-aws-dev',
        },
        labels: {
          [`${LABEL}/management-cluster`]: 'mgmt',
          [`${LABEL}/namespace`]: 'kcm-system',
          [`${LABEL}/status`]: 'Ready',
          [`${LABEL}/provider`]: 'aws',
          [`${LABEL}/cloud-region`]: 'us-west-2',
          [`${LABEL}/kubernetes-version`]: 'v1.36.3-k0s.2',
          [`${LABEL}/template`]: 'aws-standalone-cp-1-0-43',
          [`${LABEL}/kof-role`]: 'child',
          [`${LABEL}/tenant`]: 'team-a',
        },
        tags: ['k0rdent', 'aws'],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/team-a',
        lifecycle: 'production',
        system: 'system:default/mgmt_tenant_team-a',
        dependsOn: [
          'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
          'resource:default/mgmt_cred_kcm-system_aws-cred',
          'resource:default/mgmt_svctmpl_kcm-system_cert-manager-1-21-1',
          'resource:default/mgmt_svctmpl_kcm-system_ingress-nginx-4-15-1',
        ],
      },
    });
    await expectValidEntity(entity);
  });

  it('never copies the config, the identity or anything else secret', () => {
    const cluster = clusterDeployment('c', {
      spec: {
        config: {
          region: 'eu-west-1',
          sshKey: 'ssh-ed25519 AAAA-secret',
          vsphere: { password: 'hunter2' },
        },
      },
    });
    const text = JSON.stringify(
      entityOf(cluster, [
        credential('aws-cred', {
          spec: {
            identityRef: {
              kind: 'Secret',
              name: 'aws-secret-identity',
              namespace: 'kcm-system',
            },
          },
        }),
      ]),
    );
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('controlPlaneNumber');
  });

  it('maps a bare cluster: no labels, no status, no services', async () => {
    const bare: K0rdentObject = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'bare', namespace: 'kcm-system' },
    };
    const entity = entityOf(bare);
    expect(entity.metadata.labels).toEqual({
      [`${LABEL}/management-cluster`]: 'mgmt',
      [`${LABEL}/namespace`]: 'kcm-system',
      [`${LABEL}/status`]: 'Provisioning',
      [`${LABEL}/tenant`]: 'PLATFORM',
    });
    expect(entity.metadata.tags).toEqual(['k0rdent']);
    expect(entity.spec).toEqual({
      type: 'kubernetes-cluster',
      owner: 'group:default/platform',
      lifecycle: 'production',
      system: 'system:default/mgmt_tenant_platform',
    });
    expect(entity.metadata.annotations).not.toHaveProperty(
      `${LABEL}/kubernetes-version`,
    );
    await expectValidEntity(entity);
  });

  it.each([
    [{ conditions: [condition('Ready', 'True')] }, undefined, 'Ready'],
    [
      { conditions: [condition('Ready', 'Unknown', 'Progressing')] },
      undefined,
      'Provisioning',
    ],
    [
      { conditions: [condition('Ready', 'False', 'Progressing')] },
      undefined,
      'Provisioning',
    ],
    [
      { conditions: [condition('Ready', 'False', 'Failed')] },
      undefined,
      'Failed',
    ],
    [
      { conditions: [condition('Ready', 'False', 'Deleting')] },
      undefined,
      'Deleting',
    ],
    [
      { conditions: [condition('Ready', 'True')] },
      '2026-08-21T10:00:00Z',
      'Deleting',
    ],
    [undefined, undefined, 'Provisioning'],
  ])(
    'status %j (deletion %j) → %s, and the Kubernetes plugin annotations only when Ready',
    (status, deletionTimestamp, expected) => {
      const cluster = clusterDeployment('c', {
        metadata: deletionTimestamp ? { deletionTimestamp } : {},
        status: status as any,
      });
      const entity = entityOf(cluster);
      expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe(expected);
      // Without its cluster annotation, the Kubernetes tab would ask every
      // cluster: both or neither.
      const kubernetesAnnotations = Object.fromEntries(
        Object.entries(entity.metadata.annotations ?? {}).filter(([key]) =>
          key.startsWith('backstage.io/kubernetes-'),
        ),
      );
      expect(kubernetesAnnotations).toEqual(
        expected === 'Ready'
          ? {
              'backstage.io/kubernetes-cluster': entity.metadata.name,
              'backstage.io/kubernetes-id': entity.metadata.name,
            }
          : {},
      );
    },
  );

  it('keeps a deleting cluster valid', async () => {
    const entity = entityOf(
      clusterDeployment('c', {
        metadata: {
          deletionTimestamp: '2026-08-21T10:00:00Z',
          finalizers: ['x'],
        },
        status: {
          conditions: [
            condition('Deleting', 'True', 'WaitingForClusterDeletion'),
          ],
        },
      }),
    );
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('Deleting');
    await expectValidEntity(entity);
  });

  it('takes the region from status, else from the credential', () => {
    const euCred = credential('eu-cred', { spec: { region: 'eu-region' } });
    const fromCredential = entityOf(
      clusterDeployment('c', { spec: { credential: 'eu-cred' } }),
      [euCred],
    );
    expect(fromCredential.metadata.labels?.[`${LABEL}/region`]).toBe(
      'eu-region',
    );
    expect(fromCredential.spec?.dependsOn).toContain(
      'resource:default/mgmt_rgn_eu-region',
    );

    const fromStatus = entityOf(
      clusterDeployment('c', {
        spec: { credential: 'eu-cred' },
        status: { region: 'us-region' },
      }),
      [euCred],
    );
    expect(fromStatus.metadata.labels?.[`${LABEL}/region`]).toBe('us-region');

    const management = entityOf(
      clusterDeployment('c', { status: { region: '' } }),
    );
    expect(management.metadata.labels).not.toHaveProperty(`${LABEL}/region`);
    expect(JSON.stringify(management.spec)).not.toContain('region');
  });

  it('reads the cloud region of each provider family', () => {
    const azure = entityOf(
      clusterDeployment('c', { spec: { config: { location: 'westeurope' } } }),
    );
    expect(azure.metadata.labels?.[`${LABEL}/cloud-region`]).toBe('westeurope');
    const openstack = entityOf(
      clusterDeployment('c', {
        spec: { config: { identityRef: { region: 'RegionOne' } } },
      }),
    );
    expect(openstack.metadata.labels?.[`${LABEL}/cloud-region`]).toBe(
      'RegionOne',
    );
  });

  it('points an unknown template at a well-formed ref where k0rdent would look', async () => {
    const entity = entityOf(
      clusterDeployment('c', {
        metadata: { namespace: 'team-b' },
        spec: { template: 'does-not-exist-1-0-0', credential: 'missing-cred' },
      }),
    );
    expect(entity.spec?.dependsOn).toEqual([
      'resource:default/mgmt_clustertmpl_team-b_does-not-exist-1-0-0',
      'resource:default/mgmt_cred_team-b_missing-cred',
    ]);
    expect(entity.metadata.labels).not.toHaveProperty(`${LABEL}/provider`);
    expect(entity.metadata.labels?.[`${LABEL}/template`]).toBe(
      'does-not-exist-1-0-0',
    );
    await expectValidEntity(entity);
  });

  it('leaves out refs for empty or malformed names', async () => {
    const entity = entityOf(
      clusterDeployment('c', {
        spec: {
          template: '',
          credential: 42 as any,
          serviceSpec: { services: [null as any, { name: 'x', template: '' }] },
        },
      }),
    );
    expect(entity.spec).not.toHaveProperty('dependsOn');
    await expectValidEntity(entity);
  });

  describe('in a team namespace', () => {
    const copyLabels = { 'k0rdent.mirantis.com/managed': 'true' };
    const teamCluster = clusterDeployment('c', {
      metadata: { namespace: 'team-b' },
      spec: {
        serviceSpec: {
          services: [{ name: 'ingress', template: 'ingress-nginx-4-15-1' }],
        },
      },
    });

    it('depends on the originals of AccessManagement copies', () => {
      const entity = entityOf(teamCluster, [
        awsTemplate,
        awsCred,
        serviceTemplate('ingress-nginx-4-15-1'),
        clusterTemplate('aws-standalone-cp-1-0-43', {
          metadata: { namespace: 'team-b', labels: copyLabels },
          status: { valid: true, providers: ['infrastructure-aws'] },
        }),
        credential('aws-cred', {
          metadata: { namespace: 'team-b', labels: copyLabels },
        }),
        serviceTemplate('ingress-nginx-4-15-1', {
          metadata: { namespace: 'team-b', labels: copyLabels },
        }),
      ]);
      expect(entity.spec?.dependsOn).toEqual([
        'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
        'resource:default/mgmt_cred_kcm-system_aws-cred',
        'resource:default/mgmt_svctmpl_kcm-system_ingress-nginx-4-15-1',
      ]);
      expect(entity.metadata.labels?.[`${LABEL}/provider`]).toBe('aws');
      expect(entity.spec?.owner).toBe('group:default/team-b');
    });

    it('takes facets from the copy k0rdent uses, not the original', () => {
      const entity = entityOf(teamCluster, [
        clusterTemplate('aws-standalone-cp-1-0-43', {
          status: { valid: true },
        }),
        clusterTemplate('aws-standalone-cp-1-0-43', {
          metadata: { namespace: 'team-b', labels: copyLabels },
          status: { valid: true, providers: ['infrastructure-azure'] },
        }),
      ]);
      expect(entity.metadata.labels?.[`${LABEL}/provider`]).toBe('azure');
      expect(entity.spec?.dependsOn).toContain(
        'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
      );
    });

    it("depends on the team's own template when it is not a copy", () => {
      const entity = entityOf(teamCluster, [
        awsTemplate,
        clusterTemplate('aws-standalone-cp-1-0-43', {
          metadata: { namespace: 'team-b' },
        }),
      ]);
      expect(entity.spec?.dependsOn).toContain(
        'resource:default/mgmt_clustertmpl_team-b_aws-standalone-cp-1-0-43',
      );
    });

    it('falls back to the original in the system namespace when there is no copy', () => {
      const entity = entityOf(teamCluster, [awsTemplate]);
      expect(entity.spec?.dependsOn).toContain(
        'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
      );
      expect(entity.metadata.labels?.[`${LABEL}/provider`]).toBe('aws');
    });

    it('points a copy whose original is gone at the original anyway', () => {
      const entity = entityOf(teamCluster, [
        credential('aws-cred', {
          metadata: { namespace: 'team-b', labels: copyLabels },
        }),
      ]);
      expect(entity.spec?.dependsOn).toContain(
        'resource:default/mgmt_cred_kcm-system_aws-cred',
      );
    });
  });

  it('gives long names a valid 63-character entity name and keeps the title', async () => {
    const name = `cluster-${'x'.repeat(240)}`;
    const entity = entityOf(
      clusterDeployment(name, {
        metadata: { namespace: `ns-${'n'.repeat(59)}` },
        spec: { template: `template-${'t'.repeat(240)}` },
      }),
    );
    expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
    expect(entity.metadata.title).toBe(name);
    expect(entity.metadata.annotations?.[`${LABEL}/name`]).toBe(name);
    expect(
      entity.metadata.labels?.[`${LABEL}/template`]?.length,
    ).toBeLessThanOrEqual(63);
    await expectValidEntity(entity);
  });

  it('sanitizes label values Backstage rejects', async () => {
    const entity = entityOf(
      clusterDeployment('c', {
        // Kubernetes label values already are valid Backstage label values.
        metadata: {
          labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'Team_A.prod' },
        },
        spec: {
          config: {
            region: 'Europe (Frankfurt)',
            k0s: { version: 'v1.36.3+k0s.2' },
          },
        },
      }),
    );
    expect(entity.metadata.labels).toMatchObject({
      [`${LABEL}/tenant`]: 'Team_A.prod',
      [`${LABEL}/cloud-region`]: 'Europe--Frankfurt',
      [`${LABEL}/kubernetes-version`]: 'v1.36.3-k0s.2',
    });
    expect(entity.spec?.system).toBe('system:default/mgmt_tenant_team-a.prod');
    await expectValidEntity(entity);
  });

  it('puts every cluster, regional or without KOF role, into its tenant or PLATFORM', () => {
    const regional = entityOf(
      clusterDeployment('r', {
        metadata: {
          labels: { 'k0rdent.mirantis.com/kof-cluster-role': 'regional' },
        },
      }),
    );
    expect(regional.spec?.system).toBe('system:default/mgmt_tenant_platform');
    expect(regional.metadata.labels?.[`${LABEL}/kof-role`]).toBe('regional');
    const tenanted = entityOf(
      clusterDeployment('t', {
        metadata: {
          labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'team-c' },
        },
      }),
    );
    expect(tenanted.spec?.system).toBe('system:default/mgmt_tenant_team-c');
    expect(tenanted.metadata.labels).not.toHaveProperty(`${LABEL}/kof-role`);
  });

  it('resolves the owner: annotation, tenant, namespace, default', () => {
    const ownerOf = (metadata: object) =>
      entityOf(clusterDeployment('c', { metadata })).spec?.owner;
    expect(
      ownerOf({
        annotations: { 'backstage.k0rdent.io/owner': 'payments' },
        labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'team-a' },
      }),
    ).toBe('group:default/payments');
    expect(
      ownerOf({
        annotations: { 'backstage.k0rdent.io/owner': 'not valid!' },
        labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'team-a' },
      }),
    ).toBe('group:default/team-a');
    expect(ownerOf({ namespace: 'team-b' })).toBe('group:default/team-b');
    expect(ownerOf({ namespace: 'team-z' })).toBe('group:default/everyone');
  });

  it('only points at kinds that are ingested', () => {
    const entity = entityOf(
      teamADev,
      [awsTemplate, awsCred],
      testConfig({ kinds: new Set(['ClusterDeployment', 'ClusterTemplate']) }),
    );
    expect(entity.spec?.dependsOn).toEqual([
      'resource:default/mgmt_clustertmpl_kcm-system_aws-standalone-cp-1-0-43',
    ]);
    expect(entity.spec).not.toHaveProperty('system');
  });

  it('marks a cluster of a stale snapshot', async () => {
    const since = new Date('2026-08-21T12:00:00Z');
    const entity = clusterDeploymentEntity(
      testSnapshot([teamADev], { staleSince: since }),
      testConfig(),
      teamADev,
    );
    expect(entity.metadata.labels?.[`${LABEL}/status`]).toBe('Stale');
    expect(entity.metadata.annotations?.[`${LABEL}/stale-since`]).toBe(
      '2026-08-21T12:00:00.000Z',
    );
    // The Kubernetes module keeps supplying a cluster last seen Ready.
    expect(
      entity.metadata.annotations?.['backstage.io/kubernetes-cluster'],
    ).toBe(entity.metadata.name);
    await expectValidEntity(entity);
  });
});
