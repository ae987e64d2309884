import {
  Watch,
  makeInformer,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  CD,
  NAMESPACE,
  clusterDeployment,
  eventually,
  startTestSimulator,
  type TestSimulator,
} from './__testUtils__/simulator';

const LIST_PATH = `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NAMESPACE}/clusterdeployments`;

interface Received {
  type: string;
  object: any;
}

/** Starts a client-node watch and collects its events. */
async function collect(
  sim: TestSimulator,
  query: Record<string, string | number | boolean>,
  path = LIST_PATH,
) {
  const events: Received[] = [];
  let ended: unknown = 'open';
  const controller = await new Watch(sim.kubeConfig).watch(
    path,
    query,
    (type, object) => events.push({ type, object }),
    error => {
      ended = error ?? null;
    },
  );
  return {
    events,
    ended: () => ended,
    names: () =>
      events.map(e => `${e.type} ${e.object.metadata?.name ?? ''}`.trim()),
    stop: () => controller.abort(),
  };
}

describe('watch', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator({ bookmarkIntervalMillis: 100 });
  });
  afterEach(() => sim.close());

  it('sends the current state as ADDED without a resourceVersion, then changes', async () => {
    sim.store.create(clusterDeployment('a'));
    const watch = await collect(sim, {});
    await eventually(() => expect(watch.names()).toEqual(['ADDED a']));
    const a = sim.store.get({
      kind: 'ClusterDeployment',
      namespace: NAMESPACE,
      name: 'a',
    })!;
    sim.store.update({ ...a, spec: { template: 'x' } });
    sim.store.delete({
      kind: 'ClusterDeployment',
      namespace: NAMESPACE,
      name: 'a',
    });
    await eventually(() =>
      expect(watch.names()).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']),
    );
    const versions = watch.events.map(e =>
      Number(e.object.metadata.resourceVersion),
    );
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    watch.stop();
  });

  it('resumes after a resourceVersion', async () => {
    const a = sim.store.create(clusterDeployment('a'));
    sim.store.create(clusterDeployment('b'));
    sim.store.create(clusterDeployment('c'));
    const watch = await collect(sim, {
      resourceVersion: a.metadata.resourceVersion!,
    });
    await eventually(() =>
      expect(watch.names()).toEqual(['ADDED b', 'ADDED c']),
    );
    watch.stop();
  });

  it('sends bookmarks when allowed', async () => {
    const watch = await collect(sim, {
      allowWatchBookmarks: true,
      resourceVersion: String(sim.store.currentResourceVersion),
    });
    sim.store.create(clusterDeployment('a'));
    await eventually(() => {
      const bookmark = watch.events.find(e => e.type === 'BOOKMARK');
      expect(bookmark?.object).toEqual({
        kind: 'ClusterDeployment',
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        metadata: { resourceVersion: String(sim.store.currentResourceVersion) },
      });
    });
    watch.stop();
  });

  it('answers a too-old resourceVersion with an ERROR 410 event', async () => {
    sim.store.create(clusterDeployment('a'));
    sim.server.faults.compact();
    const watch = await collect(sim, { resourceVersion: '1' });
    await eventually(() => expect(watch.ended()).toBeNull());
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: expect.stringMatching(
            /^too old resource version: 1 \(\d+\)$/,
          ),
        }),
      },
    ]);
  });

  it('applies label selectors: objects entering and leaving the selection', async () => {
    const dev = sim.store.create(
      clusterDeployment('a', { labels: { env: 'dev' } }),
    );
    sim.store.create(clusterDeployment('b', { labels: { env: 'prod' } }));
    const watch = await collect(sim, { labelSelector: 'env=prod' });
    await eventually(() => expect(watch.names()).toEqual(['ADDED b']));
    const promoted = sim.store.update({
      ...dev,
      metadata: { ...dev.metadata, labels: { env: 'prod' } },
    });
    sim.store.update({
      ...promoted,
      metadata: { ...promoted.metadata, labels: { env: 'dev' } },
    });
    await eventually(() =>
      expect(watch.names()).toEqual(['ADDED b', 'ADDED a', 'DELETED a']),
    );
    // The DELETED for "no longer matches" carries the last matching state at the new resourceVersion.
    const left = watch.events[2].object;
    expect(left.metadata.labels).toEqual({ env: 'prod' });
    expect(left.metadata.resourceVersion).toBe(
      String(sim.store.currentResourceVersion),
    );
    watch.stop();
  });

  it('applies field selectors', async () => {
    const watch = await collect(sim, { fieldSelector: 'metadata.name=b' });
    sim.store.create(clusterDeployment('a'));
    sim.store.create(clusterDeployment('b'));
    await eventually(() => expect(watch.names()).toEqual(['ADDED b']));
    watch.stop();
  });

  it('ends after timeoutSeconds', async () => {
    const watch = await collect(sim, { timeoutSeconds: 1 });
    await eventually(() => expect(watch.ended()).toBeNull(), 3000);
  });

  it('watches across namespaces', async () => {
    sim.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'other' },
    });
    const watch = await collect(
      sim,
      { resourceVersion: String(sim.store.currentResourceVersion) },
      '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments',
    );
    sim.store.create(clusterDeployment('a'));
    sim.store.create(clusterDeployment('b', { namespace: 'other' }));
    await eventually(() =>
      expect(watch.names()).toEqual(['ADDED a', 'ADDED b']),
    );
    watch.stop();
  });
});

describe('informers', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
  });
  afterEach(() => sim.close());

  function startInformer() {
    const informer = makeInformer<KubernetesObject>(
      sim.kubeConfig,
      LIST_PATH,
      () =>
        sim.custom.listNamespacedCustomObject({
          ...CD,
          namespace: NAMESPACE,
        }) as any,
    );
    const added: string[] = [];
    const errors: unknown[] = [];
    informer.on('add', object => added.push(object.metadata!.name!));
    informer.on('error', error => errors.push(error));
    return {
      informer,
      added,
      errors,
      names: () =>
        informer
          .list()
          .map(o => o.metadata!.name)
          .sort(),
    };
  }

  it('relists and recovers after a 410 caused by compaction', async () => {
    sim.store.create(clusterDeployment('a'));
    const { informer, added, errors, names } = startInformer();
    await informer.start();
    await eventually(() => expect(names()).toEqual(['a']));

    // Cut the watch abruptly; the informer reports the error and stops.
    sim.server.faults.dropWatches('reset');
    await eventually(() => expect(errors).toHaveLength(1));
    // Meanwhile the world moves on and the history is compacted.
    sim.store.create(clusterDeployment('b'));
    sim.server.faults.compact();
    // Restarting resumes from the old resourceVersion, gets 410 and relists.
    await informer.start();
    await eventually(() => expect(names()).toEqual(['a', 'b']));
    expect(added).toEqual(['a', 'b']);
    sim.store.create(clusterDeployment('c'));
    await eventually(() => expect(names()).toEqual(['a', 'b', 'c']));
    await informer.stop();
  });

  it('reconnects by itself when a watch ends cleanly', async () => {
    const { informer, names } = startInformer();
    await informer.start();
    await eventually(() => expect(sim.server.openWatches()).toBe(1));
    expect(sim.server.faults.dropWatches('end')).toBe(1);
    await eventually(() => expect(sim.server.openWatches()).toBe(1));
    sim.store.create(clusterDeployment('after-drop'));
    await eventually(() => expect(names()).toEqual(['after-drop']));
    await informer.stop();
  });
});
