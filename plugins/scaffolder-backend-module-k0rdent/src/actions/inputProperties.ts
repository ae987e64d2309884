/*
 * Input fields several k0rdent actions share, each a builder taking the `z`
 * the scaffolder passes in, so the actions describe them the same way.
 */
import type { Zod } from './util';

/** The three fields that name a ClusterDeployment. */
export function clusterRefFields(z: Zod) {
  return {
    managementCluster: z
      .string({ description: 'Management cluster, as configured in k0rdent' })
      .min(1),
    namespace: z
      .string({ description: 'Namespace of the ClusterDeployment' })
      .min(1),
    name: z.string({ description: 'Name of the ClusterDeployment' }).min(1),
  };
}

/** Waiting for the cluster to reach the asked-for state. */
export function waitFields(z: Zod, what: string) {
  return {
    waitForReady: z
      .boolean({
        description: `Wait until ${what}, logging each condition change`,
      })
      .default(false),
    timeoutMinutes: z
      .number({ description: 'How long to wait before failing the step' })
      .positive()
      .default(30),
  };
}

/** One service of a cluster or a MultiClusterService. */
export function serviceSchema(z: Zod) {
  return z.object({
    name: z.string({ description: 'Helm release name' }).min(1),
    namespace: z
      .string({ description: 'Target namespace; default when omitted' })
      .optional(),
    template: z.string({ description: 'ServiceTemplate name' }).min(1),
    values: z
      .union([z.string(), z.record(z.any())], {
        description: 'Helm values: YAML text or an object',
      })
      .optional(),
    dependsOn: z
      .array(
        z.object({
          name: z.string().min(1),
          namespace: z.string().optional(),
        }),
        { description: 'Services that must be deployed first' },
      )
      .optional(),
  });
}
