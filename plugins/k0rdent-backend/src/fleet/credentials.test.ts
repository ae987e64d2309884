import type { Credential } from '@k0rdent-backstage/plugin-k0rdent-common';
import { credential } from '../__testUtils__/fleetObjects';
import { credentialSummary } from './credentials';

describe('credentialSummary', () => {
  it.each([
    ['AWSClusterStaticIdentity', 'aws'],
    ['AWSClusterRoleIdentity', 'aws'],
    ['AzureClusterIdentity', 'azure'],
    ['VSphereClusterIdentity', 'vsphere'],
    ['OpenStackClusterIdentity', 'openstack'],
    ['GCPClusterIdentity', 'gcp'],
    ['Secret', undefined],
  ])(
    'takes the provider of a %s identity to be %s',
    (identityKind, provider) => {
      const summary = credentialSummary(
        'mgmt',
        credential('c', { identityKind }) as Credential,
      );
      expect(summary.provider).toBe(provider);
      expect(summary.identityKind).toBe(identityKind);
    },
  );

  it('copies only the credential’s own fields', () => {
    const object = credential('c', {
      namespace: 'team-a',
      region: 'eu',
      description: 'Team A account',
      ready: false,
    }) as Credential;
    (object.spec as any).extra = 'x';
    (object.status as any).conditions = [{ message: 'secret aws-creds' }];
    expect(credentialSummary('mgmt', object)).toEqual({
      managementCluster: 'mgmt',
      namespace: 'team-a',
      name: 'c',
      ready: false,
      description: 'Team A account',
      region: 'eu',
      provider: 'aws',
      identityKind: 'AWSClusterStaticIdentity',
    });
  });
});
