/*
 * k0rdent:cluster:upgrade against a fake backend.
 */
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { clusterState, FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createClusterUpgradeAction } from './clusterUpgrade';

const input = {
  managementCluster: 'demo',
  namespace: 'team-a',
  name: 'prod-eu',
  template: 'aws-standalone-cp-1-0-15',
};

describe('k0rdent:cluster:upgrade', () => {
  it('sends the template with a key derived from the task', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterUpgradeAction({ client });
    const { ctx, output } = createMockActionContext({ input, taskId: 't1' });

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
    expect(output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterUpgradeAction({ client });
    const { ctx, output } = createMockActionContext({ input, isDryRun: true });

    await action.handler(ctx);

    expect(client.calls.map(c => c.options.dryRun)).toEqual([true]);
    expect(output).toHaveBeenCalledWith('manifest', expect.any(Object));
  });

  it('waits until the request is ready, not just until the cluster is Ready', async () => {
    const client = new FakeK0rdentApi();
    const sleep = jest.fn(async () => {});
    const action = createClusterUpgradeAction({ client, sleep });
    client.requestStatuses = ['applied', 'ready'];
    const ready = clusterState('Ready', [['Ready', 'True', 'Succeeded', '']]);
    client.clusterStates = [ready];
    const { ctx, output } = createMockActionContext({
      input: { ...input, waitForReady: true },
    });

    await action.handler(ctx);

    expect(sleep).toHaveBeenCalledTimes(1);
    expect(output).toHaveBeenCalledWith('entityRef', ready.entityRef);
  });

  it('names a missing template', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterUpgradeAction({ client });
    const { template: _, ...noTemplate } = input;

    await expect(
      action.handler(createMockActionContext({ input: noTemplate }).ctx),
    ).rejects.toThrow('template: Required');
    expect(client.calls).toHaveLength(0);
  });
});
