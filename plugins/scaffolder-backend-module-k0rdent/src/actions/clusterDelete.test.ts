/*
 * k0rdent:cluster:delete against a fake backend: the confirm guard, dry run
 * and waiting until the cluster is gone.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createCheckpointStore,
  infoLines,
} from '../__testUtils__/checkpointStore';
import { clusterState, FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createClusterDeleteAction } from './clusterDelete';

const input = {
  managementCluster: 'demo',
  namespace: 'team-a',
  name: 'prod-eu',
  confirm: 'prod-eu',
};

// The actions are typed as TemplateAction<any, any>: their handlers' input
// type is the parsed schema (defaults filled in), but the handlers parse
// ctx.input themselves and these tests give them raw template input, some of
// it invalid on purpose.
describe('k0rdent:cluster:delete', () => {
  it('refuses a wrong confirm before calling the API', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterDeleteAction({
      client,
    });
    const ctx = createMockActionContext({
      input: { ...input, confirm: 'prod' },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      "confirm: must be the cluster name 'prod-eu' to delete it, got 'prod'",
    );
    expect(client.calls).toHaveLength(0);
  });

  it('refuses a wrong confirm in a dry run too', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterDeleteAction({
      client,
    });
    // createMockActionContext ignores isDryRun in its options.
    const ctx = {
      ...createMockActionContext({ input: { ...input, confirm: 'other' } }),
      isDryRun: true,
    };

    await expect(action.handler(ctx)).rejects.toThrow(/^confirm:/);
    expect(client.calls).toHaveLength(0);
  });

  it('sends the confirm with a key derived from the task', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterDeleteAction({
      client,
    });
    const ctx = createMockActionContext({ input, task: { id: 't9' } });

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
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const client = new FakeK0rdentApi();
    const action: TemplateAction<any, any> = createClusterDeleteAction({
      client,
    });
    const { checkpoints, checkpoint } = createCheckpointStore();
    // createMockActionContext ignores isDryRun and checkpoint in its options.
    const ctx = {
      ...createMockActionContext({ input }),
      isDryRun: true,
      checkpoint,
    };

    await action.handler(ctx);

    expect(client.calls.map(c => c.options.dryRun)).toEqual([true]);
    expect(checkpoints.size).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith('manifest', expect.any(Object));
  });

  it('waits until the cluster is gone', async () => {
    const client = new FakeK0rdentApi();
    const sleep = jest.fn(async () => {});
    const action: TemplateAction<any, any> = createClusterDeleteAction({
      client,
      sleep,
    });
    client.requestStatuses = ['applied'];
    client.clusterStates = [
      clusterState('Deleting', [
        ['Deleting', 'True', 'Deleting', 'Removing machines'],
      ]),
      undefined,
    ];
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: { ...input, waitForDeletion: true },
      logger,
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
