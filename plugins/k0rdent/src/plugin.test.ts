import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  K0rdentClient,
  k0rdentApiRef,
} from '@k0rdent-backstage/plugin-k0rdent-react';
import k0rdentPlugin from './index';

describe('k0rdentPlugin', () => {
  it('provides k0rdentApiRef with a client that calls the k0rdent backend', async () => {
    const factory = createExtensionTester(
      k0rdentPlugin.getExtension('api:k0rdent'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(k0rdentApiRef.id);

    const fetch = jest.fn(
      async (_url: string) =>
        new Response(JSON.stringify({ items: [] }), { status: 200 }),
    );
    const client = factory.factory({
      discoveryApi: {
        getBaseUrl: async (pluginId: string) => `http://be/api/${pluginId}`,
      },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(K0rdentClient);
    await expect(
      (client as K0rdentClient).listManagementClusters(),
    ).resolves.toEqual([]);
    expect(fetch).toHaveBeenCalledWith(
      'http://be/api/k0rdent/management-clusters',
    );
  });

  it('mounts the fleet page at /k0rdent, with a title and icon for the sidebar', () => {
    const page = createExtensionTester(
      k0rdentPlugin.getExtension('page:k0rdent'),
    );
    expect(page.get(coreExtensionData.routePath)).toBe('/k0rdent');
    expect(page.get(coreExtensionData.title)).toBe('k0rdent fleet');
    expect(page.get(coreExtensionData.icon)).toBeDefined();
  });

  it('adds the k0rdent tab to k0rdent cluster entities only', () => {
    const tab = createExtensionTester(
      k0rdentPlugin.getExtension('entity-content:k0rdent/cluster'),
    );
    expect(tab.get(coreExtensionData.routePath)).toBe('/k0rdent');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('k0rdent');
    const isCluster = tab.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const entity = (kind: string, annotations: Record<string, string>) =>
      ({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { name: 'x', annotations },
      } as Entity);
    expect(
      isCluster(
        entity('Resource', {
          'backstage.k0rdent.io/kind': 'ClusterDeployment',
          'backstage.k0rdent.io/management-cluster': 'demo',
          'backstage.k0rdent.io/namespace': 'team-a',
          'backstage.k0rdent.io/name': 'prod',
        }),
      ),
    ).toBe(true);
    expect(
      isCluster(
        entity('Resource', {
          'backstage.k0rdent.io/kind': 'ClusterTemplate',
          'backstage.k0rdent.io/management-cluster': 'demo',
          'backstage.k0rdent.io/namespace': 'team-a',
          'backstage.k0rdent.io/name': 'aws-1',
        }),
      ),
    ).toBe(false);
    expect(isCluster(entity('Component', {}))).toBe(false);
  });

  it('adds the k0rdent tab to template, tenant and multi-cluster service entities', () => {
    const entity = (kind: string, annotations: Record<string, string>) =>
      ({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { name: 'x', annotations },
      } as Entity);
    const template = entity('Resource', {
      'backstage.k0rdent.io/kind': 'ClusterTemplate',
      'backstage.k0rdent.io/management-cluster': 'demo',
      'backstage.k0rdent.io/namespace': 'kcm-system',
      'backstage.k0rdent.io/name': 'aws-1',
    });
    const tenant = entity('System', {
      'backstage.k0rdent.io/management-cluster': 'demo',
      'backstage.k0rdent.io/tenant': 'payments',
    });
    const filterOf = (
      id:
        | 'entity-content:k0rdent/template'
        | 'entity-content:k0rdent/tenant'
        | 'entity-content:k0rdent/multi-cluster-service',
    ) =>
      createExtensionTester(k0rdentPlugin.getExtension(id)).get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;
    const isTemplate = filterOf('entity-content:k0rdent/template');
    const isTenant = filterOf('entity-content:k0rdent/tenant');
    const isMcs = filterOf('entity-content:k0rdent/multi-cluster-service');
    const mcs = entity('Resource', {
      'backstage.k0rdent.io/kind': 'MultiClusterService',
      'backstage.k0rdent.io/management-cluster': 'demo',
      'backstage.k0rdent.io/name': 'security-base',
    });
    expect([isTemplate(template), isTemplate(tenant)]).toEqual([true, false]);
    expect([isTenant(tenant), isTenant(template)]).toEqual([true, false]);
    expect([isMcs(mcs), isMcs(template)]).toEqual([true, false]);
  });

  it('adds the clusters card to group pages', () => {
    const card = createExtensionTester(
      k0rdentPlugin.getExtension('entity-card:k0rdent/group-clusters'),
    );
    expect(card.get(EntityCardBlueprint.dataRefs.filterExpression)).toBe(
      'kind:group',
    );
  });
});
