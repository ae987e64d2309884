import { KubeObject } from '../types';
import { DEFAULT_FLEET_INDEXES } from './indexes';
import { ObjectIndex } from './ObjectIndex';

function cd(
  name: string,
  rv: string,
  extra: {
    namespace?: string;
    template?: string;
    credential?: string;
    labels?: Record<string, string>;
    services?: string[];
    region?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name,
      namespace: extra.namespace ?? 'kcm-system',
      resourceVersion: rv,
      labels: extra.labels,
    },
    spec: {
      template: extra.template ?? 'aws-1-0-0',
      credential: extra.credential ?? 'aws-cred',
      serviceSpec: {
        services: (extra.services ?? []).map(t => ({ name: t, template: t })),
      },
    },
    status: extra.region !== undefined ? { region: extra.region } : {},
  };
}

function names(objects: KubeObject[]) {
  return objects.map(o => o.metadata.name).sort();
}

describe('ObjectIndex', () => {
  it('stores, gets and lists by namespace and label selector', () => {
    const index = new ObjectIndex(DEFAULT_FLEET_INDEXES as any);
    index.upsert(
      'ClusterDeployment',
      cd('a', '1', { labels: { env: 'prod' } }),
    );
    index.upsert(
      'ClusterDeployment',
      cd('b', '2', { namespace: 'team-a', labels: { env: 'dev' } }),
    );
    index.upsert('ClusterDeployment', cd('c', '3'));
    expect(
      index.get('ClusterDeployment', 'kcm-system', 'a')?.metadata.name,
    ).toBe('a');
    expect(index.get('ClusterDeployment', 'team-a', 'a')).toBeUndefined();
    expect(index.get('Credential', 'kcm-system', 'a')).toBeUndefined();
    expect(index.count('ClusterDeployment')).toBe(3);
    expect(names(index.list('ClusterDeployment'))).toEqual(['a', 'b', 'c']);
    expect(
      names(index.list('ClusterDeployment', { namespace: 'team-a' })),
    ).toEqual(['b']);
    expect(
      names(index.list('ClusterDeployment', { namespace: 'nowhere' })),
    ).toEqual([]);
    expect(
      names(
        index.list('ClusterDeployment', { labelSelector: 'env in (prod,dev)' }),
      ),
    ).toEqual(['a', 'b']);
    expect(
      names(
        index.list('ClusterDeployment', {
          namespace: 'kcm-system',
          labelSelector: { env: 'prod' },
        }),
      ),
    ).toEqual(['a']);
    expect(index.list('Region')).toEqual([]);
  });

  it("groups clusters by KOF's metric labels: name and tenant, none for regional clusters", () => {
    const index = new ObjectIndex(DEFAULT_FLEET_INDEXES as any);
    const TENANT = 'k0rdent.mirantis.com/kof-tenant-id';
    const ROLE = 'k0rdent.mirantis.com/kof-cluster-role';
    index.upsert(
      'ClusterDeployment',
      cd('web', '1', { namespace: 'team-a', labels: { [TENANT]: 'shop' } }),
    );
    index.upsert(
      'ClusterDeployment',
      cd('web', '2', { namespace: 'team-b', labels: { [TENANT]: 'shop' } }),
    );
    index.upsert('ClusterDeployment', cd('web', '3', { namespace: 'team-c' }));
    index.upsert(
      'ClusterDeployment',
      cd('relay', '4', { labels: { [TENANT]: 'shop', [ROLE]: 'regional' } }),
    );
    const namespaces = (key: string) =>
      index
        .byIndex('ClusterDeployment', 'kofSeries', key)
        .map(o => o.metadata.namespace)
        .sort();
    expect(namespaces('web/shop')).toEqual(['team-a', 'team-b']);
    expect(namespaces('web/PLATFORM')).toEqual(['team-c']);
    expect(namespaces('relay/')).toEqual(['kcm-system']);
  });

  it('reports added, modified and unchanged', () => {
    const index = new ObjectIndex();
    const v1 = cd('a', '1');
    expect(index.upsert('ClusterDeployment', v1)).toEqual({
      type: 'added',
      object: v1,
    });
    expect(index.upsert('ClusterDeployment', cd('a', '1'))).toBeUndefined();
    const v2 = cd('a', '2');
    expect(index.upsert('ClusterDeployment', v2)).toEqual({
      type: 'modified',
      object: v2,
      previous: v1,
    });
    expect(index.remove('ClusterDeployment', 'kcm-system', 'a')).toEqual({
      type: 'deleted',
      object: v2,
    });
    expect(
      index.remove('ClusterDeployment', 'kcm-system', 'a'),
    ).toBeUndefined();
    expect(index.count('ClusterDeployment')).toBe(0);
  });

  it('keeps the secondary indexes current', () => {
    const index = new ObjectIndex(DEFAULT_FLEET_INDEXES as any);
    index.upsert(
      'ClusterDeployment',
      cd('a', '1', {
        template: 't1',
        labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'team-a' },
        services: ['ingress-nginx-4-15-1', 'cert-manager-1-19-3'],
        region: 'eu',
      }),
    );
    index.upsert('ClusterDeployment', cd('b', '1', { template: 't1' }));
    index.upsert(
      'ClusterDeployment',
      cd('c', '1', { template: 't2', namespace: 'team-a', credential: 'x' }),
    );
    expect(
      names(index.byIndex('ClusterDeployment', 'template', 'kcm-system/t1')),
    ).toEqual(['a', 'b']);
    expect(
      names(index.byIndex('ClusterDeployment', 'template', 'team-a/t2')),
    ).toEqual(['c']);
    expect(
      names(index.byIndex('ClusterDeployment', 'credential', 'team-a/x')),
    ).toEqual(['c']);
    expect(
      names(index.byIndex('ClusterDeployment', 'tenant', 'team-a')),
    ).toEqual(['a']);
    expect(
      names(index.byIndex('ClusterDeployment', 'tenant', 'PLATFORM')),
    ).toEqual(['b', 'c']);
    expect(
      names(
        index.byIndex(
          'ClusterDeployment',
          'serviceTemplate',
          'kcm-system/cert-manager-1-19-3',
        ),
      ),
    ).toEqual(['a']);
    expect(names(index.byIndex('ClusterDeployment', 'region', 'eu'))).toEqual([
      'a',
    ]);
    expect([...index.indexValues('ClusterDeployment', 'tenant')]).toEqual([
      ['team-a', 1],
      ['PLATFORM', 2],
    ]);

    // An upgrade moves the object between index values.
    index.upsert('ClusterDeployment', cd('a', '2', { template: 't3' }));
    expect(
      names(index.byIndex('ClusterDeployment', 'template', 'kcm-system/t1')),
    ).toEqual(['b']);
    expect(
      names(index.byIndex('ClusterDeployment', 'template', 'kcm-system/t3')),
    ).toEqual(['a']);
    expect(index.byIndex('ClusterDeployment', 'tenant', 'team-a')).toEqual([]);
    expect(index.indexValues('ClusterDeployment', 'tenant').has('team-a')).toBe(
      false,
    );

    index.remove('ClusterDeployment', 'kcm-system', 'b');
    expect(
      index.byIndex('ClusterDeployment', 'template', 'kcm-system/t1'),
    ).toEqual([]);
    expect(() => index.byIndex('ClusterDeployment', 'nope', 'x')).toThrow(
      "Unknown fleet index 'nope' for ClusterDeployment",
    );
  });

  it('diffs a relist into real changes only', () => {
    const index = new ObjectIndex();
    expect(
      index
        .replace('ClusterDeployment', [
          cd('a', '1'),
          cd('b', '1'),
          cd('c', '1'),
        ])
        .map(c => [c.type, c.object.metadata.name]),
    ).toEqual([
      ['added', 'a'],
      ['added', 'b'],
      ['added', 'c'],
    ]);
    const changes = index.replace('ClusterDeployment', [
      cd('a', '1'),
      cd('b', '5'),
      cd('d', '6'),
    ]);
    expect(
      changes.map(c => [
        c.type,
        c.object.metadata.name,
        c.previous?.metadata.resourceVersion,
      ]),
    ).toEqual([
      ['modified', 'b', '1'],
      ['added', 'd', undefined],
      ['deleted', 'c', undefined],
    ]);
    expect(names(index.list('ClusterDeployment'))).toEqual(['a', 'b', 'd']);
    expect(index.replace('ClusterDeployment', [])).toHaveLength(3);
    expect(index.count('ClusterDeployment')).toBe(0);
  });

  it('keys cluster-scoped objects by name', () => {
    const index = new ObjectIndex();
    index.upsert('Region', {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'Region',
      metadata: { name: 'eu', resourceVersion: '1' },
    });
    expect(index.get('Region', undefined, 'eu')?.metadata.name).toBe('eu');
    expect(index.list('Region', { namespace: '' })).toHaveLength(1);
  });

  it('rejects duplicate index definitions', () => {
    expect(
      () =>
        new ObjectIndex([
          { kind: 'A', name: 'x', values: () => 'a' },
          { kind: 'A', name: 'x', values: () => 'b' },
        ]),
    ).toThrow("Duplicate fleet index 'x' for A");
  });

  it('ignores index functions that throw', () => {
    const index = new ObjectIndex([
      {
        kind: 'ClusterDeployment',
        name: 'boom',
        values: () => {
          throw new Error('boom');
        },
      },
    ]);
    expect(index.upsert('ClusterDeployment', cd('a', '1'))?.type).toBe('added');
  });

  it('handles 10,000 objects quickly', () => {
    const index = new ObjectIndex(DEFAULT_FLEET_INDEXES as any);
    const objects = Array.from({ length: 10_000 }, (_, i) =>
      cd(`c${i}`, '1', {
        namespace: `ns${i % 20}`,
        template: `t${i % 7}`,
        labels: { 'k0rdent.mirantis.com/kof-tenant-id': `tenant-${i % 50}` },
      }),
    );
    const start = performance.now();
    index.replace('ClusterDeployment', objects);
    const relist = index.replace(
      'ClusterDeployment',
      objects.map(o => ({ ...o })),
    );
    for (let i = 0; i < 10_000; i++) {
      index.get('ClusterDeployment', `ns${i % 20}`, `c${i}`);
    }
    const tenant = index.byIndex('ClusterDeployment', 'tenant', 'tenant-3');
    const selected = index.list('ClusterDeployment', {
      labelSelector: 'k0rdent.mirantis.com/kof-tenant-id=tenant-3',
    });
    const elapsed = performance.now() - start;
    expect(relist).toEqual([]);
    expect(tenant).toHaveLength(200);
    expect(selected).toHaveLength(200);
    expect(elapsed).toBeLessThan(2000);
  });
});
