import { mockServices } from '@backstage/backend-test-utils';
import {
  FakeKubeApi,
  connectionError,
  waitFor,
} from '../__testUtils__/FakeKubeApi';
import { KubernetesApiError } from '../kubernetes/KubernetesApiError';
import { FleetCache } from './FleetCache';
import { FleetChangeEvent, FleetClusterHealth } from './types';

const KINDS = ['ClusterDeployment', 'Credential', 'Region'];

describe('FleetCache (fake API)', () => {
  let api: FakeKubeApi;
  let cache: FleetCache;
  let events: FleetChangeEvent[];
  let healths: FleetClusterHealth[];

  function create(settings: Record<string, unknown> = {}) {
    cache = FleetCache.create({
      name: 'mgmt',
      title: 'Management',
      transport: api,
      logger: mockServices.logger.mock(),
      settings: {
        kinds: KINDS,
        backoffInitialMs: 10,
        backoffMaxMs: 80,
        missingKindRetryMs: 200,
        listPageSize: 2,
        watchTimeoutSeconds: 60,
        ...settings,
      },
    });
    events = [];
    healths = [];
    cache.subscribe(e => events.push(e));
    cache.onHealthChange(h => healths.push(h));
    return cache;
  }

  function summary() {
    return events.map(e => `${e.type} ${e.kind} ${e.object.metadata.name}`);
  }

  beforeEach(() => {
    api = new FakeKubeApi();
    api.put('ClusterDeployment', 'a', { spec: { template: 't1' } });
    api.put('ClusterDeployment', 'b', { spec: { template: 't1' } });
    api.put('ClusterDeployment', 'c', {
      namespace: 'team',
      spec: { template: 't2' },
    });
    api.put('Credential', 'cred');
    api.put('Region', 'eu');
  });

  afterEach(async () => {
    await cache?.stop();
  });

  it('syncs every kind with paged lists and emits the initial objects', async () => {
    create().start();
    await cache.waitForSync({ timeoutMs: 2000 });
    expect(cache.count('ClusterDeployment')).toBe(3);
    expect(api.listCalls('ClusterDeployment')).toBe(2); // pages of 2
    expect(cache.get('ClusterDeployment', 'team', 'c')?.spec).toEqual({
      template: 't2',
    });
    expect(cache.get('Region', 'ignored', 'eu')?.metadata.name).toBe('eu');
    expect(
      cache.get('ClusterDeployment', 'team', 'c')?.metadata.managedFields,
    ).toBeUndefined();
    expect(summary().sort()).toEqual([
      'added ClusterDeployment a',
      'added ClusterDeployment b',
      'added ClusterDeployment c',
      'added Credential cred',
      'added Region eu',
    ]);
    expect(events[0].cluster).toBe('mgmt');
    await waitFor(
      () =>
        Object.values(cache.health().kinds).every(k => k.state === 'watching'),
      2000,
      'watching',
    );
    const health = cache.health();
    expect(health).toMatchObject({
      name: 'mgmt',
      title: 'Management',
      connected: true,
      synced: true,
    });
    expect(health.staleSince).toBeUndefined();
    expect(health.lastSyncAt).toBeInstanceOf(Date);
    expect(health.kinds.ClusterDeployment).toMatchObject({
      state: 'watching',
      synced: true,
      objects: 3,
    });
    expect(healths.some(h => h.synced)).toBe(true);
    expect(
      cache
        .byIndex('ClusterDeployment', 'template', 'kcm-system/t1')
        .map(o => o.metadata.name)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('delivers watch changes as single deltas with the previous object', async () => {
    create().start();
    await cache.waitForSync();
    await waitFor(() => api.watchers.size === 3, 2000, 'watches');
    events.length = 0;
    const healthCount = healths.length;

    api.put('ClusterDeployment', 'd', { spec: { template: 't1' } });
    api.put('ClusterDeployment', 'a', {
      metadata: { name: 'a', labels: { env: 'prod' } },
      spec: { template: 't1' },
    });
    api.put('ClusterDeployment', 'a', {
      spec: { template: 't1' },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    api.remove('ClusterDeployment', 'b');
    await waitFor(() => events.length === 4, 2000, 'events');

    expect(summary()).toEqual([
      'added ClusterDeployment d',
      'modified ClusterDeployment a',
      'modified ClusterDeployment a',
      'deleted ClusterDeployment b',
    ]);
    expect(events[1].object.metadata.labels).toEqual({ env: 'prod' });
    expect(events[1].previous?.metadata.labels).toBeUndefined();
    expect(events[2].previous?.metadata.labels).toEqual({ env: 'prod' });
    expect(events[2].object.status).toEqual({
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    expect(cache.get('ClusterDeployment', 'kcm-system', 'b')).toBeUndefined();
    expect(
      cache
        .list('ClusterDeployment', { labelSelector: 'env=prod' })
        .map(o => o.metadata.name),
    ).toEqual(['a']);
    // Events do not produce health notifications.
    expect(healths.length).toBe(healthCount);
  });

  it('resumes dropped watches from the last resourceVersion without relisting', async () => {
    create().start();
    await cache.waitForSync();
    await waitFor(() => api.watchers.size === 3, 2000, 'watches');
    api.put('ClusterDeployment', 'a', { spec: { template: 't9' } });
    await waitFor(() => events.some(e => e.type === 'modified'));
    const lists = api.listCalls('ClusterDeployment');
    api.bookmark('ClusterDeployment');
    const bookmarkRv = String(api.rv);
    await new Promise(r => setTimeout(r, 20));
    api.dropWatches();
    api.put('ClusterDeployment', 'e');
    await waitFor(
      () => cache.get('ClusterDeployment', 'kcm-system', 'e'),
      2000,
      'resumed',
    );
    expect(api.listCalls('ClusterDeployment')).toBe(lists);
    const resumes = api.calls.filter(c =>
      c.startsWith('watch ClusterDeployment '),
    );
    expect(resumes[resumes.length - 1]).toBe(
      `watch ClusterDeployment ${bookmarkRv}`,
    );
    expect(summary().filter(s => s.endsWith(' e'))).toEqual([
      'added ClusterDeployment e',
    ]);
  });

  it.each([false, true])(
    'relists after 410 Gone (as event: %s) and emits only what changed',
    async goneAsEvent => {
      api.goneAsEvent = goneAsEvent;
      create().start();
      await cache.waitForSync();
      await waitFor(() => api.watchers.size === 3, 2000, 'watches');
      const lists = api.listCalls('ClusterDeployment');
      events.length = 0;

      // Changes while the watch is down, then the history is compacted.
      const watchers = [...api.watchers];
      api.watchers.clear();
      api.put('ClusterDeployment', 'a', { spec: { template: 'changed' } });
      api.remove('ClusterDeployment', 'b');
      api.put('ClusterDeployment', 'new');
      api.compact();
      watchers.forEach(w => w.end());

      await waitFor(
        () => api.listCalls('ClusterDeployment') > lists && events.length >= 3,
        2000,
        'relist',
      );
      await new Promise(r => setTimeout(r, 30));
      expect(summary().sort()).toEqual([
        'added ClusterDeployment new',
        'deleted ClusterDeployment b',
        'modified ClusterDeployment a',
      ]);
      expect(cache.count('ClusterDeployment')).toBe(3);
      // The other kinds relisted too (their watches were compacted away) but
      // had nothing to report.
      expect(api.listCalls('Credential')).toBe(2);
      expect(cache.health().kinds.ClusterDeployment.state).toBe('watching');
    },
  );

  it('keeps its data while the server is down and recovers with a diff', async () => {
    create().start();
    await cache.waitForSync();
    await waitFor(() => cache.health().connected, 2000, 'connected');

    api.goDown();
    const down = await waitFor(
      () => {
        const h = cache.health();
        return !h.connected && h.staleSince ? h : undefined;
      },
      2000,
      'disconnected',
    );
    expect(down.lastError).toBe(
      'ConnectionError: cannot reach the API server (ECONNREFUSED)',
    );
    expect(down.kinds.ClusterDeployment.state).toBe('backoff');
    expect(down.kinds.ClusterDeployment.consecutiveFailures).toBeGreaterThan(0);
    expect(cache.count('ClusterDeployment')).toBe(3);
    expect(healths.some(h => !h.connected && h.staleSince)).toBe(true);
    await new Promise(r => setTimeout(r, 100));
    expect(cache.count('ClusterDeployment')).toBe(3);
    const staleSince = cache.health().staleSince;

    // While down: a deletion, a change and a creation, with history compacted.
    api.down = false;
    api.remove('ClusterDeployment', 'b');
    api.put('ClusterDeployment', 'a', { spec: { template: 'up' } });
    api.put('Region', 'us');
    api.compact();
    api.down = true;
    events.length = 0;
    api.up();

    const up = await waitFor(
      () => {
        const h = cache.health();
        return h.connected && !h.staleSince ? h : undefined;
      },
      3000,
      'reconnected',
    );
    await waitFor(() => events.length >= 3, 2000, 'diff events');
    expect(summary().sort()).toEqual([
      'added Region us',
      'deleted ClusterDeployment b',
      'modified ClusterDeployment a',
    ]);
    expect(cache.get('ClusterDeployment', 'team', 'c')).toBeDefined();
    expect(up.lastSyncAt!.getTime()).toBeGreaterThanOrEqual(
      staleSince!.getTime(),
    );
  });

  it('backs off with growing delays on 500 and recovers', async () => {
    for (let i = 0; i < 4; i++) {
      api.failures.push(kind =>
        kind === 'ClusterDeployment'
          ? KubernetesApiError.fromResponse(500, {
              kind: 'Status',
              code: 500,
              reason: 'InternalError',
              message: 'etcdserver: leader changed',
            })
          : undefined,
      );
    }
    const start = Date.now();
    create({
      kinds: ['ClusterDeployment'],
      backoffInitialMs: 20,
      backoffMaxMs: 200,
    }).start();
    await cache.waitForSync({ timeoutMs: 3000 });
    const elapsed = Date.now() - start;
    // 20·(0.5..1) + 40·(…) + 80·(…) + 160·(…) ≥ 150 ms
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(api.listCalls('ClusterDeployment')).toBe(1 + 4 + 1); // 4 failures, then 2 pages
    const health = cache.health();
    expect(health.lastError).toBe(
      'InternalError (HTTP 500): etcdserver: leader changed',
    );
    await waitFor(() => cache.health().connected, 2000, 'connected');
    expect(cache.health().kinds.ClusterDeployment.consecutiveFailures).toBe(0);
  });

  it('honours Retry-After on 429', async () => {
    api.failures.push(
      KubernetesApiError.fromResponse(
        429,
        {
          kind: 'Status',
          code: 429,
          reason: 'TooManyRequests',
          message: 'slow down',
        },
        { 'retry-after': '1' },
      ),
    );
    const start = Date.now();
    create({
      kinds: ['Region'],
      backoffInitialMs: 10,
      backoffMaxMs: 5000,
    }).start();
    await cache.waitForSync({ timeoutMs: 3000 });
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
  });

  it('reports a missing kind, retries it slowly and still syncs the rest', async () => {
    api.missing.add('Region');
    create({ missingKindRetryMs: 150 }).start();
    await cache.waitForSync({ timeoutMs: 2000 });
    const health = cache.health();
    expect(health.synced).toBe(true);
    expect(health.kinds.Region).toMatchObject({
      state: 'missing',
      synced: true,
      objects: 0,
      lastError:
        'NotFound (HTTP 404): the server could not find the requested resource',
    });
    expect(health.kinds.Region.retryAt).toBeInstanceOf(Date);
    await waitFor(() => cache.health().connected, 2000, 'connected');
    expect(cache.count('ClusterDeployment')).toBe(3);
    await new Promise(r => setTimeout(r, 400));
    const attempts = api.listCalls('Region');
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(4);

    // The CRD gets installed.
    api.missing.delete('Region');
    await waitFor(() => cache.get('Region', undefined, 'eu'), 2000, 'region');
    expect(cache.health().kinds.Region.state).toBe('watching');
  });

  it('does not spin when the server closes every watch at once', async () => {
    create({
      kinds: ['Region'],
      backoffInitialMs: 20,
      backoffMaxMs: 100,
    }).start();
    await cache.waitForSync();
    api.closeWatchesImmediately = true;
    api.dropWatches();
    await new Promise(r => setTimeout(r, 300));
    // Without back-off this would be thousands of watches.
    expect(api.watchCalls('Region')).toBeLessThan(15);
    api.closeWatchesImmediately = false;
    api.dropWatches();
    api.put('Region', 'later');
    await waitFor(() => cache.get('Region', undefined, 'later'), 2000, 'later');
  });

  it('survives a failing listener', async () => {
    create();
    cache.subscribe(() => {
      throw new Error('listener bug');
    });
    cache.start();
    await cache.waitForSync();
    expect(events.length).toBe(5);
  });

  it('stops every watch and timer', async () => {
    api.missing.add('Region');
    create().start();
    await cache.waitForSync();
    await cache.stop();
    expect(api.watchers.size).toBe(0);
    const calls = api.calls.length;
    await new Promise(r => setTimeout(r, 250));
    expect(api.calls.length).toBe(calls);
    expect(cache.health().connected).toBe(false);
    expect(cache.health().kinds.ClusterDeployment.state).toBe('stopped');
    // Data stays readable.
    expect(cache.count('ClusterDeployment')).toBe(3);
  });

  it('rejects waitForSync on timeout and on stop', async () => {
    api.goDown();
    create().start();
    await expect(cache.waitForSync({ timeoutMs: 50 })).rejects.toThrow(
      "Fleet cache 'mgmt' did not sync within 50 ms",
    );
    const waiting = cache.waitForSync();
    await cache.stop();
    await expect(waiting).rejects.toThrow("Fleet cache 'mgmt' was stopped");
    expect(connectionError().retryable).toBe(true);
  });
});
