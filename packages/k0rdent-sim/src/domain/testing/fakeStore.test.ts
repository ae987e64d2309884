import { FakeStore } from './fakeStore';

const cd = (spec: Record<string, unknown> = { template: 't' }) => ({
  apiVersion: 'k0rdent.mirantis.com/v1beta1',
  kind: 'ClusterDeployment',
  metadata: { name: 'c', namespace: 'ns' },
  spec,
});
const key = { kind: 'ClusterDeployment', namespace: 'ns', name: 'c' };

describe('FakeStore (test helper)', () => {
  it('assigns identity, bumps generation on spec changes only and keeps status on update', () => {
    const store = new FakeStore(() => 0);
    const created = store.create(cd());
    expect(created.metadata).toMatchObject({
      uid: 'uid-1',
      generation: 1,
      creationTimestamp: '1970-01-01T00:00:00Z',
    });
    store.updateStatus(key, () => ({ phase: 'x' }));
    const relabelled = store.update({
      ...store.get(key)!,
      metadata: { ...store.get(key)!.metadata, labels: { a: 'b' } },
    });
    expect(relabelled.metadata.generation).toBe(1);
    expect(relabelled.status).toEqual({ phase: 'x' });
    expect(
      store.update({ ...relabelled, spec: { template: 'u' } }).metadata
        .generation,
    ).toBe(2);
    expect(() =>
      store.update({ ...relabelled, spec: { template: 'v' } }),
    ).toThrow(/has been modified/);
  });

  it('holds objects with finalizers until the last one is removed', () => {
    const store = new FakeStore(() => 0);
    store.create({
      ...cd(),
      metadata: { ...cd().metadata, finalizers: ['f'] },
    });
    const deleting = store.delete(key)!;
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    expect(store.get(key)).toBeDefined();
    store.update({
      ...deleting,
      metadata: { ...deleting.metadata, finalizers: [] },
    });
    expect(store.get(key)).toBeUndefined();
    expect(store.events.map(e => e.type)).toEqual([
      'ADDED',
      'MODIFIED',
      'DELETED',
    ]);
  });
});
