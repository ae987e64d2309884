/*
 * k0rdent:cluster:delete against a fake backend: the confirm guard, dry run
 * and waiting until the cluster is gone.
 */
import {
  createMockActionContext,
  infoLines,
} from '../__testUtils__/createMockActionContext';
import { clusterState, FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createClusterDeleteAction } from './clusterDelete';

const input = {
  managementCluster: 'demo',
  namespace: 'team-a',
  name: 'prod-eu',
  confirm: 'prod-eu',
};

describe('k0rdent:cluster:delete', () => {
  it('refuses a wrong confirm before calling the API', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterDeleteAction({ client });
    const { ctx } = createMockActionContext({
      input: { ...input, confirm: 'prod' },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      "confirm: must be the cluster name 'prod-eu' to delete it, got 'prod'",
    );
    expect(client.calls).toHaveLength(0);
  });

  it('refuses a wrong confirm in a dry run too', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterDeleteAction({ client });
    const { ctx } = createMockActionContext({
      input: { ...input, confirm: 'other' },
      isDryRun: true,
    });

    await expect(action.handler(ctx)).rejects.toThrow(/^confirm:/);
    expect(client.calls).toHaveLength(0);
  });

  it('sends the confirm with a key derived from the task', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterDeleteAction({ client });
    const { ctx, output } = createMockActionContext({ input, taskId: 't9' });

    await action.handler(ctx);

    expect(client.writes.map(w => w.args)).toEqual([
      [
        { managementCluster: 'demo', namespace: 'team-a', name: 'prod-eu' },
        {
          confirm: 'prod-eu',
          idempotencyKey: 't9:k0rdent:cluster:delete:demo/team-a/prod-eu',
          taskId: 't9',
        },
      ],
    ]);
    expect(output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const client = new FakeK0rdentApi();
    const action = createClusterDeleteAction({ client });
    const { ctx, output, checkpoints } = createMockActionContext({
      input,
      isDryRun: true,
    });

    await action.handler(ctx);

    expect(client.calls.map(c => c.options.dryRun)).toEqual([true]);
    expect(checkpoints.size).toBe(0);
    expect(output).toHaveBeenCalledWith('manifest', expect.any(Object));
  });

  it('waits until the cluster is gone', async () => {
    const client = new FakeK0rdentApi();
    const sleep = jest.fn(async () => {});
    const action = createClusterDeleteAction({ client, sleep });
    client.requestStatuses = ['applied'];
    client.clusterStates = [
      clusterState('Deleting', [
        ['Deleting', 'True', 'Deleting', 'Removing machines'],
      ]),
      undefined,
    ];
    const { ctx, logger } = createMockActionContext({
      input: { ...input, waitForDeletion: true },
    });

    await action.handler(ctx);

    expect(sleep).toHaveBeenCalledTimes(1);
    expect(infoLines(logger)).toEqual(
      expect.arrayContaining([
        'Condition Deleting: True (Deleting) Removing machines',
        'Cluster demo/team-a/prod-eu is gone',
      ]),
    );
  });
});
