/*
 * k0rdent:service:deploy against a fake backend: both targets, the
 * exactly-one rule, and dry run.
 */
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createServiceDeployAction } from './serviceDeploy';

const services = [
  {
    name: 'ingress-nginx',
    namespace: 'ingress-nginx',
    template: 'ingress-nginx-4-11-0',
    values: { controller: { replicaCount: 2 } },
    dependsOn: [{ name: 'cert-manager', namespace: 'cert-manager' }],
  },
];
const cluster = {
  managementCluster: 'demo',
  namespace: 'team-a',
  name: 'prod-eu',
};
const multiClusterService = {
  managementCluster: 'demo',
  name: 'prod-ingress',
  clusterSelector: { matchLabels: { env: 'prod' } },
};

describe('k0rdent:service:deploy', () => {
  it('adds services to one cluster, keeping its others', async () => {
    const client = new FakeK0rdentApi();
    const action = createServiceDeployAction({ client });
    const { ctx, output } = createMockActionContext({
      input: { cluster, services },
      taskId: 't3',
    });

    await action.handler(ctx);

    expect(client.writes.map(w => [w.method, ...w.args])).toEqual([
      [
        'updateClusterServices',
        cluster,
        {
          services,
          mode: 'merge',
          idempotencyKey:
            't3:k0rdent:service:deploy:cluster:demo/team-a/prod-eu',
          taskId: 't3',
        },
      ],
    ]);
    expect(output).toHaveBeenCalledWith('objectRef', 'demo/team-a/prod-eu');
    expect(output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it("replaces a cluster's services when asked to", async () => {
    const client = new FakeK0rdentApi();
    const action = createServiceDeployAction({ client });
    const { ctx } = createMockActionContext({
      input: { cluster, services, replace: true },
      taskId: 't4',
    });
    await action.handler(ctx);
    expect(client.writes[0].args[1]).toMatchObject({ mode: 'replace' });
  });

  it('applies a MultiClusterService', async () => {
    const client = new FakeK0rdentApi();
    const action = createServiceDeployAction({ client });
    const { ctx, output } = createMockActionContext({
      input: {
        multiClusterService,
        services: [{ ...services[0], values: 'a: 1\n' }],
      },
      taskId: 't3',
    });

    await action.handler(ctx);

    expect(client.writes.map(w => [w.method, ...w.args])).toEqual([
      [
        'applyMultiClusterService',
        {
          ...multiClusterService,
          services: [{ ...services[0], values: 'a: 1\n' }],
          idempotencyKey:
            't3:k0rdent:service:deploy:multiClusterService:demo/prod-ingress',
          taskId: 't3',
        },
      ],
    ]);
    expect(output).toHaveBeenCalledWith('objectRef', 'demo/prod-ingress');
  });

  it.each([
    ['neither', { services }],
    ['both', { cluster, multiClusterService, services }],
  ])('refuses %s target, naming the fields', async (_, input) => {
    const client = new FakeK0rdentApi();
    const action = createServiceDeployAction({ client });

    await expect(
      action.handler(createMockActionContext({ input }).ctx),
    ).rejects.toThrow(
      'cluster, multiClusterService: give exactly one of the two',
    );
    expect(client.calls).toHaveLength(0);
  });

  it('names a bad service field', async () => {
    const client = new FakeK0rdentApi();
    const action = createServiceDeployAction({ client });
    const input = { cluster, services: [{ name: 'x' }] };

    await expect(
      action.handler(createMockActionContext({ input }).ctx),
    ).rejects.toThrow('services.0.template: Required');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const client = new FakeK0rdentApi();
    const action = createServiceDeployAction({ client });
    const { ctx, output, checkpoints } = createMockActionContext({
      input: { multiClusterService, services },
      isDryRun: true,
    });

    await action.handler(ctx);

    expect(client.calls.map(c => c.options.dryRun)).toEqual([true]);
    expect(checkpoints.size).toBe(0);
    expect(output).toHaveBeenCalledWith('manifest', expect.any(Object));
    expect(output).not.toHaveBeenCalledWith('requestId', expect.anything());
  });
});
