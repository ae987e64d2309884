import { findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import { objectKey, requireKind, resourcePath } from './paths';

describe('paths', () => {
  it('builds collection and object paths', () => {
    const cd = findKind('ClusterDeployment')!;
    const mcs = findKind('MultiClusterService')!;
    const cm = findKind('ConfigMap')!;
    expect(resourcePath(cd)).toBe(
      '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments',
    );
    expect(
      resourcePath(cd, {
        namespace: 'kcm-system',
        name: 'a',
        subresource: 'status',
      }),
    ).toBe(
      '/apis/k0rdent.mirantis.com/v1beta1/namespaces/kcm-system/clusterdeployments/a/status',
    );
    expect(resourcePath(mcs, { namespace: 'ignored', name: 'm' })).toBe(
      '/apis/k0rdent.mirantis.com/v1beta1/multiclusterservices/m',
    );
    expect(resourcePath(cm, { namespace: 'x' })).toBe(
      '/api/v1/namespaces/x/configmaps',
    );
  });

  it('keys objects', () => {
    expect(objectKey('ns', 'a')).toBe('ns/a');
    expect(objectKey(undefined, 'a')).toBe('a');
  });

  it('names unknown kinds', () => {
    expect(() => requireKind('Pod')).toThrow("Unknown kind 'Pod'");
  });
});
