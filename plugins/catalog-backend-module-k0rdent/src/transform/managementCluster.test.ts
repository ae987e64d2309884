import { managementClusterEntity } from './managementCluster';
import {
  expectValidEntity,
  testConfig,
  testSnapshot,
} from './__testUtils__/fleet';

describe('managementClusterEntity', () => {
  it('maps the management cluster to a Domain', async () => {
    const entity = managementClusterEntity(
      testSnapshot([], { name: 'prod-eu', title: 'Production EU' }),
      testConfig(),
    );
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: {
        name: 'prod-eu',
        namespace: 'default',
        title: 'Production EU',
        description: 'k0rdent management cluster Production EU',
        annotations: {
          'backstage.io/managed-by-location': 'k0rdent:prod-eu',
          'backstage.io/managed-by-origin-location': 'k0rdent:prod-eu',
          'backstage.k0rdent.io/management-cluster': 'prod-eu',
        },
        labels: { 'backstage.k0rdent.io/management-cluster': 'prod-eu' },
        tags: ['k0rdent'],
      },
      spec: { owner: 'group:default/platform' },
    });
    await expectValidEntity(entity);
  });

  it('takes the owner annotation of the Management object', () => {
    const management = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'Management',
      metadata: {
        name: 'kcm',
        annotations: {
          'backstage.k0rdent.io/owner': 'group:default/kcm-admins',
        },
      },
    };
    const entity = managementClusterEntity(
      testSnapshot([management]),
      testConfig(),
    );
    expect(entity.spec?.owner).toBe('group:default/kcm-admins');
    expect(entity.metadata.title).toBe('mgmt');
  });

  it('marks a stale management cluster', async () => {
    const entity = managementClusterEntity(
      testSnapshot([], { staleSince: new Date('2026-08-21T12:00:00Z') }),
      testConfig(),
    );
    expect(entity.metadata.labels?.['backstage.k0rdent.io/status']).toBe(
      'Stale',
    );
    expect(
      entity.metadata.annotations?.['backstage.k0rdent.io/stale-since'],
    ).toBe('2026-08-21T12:00:00.000Z');
    await expectValidEntity(entity);
  });
});
