import { SimApiError } from '../errors';
import { MemoryObjectStore } from './memoryStore';
import type { KubeObject, StoreEvent } from './types';

const CD = 'k0rdent.mirantis.com/v1beta1';

function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

function cd(
  name: string,
  extra: Partial<KubeObject> = {},
  ns = 'kcm-system',
): KubeObject {
  return {
    apiVersion: CD,
    kind: 'ClusterDeployment',
    metadata: { name, namespace: ns },
    spec: { template: 't1' },
    ...extra,
  };
}

function errorOf(action: () => unknown): SimApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof SimApiError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('MemoryObjectStore', () => {
  let store: MemoryObjectStore;
  let events: StoreEvent[];

  beforeEach(() => {
    store = new MemoryObjectStore();
    store.create(namespace('kcm-system'));
    events = [];
    store.subscribe(event => events.push(event));
  });

  it('assigns uid, creationTimestamp, generation and increasing resourceVersions', () => {
    const a = store.create(cd('a'));
    const b = store.create(cd('b'));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect(a.metadata.generation).toBe(1);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(
      Number(a.metadata.resourceVersion),
    );
    expect(store.currentResourceVersion).toBe(
      Number(b.metadata.resourceVersion),
    );
    expect(events.map(e => e.type)).toEqual(['ADDED', 'ADDED']);
  });

  it('hands out copies: changing them does not change the store', () => {
    const created = store.create(cd('a'));
    created.spec = { template: 'changed' };
    const got = store.get({
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'a',
    })!;
    expect(got.spec).toEqual({ template: 't1' });
    got.spec = { template: 'changed' };
    expect(store.list('ClusterDeployment')[0].spec).toEqual({ template: 't1' });
  });

  it('rejects duplicates, missing namespaces and bad names with API errors', () => {
    store.create(cd('a'));
    const duplicate = errorOf(() => store.create(cd('a')));
    expect(duplicate.code).toBe(409);
    expect(duplicate.reason).toBe('AlreadyExists');
    expect(duplicate.message).toBe(
      'clusterdeployments.k0rdent.mirantis.com "a" already exists',
    );

    const missing = errorOf(() => store.create(cd('a', {}, 'nowhere')));
    expect(missing.code).toBe(404);
    expect(missing.message).toBe('namespaces "nowhere" not found');

    const bad = errorOf(() => store.create(cd('Bad_Name')));
    expect(bad.code).toBe(422);
    expect(bad.message).toMatch(
      /^ClusterDeployment.k0rdent.mirantis.com "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
  });

  it('keeps a given creationTimestamp on store creates (seeds)', () => {
    const old = store.create(
      cd('old', {
        metadata: {
          name: 'old',
          namespace: 'kcm-system',
          creationTimestamp: '2024-01-01T00:00:00Z',
        },
      }),
    );
    expect(old.metadata.creationTimestamp).toBe('2024-01-01T00:00:00Z');
    const api = store.prepareCreate(
      cd('api', {
        metadata: {
          name: 'api',
          namespace: 'kcm-system',
          creationTimestamp: '2024-01-01T00:00:00Z',
        },
      }),
    );
    expect(api.metadata.creationTimestamp).not.toBe('2024-01-01T00:00:00Z');
  });

  it('keeps a seeded deletionTimestamp on load, never on create', () => {
    const deleting = (name: string) =>
      cd(name, {
        metadata: {
          name,
          namespace: 'kcm-system',
          finalizers: ['k0rdent.mirantis.com/cleanup'],
          deletionTimestamp: '2024-01-01T00:00:00Z',
        },
      });
    store.load([deleting('seeded')]);
    const key = (name: string) => ({
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name,
    });
    expect(store.get(key('seeded'))!.metadata.deletionTimestamp).toBe(
      '2024-01-01T00:00:00Z',
    );
    // Already being deleted: deleting again changes nothing, the finalizer still holds it.
    expect(store.delete(key('seeded'))!.metadata.deletionTimestamp).toBe(
      '2024-01-01T00:00:00Z',
    );
    const seeded = store.get(key('seeded'))!;
    store.update({
      ...seeded,
      metadata: { ...seeded.metadata, finalizers: [] },
    });
    expect(store.get(key('seeded'))).toBeUndefined();

    // Creates by controllers and over the API ignore it, as the API server does.
    expect(
      store.create(deleting('created')).metadata.deletionTimestamp,
    ).toBeUndefined();
    expect(
      store.prepareCreate(deleting('api'), { dropStatus: true }).metadata
        .deletionTimestamp,
    ).toBeUndefined();
  });

  it('generates names from generateName', () => {
    const created = store.create({
      ...cd(''),
      metadata: { name: '', generateName: 'auto-', namespace: 'kcm-system' },
    });
    expect(created.metadata.name).toMatch(
      /^auto-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
  });

  it('bumps generation on spec changes only, and keeps status on main-resource updates', () => {
    const created = store.create(
      cd('a', { status: { phase: 'Provisioning' } }),
    );
    expect(created.status).toEqual({ phase: 'Provisioning' });

    const labelled = store.update({
      ...created,
      metadata: { ...created.metadata, labels: { a: 'b' } },
      status: { phase: 'ignored' },
    });
    expect(labelled.metadata.generation).toBe(1);
    expect(labelled.status).toEqual({ phase: 'Provisioning' });

    const respecced = store.update({ ...labelled, spec: { template: 't2' } });
    expect(respecced.metadata.generation).toBe(2);

    const statused = store.updateStatus(
      { kind: 'ClusterDeployment', namespace: 'kcm-system', name: 'a' },
      status => ({ ...status, phase: 'Ready' }),
    );
    expect(statused.status).toEqual({ phase: 'Ready' });
    expect(statused.metadata.generation).toBe(2);
    expect(statused.spec).toEqual({ template: 't2' });
  });

  it('bumps generation on any non-metadata change for kinds without a status subresource', () => {
    const secret = store.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'kcm-system' },
      data: { a: 'YQ==' },
    });
    const changed = store.update({ ...secret, data: { a: 'Yg==' } });
    expect(changed.metadata.generation).toBe(2);
  });

  it('merges Secret stringData into data', () => {
    const secret = store.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'kcm-system' },
      data: { a: 'YQ==' },
      stringData: { b: 'b' },
    });
    expect(secret.data).toEqual({ a: 'YQ==', b: 'Yg==' });
    expect(secret.stringData).toBeUndefined();
    const updated = store.update({ ...secret, stringData: { a: 'z' } });
    expect(updated.data).toEqual({ a: 'eg==', b: 'Yg==' });
  });

  it('enforces optimistic concurrency and skips no-op writes', () => {
    const created = store.create(cd('a'));
    const updated = store.update({ ...created, spec: { template: 't2' } });
    const stale = errorOf(() =>
      store.update({ ...created, spec: { template: 't3' } }),
    );
    expect(stale.code).toBe(409);
    expect(stale.message).toBe(
      'Operation cannot be fulfilled on clusterdeployments.k0rdent.mirantis.com "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    const before = store.currentResourceVersion;
    const same = store.update(updated);
    expect(same.metadata.resourceVersion).toBe(
      updated.metadata.resourceVersion,
    );
    expect(store.currentResourceVersion).toBe(before);
  });

  it('deletes with finalizers in two steps', () => {
    const key = {
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'a',
    };
    store.create(
      cd('a', {
        metadata: {
          name: 'a',
          namespace: 'kcm-system',
          finalizers: ['k0rdent.mirantis.com/cleanup'],
        },
      }),
    );
    const marked = store.delete(key)!;
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(marked.metadata.generation).toBe(2);
    expect(events.at(-1)!.type).toBe('MODIFIED');

    const adding = errorOf(() =>
      store.update({
        ...marked,
        metadata: {
          ...marked.metadata,
          finalizers: ['k0rdent.mirantis.com/cleanup', 'new'],
        },
      }),
    );
    expect(adding.code).toBe(422);
    expect(adding.message).toContain(
      'no new finalizers can be added if the object is being deleted',
    );

    store.update({
      ...marked,
      metadata: { ...marked.metadata, finalizers: [] },
    });
    expect(store.get(key)).toBeUndefined();
    expect(events.at(-1)!.type).toBe('DELETED');
  });

  it('deletes a namespace with its contents, waiting for finalizers', () => {
    store.create(namespace('team'));
    store.create(cd('plain', {}, 'team'));
    store.create(
      cd(
        'held',
        { metadata: { name: 'held', namespace: 'team', finalizers: ['hold'] } },
        'team',
      ),
    );
    store.delete({ kind: 'Namespace', name: 'team' });
    const terminating = store.get({ kind: 'Namespace', name: 'team' })!;
    expect(terminating.status).toEqual({ phase: 'Terminating' });
    expect(
      store
        .list('ClusterDeployment', { namespace: 'team' })
        .map(o => o.metadata.name),
    ).toEqual(['held']);

    const refused = errorOf(() => store.create(cd('late', {}, 'team')));
    expect(refused.code).toBe(403);
    expect(refused.message).toContain(
      'unable to create new content in namespace team because it is being terminated',
    );

    const held = store.get({
      kind: 'ClusterDeployment',
      namespace: 'team',
      name: 'held',
    })!;
    store.update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(store.get({ kind: 'Namespace', name: 'team' })).toBeUndefined();
  });

  it('garbage-collects dependents whose owners are gone', () => {
    const owner = store.create(cd('owner'));
    const reference = {
      apiVersion: CD,
      kind: 'ClusterDeployment',
      name: 'owner',
      uid: owner.metadata.uid,
    };
    store.create({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'child',
        namespace: 'kcm-system',
        ownerReferences: [reference],
      },
    });
    store.delete({
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'owner',
    });
    expect(
      store.get({ kind: 'Secret', namespace: 'kcm-system', name: 'child' }),
    ).toBeUndefined();
  });

  it('delivers events in resourceVersion order even when a listener writes', () => {
    const seen: string[] = [];
    store.subscribe(event => {
      seen.push(
        `${event.type} ${event.object.metadata.name} ${event.object.metadata.resourceVersion}`,
      );
      if (event.type === 'ADDED' && event.object.metadata.name === 'a')
        store.create(cd('b'));
    });
    const other: string[] = [];
    store.subscribe(event =>
      other.push(event.object.metadata.resourceVersion!),
    );
    store.create(cd('a'));
    expect(seen.map(line => line.split(' ')[1])).toEqual(['a', 'b']);
    expect(other).toEqual([...other].sort((x, y) => Number(x) - Number(y)));
  });

  it('keeps a bounded history and answers 410 before it', () => {
    const small = new MemoryObjectStore({ historySize: 3 });
    small.create(namespace('ns'));
    for (let i = 0; i < 5; i++) small.create(cd(`o${i}`, {}, 'ns'));
    expect(small.eventsSince(3).map(e => e.object.metadata.name)).toEqual([
      'o2',
      'o3',
      'o4',
    ]);
    const tooOld = errorOf(() => small.eventsSince(1));
    expect(tooOld.code).toBe(410);
    expect(tooOld.reason).toBe('Expired');
    expect(tooOld.message).toBe('too old resource version: 1 (3)');
    small.compact();
    expect(errorOf(() => small.eventsSince(5)).code).toBe(410);
    expect(small.eventsSince(6)).toEqual([]);
  });

  it('rebuilds past snapshots for consistent paging', () => {
    store.create(cd('a'));
    store.create(cd('b'));
    const listVersion = store.currentResourceVersion;
    store.create(cd('c'));
    store.delete({
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'a',
    });
    const b = store.get({
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'b',
    })!;
    store.update({ ...b, spec: { template: 'changed' } });
    const past = store.scanAt('ClusterDeployment', listVersion, 'kcm-system');
    expect(
      past.map(o => [
        o.metadata.name,
        (o.spec as { template: string }).template,
      ]),
    ).toEqual([
      ['a', 't1'],
      ['b', 't1'],
    ]);
  });

  it('lists by namespace and label selector, in namespace/name order', () => {
    store.create(namespace('a-team'));
    store.create(
      cd('z', {
        metadata: {
          name: 'z',
          namespace: 'kcm-system',
          labels: { env: 'prod' },
        },
      }),
    );
    store.create(
      cd('y', {
        metadata: {
          name: 'y',
          namespace: 'kcm-system',
          labels: { env: 'dev' },
        },
      }),
    );
    store.create(cd('x', {}, 'a-team'));
    expect(store.list('ClusterDeployment').map(o => o.metadata.name)).toEqual([
      'x',
      'y',
      'z',
    ]);
    expect(
      store
        .list('ClusterDeployment', { namespace: 'kcm-system' })
        .map(o => o.metadata.name),
    ).toEqual(['y', 'z']);
    expect(
      store
        .list('ClusterDeployment', { labelSelector: 'env in (prod)' })
        .map(o => o.metadata.name),
    ).toEqual(['z']);
  });

  it('holds 10,000 objects and scans them quickly', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++)
      store.create(cd(`cluster-${String(i).padStart(5, '0')}`));
    const created = performance.now();
    const scanned = store.scan('ClusterDeployment');
    const done = performance.now();
    expect(scanned).toHaveLength(10_000);
    expect(created - started).toBeLessThan(5000);
    expect(done - created).toBeLessThan(200);
  });
});
