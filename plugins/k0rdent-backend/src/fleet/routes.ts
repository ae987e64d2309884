/*
 * The fleet read routes. Clusters are filtered by the read permission: lists
 * leave out what the user may not read, and one cluster the user may not read
 * is answered like a missing one (404), as the catalog does, so that its
 * existence is not revealed; the rollout of a MultiClusterService only counts
 * the matching clusters the user may not read. Responses are served from the
 * fleet cache.
 */
import { NotFoundError } from '@backstage/errors';
import { k0rdentClusterReadPermission } from '@k0rdent-backstage/plugin-k0rdent-common';
import type express from 'express';
import type { RouterOptions } from '../router';
import type { ClusterReadFilter } from './clusterQuery';
import {
  parseClusterQuery,
  parseCredentialFilter,
  parseTemplateFilter,
  parseTemplateKind,
} from './queryParameters';

/**
 * Adds the fleet read routes to the plugin's router:
 *
 * - `GET /management-clusters` → `{ items: ManagementClusterHealth[] }`
 * - `GET /clusters` → `ClusterPage`
 * - `GET /clusters/:managementCluster/:namespace/:name` → `ClusterDetails`
 * - `GET /templates` → `{ items: TemplateSummary[] }`
 * - `GET /templates/:managementCluster/:kind/:namespace/:name` → `TemplateDetails`
 * - `GET /credentials` → `{ items: CredentialSummary[] }`
 * - `GET /multi-cluster-services/:managementCluster/:name` → `MultiClusterServiceDetails`
 */
export function addFleetRoutes(
  router: express.Router,
  options: RouterOptions,
): void {
  const { httpAuth, authorizer, reader } = options;

  const readFilter = async (req: express.Request): Promise<ClusterReadFilter> =>
    authorizer.predicate(
      await httpAuth.credentials(req),
      k0rdentClusterReadPermission,
    );

  router.get('/management-clusters', (_req, res) => {
    res.json({ items: reader.managementClusters() });
  });

  router.get('/clusters', async (req, res) => {
    const query = parseClusterQuery(req.query);
    res.json(reader.listClusters(query, await readFilter(req)));
  });

  router.get(
    '/clusters/:managementCluster/:namespace/:name',
    async (req, res) => {
      const { managementCluster, namespace, name } = req.params;
      const cluster = await reader.getCluster(
        managementCluster,
        namespace,
        name,
        await readFilter(req),
      );
      if (!cluster) {
        throw new NotFoundError(
          `No cluster ${namespace}/${name} on management cluster '${managementCluster}'`,
        );
      }
      res.json(cluster);
    },
  );

  router.get('/templates', (req, res) => {
    res.json({ items: reader.listTemplates(parseTemplateFilter(req.query)) });
  });

  router.get(
    '/templates/:managementCluster/:kind/:namespace/:name',
    async (req, res) => {
      const { managementCluster, namespace, name } = req.params;
      const kind = parseTemplateKind(req.params.kind)!;
      const template = await reader.getTemplate(
        managementCluster,
        kind,
        namespace,
        name,
      );
      if (!template) {
        throw new NotFoundError(
          `No ${kind} template ${namespace}/${name} on management cluster '${managementCluster}'`,
        );
      }
      res.json(template);
    },
  );

  router.get('/credentials', (req, res) => {
    res.json({
      items: reader.listCredentials(parseCredentialFilter(req.query)),
    });
  });

  // Matching clusters the user may not read are only counted.
  router.get(
    '/multi-cluster-services/:managementCluster/:name',
    async (req, res) => {
      const { managementCluster, name } = req.params;
      const mcs = reader.getMultiClusterService(
        managementCluster,
        name,
        await readFilter(req),
      );
      if (!mcs) {
        throw new NotFoundError(
          `No MultiClusterService '${name}' on management cluster '${managementCluster}'`,
        );
      }
      res.json(mcs);
    },
  );
}
