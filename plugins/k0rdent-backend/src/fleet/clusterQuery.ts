/*
 * The fleet overview's query over cluster rows: filters, search, permission,
 * sort order, paging and facet counts, in one pass over rows that are already
 * sorted. Pure, so that it is tested without a fleet.
 *
 * An overview is built once per state of the fleet. Facet values are small
 * numbers (see FacetValues), so that a request filters and counts with typed
 * arrays instead of strings and maps, and each sort order is computed once
 * and then reused by every request until the fleet changes.
 */
import {
  CLUSTER_FACETS,
  type ClusterFacet,
  type ClusterPage,
  type ClusterSortField,
  type ClusterStatus,
  type ClusterSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentClusterResource } from '@k0rdent-backstage/plugin-k0rdent-node';
import { STATUS_FACET, type ClusterRow, type FacetValues } from './clusterRows';

/** Clusters per page unless the query says otherwise. */
export const DEFAULT_CLUSTER_PAGE_SIZE = 50;
/** The largest page a query may ask for. */
export const MAX_CLUSTER_PAGE_SIZE = 500;

/** Sort direction. */
export type SortOrder = 'asc' | 'desc';

/** What the fleet overview asks for. */
export interface ClusterQuery {
  /** Per facet, the values a cluster may have (any of them); absent or empty = no filter. */
  filters?: Partial<Record<ClusterFacet, readonly string[]>>;
  /** Case-insensitive substring of the cluster's name or namespace. */
  q?: string;
  /** Default `name`. */
  sort?: ClusterSortField;
  /** Default `asc`. */
  order?: SortOrder;
  /** Default 0. */
  offset?: number;
  /** Default {@link DEFAULT_CLUSTER_PAGE_SIZE}, at most {@link MAX_CLUSTER_PAGE_SIZE}. */
  limit?: number;
}

/** Tells which clusters the user may read. */
export type ClusterReadFilter = (resource: K0rdentClusterResource) => boolean;

/** The status of a row, which depends on its management cluster's health. */
export type RowStatus = (row: ClusterRow) => ClusterStatus;

const FACETS = CLUSTER_FACETS.length;

/** The clusters of the fleet in one state, ready to be queried many times. */
export class ClusterOverview {
  readonly #rows: readonly ClusterRow[];
  readonly #statuses: ClusterStatus[];
  /** Row r's status as a facet value number. */
  readonly #statusIds: Int32Array;
  readonly #values: FacetValues;
  readonly #orders = new Map<string, Int32Array>();

  /**
   * @param rows - the clusters, derived with `values`
   * @param statusOf - the status of a row in this state of the fleet
   * @param values - the facet values the rows' facet numbers refer to
   */
  constructor(
    rows: readonly ClusterRow[],
    statusOf: RowStatus,
    values: FacetValues,
  ) {
    this.#rows = rows;
    this.#values = values;
    this.#statuses = rows.map(statusOf);
    this.#statusIds = Int32Array.from(this.#statuses, status =>
      values.idOf(STATUS_FACET, status),
    );
  }

  /** How many clusters the overview holds. */
  get size(): number {
    return this.#rows.length;
  }

  /**
   * Row indices in the order of `sort`: clusters without a value for the
   * field come last in both directions, ties go by management cluster,
   * namespace and name (ascending in both directions). Computed once per
   * overview and order.
   */
  #order(sort: ClusterSortField, order: SortOrder): Int32Array {
    const cacheKey = `${sort}:${order}`;
    const cached = this.#orders.get(cacheKey);
    if (cached) return cached;
    const rows = this.#rows;
    const keys: Array<string | undefined> =
      sort === 'status' ? this.#statuses : rows.map(row => row.sortKeys[sort]);
    const direction = order === 'desc' ? -1 : 1;
    const indices = Array.from(rows, (_, i) => i);
    indices.sort((a, b) => {
      const ka = keys[a];
      const kb = keys[b];
      if (ka !== kb) {
        if (ka === undefined) return 1;
        if (kb === undefined) return -1;
        return (ka < kb ? -1 : 1) * direction;
      }
      const ia = rows[a].identityKey;
      const ib = rows[b].identityKey;
      if (ia === ib) return 0;
      return ia < ib ? -1 : 1;
    });
    const result = Int32Array.from(indices);
    this.#orders.set(cacheKey, result);
    return result;
  }

  /**
   * Every cluster that has one of the wanted values of each filtered facet
   * and that `allowed` lets through, unpaged and in name order: the input of
   * aggregates such as cost summaries.
   */
  matching(
    filters: ClusterQuery['filters'],
    allowed: ClusterReadFilter,
  ): ClusterSummary[] {
    const wanted = CLUSTER_FACETS.flatMap((facet, f) => {
      const values = filters?.[facet];
      return values && values.length > 0
        ? [{ f, values: new Set(values) }]
        : [];
    });
    const result: ClusterSummary[] = [];
    const order = this.#order('name', 'asc');
    for (let k = 0; k < order.length; k++) {
      const r = order[k];
      const row = this.#rows[r];
      const status = this.#statuses[r];
      const matches = wanted.every(({ f, values }) => {
        const value =
          f === STATUS_FACET
            ? status
            : this.#values.valuesOf(f)[row.facetIds[f]];
        return value !== undefined && values.has(value);
      });
      if (matches && allowed(row.resource)) {
        result.push({ ...row.summary, status });
      }
    }
    return result;
  }

  /**
   * One page of the clusters the query matches and the user may read, with
   * facet counts.
   *
   * @remarks
   * Facet counts are those of a faceted search: the count of a value of facet
   * F is taken over the readable clusters that match the search and every
   * filter except the one on F, so that a filter menu still offers the other
   * values of a facet once one is chosen. Without filters this is simply the
   * counts over the matching clusters. The permission filter is asked at most
   * once per cluster, and not for clusters that fail two filters or more.
   */
  query(query: ClusterQuery, canRead: ClusterReadFilter): ClusterPage {
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.min(
      MAX_CLUSTER_PAGE_SIZE,
      Math.max(0, Math.floor(query.limit ?? DEFAULT_CLUSTER_PAGE_SIZE)),
    );
    const search = query.q?.trim().toLocaleLowerCase('en-US') || undefined;

    const values = this.#values;
    const activeFacets: number[] = [];
    const allowed: Uint8Array[] = [];
    CLUSTER_FACETS.forEach((facet, f) => {
      const wanted = query.filters?.[facet];
      if (!wanted || wanted.length === 0) return;
      const ids = new Uint8Array(values.valuesOf(f).length);
      for (const value of wanted) {
        const id = values.find(f, value);
        if (id !== undefined) ids[id] = 1;
      }
      activeFacets.push(f);
      allowed.push(ids);
    });
    const counts = CLUSTER_FACETS.map(
      (_, f) => new Int32Array(values.valuesOf(f).length),
    );

    const rows = this.#rows;
    const statusIds = this.#statusIds;
    const order = this.#order(query.sort ?? 'name', query.order ?? 'asc');
    const items: ClusterSummary[] = [];
    let totalItems = 0;
    for (let k = 0; k < order.length; k++) {
      const r = order[k];
      const row = rows[r];
      if (
        search !== undefined &&
        !row.summary.name.includes(search) &&
        !row.summary.namespace.includes(search)
      ) {
        continue;
      }
      const facetIds = row.facetIds;
      const statusId = statusIds[r];
      let failures = 0;
      let failedFacet = -1;
      for (let a = 0; a < activeFacets.length; a++) {
        const f = activeFacets[a];
        const id = f === STATUS_FACET ? statusId : facetIds[f];
        if (id < 0 || allowed[a][id] === 0) {
          failures += 1;
          failedFacet = f;
          if (failures > 1) break;
        }
      }
      if (failures > 1 || !canRead(row.resource)) continue;
      if (failedFacet >= 0) {
        const id =
          failedFacet === STATUS_FACET ? statusId : facetIds[failedFacet];
        if (id >= 0) counts[failedFacet][id] += 1;
        continue;
      }
      for (let f = 0; f < FACETS; f++) {
        const id = f === STATUS_FACET ? statusId : facetIds[f];
        if (id >= 0) counts[f][id] += 1;
      }
      if (totalItems >= offset && items.length < limit) {
        items.push({ ...row.summary, status: this.#statuses[r] });
      }
      totalItems += 1;
    }

    const facets: ClusterPage['facets'] = {};
    CLUSTER_FACETS.forEach((facet, f) => {
      const names = values.valuesOf(f);
      const list: Array<{ value: string; count: number }> = [];
      counts[f].forEach((count, id) => {
        if (count > 0) list.push({ value: names[id], count });
      });
      facets[facet] = list.sort((a, b) =>
        a.count !== b.count
          ? b.count - a.count
          : a.value.localeCompare(b.value, 'en-US'),
      );
    });
    return { items, totalItems, offset, limit, facets };
  }
}
