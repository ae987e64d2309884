/*
 * Turns a request path into what it addresses: discovery, OpenAPI, a resource (kind,
 * namespace, name, subresource), a service proxy, or the simulator's fault endpoint;
 * and a method plus that into the Kubernetes verb used for authorization and faults.
 */
import { KINDS, type KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';

export interface ResourceRoute {
  type: 'resource';
  kind: KindInfo;
  namespace?: string;
  name?: string;
  subresource?: 'status';
  /** The deprecated `/watch/` path form. */
  watchPath: boolean;
}

export interface ServiceProxyRoute {
  type: 'serviceProxy';
  namespace: string;
  service: string;
  port?: string;
  /** The path after `/proxy`, starting with '/' ('/' when empty). */
  path: string;
}

export type Route =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'coreVersions' }
  | { type: 'groupList' }
  | { type: 'group'; group: string }
  | { type: 'resourceList'; group: string; version: string }
  | { type: 'openapiV2' }
  | { type: 'openapiV3Index' }
  | { type: 'openapiV3'; group: string; version: string }
  | ResourceRoute
  | ServiceProxyRoute
  | { type: 'faults' }
  | { type: 'notFound' };

/** All served group versions, '' being the core group. */
export function servedGroupVersions(): Array<{
  group: string;
  version: string;
}> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const info of Object.values(KINDS) as KindInfo[]) {
    seen.set(`${info.group}/${info.version}`, {
      group: info.group,
      version: info.version,
    });
  }
  return [...seen.values()];
}

/** Kinds of one group version, in registry order. */
export function kindsOf(group: string, version: string): KindInfo[] {
  return (Object.values(KINDS) as KindInfo[]).filter(
    info => info.group === group && info.version === version,
  );
}

const byPlural = new Map<string, KindInfo>(
  (Object.values(KINDS) as KindInfo[]).map(info => [
    `${info.group}/${info.version}/${info.plural}`,
    info,
  ]),
);

export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, ...rest] = segments;
  switch (first) {
    case 'version':
      return segments.length === 1 ? { type: 'version' } : { type: 'notFound' };
    case 'healthz':
    case 'livez':
    case 'readyz':
      return { type: 'health' };
    case 'openapi':
      return parseOpenApi(rest);
    case 'sim':
      return rest.join('/') === 'v1/faults'
        ? { type: 'faults' }
        : { type: 'notFound' };
    case 'api':
      if (rest.length === 0) return { type: 'coreVersions' };
      if (rest[0] !== 'v1') return { type: 'notFound' };
      if (rest.length === 1)
        return { type: 'resourceList', group: '', version: 'v1' };
      return (
        parseProxy(pathname, rest.slice(1)) ??
        parseResource('', 'v1', rest.slice(1))
      );
    case 'apis':
      if (rest.length === 0) return { type: 'groupList' };
      if (!servedGroupVersions().some(gv => gv.group === rest[0]))
        return { type: 'notFound' };
      if (rest.length === 1) return { type: 'group', group: rest[0] };
      if (!kindsOf(rest[0], rest[1]).length) return { type: 'notFound' };
      if (rest.length === 2)
        return { type: 'resourceList', group: rest[0], version: rest[1] };
      return parseResource(rest[0], rest[1], rest.slice(2));
    default:
      return { type: 'notFound' };
  }
}

function parseOpenApi(rest: string[]): Route {
  if (rest.length === 1 && rest[0] === 'v2') return { type: 'openapiV2' };
  if (rest[0] !== 'v3') return { type: 'notFound' };
  if (rest.length === 1) return { type: 'openapiV3Index' };
  if (rest[1] === 'api' && rest[2] === 'v1' && rest.length === 3) {
    return { type: 'openapiV3', group: '', version: 'v1' };
  }
  if (rest[1] === 'apis' && rest.length === 4) {
    return { type: 'openapiV3', group: rest[2], version: rest[3] };
  }
  return { type: 'notFound' };
}

/** `/api/v1/namespaces/<ns>/services/[<scheme>:]<name>[:<port>]/proxy/<path>` */
function parseProxy(
  pathname: string,
  segments: string[],
): ServiceProxyRoute | undefined {
  if (
    segments[0] !== 'namespaces' ||
    segments[2] !== 'services' ||
    segments[4] !== 'proxy'
  ) {
    return undefined;
  }
  const parts = segments[3].split(':');
  let service: string;
  let port: string | undefined;
  if (parts.length === 3) [, service, port] = parts;
  else [service, port] = parts;
  // Keep the raw rest of the path (with its trailing slash) for the proxied server.
  const marker = '/proxy';
  const index = pathname.indexOf(marker, pathname.indexOf('/services/'));
  const path = pathname.slice(index + marker.length) || '/';
  return {
    type: 'serviceProxy',
    namespace: segments[1],
    service,
    port: port || undefined,
    path: path.startsWith('/') ? path : `/${path}`,
  };
}

function parseResource(group: string, version: string, input: string[]): Route {
  let segments = input;
  const watchPath = segments[0] === 'watch';
  if (watchPath) segments = segments.slice(1);
  let namespace: string | undefined;
  let plural: string;
  let name: string | undefined;
  let subresource: string | undefined;
  let extra: string[];
  const namespaceSubresource =
    group === '' &&
    segments[0] === 'namespaces' &&
    segments.length === 3 &&
    (segments[2] === 'status' || segments[2] === 'finalize');
  if (
    segments[0] === 'namespaces' &&
    segments.length >= 3 &&
    !namespaceSubresource
  ) {
    [, namespace, plural, name, subresource, ...extra] = segments;
  } else {
    [plural, name, subresource, ...extra] = segments;
  }
  const kind = byPlural.get(`${group}/${version}/${plural}`);
  if (!kind || extra.length) return { type: 'notFound' };
  if (
    kind.namespaced
      ? name !== undefined && namespace === undefined
      : namespace !== undefined
  ) {
    return { type: 'notFound' };
  }
  if (
    subresource !== undefined &&
    (subresource !== 'status' || !kind.hasStatus)
  ) {
    return { type: 'notFound' };
  }
  return { type: 'resource', kind, namespace, name, subresource, watchPath };
}

/** The Kubernetes verb of a request to a resource route. */
export function resourceVerb(
  method: string,
  route: ResourceRoute,
  query: URLSearchParams,
): string {
  const watch = route.watchPath || isTrue(query.get('watch'));
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (route.name !== undefined) return watch ? 'watch' : 'get';
      return watch ? 'watch' : 'list';
    case 'POST':
      return route.name === undefined ? 'create' : 'unknown';
    case 'PUT':
      return route.name === undefined ? 'unknown' : 'update';
    case 'PATCH':
      return route.name === undefined ? 'unknown' : 'patch';
    case 'DELETE':
      return route.name === undefined ? 'deletecollection' : 'delete';
    default:
      return 'unknown';
  }
}

export const WRITE_VERBS = new Set([
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
]);

export function isTrue(value: string | null): boolean {
  return value === 'true' || value === '1';
}
