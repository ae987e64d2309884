/*
 * Read-only, non-resource endpoints: /version, discovery and OpenAPI.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimApiError, methodNotAllowed, unknownResource } from '../errors';
import {
  AGGREGATED_DISCOVERY_TYPE,
  aggregatedDiscovery,
  coreVersions,
  groupDocument,
  groupList,
  resourceList,
  wantsAggregatedDiscovery,
} from './discovery';
import { sendJson, sendJsonText } from './http';
import { SERVER_VERSION, type OpenApiDocuments } from './openapi';
import type { Route } from './routes';

export type DiscoveryRoute = Extract<
  Route,
  {
    type:
      | 'version'
      | 'coreVersions'
      | 'groupList'
      | 'group'
      | 'resourceList'
      | 'openapiV2'
      | 'openapiV3Index'
      | 'openapiV3';
  }
>;

const DISCOVERY_TYPES = new Set<Route['type']>([
  'version',
  'coreVersions',
  'groupList',
  'group',
  'resourceList',
  'openapiV2',
  'openapiV3Index',
  'openapiV3',
]);

export function isDiscoveryRoute(route: Route): route is DiscoveryRoute {
  return DISCOVERY_TYPES.has(route.type);
}

export function serveDiscovery(
  route: DiscoveryRoute,
  req: IncomingMessage,
  res: ServerResponse,
  openApi: OpenApiDocuments,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
  const accept = req.headers.accept;
  const aggregated = wantsAggregatedDiscovery(accept);
  switch (route.type) {
    case 'version':
      return sendJson(res, 200, SERVER_VERSION);
    case 'coreVersions':
      if (aggregated) {
        return sendAggregated(res, aggregatedDiscovery(true));
      }
      return sendJson(res, 200, coreVersions(req.headers.host ?? '127.0.0.1'));
    case 'groupList':
      if (aggregated) {
        return sendAggregated(res, aggregatedDiscovery(false));
      }
      return sendJson(res, 200, groupList());
    case 'group':
      return sendJson(res, 200, groupDocument(route.group));
    case 'resourceList':
      return sendJson(res, 200, resourceList(route.group, route.version));
    case 'openapiV3Index':
      return sendJsonText(res, 200, openApi.index());
    case 'openapiV3': {
      const document = openApi.document(route.group, route.version);
      if (document === undefined) throw unknownResource();
      return sendJsonText(res, 200, document);
    }
    case 'openapiV2':
      // kubectl asks for protobuf only; a 406 makes it carry on without v2.
      if (!/application\/json|\*\/\*/.test(accept ?? '*/*')) {
        throw new SimApiError(
          406,
          'NotAcceptable',
          'only application/json is served for /openapi/v2',
          {},
        );
      }
      return sendJsonText(res, 200, openApi.v2());
    default:
      throw methodNotAllowed();
  }
}

function sendAggregated(res: ServerResponse, document: unknown): void {
  sendJsonText(res, 200, JSON.stringify(document), AGGREGATED_DISCOVERY_TYPE);
}
