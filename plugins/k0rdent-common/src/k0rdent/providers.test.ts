import { identityProviderOf, infrastructureProviderOf } from './providers';

describe('infrastructureProviderOf', () => {
  it('reads the infrastructure entry of status.providers', () => {
    expect(
      infrastructureProviderOf({
        status: {
          providers: [
            'bootstrap-k0sproject-k0smotron',
            'control-plane-k0sproject-k0smotron',
            'infrastructure-aws',
          ],
        },
      }),
    ).toBe('aws');
    expect(
      infrastructureProviderOf({
        status: { providers: ['infrastructure-azure'] },
      }),
    ).toBe('azure');
  });

  it('knows the adopted and remote templates', () => {
    expect(
      infrastructureProviderOf({
        status: { providers: ['infrastructure-internal'] },
      }),
    ).toBe('internal');
    expect(
      infrastructureProviderOf({
        status: {
          providers: [
            'bootstrap-k0sproject-k0smotron',
            'infrastructure-k0sproject-k0smotron',
          ],
        },
      }),
    ).toBe('k0sproject-k0smotron');
  });

  it('passes unknown providers through', () => {
    expect(
      infrastructureProviderOf({
        status: { providers: ['infrastructure-metal3'] },
      }),
    ).toBe('metal3');
  });

  it('falls back to spec.providers before the controller has written status', () => {
    expect(
      infrastructureProviderOf({ spec: { providers: ['infrastructure-gcp'] } }),
    ).toBe('gcp');
  });

  it('is undefined without providers or without an infrastructure entry', () => {
    expect(infrastructureProviderOf({})).toBeUndefined();
    expect(infrastructureProviderOf(undefined)).toBeUndefined();
    expect(
      infrastructureProviderOf({
        status: {
          providers: ['bootstrap-k0sproject-k0smotron', 'infrastructure-'],
        },
      }),
    ).toBeUndefined();
  });
});

describe('identityProviderOf', () => {
  it('names the provider of CAPI identity kinds', () => {
    expect(identityProviderOf('AWSClusterStaticIdentity')).toBe('aws');
    expect(identityProviderOf('AWSClusterRoleIdentity')).toBe('aws');
    expect(identityProviderOf('AzureClusterIdentity')).toBe('azure');
    expect(identityProviderOf('VSphereClusterIdentity')).toBe('vsphere');
    expect(identityProviderOf('OpenStackClusterIdentity')).toBe('openstack');
  });

  it('does not guess for Secrets or unknown kinds', () => {
    expect(identityProviderOf('Secret')).toBeUndefined();
    expect(identityProviderOf('MetalIdentity')).toBeUndefined();
    expect(identityProviderOf(undefined)).toBeUndefined();
  });
});
