import { ApiBlueprint } from '@backstage/frontend-plugin-api';
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
});
