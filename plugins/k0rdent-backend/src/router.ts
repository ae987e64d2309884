/*
 * The plugin's HTTP API: fleet reads (src/fleet), KOF usage and cost
 * (src/kof) and desired-state writes (src/requests). Errors are thrown as @backstage/errors types; the httpRouter
 * service turns them into `{ error: { name, message } }` with the right status.
 */
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type {
  K0rdentFleetService,
  K0rdentOwnershipConfig,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import express from 'express';
import Router from 'express-promise-router';
import type { FleetReader } from './fleet/FleetReader';
import { addFleetRoutes } from './fleet/routes';
import type { KofReader } from './kof/KofReader';
import { addKofRoutes } from './kof/routes';
import type { ClusterAuthorizer } from './permissions/clusterResources';
import type { RequestService } from './requests/RequestService';
import { addRequestRoutes } from './requests/routes';

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  fleet: K0rdentFleetService;
  authorizer: ClusterAuthorizer;
  ownership: K0rdentOwnershipConfig;
  reader: FleetReader;
  requests: RequestService;
  kof: KofReader;
}

/** The plugin's express router. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  addFleetRoutes(router, options);
  addKofRoutes(router, options);
  addRequestRoutes(router, options);
  return router;
}
