import { NotFoundError } from '@backstage/errors';
import type { ObjectEvent } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  clusterDeployment,
  clusterTemplate,
  condition,
  credential,
  region,
  serviceTemplate,
  templateChain,
  TEST_OWNERSHIP,
} from '../__testUtils__/fleetObjects';
import { eventually } from '../__testUtils__/eventually';
import {
  createMemoryFleet,
  MemoryManagementCluster,
  type MemoryFleet,
} from '../__testUtils__/memoryFleet';
import { FleetReader } from './FleetReader';

const all = () => true;
const SCHEMA = { type: 'object', properties: { region: { type: 'string' } } };

describe('FleetReader', () => {
  let mgmt: MemoryManagementCluster;
  let edge: MemoryManagementCluster;
  let fleet: MemoryFleet;
  let reader: FleetReader;
  let listEvents: jest.Mock;
  let get: jest.Mock;

  beforeEach(async () => {
    mgmt = new MemoryManagementCluster();
    edge = new MemoryManagementCluster();
    mgmt.put(clusterTemplate('aws-1'));
    mgmt.put(
      clusterTemplate('aws-2', {
        status: {
          chartVersion: '2.0.0',
          config: { k0s: { version: 'v1.37.0+k0s.0' } },
          schemaConfigMapName: 'schema-ct-aws-2',
        },
      }),
    );
    mgmt.put(clusterTemplate('aws-3', { valid: false }));
    mgmt.put(credential('aws-cred'));
    mgmt.put(
      clusterDeployment('prod', {
        namespace: 'kcm-system',
        template: 'aws-1',
        status: { availableUpgrades: ['aws-2', 'aws-3', 'gone'] },
        spec: {
          serviceSpec: {
            services: [
              {
                name: 'ingress',
                namespace: 'ingress',
                template: 'ingress-nginx-4-15-1',
                values: 'secret: do-not-show',
              },
              {
                name: 'app',
                template: 'app-1',
                dependsOn: [{ name: 'ingress', namespace: 'ingress' }],
              },
            ],
          },
        },
      }),
    );
    mgmt.put(
      clusterDeployment('dev', {
        namespace: 'team-ml',
        template: 'aws-1',
        conditions: [condition('Ready', 'False', 'Failed', 'quota exceeded')],
      }),
    );
    mgmt.put(region('eu', { name: 'prod', namespace: 'kcm-system' }));
    mgmt.put(region('us'));
    edge.put(clusterTemplate('aws-1'));
    edge.put(clusterDeployment('edge-1', { template: 'aws-1' }));

    fleet = createMemoryFleet({ mgmt, edge });
    listEvents = jest.fn(
      async (): Promise<ObjectEvent[]> => [
        { type: 'Warning', reason: 'Failed', message: 'boom' },
      ],
    );
    get = jest.fn(async (kind: string, _ns: string, name: string) =>
      kind === 'ConfigMap' && name === 'schema-ct-aws-2'
        ? { data: { schema: JSON.stringify(SCHEMA) } }
        : undefined,
    );
    fleet.clients.set('mgmt', { listEvents, get });
    fleet.clients.set('edge', { listEvents, get });
    fleet.start();
    await fleet.waitForSync();
    reader = new FleetReader({ fleet, ownership: TEST_OWNERSHIP });
  });

  afterEach(() => fleet.stop());

  describe('listClusters', () => {
    it('lists the clusters of every management cluster', () => {
      const page = reader.listClusters({}, all);
      expect(page.totalItems).toBe(3);
      expect(
        page.items.map(i => `${i.managementCluster}/${i.name} ${i.status}`),
      ).toEqual(['mgmt/dev Failed', 'edge/edge-1 Ready', 'mgmt/prod Ready']);
    });

    it('follows the fleet as it changes', async () => {
      expect(reader.listClusters({ q: 'new' }, all).totalItems).toBe(0);
      mgmt.put(clusterDeployment('new-1', { namespace: 'team-ml' }));
      await eventually(
        'the new cluster in the overview',
        () => reader.listClusters({ q: 'new' }, all).totalItems,
      );
      mgmt.remove('ClusterDeployment', 'team-ml', 'new-1');
      await eventually(
        'the deleted cluster gone from the overview',
        () => reader.listClusters({ q: 'new' }, all).totalItems === 0,
      );
      mgmt.put(
        clusterDeployment('dev', {
          namespace: 'team-ml',
          template: 'aws-1',
        }),
      );
      await eventually(
        'the repaired cluster no longer Failed',
        () =>
          reader.listClusters({ filters: { status: ['Failed'] } }, all)
            .totalItems === 0,
      );
      // A template change reaches the clusters using it.
      mgmt.put(
        clusterTemplate('aws-1', { providers: ['infrastructure-openstack'] }),
      );
      await eventually(
        'the template change in the overview',
        () =>
          reader.listClusters({ filters: { provider: ['openstack'] } }, all)
            .totalItems === 2,
      );
    });

    it('shows the clusters of a management cluster that does not answer as Stale', async () => {
      edge.goDown();
      const page = await eventually('the clusters of edge to be Stale', () => {
        const result = reader.listClusters(
          { filters: { status: ['Stale'] } },
          all,
        );
        return result.totalItems > 0 ? result : undefined;
      });
      expect(page.items).toEqual([
        expect.objectContaining({
          managementCluster: 'edge',
          name: 'edge-1',
          status: 'Stale',
          phase: 'Ready',
        }),
      ]);
      expect(
        reader.listClusters({ filters: { status: ['Ready'] } }, all).items,
      ).toEqual([expect.objectContaining({ name: 'prod' })]);

      edge.up();
      await eventually(
        'edge to answer again',
        () =>
          reader.listClusters({ filters: { status: ['Stale'] } }, all)
            .totalItems === 0,
      );
    });

    it('lists only what the user may read', () => {
      const page = reader.listClusters(
        {},
        resource => resource.owner !== 'group:default/ml',
      );
      expect(page.items.map(i => i.name)).toEqual(['edge-1', 'prod']);
      expect(page.totalItems).toBe(2);
    });
  });

  describe('getCluster', () => {
    it('returns what the cluster page shows', async () => {
      const details = await reader.getCluster(
        'mgmt',
        'kcm-system',
        'prod',
        all,
      );
      expect(details).toMatchObject({
        managementCluster: 'mgmt',
        name: 'prod',
        status: 'Ready',
        stale: false,
        conditions: expect.arrayContaining([
          expect.objectContaining({ type: 'Ready', status: 'True' }),
        ]),
        serviceSpec: [
          {
            name: 'ingress',
            namespace: 'ingress',
            template: 'ingress-nginx-4-15-1',
          },
          {
            name: 'app',
            template: 'app-1',
            dependsOn: [{ name: 'ingress', namespace: 'ingress' }],
          },
        ],
        upgrades: [
          {
            name: 'aws-2',
            valid: true,
            chartVersion: '2.0.0',
            kubernetesVersion: 'v1.37.0+k0s.0',
          },
          {
            name: 'aws-3',
            valid: false,
            chartVersion: '1.0.0',
            kubernetesVersion: 'v1.36.3+k0s.2',
          },
          { name: 'gone', valid: false },
        ],
        regions: ['eu'],
        events: [{ type: 'Warning', reason: 'Failed', message: 'boom' }],
      });
      expect(JSON.stringify(details)).not.toContain('do-not-show');
      expect(details).not.toHaveProperty('staleSince');
      expect(listEvents).toHaveBeenCalledWith(
        {
          kind: 'ClusterDeployment',
          namespace: 'kcm-system',
          name: 'prod',
          uid: 'uid-prod',
        },
        { limit: 50 },
      );
    });

    it('fetches events once per few seconds', async () => {
      await reader.getCluster('mgmt', 'kcm-system', 'prod', all);
      await reader.getCluster('mgmt', 'kcm-system', 'prod', all);
      expect(listEvents).toHaveBeenCalledTimes(1);
      await reader.getCluster('mgmt', 'team-ml', 'dev', all);
      expect(listEvents).toHaveBeenCalledTimes(2);
    });

    it('answers without events when they cannot be read, or not in time', async () => {
      listEvents.mockRejectedValueOnce(new Error('forbidden'));
      expect(
        (await reader.getCluster('mgmt', 'kcm-system', 'prod', all))?.events,
      ).toEqual([]);

      const slow = new FleetReader({
        fleet,
        ownership: TEST_OWNERSHIP,
        fetchWaitMs: 20,
      });
      listEvents.mockImplementationOnce(() => new Promise(() => {}));
      expect(
        (await slow.getCluster('mgmt', 'team-ml', 'dev', all))?.events,
      ).toEqual([]);
    });

    it('answers undefined for a cluster that is missing or that the user may not read', async () => {
      expect(
        await reader.getCluster('mgmt', 'kcm-system', 'nope', all),
      ).toBeUndefined();
      expect(
        await reader.getCluster(
          'mgmt',
          'team-ml',
          'dev',
          r => r.name !== 'dev',
        ),
      ).toBeUndefined();
      expect(listEvents).not.toHaveBeenCalled();
      await expect(
        reader.getCluster('nowhere', 'kcm-system', 'prod', all),
      ).rejects.toThrow(NotFoundError);
    });

    it('marks a cluster of a management cluster that does not answer as stale, without asking it for events', async () => {
      edge.goDown();
      await eventually(
        'edge to be stale',
        () => fleet.get('edge').health().staleSince,
      );
      const details = await reader.getCluster(
        'edge',
        'kcm-system',
        'edge-1',
        all,
      );
      expect(details).toMatchObject({
        status: 'Stale',
        phase: 'Ready',
        stale: true,
        staleSince: expect.any(String),
        events: [],
      });
      expect(listEvents).not.toHaveBeenCalled();
    });
  });

  describe('templates', () => {
    beforeEach(async () => {
      mgmt.put(
        templateChain('ClusterTemplateChain', 'aws', [
          { name: 'aws-1', availableUpgrades: [{ name: 'aws-2' }] },
          { name: 'aws-2' },
        ]),
      );
      mgmt.put(
        templateChain(
          'ClusterTemplateChain',
          'broken',
          [{ name: 'aws-1', availableUpgrades: [{ name: 'aws-3' }] }],
          { valid: false },
        ),
      );
      mgmt.put(
        templateChain(
          'ClusterTemplateChain',
          'elsewhere',
          [{ name: 'aws-1', availableUpgrades: [{ name: 'aws-9' }] }],
          { namespace: 'team-ml' },
        ),
      );
      mgmt.put(serviceTemplate('ingress-nginx-4-15-1', { version: '4.15.1' }));
      mgmt.put(
        serviceTemplate('ingress-nginx-4-15-1', {
          namespace: 'team-ml',
          valid: false,
        }),
      );
      await eventually('the template copy in the cache', () =>
        fleet
          .get('mgmt')
          .get('ServiceTemplate', 'team-ml', 'ingress-nginx-4-15-1'),
      );
    });

    it('lists templates with the upgrades of their namespace chains', () => {
      const templates = reader.listTemplates({ managementCluster: 'mgmt' });
      expect(
        templates.map(t => `${t.kind} ${t.namespace}/${t.name} ${t.upgrades}`),
      ).toEqual([
        'cluster kcm-system/aws-1 aws-2',
        'cluster kcm-system/aws-2 ',
        'cluster kcm-system/aws-3 ',
        'service kcm-system/ingress-nginx-4-15-1 ',
        'service team-ml/ingress-nginx-4-15-1 ',
      ]);
      expect(templates[0]).toEqual({
        managementCluster: 'mgmt',
        namespace: 'kcm-system',
        name: 'aws-1',
        kind: 'cluster',
        valid: true,
        provider: 'aws',
        providers: ['infrastructure-aws'],
        chartVersion: '1.0.0',
        kubernetesVersion: 'v1.36.3+k0s.2',
        upgrades: ['aws-2'],
        hasValuesSchema: false,
        copy: false,
      });
    });

    it('filters templates', () => {
      const names = (filter: Parameters<FleetReader['listTemplates']>[0]) =>
        reader
          .listTemplates(filter)
          .map(t => `${t.managementCluster}/${t.namespace}/${t.name}`);
      expect(names({ kind: 'service', valid: true })).toEqual([
        'mgmt/kcm-system/ingress-nginx-4-15-1',
      ]);
      expect(names({ namespace: 'team-ml' })).toEqual([
        'mgmt/team-ml/ingress-nginx-4-15-1',
      ]);
      expect(names({ kind: 'cluster', valid: false })).toEqual([
        'mgmt/kcm-system/aws-3',
      ]);
      expect(names({ kind: 'cluster', managementCluster: 'edge' })).toEqual([
        'edge/kcm-system/aws-1',
      ]);
      expect(() => reader.listTemplates({ managementCluster: 'nope' })).toThrow(
        "No management cluster named 'nope'",
      );
    });

    it('returns a template with its defaults and values schema, read once per version', async () => {
      const details = await reader.getTemplate(
        'mgmt',
        'cluster',
        'kcm-system',
        'aws-2',
      );
      expect(details).toMatchObject({
        name: 'aws-2',
        hasValuesSchema: true,
        defaults: { k0s: { version: 'v1.37.0+k0s.0' } },
        valuesSchema: SCHEMA,
      });
      await reader.getTemplate('mgmt', 'cluster', 'kcm-system', 'aws-2');
      expect(get).toHaveBeenCalledTimes(1);
      expect(get).toHaveBeenCalledWith(
        'ConfigMap',
        'kcm-system',
        'schema-ct-aws-2',
      );

      mgmt.put(
        clusterTemplate('aws-2', {
          status: { schemaConfigMapName: 'schema-ct-aws-2' },
        }),
      );
      await eventually(
        'the new template in the cache',
        () =>
          !(
            fleet.get('mgmt').get('ClusterTemplate', 'kcm-system', 'aws-2')
              ?.status as any
          )?.chartVersion?.startsWith('2'),
      );
      await reader.getTemplate('mgmt', 'cluster', 'kcm-system', 'aws-2');
      expect(get).toHaveBeenCalledTimes(2);
    });

    it('answers without a schema it cannot read, and tries again next time', async () => {
      get.mockRejectedValueOnce(new Error('connection refused'));
      const first = await reader.getTemplate(
        'mgmt',
        'cluster',
        'kcm-system',
        'aws-2',
      );
      expect(first?.hasValuesSchema).toBe(true);
      expect(first).not.toHaveProperty('valuesSchema');
      const second = await reader.getTemplate(
        'mgmt',
        'cluster',
        'kcm-system',
        'aws-2',
      );
      expect(second?.valuesSchema).toEqual(SCHEMA);

      get.mockResolvedValueOnce({ data: { schema: '{ not json' } });
      mgmt.put(
        clusterTemplate('aws-2', {
          status: {
            schemaConfigMapName: 'schema-ct-aws-2',
            chartVersion: '2.0.1',
          },
        }),
      );
      await eventually(
        'the changed template in the cache',
        () =>
          (
            fleet.get('mgmt').get('ClusterTemplate', 'kcm-system', 'aws-2')
              ?.status as any
          )?.chartVersion === '2.0.1',
      );
      expect(
        await reader.getTemplate('mgmt', 'cluster', 'kcm-system', 'aws-2'),
      ).not.toHaveProperty('valuesSchema');
    });

    it('answers undefined for a missing template and 404 for an unknown management cluster', async () => {
      expect(
        await reader.getTemplate('mgmt', 'service', 'kcm-system', 'aws-1'),
      ).toBeUndefined();
      await expect(
        reader.getTemplate('nope', 'cluster', 'kcm-system', 'aws-1'),
      ).rejects.toThrow(NotFoundError);
    });
  });

  describe('listCredentials', () => {
    beforeEach(async () => {
      mgmt.put(
        credential('azure-cred', {
          namespace: 'team-ml',
          identityKind: 'AzureClusterIdentity',
          ready: false,
          region: 'eu',
          description: 'ML subscription',
        }),
      );
      mgmt.put(credential('adopted', { identityKind: 'Secret' }));
      await eventually('the credentials in the cache', () =>
        fleet.get('mgmt').get('Credential', 'kcm-system', 'adopted'),
      );
    });

    it('lists credentials without anything of their identity', () => {
      const credentials = reader.listCredentials({ managementCluster: 'mgmt' });
      expect(credentials).toEqual([
        {
          managementCluster: 'mgmt',
          namespace: 'kcm-system',
          name: 'adopted',
          ready: true,
          identityKind: 'Secret',
        },
        {
          managementCluster: 'mgmt',
          namespace: 'kcm-system',
          name: 'aws-cred',
          ready: true,
          provider: 'aws',
          identityKind: 'AWSClusterStaticIdentity',
        },
        {
          managementCluster: 'mgmt',
          namespace: 'team-ml',
          name: 'azure-cred',
          ready: false,
          description: 'ML subscription',
          region: 'eu',
          provider: 'azure',
          identityKind: 'AzureClusterIdentity',
        },
      ]);
      expect(JSON.stringify(credentials)).not.toMatch(
        /identity-secret-name|identity-namespace/,
      );
    });

    it('filters credentials', () => {
      expect(reader.listCredentials({ ready: false }).map(c => c.name)).toEqual(
        ['azure-cred'],
      );
      expect(
        reader
          .listCredentials({ namespace: 'kcm-system', ready: true })
          .map(c => `${c.managementCluster}/${c.name}`),
      ).toEqual(['mgmt/adopted', 'mgmt/aws-cred']);
    });
  });

  it('reports the health of every management cluster', async () => {
    expect(reader.managementClusters()).toEqual([
      {
        name: 'mgmt',
        title: 'mgmt',
        connected: true,
        synced: true,
        clusters: 2,
      },
      {
        name: 'edge',
        title: 'edge',
        connected: true,
        synced: true,
        clusters: 1,
      },
    ]);
    edge.goDown();
    await eventually(
      'edge to be stale',
      () => fleet.get('edge').health().staleSince,
    );
    expect(reader.managementClusters()[1]).toMatchObject({
      name: 'edge',
      connected: false,
      staleSince: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastError: expect.stringContaining('ConnectionError'),
      clusters: 1,
    });
  });
});
