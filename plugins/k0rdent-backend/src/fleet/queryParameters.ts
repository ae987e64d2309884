/*
 * Query strings of the fleet routes turned into reader queries. Anything the
 * routes do not understand is refused with an InputError that names the
 * parameter, rather than silently ignored: a misspelt filter would otherwise
 * show a page that looks right and is not.
 */
import { InputError } from '@backstage/errors';
import {
  CLUSTER_FACETS,
  CLUSTER_SORT_FIELDS,
  type ClusterFacet,
  type ClusterSortField,
  type ClusterStatus,
  type MetricsWindow,
  type TemplateKind,
  METRICS_WINDOWS,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  MAX_CLUSTER_PAGE_SIZE,
  type ClusterQuery,
  type SortOrder,
} from './clusterQuery';
import type { CredentialFilter, TemplateFilter } from './FleetReader';
import { DEFAULT_COST_ITEMS, MAX_COST_ITEMS } from '../kof/KofReader';

/** A parsed query string, as express gives it. */
export type QueryParameters = Record<string, unknown>;

const CLUSTER_STATUSES: readonly ClusterStatus[] = [
  'Ready',
  'Provisioning',
  'Failed',
  'Deleting',
  'Stale',
];
const TEMPLATE_KIND_NAMES: readonly TemplateKind[] = ['cluster', 'service'];
const MAX_VALUE_LENGTH = 253;

function fail(parameter: string, problem: string): never {
  throw new InputError(`Invalid query parameter '${parameter}': ${problem}`);
}

function refuseUnknown(query: QueryParameters, known: readonly string[]) {
  for (const parameter of Object.keys(query)) {
    if (!known.includes(parameter)) {
      fail(parameter, `unknown parameter; expected one of ${known.join(', ')}`);
    }
  }
}

/** Every value of a repeatable parameter. */
function values(query: QueryParameters, parameter: string): string[] {
  const raw = query[parameter];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map(value => {
    if (typeof value !== 'string' || value === '') {
      fail(parameter, 'must be a non-empty string');
    }
    if (value.length > MAX_VALUE_LENGTH) {
      fail(parameter, `must be at most ${MAX_VALUE_LENGTH} characters`);
    }
    return value;
  });
}

/** The value of a parameter given at most once. */
function single(query: QueryParameters, parameter: string): string | undefined {
  const list = values(query, parameter);
  if (list.length > 1) fail(parameter, 'may be given only once');
  return list[0];
}

function oneOf<T extends string>(
  query: QueryParameters,
  parameter: string,
  allowed: readonly T[],
): T | undefined {
  const value = single(query, parameter);
  if (value !== undefined && !allowed.includes(value as T)) {
    fail(parameter, `'${value}' is not one of ${allowed.join(', ')}`);
  }
  return value as T | undefined;
}

function wholeNumber(
  query: QueryParameters,
  parameter: string,
  max: number,
): number | undefined {
  const value = single(query, parameter);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n > max) {
    fail(parameter, `'${value}' is not a whole number from 0 to ${max}`);
  }
  return n;
}

function flag(query: QueryParameters, parameter: string): boolean | undefined {
  const value = oneOf(query, parameter, ['true', 'false']);
  return value === undefined ? undefined : value === 'true';
}

/** One repeatable parameter per facet (`status=Ready&status=Failed`). */
function facetFilters(
  query: QueryParameters,
): Partial<Record<ClusterFacet, string[]>> {
  const filters: Partial<Record<ClusterFacet, string[]>> = {};
  for (const facet of CLUSTER_FACETS) {
    const list = values(query, facet);
    if (facet === 'status') {
      for (const value of list) {
        if (!CLUSTER_STATUSES.includes(value as ClusterStatus)) {
          fail(
            facet,
            `'${value}' is not one of ${CLUSTER_STATUSES.join(', ')}`,
          );
        }
      }
    }
    if (list.length > 0) filters[facet] = list;
  }
  return filters;
}

/**
 * `GET /clusters`: one repeatable parameter per facet (`status=Ready&status=Failed`),
 * `q`, `sort`, `order`, `offset`, `limit`.
 */
export function parseClusterQuery(query: QueryParameters): ClusterQuery {
  refuseUnknown(query, [
    ...CLUSTER_FACETS,
    'q',
    'sort',
    'order',
    'offset',
    'limit',
  ]);
  const result: ClusterQuery = { filters: facetFilters(query) };
  const q = single(query, 'q');
  if (q !== undefined) result.q = q;
  const sort = oneOf<ClusterSortField>(query, 'sort', CLUSTER_SORT_FIELDS);
  if (sort) result.sort = sort;
  const order = oneOf<SortOrder>(query, 'order', ['asc', 'desc']);
  if (order) result.order = order;
  const offset = wholeNumber(query, 'offset', Number.MAX_SAFE_INTEGER);
  if (offset !== undefined) result.offset = offset;
  const limit = wholeNumber(query, 'limit', MAX_CLUSTER_PAGE_SIZE);
  if (limit !== undefined) result.limit = limit;
  return result;
}

/** `GET /templates`: `managementCluster`, `namespace`, `kind`, `valid`. */
export function parseTemplateFilter(query: QueryParameters): TemplateFilter {
  refuseUnknown(query, ['managementCluster', 'namespace', 'kind', 'valid']);
  const filter: TemplateFilter = {};
  const managementCluster = single(query, 'managementCluster');
  if (managementCluster !== undefined) {
    filter.managementCluster = managementCluster;
  }
  const namespace = single(query, 'namespace');
  if (namespace !== undefined) filter.namespace = namespace;
  const kind = parseTemplateKind(single(query, 'kind'));
  if (kind) filter.kind = kind;
  const valid = flag(query, 'valid');
  if (valid !== undefined) filter.valid = valid;
  return filter;
}

/** `GET /credentials`: `managementCluster`, `namespace`, `ready`. */
export function parseCredentialFilter(
  query: QueryParameters,
): CredentialFilter {
  refuseUnknown(query, ['managementCluster', 'namespace', 'ready']);
  const filter: CredentialFilter = {};
  const managementCluster = single(query, 'managementCluster');
  if (managementCluster !== undefined) {
    filter.managementCluster = managementCluster;
  }
  const namespace = single(query, 'namespace');
  if (namespace !== undefined) filter.namespace = namespace;
  const ready = flag(query, 'ready');
  if (ready !== undefined) filter.ready = ready;
  return filter;
}

/** A template kind from a path or query (`cluster` or `service`). */
export function parseTemplateKind(
  value: string | undefined,
): TemplateKind | undefined {
  if (
    value !== undefined &&
    !TEMPLATE_KIND_NAMES.includes(value as TemplateKind)
  ) {
    throw new InputError(
      `Invalid template kind '${value}': expected one of ${TEMPLATE_KIND_NAMES.join(
        ', ',
      )}`,
    );
  }
  return value as TemplateKind | undefined;
}

/**
 * `GET /cost`: the facet filters of `GET /clusters` (e.g. `owner=group:default/payments`,
 * `tenant=payments`) and `limit` (clusters listed; the totals cover all).
 */
export function parseCostQuery(query: QueryParameters): {
  filters: Partial<Record<ClusterFacet, string[]>>;
  limit: number;
} {
  refuseUnknown(query, [...CLUSTER_FACETS, 'limit']);
  return {
    filters: facetFilters(query),
    limit: wholeNumber(query, 'limit', MAX_COST_ITEMS) ?? DEFAULT_COST_ITEMS,
  };
}

/** `GET /clusters/…/metrics`: `window`, default `6h`. */
export function parseMetricsQuery(query: QueryParameters): {
  window: MetricsWindow;
} {
  refuseUnknown(query, ['window']);
  const windows = Object.keys(METRICS_WINDOWS) as MetricsWindow[];
  return { window: oneOf(query, 'window', windows) ?? '6h' };
}
