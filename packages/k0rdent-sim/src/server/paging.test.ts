import {
  CD,
  NAMESPACE,
  clusterDeployment,
  rejectionOf,
  startTestSimulator,
  statusOf,
  type TestSimulator,
} from './__testUtils__/simulator';

describe('limit and continue', () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
    for (let i = 0; i < 250; i++) {
      sim.store.create(
        clusterDeployment(`cd-${String(i).padStart(3, '0')}`, {
          labels: { parity: i % 2 ? 'odd' : 'even' },
        }),
      );
    }
  });
  afterAll(() => sim.close());

  async function listAll(options: {
    labelSelector?: string;
    limit: number;
    between?: (page: number) => void;
  }) {
    const names: string[] = [];
    const versions = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page: any = await sim.custom.listNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        limit: options.limit,
        _continue: token,
        labelSelector: options.labelSelector,
      });
      names.push(...page.items.map((i: any) => i.metadata.name));
      versions.add(page.metadata.resourceVersion);
      token = page.metadata.continue;
      pages++;
      options.between?.(pages);
    } while (token);
    return { names, versions, pages };
  }

  it('pages through 250 objects in order with a stable list resourceVersion', async () => {
    const first: any = await sim.custom.listNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      limit: 100,
    });
    expect(first.items).toHaveLength(100);
    expect(first.metadata.remainingItemCount).toBe(150);
    const { names, versions, pages } = await listAll({ limit: 100 });
    expect(pages).toBe(3);
    expect(names).toHaveLength(250);
    expect(names).toEqual([...names].sort());
    expect(versions.size).toBe(1);
  });

  it('pages with a label selector', async () => {
    const { names } = await listAll({ limit: 40, labelSelector: 'parity=odd' });
    expect(names).toHaveLength(125);
    expect(names[0]).toBe('cd-001');
  });

  it('serves later pages from the snapshot of the first one', async () => {
    const { names } = await listAll({
      limit: 100,
      between: page => {
        if (page !== 1) return;
        sim.store.create(clusterDeployment('cd-999'));
        sim.store.delete({
          kind: 'ClusterDeployment',
          namespace: NAMESPACE,
          name: 'cd-200',
        });
      },
    });
    expect(names).toHaveLength(250);
    expect(names).toContain('cd-200');
    expect(names).not.toContain('cd-999');
  });

  it('answers an expired continue token with 410', async () => {
    const first: any = await sim.custom.listNamespacedCustomObject({
      ...CD,
      namespace: NAMESPACE,
      limit: 10,
    });
    sim.store.create(clusterDeployment('cd-newer'));
    sim.server.faults.compact();
    const error = await rejectionOf(
      sim.custom.listNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        limit: 10,
        _continue: first.metadata.continue,
      }),
    );
    expect(error.code).toBe(410);
    expect(statusOf(error)).toMatchObject({
      reason: 'Expired',
      message: expect.stringContaining(
        'The provided continue parameter is too old',
      ),
    });
  });

  it('rejects a malformed continue token with 400', async () => {
    const error = await rejectionOf(
      sim.custom.listNamespacedCustomObject({
        ...CD,
        namespace: NAMESPACE,
        _continue: 'garbage',
      }),
    );
    expect(error.code).toBe(400);
  });
});
