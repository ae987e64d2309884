/*
 * The module in a real catalog backend, reading a simulated management cluster
 * over HTTP: what a portal user sees through the catalog API.
 */
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import { startCatalogOnSimulator } from './__testUtils__/catalogBackend';

// Each test waits up to 20 s for the catalog; the default 5 s is too short on a busy machine.
jest.setTimeout(120_000);

const STATUS = 'backstage.k0rdent.io/status';
const CLUSTERS = 'kind=resource,spec.type=kubernetes-cluster';

describe('the k0rdent catalog module against a simulated management cluster', () => {
  let simulator: Simulator;
  let other: Simulator;
  let baseUrl: string;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioningMillis: 500 });
    other = await startSimulator({ seed: 'empty', clusters: 5 });
    const backend = await startCatalogOnSimulator(simulator, {
      others: { other },
      fleet: { backoff: { initialDelay: '100ms', maxDelay: '500ms' } },
    });
    baseUrl = backend.baseUrl;
    stopBackend = backend.stop;
  });

  afterAll(async () => {
    simulator.faults.reset();
    await stopBackend?.();
    await simulator.stop();
    await other.stop();
  });

  async function clusters(): Promise<any[]> {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-query?filter=${CLUSTERS}&limit=1000`,
    );
    return response.ok ? ((await response.json()) as any).items : [];
  }

  async function eventually<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (!done(value) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 200));
      value = await read();
    }
    return value;
  }

  const managedBy = (items: any[], cluster: string) =>
    items.filter(
      e =>
        e.metadata.annotations['backstage.k0rdent.io/management-cluster'] ===
        cluster,
    );

  const byTitle = (items: any[], title: string) =>
    items.find(e => e.metadata.title === title);

  it('puts the demo fleet into the catalog with owners and relations', async () => {
    const items = await eventually(clusters, list => list.length >= 35);
    const payments = byTitle(items, 'payments-aws-prod');
    expect(payments.spec.owner).toBe('group:default/payments');
    expect(payments.metadata.labels[STATUS]).toBe('Ready');
    expect(
      payments.relations
        .filter((r: any) => r.type === 'dependsOn')
        .map((r: any) => r.targetRef),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/clustertmpl_kcm-system_aws-standalone-cp/),
        expect.stringMatching(/cred_kcm-system_aws-payments-cred/),
      ]),
    );
  });

  it('follows a label change on the management cluster within seconds', async () => {
    await eventually(clusters, list => list.length >= 30);
    const key = {
      kind: 'ClusterDeployment',
      namespace: 'team-payments',
      name: 'payments-aws-dev',
    };
    const object = simulator.store.get(key)!;
    simulator.store.update({
      ...object,
      metadata: {
        ...object.metadata,
        resourceVersion: undefined,
        labels: {
          ...object.metadata.labels,
          'k0rdent.mirantis.com/kof-tenant-id': 'payments-eu',
        },
      },
    });
    const items = await eventually(
      clusters,
      list =>
        byTitle(list, 'payments-aws-dev')?.metadata.labels[
          'backstage.k0rdent.io/tenant'
        ] === 'payments-eu',
      10_000,
    );
    expect(byTitle(items, 'payments-aws-dev').spec.system).toMatch(
      /tenant_payments-eu$/,
    );
  });

  it('keeps every entity, marked Stale, while a management cluster is down, leaves the other alone, and removes only what is really gone once it answers', async () => {
    const before = await eventually(
      clusters,
      list =>
        managedBy(list, 'sim').length >= 30 &&
        managedBy(list, 'other').length === 5,
    );
    simulator.faults.failNext(100_000, { status: 503 });
    simulator.faults.dropWatches();
    simulator.store.delete({
      kind: 'ClusterDeployment',
      namespace: 'kcm-system',
      name: 'sandbox-aws',
    });

    const during = await eventually(clusters, list =>
      managedBy(list, 'sim').every(e => e.metadata.labels[STATUS] === 'Stale'),
    );
    expect(during.length).toBe(before.length);
    expect(
      managedBy(during, 'sim').every(
        e => e.metadata.labels[STATUS] === 'Stale',
      ),
    ).toBe(true);
    // The other management cluster is not touched: all there, none stale.
    const others = managedBy(during, 'other');
    expect(others).toHaveLength(5);
    expect(others.filter(e => e.metadata.labels[STATUS] === 'Stale')).toEqual(
      [],
    );
    expect(
      byTitle(during, 'sandbox-aws').metadata.annotations[
        'backstage.k0rdent.io/stale-since'
      ],
    ).toBeDefined();

    simulator.faults.reset();
    const after = await eventually(
      clusters,
      list =>
        !byTitle(list, 'sandbox-aws') &&
        managedBy(list, 'sim').every(
          e => e.metadata.labels[STATUS] !== 'Stale',
        ),
      30_000,
    );
    expect(byTitle(after, 'sandbox-aws')).toBeUndefined();
    expect(after.length).toBe(before.length - 1);
    expect(byTitle(after, 'payments-aws-prod').metadata.labels[STATUS]).toBe(
      'Ready',
    );
  });
});
