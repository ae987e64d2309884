/*
 * The reconciler against the simulated management cluster over HTTPS and a real
 * database (SQLite, and PostgreSQL when the test script provides one): requests
 * are applied exactly once in effect through worker crashes, two replicas and
 * API-server faults, and permanent errors stop at once with the reason.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  OBJECT_ANNOTATIONS,
  type ClusterTemplate,
  type DesiredStateTarget,
  type KubeObject,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  K0rdentFleet,
  changedManifest,
  clusterDeploymentManifest,
  OWN_ANNOTATIONS_FIELD,
  stampManifest,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  k0rdentTestDatabaseIds,
  managementClustersConfig,
} from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import {
  DesiredStateStore,
  type StoredRequest,
} from '../requests/DesiredStateStore';
import { Reconciler, type ReconcilerHooks } from './Reconciler';
import type { ReconcilerSettings } from './readReconcilerSettings';
import { eventually } from '../__testUtils__/eventually';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: k0rdentTestDatabaseIds() });

const NS = 'team-payments';
const TEMPLATE = 'aws-standalone-cp-1-0-43';
const CREDENTIAL = 'aws-payments-cred';
const USER = 'user:default/jane';

const SETTINGS: ReconcilerSettings = {
  intervalMs: 60_000,
  leaseMs: 1_500,
  backoffInitialMs: 50,
  backoffMaxMs: 400,
  concurrency: 4,
};

let sim: Simulator;
let fleet: K0rdentFleet;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', provisioningMillis: 300 });
  fleet = await K0rdentFleet.fromConfig(
    new ConfigReader({
      k0rdent: {
        managementClusters: managementClustersConfig({ sim }),
      },
    }),
    { logger: mockServices.logger.mock() },
  );
  fleet.start();
  await fleet.waitForSync({ timeoutMs: 30_000 });
});

afterAll(async () => {
  await fleet?.stop();
  await sim?.stop();
});

afterEach(() => sim.faults.reset());

function reconciler(
  store: DesiredStateStore,
  workerId: string,
  hooks?: ReconcilerHooks,
) {
  return new Reconciler({
    store,
    fleet,
    logger: mockServices.logger.mock(),
    settings: SETTINGS,
    workerId,
    hooks,
  });
}

function target(name: string): DesiredStateTarget {
  return {
    managementCluster: 'sim',
    kind: 'ClusterDeployment',
    namespace: NS,
    name,
  };
}

function defaults(): Record<string, any> {
  const template = fleet
    .get('sim')
    .get('ClusterTemplate', NS, TEMPLATE) as ClusterTemplate;
  // The chart defaults leave region and instance types empty, which its
  // schema refuses.
  const config = structuredClone(template.status!.config!) as Record<
    string,
    any
  >;
  config.region = 'us-east-1';
  config.controlPlane = { ...config.controlPlane, instanceType: 't3.large' };
  config.worker = { ...config.worker, instanceType: 't3.large' };
  return config;
}

async function acceptCreate(
  store: DesiredStateStore,
  name: string,
  config: Record<string, any> = defaults(),
): Promise<StoredRequest> {
  const manifest = clusterDeploymentManifest({
    namespace: NS,
    name,
    template: TEMPLATE,
    credential: CREDENTIAL,
    config,
  });
  const { request } = await store.accept(target(name), (_previous, id) => ({
    action: 'create',
    manifest: stampManifest(manifest, {
      requestId: id,
      requestedBy: USER,
      owner: 'group:default/payments',
    }),
    forceFields: [OWN_ANNOTATIONS_FIELD],
    requestedBy: USER,
  }));
  return request;
}

function stored(name: string): KubeObject | undefined {
  return sim.store.get({ kind: 'ClusterDeployment', namespace: NS, name });
}

function statuses(request: { history: Array<{ status: string }> }) {
  return request.history.map(h => h.status);
}

let counter = 0;
function uniqueName(prefix: string) {
  counter += 1;
  return `${prefix}-${counter}-${Date.now().toString(36)}`;
}

describe.each(databases.eachSupportedId())('Reconciler on %s', databaseId => {
  async function openDatabase() {
    const knex = await databases.init(databaseId);
    await DesiredStateStore.migrate(knex);
    return knex;
  }

  async function openStore() {
    return new DesiredStateStore(await openDatabase());
  }

  it('applies a create with our field manager and stamp, then sees the cluster to Ready', async () => {
    const store = await openStore();
    const name = uniqueName('rc-create');
    const request = await acceptCreate(store, name);
    const worker = reconciler(store, 'w1');
    await worker.run();

    const object = stored(name)!;
    expect(object.metadata.annotations).toMatchObject({
      [OBJECT_ANNOTATIONS.requestId]: request.id,
      [OBJECT_ANNOTATIONS.requestedBy]: USER,
      [OBJECT_ANNOTATIONS.owner]: 'group:default/payments',
    });
    expect(
      object.metadata.managedFields?.map(f => `${f.manager}/${f.operation}`),
    ).toContain('backstage-k0rdent/Apply');
    expect((await store.get(request.id)).status).toBe('applied');

    const ready = await eventually('the request to be ready', async () => {
      await worker.run();
      const r = await store.get(request.id);
      return r.status === 'ready' && r;
    });
    expect(statuses(ready)).toEqual([
      'pending',
      'applying',
      'applied',
      'ready',
    ]);
    await worker.stop();
  });

  it('finishes the work of a worker that died after applying, without a second change', async () => {
    const store = await openStore();
    const name = uniqueName('rc-crash');
    const request = await acceptCreate(store, name);
    let release!: () => void;
    const stuck = new Promise<void>(resolve => {
      release = resolve;
    });
    // Worker a applies, then hangs before recording the outcome: from the
    // database's point of view it died holding the lease.
    const a = reconciler(store, 'a', { afterApply: () => stuck });
    const aRun = a.run();
    const applied = await eventually('worker a to apply', () => stored(name));
    const specAfterA = structuredClone(applied.spec);

    // A restarted backend (worker b) takes the request once the lease ended.
    const b = reconciler(store, 'b');
    await eventually('worker b to take over', async () => {
      await b.run();
      return ['applied', 'ready'].includes(
        (await store.get(request.id)).status,
      );
    });
    release();
    await aRun;

    const after = stored(name)!;
    expect(after.metadata.generation).toBe(1);
    expect(after.spec).toEqual(specAfterA);
    const done = await store.get(request.id);
    expect(done.attempts).toBe(2);
    expect(statuses(done).filter(s => s === 'applied')).toHaveLength(1);
    await a.stop();
    await b.stop();
  });

  it('shares the work of two replicas so that each request is applied once', async () => {
    // Two stores over one database (a connection pool: on PostgreSQL the
    // replicas' statements really run side by side).
    const knex = await openDatabase();
    const store = new DesiredStateStore(knex);
    const storeB = new DesiredStateStore(knex);
    const names = Array.from({ length: 12 }, () => uniqueName('rc-pair'));
    const requests = [];
    for (const name of names) requests.push(await acceptCreate(store, name));
    const a = reconciler(store, 'replica-a');
    const b = reconciler(storeB, 'replica-b');

    await Promise.all([a.run(), b.run(), a.run(), b.run()]);

    const done = await Promise.all(requests.map(r => store.get(r.id)));
    expect(done.map(r => r.attempts)).toEqual(names.map(() => 1));
    for (const r of done) {
      // ready too, if the simulated cluster was quick enough
      expect(statuses(r).slice(0, 3)).toEqual([
        'pending',
        'applying',
        'applied',
      ]);
      expect(statuses(r).filter(s => s === 'applied')).toHaveLength(1);
    }
    for (const name of names) expect(stored(name)?.metadata.generation).toBe(1);
    const workers = new Set(
      done.map(r => r.history[1].message?.replace(/.*worker (.*)\)$/, '$1')),
    );
    expect(
      [...workers].every(w => w === 'replica-a' || w === 'replica-b'),
    ).toBe(true);
    await a.stop();
    await b.stop();
  });

  it('retries with back-off while the API server fails, then applies', async () => {
    const store = await openStore();
    const name = uniqueName('rc-faults');
    const request = await acceptCreate(store, name);
    sim.faults.failNext(3, {
      status: 503,
      match: {
        path: `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${NS}/clusterdeployments/${name}`,
      },
    });
    const worker = reconciler(store, 'w1');
    const done = await eventually('the request to be applied', async () => {
      await worker.run();
      const r = await store.get(request.id);
      return ['applied', 'ready'].includes(r.status) && r;
    });
    expect(done.attempts).toBe(4);
    expect(statuses(done)).toEqual([
      'pending',
      'applying',
      'pending',
      'applying',
      'pending',
      'applying',
      'pending',
      'applying',
      'applied',
      ...(done.status === 'ready' ? ['ready'] : []),
    ]);
    expect(done.history[2].message).toMatch(/503.*retrying in \d+ s/);
    expect(stored(name)?.metadata.generation).toBe(1);
    await worker.stop();
  });

  it('stops at once with the reason on a permanent error', async () => {
    const store = await openStore();
    const name = uniqueName('rc-bad');
    const manifest = clusterDeploymentManifest({
      namespace: NS,
      name,
      template: TEMPLATE,
      credential: 'no-such-credential',
      config: defaults(),
    });
    const { request } = await store.accept(target(name), (_p, id) => ({
      action: 'create',
      manifest: stampManifest(manifest, { requestId: id, requestedBy: USER }),
      forceFields: [],
      requestedBy: USER,
    }));
    const worker = reconciler(store, 'w1');
    await worker.run();
    const failed = await store.get(request.id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.reason).toContain('no-such-credential');
    expect(stored(name)).toBeUndefined();
    await worker.stop();
  });

  it('refuses to take over a cluster it did not create', async () => {
    const store = await openStore();
    const name = uniqueName('rc-taken');
    await fleet.client('sim').apply(
      clusterDeploymentManifest({
        namespace: NS,
        name,
        template: TEMPLATE,
        credential: CREDENTIAL,
        config: defaults(),
      }),
      { fieldManager: 'kubectl' },
    );
    const request = await acceptCreate(store, name);
    const worker = reconciler(store, 'w1');
    await worker.run();
    const failed = await store.get(request.id);
    expect(failed.status).toBe('failed');
    expect(failed.reason).toMatch(
      /already exists and was not created by this request/,
    );
    await worker.stop();
  });

  it('upgrades a cluster someone else created, taking over only its template', async () => {
    const store = await openStore();
    const sandbox: DesiredStateTarget = {
      managementCluster: 'sim',
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'sandbox-aws',
    };
    const before = sim.store.get(sandbox)!;
    const { request } = await store.accept(sandbox, (previous, id) => ({
      action: 'upgrade',
      manifest: stampManifest(
        changedManifest(previous?.manifest, sandbox, spec => ({
          ...spec,
          template: 'aws-standalone-cp-1-0-43',
        })),
        { requestId: id, requestedBy: USER },
      ),
      forceFields: [OWN_ANNOTATIONS_FIELD, '.spec.template'],
      requestedBy: USER,
    }));
    const worker = reconciler(store, 'w1');
    await worker.run();
    const upgraded = await store.get(request.id);
    expect(['applied', 'ready']).toContain(upgraded.status);
    const after = sim.store.get(sandbox)!;
    expect((after.spec as any).template).toBe('aws-standalone-cp-1-0-43');
    expect((after.spec as any).config).toEqual((before.spec as any).config);
    expect(after.metadata.labels).toEqual(before.metadata.labels);
    expect(after.metadata.finalizers).toEqual(before.metadata.finalizers);
    const ours = after.metadata.managedFields?.find(
      f => f.manager === 'backstage-k0rdent',
    );
    expect(JSON.stringify(ours?.fieldsV1)).toContain('"f:template"');
    expect(JSON.stringify(ours?.fieldsV1)).not.toContain('"f:config"');
    await worker.stop();
  });

  it('forces only the fields the user asked to change', async () => {
    const store = await openStore();
    const name = uniqueName('rc-conflict');
    const create = await acceptCreate(store, name);
    const worker = reconciler(store, 'w1');
    await worker.run();
    expect((await store.get(create.id)).status).toBe('applied');

    // Someone else takes over one config value with kubectl.
    await fleet.client('sim').apply(
      {
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        metadata: { name, namespace: NS },
        spec: { config: { workersNumber: 7 } },
      },
      { fieldManager: 'kubectl', force: true },
    );

    // A change of services re-applies our whole desired state, including the
    // old workersNumber: that conflict is not the user's to force.
    const { request: services } = await store.accept(
      target(name),
      (previous, id) => ({
        action: 'update-services',
        manifest: stampManifest(
          changedManifest(previous?.manifest, target(name), spec => ({
            ...spec,
            serviceSpec: { services: [] },
          })),
          { requestId: id, requestedBy: USER },
        ),
        forceFields: [OWN_ANNOTATIONS_FIELD, '.spec.serviceSpec.services'],
        requestedBy: USER,
      }),
    );
    await worker.run();
    const refused = await store.get(services.id);
    expect(refused.status).toBe('failed');
    expect(refused.reason).toMatch(/not forced.*kubectl/s);
    expect((stored(name)!.spec as any).config.workersNumber).toBe(7);
    await worker.stop();
  });
});
