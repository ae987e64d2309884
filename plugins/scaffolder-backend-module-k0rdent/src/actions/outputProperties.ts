/*
 * Outputs several k0rdent actions share, so later steps and the task page can
 * rely on the same names.
 */
import type { Zod } from './util';

/** Outputs of every write. */
export const writeOutputs = {
  objectRef: (z: Zod) =>
    z.string({
      description:
        'The object: `<managementCluster>/<namespace>/<name>` (a MultiClusterService: `<managementCluster>/<name>`)',
    }),
  requestId: (z: Zod) =>
    z
      .string({
        description: 'Id of the desired-state request (not in a dry run)',
      })
      .optional(),
  manifest: (z: Zod) =>
    z
      .record(z.any(), {
        description: 'The manifest that would be applied (dry run only)',
      })
      .optional(),
};

/** Outputs of actions that can wait until the cluster is in the catalog. */
export const clusterOutputs = {
  ...writeOutputs,
  entityRef: (z: Zod) =>
    z
      .string({
        description:
          'Catalog entity of the cluster, once it is visible (only when waiting)',
      })
      .optional(),
  entityUrl: (z: Zod) =>
    z
      .string({
        description: 'Catalog page path of the cluster (only when waiting)',
      })
      .optional(),
};
