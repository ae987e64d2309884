/*
 * k0rdent:service:deploy — deploys services either on one cluster (added to
 * its services, or replacing them all) or through a MultiClusterService on every cluster
 * a label selector matches. Exactly one target is given.
 */
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type {
  LabelSelector,
  ServiceInput,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentApi } from '../K0rdentApiClient';
import { examples } from './serviceDeploy.examples';
import { clusterRefFields, serviceSchema } from './inputProperties';
import { writeOutputs } from './outputProperties';
import {
  ActionInput,
  idempotencyKeyOf,
  objectRefOf,
  performWrite,
} from './util';

/** Id of the service deploy action. @public */
export const SERVICE_DEPLOY_ACTION_ID = 'k0rdent:service:deploy';

/**
 * Options of {@link createServiceDeployAction}.
 *
 * @public
 */
export interface ServiceDeployActionOptions {
  client: K0rdentApi;
}

/**
 * Creates the `k0rdent:service:deploy` action.
 *
 * @public
 */
export function createServiceDeployAction(options: ServiceDeployActionOptions) {
  const { client } = options;
  const input = new ActionInput(z =>
    z.object({
      cluster: z
        .object(clusterRefFields(z), {
          description:
            'Deploy on this cluster (added to its services, or replacing them with replace: true); or give multiClusterService',
        })
        .optional(),
      multiClusterService: z
        .object(
          {
            managementCluster: z
              .string({ description: 'Management cluster' })
              .min(1),
            name: z
              .string({ description: 'Name of the MultiClusterService' })
              .min(1),
            clusterSelector: z.object(
              {
                matchLabels: z.record(z.string()).optional(),
                matchExpressions: z
                  .array(
                    z.object({
                      key: z.string(),
                      operator: z.enum([
                        'In',
                        'NotIn',
                        'Exists',
                        'DoesNotExist',
                      ]),
                      values: z.array(z.string()).optional(),
                    }),
                  )
                  .optional(),
              },
              { description: 'Label selector of the clusters to deploy on' },
            ),
            dependsOn: z
              .array(z.string(), {
                description:
                  'MultiClusterServices that must be deployed on a cluster first',
              })
              .optional(),
            owner: z
              .string({
                description:
                  "Owner entity ref; the initiating user's when omitted",
              })
              .optional(),
          },
          {
            description:
              'Deploy on every cluster the selector matches; or give cluster',
          },
        )
        .optional(),
      services: z.array(serviceSchema(z), {
        description: 'The services to deploy',
      }),
      replace: z
        .boolean({
          description:
            "With cluster: make these the cluster's only services instead of adding them to (or updating them among) its current ones",
        })
        .default(false),
    }),
  );

  return createTemplateAction({
    id: SERVICE_DEPLOY_ACTION_ID,
    description:
      'Deploys services on a k0rdent cluster or, through a MultiClusterService, on many, as the user who runs the template',
    examples,
    supportsDryRun: true,
    schema: { input: input.schema, output: writeOutputs },
    async handler(ctx) {
      const { cluster, multiClusterService, replace, ...rest } = input.parse(
        ctx.input,
      );
      const services = rest.services as ServiceInput[];
      if (Boolean(cluster) === Boolean(multiClusterService)) {
        throw new InputError(
          'cluster, multiClusterService: give exactly one of the two',
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const call = { credentials, signal: ctx.signal };
      const names = services.map(s => s.name).join(', ') || 'no services';

      let objectRef: string;
      let send: Parameters<typeof performWrite>[1]['send'];
      if (cluster) {
        objectRef = objectRefOf(cluster);
        const idempotencyKey = idempotencyKeyOf(
          ctx,
          SERVICE_DEPLOY_ACTION_ID,
          `cluster:${objectRef}`,
        );
        ctx.logger.info(
          replace
            ? `Asking k0rdent to set the services of cluster ${objectRef} to: ${names}`
            : `Asking k0rdent to deploy on cluster ${objectRef}, next to its other services: ${names}`,
        );
        send = dryRun =>
          client.updateClusterServices(
            cluster,
            {
              services,
              mode: replace ? 'replace' : 'merge',
              idempotencyKey,
              taskId: ctx.task.id,
            },
            { ...call, dryRun },
          );
      } else {
        const mcs = multiClusterService!;
        objectRef = `${mcs.managementCluster}/${mcs.name}`;
        const idempotencyKey = idempotencyKeyOf(
          ctx,
          SERVICE_DEPLOY_ACTION_ID,
          `multiClusterService:${objectRef}`,
        );
        ctx.logger.info(
          `Asking k0rdent to apply MultiClusterService ${objectRef} with: ${names}`,
        );
        send = dryRun =>
          client.applyMultiClusterService(
            {
              ...mcs,
              clusterSelector: mcs.clusterSelector as LabelSelector,
              services,
              idempotencyKey,
              taskId: ctx.task.id,
            },
            { ...call, dryRun },
          );
      }

      ctx.output('objectRef', objectRef);
      await performWrite(ctx, {
        key: `${SERVICE_DEPLOY_ACTION_ID}:${objectRef}`,
        send,
      });
    },
  });
}
