import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  k0rdentBasicPermissions,
  k0rdentClusterCreatePermission,
  k0rdentClusterResourcePermissions,
  k0rdentPermissions,
  parseClusterRef,
  RESOURCE_TYPE_K0RDENT_CLUSTER,
  stringifyClusterRef,
} from './permissions';

describe('k0rdent permissions', () => {
  it('makes create basic and every cluster action a resource permission', () => {
    expect(isResourcePermission(k0rdentClusterCreatePermission)).toBe(false);
    for (const permission of k0rdentBasicPermissions) {
      expect(isResourcePermission(permission)).toBe(false);
    }
    for (const permission of k0rdentClusterResourcePermissions) {
      expect(
        isResourcePermission(permission, RESOURCE_TYPE_K0RDENT_CLUSTER),
      ).toBe(true);
    }
  });

  it('names each permission once, under k0rdent.', () => {
    const names = k0rdentPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const permission of k0rdentPermissions) {
      expect(permission.name).toMatch(/^k0rdent\.[a-z-]+(\.[a-z-]+)+$/);
    }
  });
});

describe('cluster refs', () => {
  it('round-trips', () => {
    const ref = { managementCluster: 'demo', namespace: 'ns', name: 'c1' };
    expect(stringifyClusterRef(ref)).toBe('demo/ns/c1');
    expect(parseClusterRef('demo/ns/c1')).toEqual(ref);
  });

  it('rejects anything that is not three non-empty parts', () => {
    for (const value of ['', 'a/b', 'a/b/c/d', 'a//c', '/b/c']) {
      expect(parseClusterRef(value)).toBeUndefined();
    }
  });
});
