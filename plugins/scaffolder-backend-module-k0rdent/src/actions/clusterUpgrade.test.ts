/*
 * k0rdent:cluster:upgrade against a fake backend.
 */
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { clusterState, FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createClusterUpgradeAction } from './clusterUpgrade';

const input = {
  managementCluster: 'demo',
  namespace: 'team-a',
  name: 'prod-eu',
  template: 'aws-standalone-cp-1-0-15',
};

// The actions are typed as TemplateAction<any, any>: their handlers' input
// type is the parsed schema (defaults filled in), but the handlers parse
// ctx.input themselves and these tests give them raw template input, some of
// it invalid on purpose.
describe('k0rdent:cluster:upgrade', () => {
  it('sends the template with a key derived from the task', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterUpgradeAction({
      client,
    });
    const ctx = createMockActionContext({ input, task: { id: 't1' } });

    await action.handler(ctx);

    expect(client.writes).toHaveLength(1);
    expect(client.writes[0].args).toEqual([
      { managementCluster: 'demo', namespace: 'team-a', name: 'prod-eu' },
      {
        template: 'aws-standalone-cp-1-0-15',
        idempotencyKey:
          't1:k0rdent:cluster:upgrade:demo/team-a/prod-eu:aws-standalone-cp-1-0-15',
        taskId: 't1',
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterUpgradeAction({
      client,
    });
    // createMockActionContext ignores isDryRun in its options.
    const ctx = { ...createMockActionContext({ input }), isDryRun: true };

    await action.handler(ctx);

    expect(client.calls.map(c => c.options.dryRun)).toEqual([true]);
    expect(ctx.output).toHaveBeenCalledWith('manifest', expect.any(Object));
  });

  it('waits until the request is ready, not just until the cluster is Ready', async () => {
    const client = new FakeK0rdentApi();
    const sleep = jest.fn(async () => {});
    const action: TemplateAction<any, any> = createClusterUpgradeAction({
      client,
      sleep,
    });
    client.requestStatuses = ['applied', 'ready'];
    const ready = clusterState('Ready', [['Ready', 'True', 'Succeeded', '']]);
    client.clusterStates = [ready];
    const ctx = createMockActionContext({
      input: { ...input, waitForReady: true },
    });

    await action.handler(ctx);

    expect(sleep).toHaveBeenCalledTimes(1);
    expect(ctx.output).toHaveBeenCalledWith('entityRef', ready.entityRef);
  });

  it('names a missing template', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterUpgradeAction({
      client,
    });
    const { template: _, ...noTemplate } = input;

    await expect(
      action.handler(createMockActionContext({ input: noTemplate })),
    ).rejects.toThrow('template: Required');
    expect(client.calls).toHaveLength(0);
  });
});
