/*
 * k0rdent:cluster:delete — deletes a ClusterDeployment. The name must be typed
 * again in `confirm`; the action checks that itself before anything is sent,
 * and the backend checks it again (and refuses while a Region is built on it).
 */
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ClusterActionOptions } from './clusterCreate';
import { examples } from './clusterDelete.examples';
import { clusterRefFields } from './inputProperties';
import { writeOutputs } from './outputProperties';
import {
  ActionInput,
  idempotencyKeyOf,
  objectRefOf,
  performWrite,
} from './util';
import { waitForCluster } from './waitForCluster';

/** Id of the delete action. @public */
export const CLUSTER_DELETE_ACTION_ID = 'k0rdent:cluster:delete';

/**
 * Creates the `k0rdent:cluster:delete` action.
 *
 * @public
 */
export function createClusterDeleteAction(options: ClusterActionOptions) {
  const { client } = options;
  const input = new ActionInput(z =>
    z.object({
      ...clusterRefFields(z),
      confirm: z
        .string({
          description: 'The cluster name typed again, as a guard',
        })
        .min(1),
      waitForDeletion: z
        .boolean({ description: 'Wait until the cluster is gone' })
        .default(false),
      timeoutMinutes: z
        .number({ description: 'How long to wait before failing the step' })
        .positive()
        .default(30),
    }),
  );

  return createTemplateAction({
    id: CLUSTER_DELETE_ACTION_ID,
    description:
      'Deletes a k0rdent ClusterDeployment, as the user who runs the template',
    examples,
    supportsDryRun: true,
    schema: { input: input.schema, output: writeOutputs },
    async handler(ctx) {
      const { confirm, waitForDeletion, timeoutMinutes, ...ref } = input.parse(
        ctx.input,
      );
      if (confirm !== ref.name) {
        throw new InputError(
          `confirm: must be the cluster name '${ref.name}' to delete it, got '${confirm}'`,
        );
      }
      const objectRef = objectRefOf(ref);
      const credentials = await ctx.getInitiatorCredentials();
      const idempotencyKey = idempotencyKeyOf(
        ctx,
        CLUSTER_DELETE_ACTION_ID,
        objectRef,
      );

      ctx.output('objectRef', objectRef);
      ctx.logger.info(`Asking k0rdent to delete cluster ${objectRef}`);
      const outcome = await performWrite(ctx, {
        key: `${CLUSTER_DELETE_ACTION_ID}:${objectRef}`,
        send: dryRun =>
          client.deleteCluster(
            ref,
            { confirm, idempotencyKey, taskId: ctx.task.id },
            { credentials, dryRun, signal: ctx.signal },
          ),
      });
      if (outcome.manifest) return;
      if (waitForDeletion) {
        await waitForCluster({
          ...options,
          credentials,
          ref,
          requestId: outcome.requestId,
          until: 'gone',
          timeoutMinutes,
          logger: ctx.logger,
          signal: ctx.signal,
        });
      }
    },
  });
}
