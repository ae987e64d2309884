/*
 * k0rdent:cluster:create — asks the k0rdent backend for a new ClusterDeployment
 * as the user who runs the template, optionally waiting until it is Ready and
 * in the catalog so later steps can link to it.
 */
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type {
  CreateClusterInput,
  JsonObject,
  ServiceInput,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentApi } from '../K0rdentApiClient';
import { examples } from './clusterCreate.examples';
import { clusterRefFields, serviceSchema, waitFields } from './inputProperties';
import { clusterOutputs } from './outputProperties';
import {
  ActionInput,
  idempotencyKeyOf,
  objectRefOf,
  performWrite,
} from './util';
import {
  type PollingOptions,
  waitUntilReadyAndOutputEntity,
} from './waitForCluster';

/** Id of the create action. @public */
export const CLUSTER_CREATE_ACTION_ID = 'k0rdent:cluster:create';

/**
 * Options of {@link createClusterCreateAction}.
 *
 * @public
 */
export interface ClusterActionOptions extends PollingOptions {
  client: K0rdentApi;
}

/**
 * Creates the `k0rdent:cluster:create` action.
 *
 * @public
 */
export function createClusterCreateAction(options: ClusterActionOptions) {
  const { client } = options;
  const input = new ActionInput(z =>
    z.object({
      ...clusterRefFields(z),
      template: z
        .string({ description: 'ClusterTemplate in the same namespace' })
        .min(1),
      credential: z
        .string({ description: 'Credential in the same namespace' })
        .min(1),
      config: z
        .record(z.any(), {
          description:
            "Helm values for the template; the template's defaults when omitted",
        })
        .optional(),
      owner: z
        .string({
          description: "Owner entity ref; the initiating user's when omitted",
        })
        .optional(),
      tenant: z.string({ description: 'KOF tenant id' }).optional(),
      kofRole: z
        .enum(['child', 'regional'], { description: 'KOF role' })
        .optional(),
      labels: z
        .record(z.string(), { description: 'Extra labels of the cluster' })
        .optional(),
      services: z
        .array(serviceSchema(z), {
          description: 'Services to deploy on the cluster',
        })
        .optional(),
      ...waitFields(z, 'the cluster is Ready and in the catalog'),
    }),
  );

  return createTemplateAction({
    id: CLUSTER_CREATE_ACTION_ID,
    description:
      'Creates a k0rdent ClusterDeployment through the k0rdent backend, as the user who runs the template',
    examples,
    supportsDryRun: true,
    schema: { input: input.schema, output: clusterOutputs },
    async handler(ctx) {
      const values = input.parse(ctx.input);
      const { waitForReady, timeoutMinutes, ...cluster } = values;
      const ref = {
        managementCluster: cluster.managementCluster,
        namespace: cluster.namespace,
        name: cluster.name,
      };
      const objectRef = objectRefOf(ref);
      const credentials = await ctx.getInitiatorCredentials();
      const idempotencyKey = idempotencyKeyOf(
        ctx,
        CLUSTER_CREATE_ACTION_ID,
        objectRef,
      );
      const body: CreateClusterInput = {
        ...cluster,
        config: cluster.config as JsonObject | undefined,
        services: cluster.services as ServiceInput[] | undefined,
        idempotencyKey,
        taskId: ctx.task.id,
      };

      ctx.output('objectRef', objectRef);
      ctx.logger.info(
        `Asking k0rdent to create cluster ${objectRef} from template ${cluster.template} with credential ${cluster.credential}`,
      );
      const outcome = await performWrite(ctx, {
        key: `${CLUSTER_CREATE_ACTION_ID}:${objectRef}`,
        send: dryRun =>
          client.createCluster(body, {
            credentials,
            dryRun,
            signal: ctx.signal,
          }),
      });
      if (outcome.manifest) return;
      if (!waitForReady) {
        ctx.logger.info(
          `Not waiting for the cluster; follow request ${outcome.requestId} in the k0rdent plugin`,
        );
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
