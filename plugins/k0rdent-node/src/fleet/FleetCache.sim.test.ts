/*
 * The fleet cache against the simulated management cluster over HTTP: the
 * production code path (client-node, HTTP, watch streams) end to end.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { waitFor } from '../__testUtils__/FakeKubeApi';
import {
  SimCluster,
  clusterDeployment,
  k0rdentObject,
  ns,
  startSimCluster,
} from '../__testUtils__/simCluster';
import { FleetCache } from './FleetCache';
import { K0rdentFleet } from './K0rdentFleet';
import { FleetChangeEvent } from './types';

const KINDS = [
  'ClusterDeployment',
  'ClusterTemplate',
  'Credential',
  'Region',
  'MultiClusterService',
];
const FAST = {
  backoffInitialMs: 20,
  backoffMaxMs: 200,
  missingKindRetryMs: 300,
  listPageSize: 3,
  watchTimeoutSeconds: 60,
};
const CD_KEY = { kind: 'ClusterDeployment', namespace: 'kcm-system' };

function seed(sim: SimCluster) {
  const { store } = sim;
  store.create(ns('team-a'));
  for (let i = 0; i < 5; i++) {
    store.create(
      clusterDeployment(`cd-${i}`, { template: i < 3 ? 't1' : 't2' }),
    );
  }
  store.create(clusterDeployment('team-cd', { namespace: 'team-a' }));
  store.create(
    k0rdentObject('ClusterTemplate', 't1', 'kcm-system', { helm: {} }),
  );
  store.create(
    k0rdentObject('ClusterTemplate', 't2', 'kcm-system', { helm: {} }),
  );
  store.create(k0rdentObject('Credential', 'aws-cred', 'kcm-system'));
  store.create(k0rdentObject('Region', 'eu'));
  store.create(
    k0rdentObject('MultiClusterService', 'mcs', undefined, {
      serviceSpec: { services: [] },
    }),
  );
}

describe('FleetCache against the simulator', () => {
  let sim: SimCluster;
  let cache: FleetCache | undefined;
  let events: FleetChangeEvent[];

  function startCache(settings: Record<string, unknown> = {}, target = sim) {
    cache = FleetCache.create({
      name: 'sim',
      kubeConfig: target.kubeConfig(),
      logger: mockServices.logger.mock(),
      settings: { kinds: KINDS, ...FAST, ...settings },
    });
    events = [];
    cache.subscribe(e => events.push(e));
    cache.start();
    return cache;
  }

  function changes(from = 0) {
    return events
      .slice(from)
      .map(e => `${e.type} ${e.kind} ${e.object.metadata.name}`);
  }

  async function allWatching(c = cache!) {
    await waitFor(
      () =>
        Object.values(c.health().kinds).every(
          k => k.state === 'watching' || k.state === 'missing',
        ),
      5000,
      'all kinds watching',
    );
  }

  beforeEach(async () => {
    sim = await startSimCluster();
    seed(sim);
  });

  afterEach(async () => {
    await cache?.stop();
    cache = undefined;
    await sim.close();
  });

  it('syncs several kinds, namespaced and cluster-scoped', async () => {
    const c = startCache();
    await c.waitForSync({ timeoutMs: 5000 });
    expect(c.count('ClusterDeployment')).toBe(6);
    expect(c.count('ClusterTemplate')).toBe(2);
    expect(c.count('Credential')).toBe(1);
    expect(c.count('Region')).toBe(1);
    expect(c.count('MultiClusterService')).toBe(1);
    expect(c.get('ClusterDeployment', 'team-a', 'team-cd')?.spec).toMatchObject(
      {
        template: 'aws-standalone-cp-1-0-43',
      },
    );
    expect(c.get('Region', undefined, 'eu')?.kind).toBe('Region');
    expect(
      c.byIndex('ClusterDeployment', 'template', 'kcm-system/t1').length,
    ).toBe(3);
    expect(events).toHaveLength(11);
    expect(events.every(e => e.type === 'added')).toBe(true);
    await allWatching();
    const health = c.health();
    expect(health).toMatchObject({ connected: true, synced: true });
    expect(health.kinds.ClusterDeployment.objects).toBe(6);
    expect(sim.server.openWatches()).toBe(KINDS.length);
  });

  it('delivers create, label change, status change and delete as single deltas', async () => {
    const c = startCache();
    await c.waitForSync();
    await allWatching();
    const start = events.length;

    sim.store.create(clusterDeployment('new-cd'));
    const current = sim.store.get({ ...CD_KEY, name: 'cd-1' })!;
    sim.store.update({
      ...current,
      metadata: { ...current.metadata, labels: { env: 'prod' } },
    });
    sim.store.updateStatus({ ...CD_KEY, name: 'cd-1' }, status => ({
      ...status,
      conditions: [{ type: 'Ready', status: 'True', reason: 'Succeeded' }],
    }));
    sim.store.delete({ ...CD_KEY, name: 'cd-4' });

    await waitFor(() => events.length - start >= 4, 5000, 'four deltas');
    await new Promise(r => setTimeout(r, 100));
    expect(changes(start)).toEqual([
      'added ClusterDeployment new-cd',
      'modified ClusterDeployment cd-1',
      'modified ClusterDeployment cd-1',
      'deleted ClusterDeployment cd-4',
    ]);
    const [, label, status] = events.slice(start);
    expect(label.object.metadata.labels).toEqual({ env: 'prod' });
    expect(label.previous?.metadata.labels).toBeUndefined();
    expect((status.object.status as any).conditions[0].type).toBe('Ready');
    expect(status.previous?.metadata.labels).toEqual({ env: 'prod' });
    expect(c.get('ClusterDeployment', 'kcm-system', 'cd-4')).toBeUndefined();
    expect(
      c
        .list('ClusterDeployment', { labelSelector: 'env=prod' })
        .map(o => o.metadata.name),
    ).toEqual(['cd-1']);
  });

  it('keeps data while the server is down and resyncs when it is back', async () => {
    const c = startCache();
    await c.waitForSync();
    await allWatching();

    await sim.stop();
    const down = await waitFor(
      () => {
        const h = c.health();
        return !h.connected && h.staleSince ? h : undefined;
      },
      5000,
      'stale',
    );
    expect(down.lastError).toMatch(
      /^ConnectionError: cannot reach the API server/,
    );
    expect(down.lastError).not.toContain('127.0.0.1');
    expect(c.count('ClusterDeployment')).toBe(6);
    await new Promise(r => setTimeout(r, 300));
    expect(c.count('ClusterDeployment')).toBe(6);

    // Changes while the cache cannot see them.
    const start = events.length;
    sim.store.delete({ ...CD_KEY, name: 'cd-0' });
    sim.store.updateStatus({ ...CD_KEY, name: 'cd-2' }, s => ({
      ...s,
      region: 'eu',
    }));
    sim.store.create(clusterDeployment('while-down'));

    await sim.restart();
    await waitFor(
      () => {
        const h = c.health();
        return h.connected && !h.staleSince;
      },
      5000,
      'recovered',
    );
    await waitFor(() => events.length - start >= 3, 5000, 'deltas');
    await new Promise(r => setTimeout(r, 100));
    expect(changes(start).sort()).toEqual([
      'added ClusterDeployment while-down',
      'deleted ClusterDeployment cd-0',
      'modified ClusterDeployment cd-2',
    ]);
    expect(c.count('ClusterDeployment')).toBe(6);
    expect(c.get('ClusterDeployment', 'kcm-system', 'cd-3')).toBeDefined();
    expect(c.health().lastSyncAt!.getTime()).toBeGreaterThan(
      down.staleSince!.getTime(),
    );
  });

  it('relists after compaction (410) without losing or duplicating changes', async () => {
    const c = startCache();
    await c.waitForSync();
    await allWatching();
    const listedAt = c.health().kinds.ClusterDeployment.lastListAt!;
    const start = events.length;

    // In one tick: cut the watches, change things, forget the history.
    sim.server.faults.dropWatches('reset');
    sim.store.delete({ ...CD_KEY, name: 'cd-1' });
    sim.store.updateStatus({ ...CD_KEY, name: 'cd-3' }, s => ({
      ...s,
      region: 'us',
    }));
    sim.store.create(clusterDeployment('after-compaction'));
    sim.server.faults.compact();

    await waitFor(() => events.length - start >= 3, 5000, 'relist deltas');
    await allWatching();
    await new Promise(r => setTimeout(r, 150));
    expect(changes(start).sort()).toEqual([
      'added ClusterDeployment after-compaction',
      'deleted ClusterDeployment cd-1',
      'modified ClusterDeployment cd-3',
    ]);
    expect(
      c.health().kinds.ClusterDeployment.lastListAt!.getTime(),
    ).toBeGreaterThan(listedAt.getTime());
    expect(c.count('ClusterDeployment')).toBe(6);
    // And it watches on from the new list.
    sim.store.create(clusterDeployment('later'));
    await waitFor(
      () => c.get('ClusterDeployment', 'kcm-system', 'later'),
      5000,
      'later',
    );
    expect(changes(start).filter(s => s.endsWith(' later'))).toEqual([
      'added ClusterDeployment later',
    ]);
  });

  it.each(['reset', 'end'] as const)(
    'resumes watches dropped by the server (%s) without relisting',
    async mode => {
      const c = startCache();
      await c.waitForSync();
      await allWatching();
      const listedAt = c.health().kinds.ClusterDeployment.lastListAt!;
      const start = events.length;

      sim.server.faults.dropWatches(mode);
      sim.store.create(clusterDeployment('after-drop'));
      await waitFor(
        () => c.get('ClusterDeployment', 'kcm-system', 'after-drop'),
        5000,
        'after-drop',
      );
      await allWatching();
      sim.server.faults.dropWatches(mode);
      sim.store.delete({ ...CD_KEY, name: 'after-drop' });
      await waitFor(
        () => !c.get('ClusterDeployment', 'kcm-system', 'after-drop'),
        5000,
        'deleted',
      );
      await new Promise(r => setTimeout(r, 100));
      expect(changes(start)).toEqual([
        'added ClusterDeployment after-drop',
        'deleted ClusterDeployment after-drop',
      ]);
      expect(c.health().kinds.ClusterDeployment.lastListAt).toEqual(listedAt);
    },
  );

  it('uses bookmarks, so an idle kind resumes after compaction without relisting', async () => {
    await sim.close();
    sim = await startSimCluster({ bookmarkIntervalMillis: 100 });
    seed(sim);
    const c = startCache();
    await c.waitForSync();
    await allWatching();
    const regionListedAt = c.health().kinds.Region.lastListAt!;
    const regionRv = Number(c.health().kinds.Region.resourceVersion);

    // Other kinds move the resourceVersion on; then the history is compacted.
    for (let i = 0; i < 5; i++)
      sim.store.create(clusterDeployment(`more-${i}`));
    sim.server.faults.compact();
    const latest = Number(
      sim.store.get({ ...CD_KEY, name: 'more-4' })!.metadata.resourceVersion,
    );
    await waitFor(
      () => Number(c.health().kinds.Region.resourceVersion) >= latest,
      5000,
      'a bookmark for Region',
    );
    expect(latest).toBeGreaterThan(regionRv);

    sim.server.faults.dropWatches('end');
    await new Promise(r => setTimeout(r, 200));
    await allWatching();
    expect(c.health().kinds.Region.lastListAt).toEqual(regionListedAt);
    expect(c.count('ClusterDeployment')).toBe(11);
  });

  it('backs off on 500 and recovers', async () => {
    sim.server.faults.failNext(3, {
      status: 500,
      match: {
        verb: 'list',
        path: '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments',
      },
    });
    const c = startCache();
    await c.waitForSync({ timeoutMs: 5000 });
    const health = c.health();
    expect(health.kinds.ClusterDeployment.lastError).toMatch(
      /^InternalError \(HTTP 500\)/,
    );
    expect(health.kinds.Credential.lastError).toBeUndefined();
    expect(c.count('ClusterDeployment')).toBe(6);
    await allWatching();
    expect(c.health()).toMatchObject({ connected: true, synced: true });
    expect(c.health().kinds.ClusterDeployment.consecutiveFailures).toBe(0);
  });

  it('waits for Retry-After on 429, also on a watch', async () => {
    const c = startCache({ kinds: ['ClusterDeployment'] });
    await c.waitForSync();
    await allWatching();
    sim.server.faults.failNext(1, {
      status: 429,
      retryAfterSeconds: 1,
      match: { verb: 'watch' },
    });
    const dropped = Date.now();
    sim.server.faults.dropWatches('end');
    sim.store.create(clusterDeployment('throttled'));
    await waitFor(
      () => c.get('ClusterDeployment', 'kcm-system', 'throttled'),
      5000,
      'throttled',
    );
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(900);
    expect(c.health().kinds.ClusterDeployment.lastError).toMatch(
      /^TooManyRequests \(HTTP 429\)/,
    );
  });

  it('reports a kind the server does not serve without affecting the others', async () => {
    await sim.close();
    sim = await startSimCluster({ hiddenPlurals: ['promxyservergroups'] });
    seed(sim);
    const c = startCache({ kinds: [...KINDS, 'PromxyServerGroup'] });
    await c.waitForSync({ timeoutMs: 5000 });
    await allWatching();
    const health = c.health();
    expect(health).toMatchObject({ connected: true, synced: true });
    expect(health.kinds.PromxyServerGroup).toMatchObject({
      state: 'missing',
      synced: true,
      objects: 0,
      lastError:
        'NotFound (HTTP 404): the server could not find the requested resource',
    });
    expect(c.count('ClusterDeployment')).toBe(6);
    sim.store.create(clusterDeployment('still-watching'));
    await waitFor(
      () => c.get('ClusterDeployment', 'kcm-system', 'still-watching'),
      5000,
      'still-watching',
    );
  });

  it('keeps two management clusters independent', async () => {
    const other = await startSimCluster();
    other.store.create(clusterDeployment('other-cd'));
    const fleet = K0rdentFleet.create({
      logger: mockServices.logger.mock(),
      settings: { kinds: KINDS, ...FAST },
      clusters: [
        {
          connection: {
            name: 'one',
            kubeConfig: sim.kubeConfig(),
            server: sim.url,
            close: async () => {},
          },
        },
        {
          connection: {
            name: 'two',
            kubeConfig: other.kubeConfig(),
            server: other.url,
            close: async () => {},
          },
          title: 'Two',
        },
      ],
    });
    const fleetEvents: FleetChangeEvent[] = [];
    fleet.subscribe(e => fleetEvents.push(e));
    try {
      fleet.start();
      await fleet.waitForSync({ timeoutMs: 5000 });
      expect(fleet.get('one').count('ClusterDeployment')).toBe(6);
      expect(fleet.get('two').count('ClusterDeployment')).toBe(1);
      expect(new Set(fleetEvents.map(e => e.cluster))).toEqual(
        new Set(['one', 'two']),
      );
      await allWatching(fleet.get('one'));
      await allWatching(fleet.get('two'));

      await other.stop();
      await waitFor(
        () => !fleet.get('two').health().connected,
        5000,
        'two down',
      );
      sim.store.create(clusterDeployment('one-still-fine'));
      await waitFor(
        () =>
          fleet
            .get('one')
            .get('ClusterDeployment', 'kcm-system', 'one-still-fine'),
        5000,
        'one fine',
      );
      const [one, two] = fleet.health();
      expect(one).toMatchObject({ name: 'one', connected: true });
      expect(one.staleSince).toBeUndefined();
      expect(two).toMatchObject({
        name: 'two',
        title: 'Two',
        connected: false,
      });
      expect(two.staleSince).toBeInstanceOf(Date);
      expect(fleet.get('two').count('ClusterDeployment')).toBe(1);

      await other.restart();
      await waitFor(
        () => fleet.get('two').health().connected,
        5000,
        'two back',
      );
    } finally {
      await fleet.stop();
      await other.close();
    }
  });
});
