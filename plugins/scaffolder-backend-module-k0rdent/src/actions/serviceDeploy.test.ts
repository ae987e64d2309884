/*
 * k0rdent:service:deploy against a fake backend: both targets, the
 * exactly-one rule, and dry run.
 */
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createCheckpointStore } from '../__testUtils__/checkpointStore';
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

// The actions are typed as TemplateAction<any, any>: their handlers' input
// type is the parsed schema (defaults filled in), but the handlers parse
// ctx.input themselves and these tests give them raw template input, some of
// it invalid on purpose.
describe('k0rdent:service:deploy', () => {
  it('adds services to one cluster, keeping its others', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createServiceDeployAction({
      client,
    });
    const ctx = createMockActionContext({
      input: { cluster, services },
      task: { id: 't3' },
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
    expect(ctx.output).toHaveBeenCalledWith('objectRef', 'demo/team-a/prod-eu');
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it("replaces a cluster's services when asked to", async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createServiceDeployAction({
      client,
    });
    const ctx = createMockActionContext({
      input: { cluster, services, replace: true },
      task: { id: 't4' },
    });
    await action.handler(ctx);
    expect(client.writes[0].args[1]).toMatchObject({ mode: 'replace' });
  });

  it('applies a MultiClusterService', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createServiceDeployAction({
      client,
    });
    const ctx = createMockActionContext({
      input: {
        multiClusterService,
        services: [{ ...services[0], values: 'a: 1\n' }],
      },
      task: { id: 't3' },
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
    expect(ctx.output).toHaveBeenCalledWith('objectRef', 'demo/prod-ingress');
  });

  it.each([
    ['neither', { services }],
    ['both', { cluster, multiClusterService, services }],
  ])('refuses %s target, naming the fields', async (_, input) => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createServiceDeployAction({
      client,
    });

    await expect(
      action.handler(createMockActionContext({ input })),
    ).rejects.toThrow(
      'cluster, multiClusterService: give exactly one of the two',
    );
    expect(client.calls).toHaveLength(0);
  });

  it('names a bad service field', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createServiceDeployAction({
      client,
    });
    const input = { cluster, services: [{ name: 'x' }] };

    await expect(
      action.handler(createMockActionContext({ input })),
    ).rejects.toThrow('services.0.template: Required');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createServiceDeployAction({
      client,
    });
    const { checkpoints, checkpoint } = createCheckpointStore();
    // createMockActionContext ignores isDryRun and checkpoint in its options.
    const ctx = {
      ...createMockActionContext({ input: { multiClusterService, services } }),
      isDryRun: true,
      checkpoint,
    };

    await action.handler(ctx);

    expect(client.calls.map(c => c.options.dryRun)).toEqual([true]);
    expect(checkpoints.size).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith('manifest', expect.any(Object));
    expect(ctx.output).not.toHaveBeenCalledWith('requestId', expect.anything());
  });
});
