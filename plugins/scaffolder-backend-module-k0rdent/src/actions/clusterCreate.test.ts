/*
 * k0rdent:cluster:create against a fake backend: what is sent, dry run,
 * re-runs, input errors and the wait.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createCheckpointStore,
  infoLines,
} from '../__testUtils__/checkpointStore';
import { clusterState, FakeK0rdentApi } from '../__testUtils__/fakeK0rdentApi';
import { createClusterCreateAction } from './clusterCreate';

const input = {
  managementCluster: 'demo',
  namespace: 'team-a',
  name: 'prod-eu',
  template: 'aws-standalone-cp-1-0-14',
  credential: 'aws-cred',
  config: { region: 'eu-central-1' },
  labels: { env: 'prod' },
};

function setup() {
  const client = new FakeK0rdentApi();
  let clock = 0;
  const sleep = jest.fn(async (ms: number) => {
    clock += ms;
  });
  const action: TemplateAction<any, any> = createClusterCreateAction({
    client,
    sleep,
    now: () => clock,
    pollIntervalMs: 5000,
  });
  return { client, action, sleep };
}

// The actions are typed as TemplateAction<any, any>: their handlers' input
// type is the parsed schema (defaults filled in), but the handlers parse
// ctx.input themselves and these tests give them raw template input, some of
// it invalid on purpose.
describe('k0rdent:cluster:create', () => {
  it('sends the cluster as the initiator with a key derived from the task', async () => {
    const { client, action } = setup();
    const ctx = createMockActionContext({ input, task: { id: 'task-42' } });

    await action.handler(ctx);

    expect(client.writes).toHaveLength(1);
    const [call] = client.writes;
    expect(call.method).toBe('createCluster');
    expect(call.args[0]).toEqual({
      ...input,
      idempotencyKey: 'task-42:k0rdent:cluster:create:demo/team-a/prod-eu',
      taskId: 'task-42',
    });
    expect(call.options.dryRun).toBe(false);
    expect(call.options.credentials).toBe(await ctx.getInitiatorCredentials());
    expect(call.options.credentials.principal).toMatchObject({
      type: 'user',
      userEntityRef: 'user:default/mock',
    });
    expect(ctx.output).toHaveBeenCalledWith('objectRef', 'demo/team-a/prod-eu');
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'req-1');
    // Not waiting: no entityRef, and the cluster is not polled.
    expect(ctx.output).not.toHaveBeenCalledWith('entityRef', expect.anything());
    expect(client.calls.map(c => c.method)).toEqual(['createCluster']);
  });

  it('leaves out optional inputs a form left blank', async () => {
    const { client, action } = setup();
    const ctx = createMockActionContext({
      input: { ...input, owner: '', tenant: '' },
      task: { id: 'task-43' },
    });
    await action.handler(ctx);
    expect(client.writes[0].args[0]).not.toHaveProperty('owner');
    expect(client.writes[0].args[0]).not.toHaveProperty('tenant');
  });

  it('returns the manifest in a dry run and writes nothing', async () => {
    const { client, action } = setup();
    const { checkpoints, checkpoint } = createCheckpointStore();
    // createMockActionContext ignores isDryRun and checkpoint in its options.
    const ctx = {
      ...createMockActionContext({ input: { ...input, waitForReady: true } }),
      isDryRun: true,
      checkpoint,
    };

    await action.handler(ctx);

    expect(client.calls).toHaveLength(1);
    expect(client.calls[0].options.dryRun).toBe(true);
    expect(checkpoints.size).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith(
      'manifest',
      expect.objectContaining({ kind: 'ClusterDeployment' }),
    );
    expect(ctx.output).not.toHaveBeenCalledWith('requestId', expect.anything());
  });

  it('asks once when the step runs again in the same task', async () => {
    const { client, action } = setup();
    // The mock's own checkpoint keeps nothing between runs: both runs share
    // one store instead, as a recovered task shares its checkpoints.
    const { checkpoint } = createCheckpointStore();
    const first = { ...createMockActionContext({ input }), checkpoint };
    const second = { ...createMockActionContext({ input }), checkpoint };

    await action.handler(first);
    await action.handler(second);

    expect(client.writes).toHaveLength(1);
    expect(second.output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('sends the same key when a re-run passed no checkpoint', async () => {
    const { client, action } = setup();

    // The mock's default checkpoint runs its function every time.
    await action.handler(createMockActionContext({ input }));
    const again = createMockActionContext({ input });
    await action.handler(again);

    const keys = client.writes.map(
      c => (c.args[0] as { idempotencyKey: string }).idempotencyKey,
    );
    expect(keys[0]).toBe(keys[1]);
    expect(again.output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('names the bad fields and sends nothing', async () => {
    const { client, action } = setup();
    const { credential: _, ...withoutCredential } = input;

    await expect(
      action.handler(
        createMockActionContext({
          input: { ...withoutCredential, kofRole: 'parent' },
        }),
      ),
    ).rejects.toThrow(InputError);
    await expect(
      action.handler(
        createMockActionContext({
          input: { ...withoutCredential, kofRole: 'parent' },
        }),
      ),
    ).rejects.toThrow(/credential: Required.*kofRole: Invalid enum value/);
    expect(client.calls).toHaveLength(0);
  });

  it('logs each condition change while waiting and outputs the entity', async () => {
    const { client, action, sleep } = setup();
    client.requestStatuses = ['pending', 'applied', 'applied', 'ready'];
    client.clusterStates = [
      undefined,
      clusterState('Provisioning', [
        ['Ready', 'False', 'Progressing', 'Creating infrastructure'],
      ]),
      clusterState('Provisioning', [
        ['Ready', 'False', 'Progressing', 'Creating infrastructure'],
      ]),
      clusterState('Ready', [
        ['Ready', 'True', 'Succeeded', 'Cluster is ready'],
      ]),
    ];
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: { ...input, waitForReady: true },
      logger,
    });

    await action.handler(ctx);

    const lines = infoLines(logger);
    expect(lines.filter(l => l.startsWith('Condition '))).toEqual([
      'Condition Ready: False (Progressing) Creating infrastructure',
      'Condition Ready: True (Succeeded) Cluster is ready',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Request req-1 is pending',
        'Cluster demo/team-a/prod-eu is not visible yet',
        'Cluster demo/team-a/prod-eu is Provisioning',
        'Request req-1 is ready',
        'Cluster demo/team-a/prod-eu is Ready',
      ]),
    );
    expect(sleep).toHaveBeenCalledTimes(3);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/demo_clusterd_team-a_prod-eu',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityUrl',
      '/catalog/default/resource/demo_clusterd_team-a_prod-eu',
    );
  });

  it('fails with the cluster message when the cluster fails', async () => {
    const { client, action } = setup();
    client.requestStatuses = ['applied'];
    client.clusterStates = [
      clusterState('Failed', [
        ['Ready', 'False', 'Failed', 'quota exceeded for instance type'],
      ]),
    ];
    const ctx = createMockActionContext({
      input: { ...input, waitForReady: true },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Cluster demo/team-a/prod-eu failed: quota exceeded for instance type',
    );
    expect(ctx.output).not.toHaveBeenCalledWith('entityRef', expect.anything());
  });

  it('fails when the request fails', async () => {
    const { client, action } = setup();
    client.requestStatuses = ['failed'];
    const ctx = createMockActionContext({
      input: { ...input, waitForReady: true },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      'Request req-1 for cluster demo/team-a/prod-eu failed: boom',
    );
  });

  it('fails after the timeout', async () => {
    const { client, action, sleep } = setup();
    client.requestStatuses = ['applied'];
    client.clusterStates = [
      clusterState('Provisioning', [['Ready', 'Unknown', 'Pending', '']]),
    ];
    const ctx = createMockActionContext({
      input: { ...input, waitForReady: true, timeoutMinutes: 1 },
    });

    await expect(action.handler(ctx)).rejects.toThrow(
      /Timed out after 1 minutes waiting for cluster demo\/team-a\/prod-eu to be Ready/,
    );
    // 60 s at one poll per 5 s.
    expect(sleep).toHaveBeenCalledTimes(12);
  });

  it('stops waiting when the task is cancelled', async () => {
    const { client } = setup();
    const controller = new AbortController();
    client.requestStatuses = ['applied'];
    client.clusterStates = [clusterState('Provisioning', [])];
    const sleepAndCancel = async () => controller.abort();
    const cancellable: TemplateAction<any, any> = createClusterCreateAction({
      client,
      sleep: sleepAndCancel,
    });
    // createMockActionContext ignores signal in its options.
    const ctx = {
      ...createMockActionContext({ input: { ...input, waitForReady: true } }),
      signal: controller.signal,
    };

    await expect(cancellable.handler(ctx)).rejects.toThrow();
    expect(client.calls.filter(c => c.method === 'getCluster')).toHaveLength(1);
  });
});
