/*
 * KOF routes: a cluster's usage charts (for those who may read the cluster)
 * and cost (for those who may read its cost), and cost summaries over the
 * clusters whose cost the user may read. A cluster the user may not read is a
 * 404 like a missing one; one they may read but not see the cost of is a 403.
 */
import { NotFoundError } from '@backstage/errors';
import {
  k0rdentClusterCostReadPermission,
  k0rdentClusterReadPermission,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type express from 'express';
import { parseCostQuery, parseMetricsQuery } from '../fleet/queryParameters';
import { clusterResourceOf } from '../permissions/clusterResources';
import type { RouterOptions } from '../router';

/**
 * Adds the KOF routes to the plugin's router:
 *
 * - `GET /clusters/:managementCluster/:namespace/:name/metrics?window=` → `ClusterMetrics`
 * - `GET /clusters/:managementCluster/:namespace/:name/cost` → `ClusterCost`
 * - `GET /cost?<facet filters>&limit=` → `CostSummary`
 */
export function addKofRoutes(
  router: express.Router,
  options: RouterOptions,
): void {
  const { httpAuth, authorizer, reader, kof, ownership } = options;

  /** The cluster of the path, if the user may read it; else a 404. */
  const readableCluster = async (req: express.Request) => {
    const { managementCluster, namespace, name } = req.params;
    const credentials = await httpAuth.credentials(req);
    const cluster = reader.clusterObject(
      managementCluster,
      namespace,
      name,
      await authorizer.predicate(credentials, k0rdentClusterReadPermission),
    );
    if (!cluster) {
      throw new NotFoundError(
        `No cluster ${namespace}/${name} on management cluster '${managementCluster}'`,
      );
    }
    return { managementCluster, cluster, credentials };
  };

  router.get(
    '/clusters/:managementCluster/:namespace/:name/metrics',
    async (req, res) => {
      const { window } = parseMetricsQuery(req.query);
      const { managementCluster, cluster } = await readableCluster(req);
      res.json(await kof.clusterMetrics(managementCluster, cluster, window));
    },
  );

  router.get(
    '/clusters/:managementCluster/:namespace/:name/cost',
    async (req, res) => {
      const { managementCluster, cluster, credentials } = await readableCluster(
        req,
      );
      await authorizer.authorize(
        credentials,
        k0rdentClusterCostReadPermission,
        clusterResourceOf(ownership, managementCluster, cluster),
      );
      res.json(await kof.clusterCost(managementCluster, cluster));
    },
  );

  router.get('/cost', async (req, res) => {
    const { filters, limit } = parseCostQuery(req.query);
    const allowed = await authorizer.predicate(
      await httpAuth.credentials(req),
      k0rdentClusterCostReadPermission,
    );
    res.json(
      await kof.costSummary(reader.findClusters(filters, allowed), limit),
    );
  });
}
