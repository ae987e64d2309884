/*
 * API discovery documents built from the kinds registry: the legacy ones (/api,
 * /apis, /apis/<group>, /apis/<group>/<version>, /api/v1) and the aggregated v2
 * form that kubectl and client-go ask for first (`Accept: ...;as=APIGroupDiscoveryList`).
 */
import { createHash } from 'node:crypto';
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { kindsOf, servedGroupVersions } from './routes';

const RESOURCE_VERBS = [
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'create',
  'update',
  'watch',
];
const STATUS_VERBS = ['get', 'patch', 'update'];

/** The Accept media type of aggregated discovery, and the Content-Type we answer with. */
export const AGGREGATED_DISCOVERY_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether the client asked for aggregated (v2) discovery. */
export function wantsAggregatedDiscovery(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some(
      type =>
        /as=APIGroupDiscoveryList/.test(type) &&
        /g=apidiscovery\.k8s\.io/.test(type) &&
        /v=v2(;|$|\s)/.test(type),
    );
}

function groupVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

function verbsOf(kind: KindInfo): string[] {
  // Namespaces cannot be deleted as a collection.
  return kind.kind === 'Namespace'
    ? RESOURCE_VERBS.filter(verb => verb !== 'deletecollection')
    : RESOURCE_VERBS;
}

/** `/api`: the core group's versions. */
export function coreVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string) {
  const versions = servedGroupVersions()
    .filter(gv => gv.group === group)
    .map(gv => ({
      groupVersion: groupVersionOf(group, gv.version),
      version: gv.version,
    }));
  return { name: group, versions, preferredVersion: versions[0] };
}

/** `/apis`: every named group. */
export function groupList() {
  const groups = [...new Set(servedGroupVersions().map(gv => gv.group))].filter(
    Boolean,
  );
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(apiGroup),
  };
}

/** `/apis/<group>` */
export function groupDocument(group: string) {
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) };
}

/** `/api/v1` and `/apis/<group>/<version>`: resources with verbs and short names. */
export function resourceList(group: string, version: string) {
  const resources: Array<Record<string, unknown>> = [];
  for (const kind of kindsOf(group, version)) {
    resources.push({
      name: kind.plural,
      singularName: kind.singular,
      namespaced: kind.namespaced,
      kind: kind.kind,
      verbs: verbsOf(kind),
      ...(kind.shortNames.length ? { shortNames: [...kind.shortNames] } : {}),
      storageVersionHash: storageVersionHash(kind),
    });
    if (kind.hasStatus) {
      resources.push({
        name: `${kind.plural}/status`,
        singularName: '',
        namespaced: kind.namespaced,
        kind: kind.kind,
        verbs: STATUS_VERBS,
      });
    }
    if (kind.kind === 'Service') {
      resources.push({
        name: 'services/proxy',
        singularName: '',
        namespaced: true,
        kind: 'ServiceProxyOptions',
        verbs: ['create', 'delete', 'get', 'patch', 'update'],
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionOf(group, version),
    resources,
  };
}

/** Aggregated discovery for `/api` (core: true) or `/apis` (core: false). */
export function aggregatedDiscovery(core: boolean) {
  const versionsByGroup = new Map<string, string[]>();
  for (const { group, version } of servedGroupVersions()) {
    if ((group === '') !== core) continue;
    versionsByGroup.set(group, [
      ...(versionsByGroup.get(group) ?? []),
      version,
    ]);
  }
  const items = [...versionsByGroup.entries()].map(([group, versions]) => ({
    metadata: group ? { name: group } : {},
    versions: versions.map(version => ({
      version,
      resources: kindsOf(group, version).map(kind => aggregatedResource(kind)),
      freshness: 'Current',
    })),
  }));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items,
  };
}

function aggregatedResource(kind: KindInfo) {
  const responseKind = {
    group: kind.group,
    version: kind.version,
    kind: kind.kind,
  };
  const subresources: Array<Record<string, unknown>> = [];
  if (kind.hasStatus) {
    subresources.push({
      subresource: 'status',
      responseKind,
      verbs: STATUS_VERBS,
    });
  }
  return {
    resource: kind.plural,
    responseKind,
    scope: kind.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: kind.singular,
    verbs: verbsOf(kind),
    ...(kind.shortNames.length ? { shortNames: [...kind.shortNames] } : {}),
    ...(subresources.length ? { subresources } : {}),
  };
}

function storageVersionHash(kind: KindInfo): string {
  return createHash('sha256')
    .update(`${kind.group}/${kind.version}/${kind.kind}`)
    .digest('base64')
    .slice(0, 11);
}
