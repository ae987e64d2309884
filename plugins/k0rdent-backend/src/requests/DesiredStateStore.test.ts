import { TestDatabases } from '@backstage/backend-test-utils';
import type { DesiredStateTarget } from '@k0rdent-backstage/plugin-k0rdent-common';
import { k0rdentTestDatabaseIds } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import {
  DesiredStateStore,
  type NewRequest,
  type StoredRequest,
} from './DesiredStateStore';

const databases = TestDatabases.create({ ids: k0rdentTestDatabaseIds() });

const target: DesiredStateTarget = {
  managementCluster: 'demo',
  kind: 'ClusterDeployment',
  namespace: 'team-a',
  name: 'prod',
};

function request(
  spec: Record<string, unknown>,
  previous?: StoredRequest,
): NewRequest {
  return {
    action: 'create',
    manifest: {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'prod', namespace: 'team-a' },
      spec: { ...(previous?.manifest.spec as object), ...spec },
    },
    forceFields: [],
    requestedBy: 'user:default/jane',
  };
}

describe.each(databases.eachSupportedId())('DesiredStateStore on %s', id => {
  let now = 1_000_000;
  async function open() {
    const knex = await databases.init(id);
    await DesiredStateStore.migrate(knex);
    return new DesiredStateStore(knex, () => now);
  }

  it('stores a request with its history and returns the same one for the same idempotency key', async () => {
    const store = await open();
    const first = await store.accept(
      target,
      () => request({ template: 't1' }),
      'task-1:create',
    );
    expect(first.created).toBe(true);
    const again = await store.accept(
      target,
      () => request({ template: 'other' }),
      'task-1:create',
    );
    expect(again).toEqual({ request: first.request, created: false });

    const stored = await store.get(first.request.id);
    expect(stored).toMatchObject({
      status: 'pending',
      action: 'create',
      target,
      requestedBy: 'user:default/jane',
      idempotencyKey: 'task-1:create',
      attempts: 0,
      manifest: { spec: { template: 't1' } },
    });
    expect(stored.history.map(h => h.status)).toEqual(['pending']);
    expect(await store.list({ name: 'prod' })).toHaveLength(1);
  });

  it('gives concurrent callers with one idempotency key one request', async () => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.accept(target, () => request({ template: 't1' }), 'same-key'),
      ),
    );
    expect(new Set(results.map(r => r.request.id)).size).toBe(1);
    expect(results.filter(r => r.created)).toHaveLength(1);
    expect(await store.list({})).toHaveLength(1);
  });

  it('builds each request on the previous one and supersedes it while it waits', async () => {
    const store = await open();
    const first = await store.accept(target, () =>
      request({ template: 't1', config: { a: 1 } }),
    );
    now += 1;
    const second = await store.accept(target, previous =>
      request({ template: 't2' }, previous),
    );
    expect(second.request.manifest.spec).toEqual({
      template: 't2',
      config: { a: 1 },
    });
    const older = await store.get(first.request.id);
    expect(older.status).toBe('superseded');
    expect(older.reason).toContain(second.request.id);
    expect((await store.due(10)).map(r => r.id)).toEqual([second.request.id]);
  });

  it('lets one worker at a time hold a request, and a dead worker lose it when its lease ends', async () => {
    const store = await open();
    const { request: r } = await store.accept(target, () =>
      request({ template: 't1' }),
    );
    expect(await store.claim(r.id, 'a', 1000)).toBe(true);
    expect(await store.claim(r.id, 'b', 1000)).toBe(false);
    expect(await store.due(10)).toEqual([]);

    now += 1001; // worker a died holding it
    expect((await store.due(10)).map(x => x.id)).toEqual([r.id]);
    expect(await store.claim(r.id, 'b', 1000)).toBe(true);
    expect(await store.markApplied(r.id, 'b', { message: 'ok' })).toBe(true);
    // a was only slow: its late outcome is not recorded
    expect(await store.markApplied(r.id, 'a', { message: 'late' })).toBe(false);
    const done = await store.get(r.id);
    expect(done.status).toBe('applied');
    expect(done.attempts).toBe(2);
    expect(done.history.map(h => h.status)).toEqual([
      'pending',
      'applying',
      'applying',
      'applied',
    ]);
  });

  it('keeps a newer request for an object waiting while an older one is being applied', async () => {
    const store = await open();
    const { request: older } = await store.accept(target, () =>
      request({ template: 't1' }),
    );
    expect(await store.claim(older.id, 'a', 10_000)).toBe(true);
    now += 1;
    const { request: newer } = await store.accept(target, previous =>
      request({ template: 't2' }, previous),
    );
    expect((await store.get(older.id)).status).toBe('applying');
    expect(await store.due(10)).toEqual([]);
    await store.markApplied(older.id, 'a', { message: 'ok', generation: 1 });
    expect((await store.due(10)).map(r => r.id)).toEqual([newer.id]);
  });

  it('orders requests for one object made in the same millisecond', async () => {
    const store = await open();
    const { request: first } = await store.accept(target, () =>
      request({ template: 't1' }),
    );
    expect(await store.claim(first.id, 'a', 10_000)).toBe(true);
    // same clock reading: the newer one is still after it, and waits
    const { request: second } = await store.accept(target, previous =>
      request({ template: 't2' }, previous),
    );
    expect(second.createdAt).toBeGreaterThan(first.createdAt);
    expect(await store.due(10)).toEqual([]);
    await store.markApplied(first.id, 'a', { message: 'ok' });
    expect((await store.due(10)).map(r => r.id)).toEqual([second.id]);
  });

  it('retries later and fails for good', async () => {
    const store = await open();
    const { request: r } = await store.accept(target, () =>
      request({ template: 't1' }),
    );
    await store.claim(r.id, 'a', 1000);
    await store.retryLater(r.id, 'a', now + 5000, '503 ServiceUnavailable');
    expect(await store.due(10)).toEqual([]);
    expect(await store.nextDueAt()).toBe(now + 5000);
    now += 5000;
    await store.claim(r.id, 'a', 1000);
    await store.markFailed(r.id, 'a', 'forbidden');
    const failed = await store.get(r.id);
    expect(failed).toMatchObject({ status: 'failed', reason: 'forbidden' });
    expect(failed.history.map(h => h.status)).toEqual([
      'pending',
      'applying',
      'pending',
      'applying',
      'failed',
    ]);
    expect(await store.nextDueAt()).toBeUndefined();
  });

  it('marks applied requests ready once', async () => {
    const store = await open();
    const { request: r } = await store.accept(target, () =>
      request({ template: 't1' }),
    );
    await store.claim(r.id, 'a', 1000);
    await store.markApplied(r.id, 'a', { message: 'ok', generation: 3 });
    const [applied] = await store.applied();
    expect(applied.appliedGeneration).toBe(3);
    expect(await store.markReady(r.id, 'Ready')).toBe(true);
    expect(await store.markReady(r.id, 'Ready')).toBe(false);
    expect(await store.applied()).toEqual([]);
  });
});
