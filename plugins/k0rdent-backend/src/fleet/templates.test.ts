import type {
  ClusterTemplate,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { FleetCache } from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  clusterTemplate,
  serviceTemplate,
  templateChain,
} from '../__testUtils__/fleetObjects';
import { templateSummary, upgradeEdges } from './templates';

function cacheWith(objects: ReturnType<typeof templateChain>[]): FleetCache {
  return {
    list: (kind: string, options?: { namespace?: string }) =>
      objects.filter(
        o =>
          o.kind === kind &&
          (options?.namespace === undefined ||
            o.metadata.namespace === options.namespace),
      ),
  } as unknown as FleetCache;
}

describe('upgradeEdges', () => {
  it('joins the direct upgrades of every valid chain of the kind in the namespace', () => {
    const cache = cacheWith([
      templateChain('ClusterTemplateChain', 'a', [
        { name: 't1', availableUpgrades: [{ name: 't3' }, { name: 't2' }] },
        { name: 't2', availableUpgrades: [{ name: 't3' }] },
      ]),
      templateChain('ClusterTemplateChain', 'b', [
        { name: 't1', availableUpgrades: [{ name: 't4', version: '4' }] },
      ]),
      templateChain(
        'ClusterTemplateChain',
        'invalid',
        [{ name: 't1', availableUpgrades: [{ name: 'bad' }] }],
        { valid: false },
      ),
      templateChain(
        'ClusterTemplateChain',
        'other-namespace',
        [{ name: 't1', availableUpgrades: [{ name: 'elsewhere' }] }],
        { namespace: 'team-a' },
      ),
      templateChain('ServiceTemplateChain', 'services', [
        { name: 't1', availableUpgrades: [{ name: 'service' }] },
      ]),
    ]);
    const edges = upgradeEdges(cache, 'cluster', 'kcm-system');
    expect(Object.fromEntries(edges)).toEqual({
      t1: ['t2', 't3', 't4'],
      t2: ['t3'],
    });
    expect(upgradeEdges(cache, 'service', 'kcm-system').get('t1')).toEqual([
      'service',
    ]);
  });
});

describe('templateSummary', () => {
  it('summarizes a cluster template, marking AccessManagement copies', () => {
    const template = clusterTemplate('aws-1', {
      namespace: 'team-a',
      labels: { 'k0rdent.mirantis.com/managed': 'true' },
      status: {
        valid: false,
        validationError: 'chart not found',
        description: 'AWS standalone',
        schemaConfigMapName: 'schema-ct-aws-1',
      },
    }) as ClusterTemplate;
    expect(templateSummary('mgmt', 'cluster', template, ['aws-2'])).toEqual({
      managementCluster: 'mgmt',
      namespace: 'team-a',
      name: 'aws-1',
      kind: 'cluster',
      valid: false,
      validationError: 'chart not found',
      description: 'AWS standalone',
      provider: 'aws',
      providers: ['infrastructure-aws'],
      chartVersion: '1.0.0',
      kubernetesVersion: 'v1.36.3+k0s.2',
      upgrades: ['aws-2'],
      hasValuesSchema: true,
      copy: true,
    });
  });

  it('gives a service template its app version, else its chart version', () => {
    expect(
      templateSummary(
        'mgmt',
        'service',
        serviceTemplate('ingress', {
          version: '4.15.1-app',
        }) as ServiceTemplate,
        [],
      ),
    ).toMatchObject({ kind: 'service', version: '4.15.1-app', providers: [] });
    const summary = templateSummary(
      'mgmt',
      'service',
      serviceTemplate('ingress') as ServiceTemplate,
      [],
    );
    expect(summary.version).toBe('4.15.1');
    expect(summary).not.toHaveProperty('provider');
    expect(summary).not.toHaveProperty('kubernetesVersion');
  });
});
