import {
  k0rdentEntityName,
  managementClusterEntityName,
  kofTenantEntityName,
  toLabelValue,
} from './entityName';

const VALID_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-_.]*[a-zA-Z0-9])?$/;

describe('k0rdentEntityName', () => {
  it('joins management cluster, namespace and name', () => {
    expect(
      k0rdentEntityName({
        managementCluster: 'prod',
        kind: 'ClusterDeployment',
        namespace: 'kcm-system',
        name: 'team-a-aws-dev',
      }),
    ).toBe('prod_clusterd_kcm-system_team-a-aws-dev');
  });

  it('leaves the namespace out for cluster-scoped objects', () => {
    expect(
      k0rdentEntityName({
        managementCluster: 'prod',
        kind: 'MultiClusterService',
        name: 'prod-ingress',
      }),
    ).toBe('prod_mcs_prod-ingress');
  });

  it('keeps objects apart by kind, namespace and management cluster', () => {
    const kind = 'ClusterDeployment';
    const names = new Set([
      k0rdentEntityName({
        managementCluster: 'a',
        kind,
        namespace: 'x',
        name: 'c',
      }),
      k0rdentEntityName({
        managementCluster: 'a',
        kind,
        namespace: 'y',
        name: 'c',
      }),
      k0rdentEntityName({
        managementCluster: 'b',
        kind,
        namespace: 'x',
        name: 'c',
      }),
      k0rdentEntityName({
        managementCluster: 'a',
        kind: 'Credential',
        namespace: 'x',
        name: 'c',
      }),
      // A cluster-scoped name with `--` and a namespaced one must not run together.
      k0rdentEntityName({
        managementCluster: 'a',
        kind: 'Region',
        name: 'x--c',
      }),
      k0rdentEntityName({ managementCluster: 'a', kind: 'Region', name: 'x' }),
    ]);
    expect(names.size).toBe(6);
  });

  it('shortens long names to 63 valid characters without collisions', () => {
    const long = 'a'.repeat(60);
    const first = k0rdentEntityName({
      managementCluster: 'prod',
      kind: 'ClusterDeployment',
      namespace: 'team-payments',
      name: `${long}-one`,
    });
    const second = k0rdentEntityName({
      managementCluster: 'prod',
      kind: 'ClusterDeployment',
      namespace: 'team-payments',
      name: `${long}-two`,
    });
    expect(first).toHaveLength(63);
    expect(first).toMatch(VALID_NAME);
    expect(second).toMatch(VALID_NAME);
    expect(first).not.toBe(second);
  });

  it('is stable across calls', () => {
    const location = {
      managementCluster: 'm',
      kind: 'ClusterDeployment',
      namespace: 'n'.repeat(40),
      name: 'x'.repeat(40),
    };
    expect(k0rdentEntityName(location)).toBe(k0rdentEntityName(location));
  });
});

describe('kofTenantEntityName', () => {
  it('names the tenant system per management cluster', () => {
    expect(kofTenantEntityName('prod', 'PLATFORM')).toBe(
      'prod_tenant_platform',
    );
  });

  it('gives a valid name for any tenant label value', () => {
    expect(kofTenantEntityName('prod', '-Team.A-')).toMatch(VALID_NAME);
  });
});

describe('toLabelValue', () => {
  it('replaces characters labels cannot hold', () => {
    expect(toLabelValue('v1.36.3+k0s.2')).toBe('v1.36.3-k0s.2');
  });

  it('trims to alphanumeric ends and 63 characters', () => {
    expect(toLabelValue('-x-')).toBe('x');
    expect(toLabelValue('a'.repeat(80))).toHaveLength(63);
  });

  it('returns undefined for empty input', () => {
    expect(toLabelValue('')).toBeUndefined();
    expect(toLabelValue('+++')).toBeUndefined();
    expect(toLabelValue(undefined)).toBeUndefined();
  });
});

describe('managementClusterEntityName', () => {
  it('is the configured name', () => {
    expect(managementClusterEntityName('prod-eu')).toBe('prod-eu');
  });
});
