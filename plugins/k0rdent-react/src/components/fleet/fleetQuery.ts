/*
 * The fleet page's state as it stands in the URL: facet filters (one
 * parameter per facet, repeated for several values), the search, the sort
 * order and the page. A filtered view is thus a link, and the back button
 * walks through the views. Values the page does not understand fall back to
 * the defaults rather than breaking the page.
 */
import {
  CLUSTER_FACETS,
  CLUSTER_SORT_FIELDS,
  type ClusterFacet,
  type ClusterSortField,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ClusterListQuery } from '../../api';

/** Rows per page the page offers. */
export const FLEET_PAGE_SIZES = [25, 50, 100] as const;

/** What the fleet page shows. */
export interface FleetQuery {
  /** Per facet, the values a cluster may have (any of them); absent = no filter. */
  filters: Partial<Record<ClusterFacet, string[]>>;
  q: string;
  sort: ClusterSortField;
  order: 'asc' | 'desc';
  /** Zero-based; the URL counts from 1. */
  page: number;
  pageSize: number;
}

/** The view without filters: the first page in name order. */
export const DEFAULT_FLEET_QUERY: FleetQuery = {
  filters: {},
  q: '',
  sort: 'name',
  order: 'asc',
  page: 0,
  pageSize: 50,
};

/** The fleet query in the search parameters of a URL. */
export function parseFleetQuery(params: URLSearchParams): FleetQuery {
  const filters: FleetQuery['filters'] = {};
  for (const facet of CLUSTER_FACETS) {
    const values = [...new Set(params.getAll(facet).filter(v => v !== ''))];
    if (values.length > 0) filters[facet] = values;
  }
  const sort = params.get('sort') as ClusterSortField | null;
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    filters,
    q: params.get('q') ?? '',
    sort:
      sort && CLUSTER_SORT_FIELDS.includes(sort)
        ? sort
        : DEFAULT_FLEET_QUERY.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: (FLEET_PAGE_SIZES as readonly number[]).includes(pageSize)
      ? pageSize
      : DEFAULT_FLEET_QUERY.pageSize,
  };
}

/**
 * `?owner=group:default/payments&status=Failed`: the search string of a
 * fleet view, leaving out what is at its default. Colons and slashes stay
 * readable, as entity refs are the most common filter values.
 */
export function fleetSearch(query: Partial<FleetQuery>): string {
  const { filters = {}, q, sort, order, page, pageSize } = query;
  const entries: Array<[string, string]> = [];
  for (const facet of CLUSTER_FACETS) {
    for (const value of filters[facet] ?? []) entries.push([facet, value]);
  }
  if (q) entries.push(['q', q]);
  if (sort && sort !== DEFAULT_FLEET_QUERY.sort) entries.push(['sort', sort]);
  if (order && order !== DEFAULT_FLEET_QUERY.order) {
    entries.push(['order', order]);
  }
  if (page) entries.push(['page', String(page + 1)]);
  if (pageSize && pageSize !== DEFAULT_FLEET_QUERY.pageSize) {
    entries.push(['pageSize', String(pageSize)]);
  }
  if (entries.length === 0) return '';
  const encode = (text: string) =>
    encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2F/g, '/');
  return `?${entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}

/** The link to a fleet view on the fleet page mounted at `fleetPath`. */
export function fleetLink(
  fleetPath: string,
  filters: FleetQuery['filters'],
): string {
  return `${fleetPath}${fleetSearch({ filters })}`;
}

/** Whether the view filters at all (facets or search). */
export function isFiltered(query: FleetQuery): boolean {
  return query.q.trim() !== '' || Object.keys(query.filters).length > 0;
}

/** What the page asks the backend for: one page, never the whole fleet. */
export function toClusterListQuery(query: FleetQuery): ClusterListQuery {
  return {
    ...query.filters,
    q: query.q.trim() || undefined,
    sort: query.sort,
    order: query.order,
    offset: query.page * query.pageSize,
    limit: query.pageSize,
  };
}
