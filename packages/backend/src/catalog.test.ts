import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { k0rdentTestDatabaseIds } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { resolve as resolvePath } from 'node:path';
import { AddressInfo } from 'node:net';

const databases = TestDatabases.create({ ids: k0rdentTestDatabaseIds() });

describe('the portal catalog', () => {
  it.each(databases.eachSupportedId())(
    'ingests the demo organisation on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                locations: [
                  {
                    type: 'file',
                    target: resolvePath(
                      __dirname,
                      '../../../examples/org.yaml',
                    ),
                    rules: [{ allow: ['User', 'Group'] }],
                  },
                ],
                processingInterval: { seconds: 1 },
              },
            },
          }),
        ],
      });
      const { port } = server.address() as AddressInfo;
      const groups = async () => {
        const res = await fetch(
          `http://localhost:${port}/api/catalog/entities/by-query?filter=kind=group`,
        );
        return res.ok ? ((await res.json()) as { items: unknown[] }).items : [];
      };
      let items: unknown[] = [];
      for (let i = 0; i < 60 && items.length < 4; i++) {
        items = await groups();
        if (items.length < 4) await new Promise(r => setTimeout(r, 250));
      }
      expect(items.map((e: any) => e.metadata.name).sort()).toEqual([
        'data',
        'guests',
        'payments',
        'platform',
      ]);
    },
    30_000,
  );
});
