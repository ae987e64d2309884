/*
 * Write routes: each records a desired-state request (202) or, with
 * `?dryRun=true`, returns the manifest it would apply (200) and stores nothing.
 * Reads of requests: one by id, or those of one object.
 */
import { InputError, NotFoundError } from '@backstage/errors';
import {
  k0rdentClusterReadPermission,
  type ClusterDeployment,
  type ClusterRef,
  type DesiredStateRequest,
  type DesiredStateStatus,
  type WriteResult,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { Request, Response, Router } from 'express';
import type { RouterOptions } from '../router';
import { clusterResourceOf } from '../permissions/clusterResources';
import type { WriteContext } from './RequestService';

const STATUSES: DesiredStateStatus[] = [
  'pending',
  'applying',
  'applied',
  'ready',
  'failed',
  'superseded',
];

function dryRunOf(req: Request): boolean {
  const value = req.query.dryRun;
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw new InputError(`dryRun: must be true or false, got '${String(value)}'`);
}

function send(res: Response, result: WriteResult) {
  res.status(result.dryRun ? 200 : 202).json(result);
}

function stringParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${name}: must be given once`);
  }
  return value;
}

/** Adds the desired-state routes. */
export function addRequestRoutes(router: Router, options: RouterOptions) {
  const { httpAuth, requests, authorizer, ownership, fleet } = options;

  async function context(req: Request): Promise<WriteContext> {
    return {
      credentials: await httpAuth.credentials(req, { allow: ['user'] }),
      request: req,
      dryRun: dryRunOf(req),
    };
  }

  router.post('/clusters', async (req, res) => {
    send(res, await requests.createCluster(req.body, await context(req)));
  });

  /** The writes on one existing cluster, addressed by its path. */
  const CLUSTER = '/clusters/:managementCluster/:namespace/:name';
  const clusterWrites: Array<
    [
      'post' | 'put' | 'delete',
      string,
      (
        ref: ClusterRef,
        body: unknown,
        ctx: WriteContext,
      ) => Promise<WriteResult>,
    ]
  > = [
    ['post', `${CLUSTER}/upgrade`, (...a) => requests.upgradeCluster(...a)],
    [
      'put',
      `${CLUSTER}/services`,
      (...a) => requests.updateClusterServices(...a),
    ],
    ['delete', CLUSTER, (...a) => requests.deleteCluster(...a)],
  ];
  for (const [method, path, write] of clusterWrites) {
    router[method](path, async (req, res) => {
      const { managementCluster, namespace, name } = req.params;
      send(
        res,
        await write(
          { managementCluster, namespace, name },
          req.body,
          await context(req),
        ),
      );
    });
  }

  router.post('/multi-cluster-services', async (req, res) => {
    send(
      res,
      await requests.applyMultiClusterService(req.body, await context(req)),
    );
  });

  /** Requests about clusters the caller may not read are hidden. */
  async function readable(
    req: Request,
    list: DesiredStateRequest[],
  ): Promise<DesiredStateRequest[]> {
    const credentials = await httpAuth.credentials(req);
    const canRead = await authorizer.predicate(
      credentials,
      k0rdentClusterReadPermission,
    );
    return list.filter(request => {
      const { target } = request;
      if (target.kind !== 'ClusterDeployment') return true;
      const cluster = fleet
        .find(target.managementCluster)
        ?.get('ClusterDeployment', target.namespace, target.name) as
        | ClusterDeployment
        | undefined;
      const resource = cluster
        ? clusterResourceOf(ownership, target.managementCluster, cluster)
        : {
            // The cluster is gone or not created yet: decide on what the
            // request says about it.
            managementCluster: target.managementCluster,
            namespace: target.namespace ?? '',
            name: target.name,
            owner: String(
              request.manifest.metadata.annotations?.[ownership.annotation] ??
                request.requestedBy,
            ),
            tenant: '',
          };
      return canRead(resource);
    });
  }

  router.get('/requests/:id', async (req, res) => {
    const request = await requests.get(req.params.id);
    const [visible] = await readable(req, [request]);
    if (!visible) {
      // The same answer as for a request that does not exist.
      throw new NotFoundError(`No request with id '${req.params.id}'`);
    }
    res.json(visible);
  });

  router.get('/requests', async (req, res) => {
    const statuses = req.query.status
      ? ([] as unknown[]).concat(req.query.status)
      : [];
    for (const status of statuses) {
      if (!STATUSES.includes(status as DesiredStateStatus)) {
        throw new InputError(
          `status: '${String(status)}' is not one of ${STATUSES.join(', ')}`,
        );
      }
    }
    const limitText = stringParam(req, 'limit');
    const limit = limitText === undefined ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw new InputError('limit: must be a whole number from 1 to 500');
    }
    const kind = stringParam(req, 'kind');
    if (
      kind !== undefined &&
      kind !== 'ClusterDeployment' &&
      kind !== 'MultiClusterService'
    ) {
      throw new InputError(
        'kind: must be ClusterDeployment or MultiClusterService',
      );
    }
    const list = await requests.list({
      managementCluster: stringParam(req, 'managementCluster'),
      kind,
      namespace: stringParam(req, 'namespace'),
      name: stringParam(req, 'name'),
      status: statuses as DesiredStateStatus[],
      limit,
    });
    res.json({ items: await readable(req, list) });
  });
}
