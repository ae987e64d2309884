/*
 * k0rdent:cluster:upgrade — moves a ClusterDeployment to another template (one
 * of its availableUpgrades; the backend checks), optionally waiting until the
 * upgrade is done and the cluster Ready again.
 */
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ClusterActionOptions } from './clusterCreate';
import { examples } from './clusterUpgrade.examples';
import { clusterRefFields, waitFields } from './inputProperties';
import { clusterOutputs } from './outputProperties';
import {
  ActionInput,
  idempotencyKeyOf,
  objectRefOf,
  performWrite,
} from './util';
import { waitUntilReadyAndOutputEntity } from './waitForCluster';

/** Id of the upgrade action. @public */
export const CLUSTER_UPGRADE_ACTION_ID = 'k0rdent:cluster:upgrade';

/**
 * Creates the `k0rdent:cluster:upgrade` action.
 *
 * @public
 */
export function createClusterUpgradeAction(options: ClusterActionOptions) {
  const { client } = options;
  const input = new ActionInput(z =>
    z.object({
      ...clusterRefFields(z),
      template: z
        .string({
          description:
            "The new ClusterTemplate, one of the cluster's available upgrades",
        })
        .min(1),
      ...waitFields(z, 'the upgrade is done and the cluster Ready'),
    }),
  );

  return createTemplateAction({
    id: CLUSTER_UPGRADE_ACTION_ID,
    description:
      'Upgrades a k0rdent ClusterDeployment to another template, as the user who runs the template',
    examples,
    supportsDryRun: true,
    schema: { input: input.schema, output: clusterOutputs },
    async handler(ctx) {
      const { waitForReady, timeoutMinutes, template, ...ref } = input.parse(
        ctx.input,
      );
      const objectRef = objectRefOf(ref);
      const credentials = await ctx.getInitiatorCredentials();
      const idempotencyKey = idempotencyKeyOf(
        ctx,
        CLUSTER_UPGRADE_ACTION_ID,
        `${objectRef}:${template}`,
      );

      ctx.output('objectRef', objectRef);
      ctx.logger.info(
        `Asking k0rdent to upgrade cluster ${objectRef} to template ${template}`,
      );
      const outcome = await performWrite(ctx, {
        key: `${CLUSTER_UPGRADE_ACTION_ID}:${objectRef}:${template}`,
        send: dryRun =>
          client.upgradeCluster(
            ref,
            { template, idempotencyKey, taskId: ctx.task.id },
            { credentials, dryRun, signal: ctx.signal },
          ),
      });
      if (outcome.manifest) return;
      if (!waitForReady) {
        return;
      }
      await waitUntilReadyAndOutputEntity(ctx, {
        ...options,
        credentials,
        ref,
        requestId: outcome.requestId,
        timeoutMinutes,
        logger: ctx.logger,
        signal: ctx.signal,
      });
    },
  });
}
