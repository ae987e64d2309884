/*
 * An in-memory K0rdentApi for tests, in this package and in packages that use
 * it. It filters like the backend does (by management cluster, namespace, kind,
 * validity, readiness) so a test can give it a mixed fleet and check that a
 * component asks for the right subset. Plain functions, no jest, so it works
 * under any test runner and in dev apps.
 */
import { NotFoundError } from '@backstage/errors';
import {
  CLUSTER_FACETS,
  HOURS_PER_MONTH,
  type ClusterSortField,
  type ClusterCost,
  type ClusterDetails,
  type ClusterFacet,
  type ClusterMetrics,
  type ClusterPage,
  type ClusterSummary,
  type CostSummary,
  type CredentialSummary,
  type DesiredStateRequest,
  type ManagementClusterHealth,
  type MetricsWindow,
  type MultiClusterServiceDetails,
  type TemplateDetails,
  type TemplateSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  ClusterListQuery,
  ClusterRef,
  CostSummaryQuery,
  CredentialListFilter,
  K0rdentApi,
  MultiClusterServiceRef,
  TemplateListFilter,
  TemplateRef,
} from './api';

/**
 * What a {@link MockK0rdentApi} serves. Templates may carry `defaults` and
 * `valuesSchema`; lists return them without those, as the backend does.
 *
 * @public
 */
export interface MockK0rdentData {
  managementClusters?: ManagementClusterHealth[];
  templates?: TemplateDetails[];
  credentials?: CredentialSummary[];
  clusters?: ClusterSummary[];
  /** What `getCluster` adds to a cluster of `clusters` (conditions, services, …). */
  details?: Array<Partial<ClusterDetails> & ClusterRef>;
  /** Usage by cluster, whatever the window asked for. */
  metrics?: Array<Omit<ClusterMetrics, 'window'>>;
  /** Costs by cluster; cost summaries are computed from them and `clusters`. */
  costs?: ClusterCost[];
  requests?: DesiredStateRequest[];
  /** MultiClusterServices with their rollout, as the backend answers for the user. */
  multiClusterServices?: MultiClusterServiceDetails[];
  /** Methods that reject with the given error instead of answering. */
  failures?: Partial<Record<keyof K0rdentApi, Error>>;
}

/** A ManagementClusterHealth, connected and synced unless overridden. @public */
export function mockManagementCluster(
  fields: Partial<ManagementClusterHealth> & { name: string },
): ManagementClusterHealth {
  return { connected: true, synced: true, clusters: 0, ...fields };
}

/** A valid template in `kcm-system` on management cluster `mgmt` unless overridden. @public */
export function mockTemplate(
  fields: Partial<TemplateDetails> & { name: string },
): TemplateDetails {
  return {
    managementCluster: 'mgmt',
    namespace: 'kcm-system',
    kind: 'cluster',
    valid: true,
    providers: fields.provider ? [fields.provider] : [],
    upgrades: [],
    hasValuesSchema: fields.valuesSchema !== undefined,
    copy: false,
    ...fields,
  };
}

/** A ready credential in `kcm-system` on management cluster `mgmt` unless overridden. @public */
export function mockCredential(
  fields: Partial<CredentialSummary> & { name: string },
): CredentialSummary {
  return {
    managementCluster: 'mgmt',
    namespace: 'kcm-system',
    ready: true,
    ...fields,
  };
}

/** A Ready cluster in `kcm-system` on management cluster `mgmt` unless overridden. @public */
export function mockCluster(
  fields: Partial<ClusterSummary> & { name: string },
): ClusterSummary {
  const managementCluster = fields.managementCluster ?? 'mgmt';
  const namespace = fields.namespace ?? 'kcm-system';
  return {
    managementCluster,
    namespace,
    entityRef: `resource:default/${managementCluster}_clusterd_${namespace}_${fields.name}`,
    owner: 'group:default/platform',
    tenant: 'PLATFORM',
    status: 'Ready',
    phase: 'Ready',
    template: 'aws-standalone-cp-1-0-0',
    availableUpgrades: [],
    labels: {},
    ...fields,
  };
}

/**
 * An in-memory {@link K0rdentApi}.
 *
 * @public
 */
export class MockK0rdentApi implements K0rdentApi {
  readonly #data: MockK0rdentData;

  constructor(data: MockK0rdentData = {}) {
    this.#data = data;
  }

  async listManagementClusters(): Promise<ManagementClusterHealth[]> {
    this.#failIfAsked('listManagementClusters');
    return this.#data.managementClusters ?? [];
  }

  async listTemplates(
    filter: TemplateListFilter = {},
  ): Promise<TemplateSummary[]> {
    this.#failIfAsked('listTemplates');
    return (this.#data.templates ?? [])
      .filter(
        t =>
          matches(filter.managementCluster, t.managementCluster) &&
          matches(filter.namespace, t.namespace) &&
          matches(filter.kind, t.kind) &&
          matches(filter.valid, t.valid),
      )
      .map(({ defaults: _d, valuesSchema: _s, ...summary }) => summary);
  }

  async getTemplate(ref: TemplateRef): Promise<TemplateDetails> {
    this.#failIfAsked('getTemplate');
    const template = (this.#data.templates ?? []).find(
      t =>
        t.managementCluster === ref.managementCluster &&
        t.kind === ref.kind &&
        t.namespace === ref.namespace &&
        t.name === ref.name,
    );
    if (!template) {
      throw new NotFoundError(
        `No ${ref.kind} template ${ref.namespace}/${ref.name} on management cluster '${ref.managementCluster}'`,
      );
    }
    return template;
  }

  async listCredentials(
    filter: CredentialListFilter = {},
  ): Promise<CredentialSummary[]> {
    this.#failIfAsked('listCredentials');
    return (this.#data.credentials ?? []).filter(
      c =>
        matches(filter.managementCluster, c.managementCluster) &&
        matches(filter.namespace, c.namespace) &&
        matches(filter.ready, c.ready),
    );
  }

  /**
   * Filters, searches, sorts and pages like the backend, and counts facets
   * as a faceted search does: a value of facet F is counted over the clusters
   * that match the search and every filter except the one on F.
   */
  async listClusters(query: ClusterListQuery = {}): Promise<ClusterPage> {
    this.#failIfAsked('listClusters');
    const { sort = 'name', order = 'asc' } = query;
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.min(500, Math.max(0, Math.floor(query.limit ?? 50)));
    const search = query.q?.trim().toLocaleLowerCase('en-US') || undefined;
    const filters = CLUSTER_FACETS.flatMap(facet => {
      const wanted = ([] as string[]).concat(query[facet] ?? []);
      return wanted.length > 0 ? [{ facet, wanted: new Set(wanted) }] : [];
    });
    const searched = (this.#data.clusters ?? []).filter(
      c => !search || c.name.includes(search) || c.namespace.includes(search),
    );
    /** The clusters passing every filter but the one on `except`. */
    const matching = (except?: ClusterFacet) =>
      searched.filter(c =>
        filters.every(
          ({ facet, wanted }) =>
            facet === except || wanted.has(facetValue(c, facet) ?? ''),
        ),
      );
    const found = matching().sort(clusterOrder(sort, order));
    const facets: ClusterPage['facets'] = {};
    for (const facet of CLUSTER_FACETS) {
      const counts = new Map<string, number>();
      for (const c of matching(facet)) {
        const value = facetValue(c, facet);
        if (value !== undefined)
          counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      facets[facet] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return {
      items: found.slice(offset, offset + limit),
      totalItems: found.length,
      offset,
      limit,
      facets,
    };
  }

  async getCluster(ref: ClusterRef): Promise<ClusterDetails> {
    this.#failIfAsked('getCluster');
    const cluster = (this.#data.clusters ?? []).find(
      c =>
        c.managementCluster === ref.managementCluster &&
        c.namespace === ref.namespace &&
        c.name === ref.name,
    );
    if (!cluster) {
      throw new NotFoundError(
        `No cluster ${ref.namespace}/${ref.name} on management cluster '${ref.managementCluster}'`,
      );
    }
    const details = (this.#data.details ?? []).find(d => isSameCluster(d, ref));
    return {
      conditions: [],
      serviceStates: [],
      serviceSpec: [],
      upgrades: [],
      events: [],
      stale: cluster.status === 'Stale',
      regions: [],
      ...cluster,
      ...details,
    };
  }

  async getClusterMetrics(
    ref: ClusterRef,
    window: MetricsWindow,
  ): Promise<ClusterMetrics> {
    this.#failIfAsked('getClusterMetrics');
    const metrics = (this.#data.metrics ?? []).find(m => isSameCluster(m, ref));
    if (!metrics) {
      throw new NotFoundError(
        `No cluster ${ref.namespace}/${ref.name} on management cluster '${ref.managementCluster}'`,
      );
    }
    return { ...metrics, window };
  }

  async getClusterCost(ref: ClusterRef): Promise<ClusterCost> {
    this.#failIfAsked('getClusterCost');
    const cost = (this.#data.costs ?? []).find(c => isSameCluster(c, ref));
    if (!cost) {
      throw new NotFoundError(
        `No cluster ${ref.namespace}/${ref.name} on management cluster '${ref.managementCluster}'`,
      );
    }
    return cost;
  }

  async getCostSummary(query: CostSummaryQuery = {}): Promise<CostSummary> {
    this.#failIfAsked('getCostSummary');
    const { limit = 50, ...filters } = query;
    const items = (this.#data.clusters ?? [])
      .filter(c =>
        Object.entries(filters).every(([facet, wanted]) =>
          ([] as unknown[]).concat(wanted).includes(c[facet as ClusterFacet]),
        ),
      )
      .flatMap(c => {
        const cost = (this.#data.costs ?? []).find(x => isSameCluster(x, c));
        if (cost?.hourly === undefined) return [];
        return [
          {
            managementCluster: c.managementCluster,
            namespace: c.namespace,
            name: c.name,
            entityRef: c.entityRef,
            owner: c.owner,
            tenant: c.tenant,
            hourly: cost.hourly,
            monthly: cost.hourly * HOURS_PER_MONTH,
          },
        ];
      })
      .sort((a, b) => b.hourly - a.hourly);
    const totalHourly = items.reduce((sum, item) => sum + item.hourly, 0);
    return {
      currency: this.#data.costs?.[0]?.currency ?? 'USD',
      at: new Date(0).toISOString(),
      totalHourly,
      totalMonthly: totalHourly * HOURS_PER_MONTH,
      totalItems: items.length,
      items: items.slice(0, limit),
      unavailable: [],
      ambiguous: [],
    };
  }

  async getRequest(id: string): Promise<DesiredStateRequest> {
    this.#failIfAsked('getRequest');
    const request = (this.#data.requests ?? []).find(r => r.id === id);
    if (!request) throw new NotFoundError(`No request ${id}`);
    return request;
  }

  async getMultiClusterService(
    ref: MultiClusterServiceRef,
  ): Promise<MultiClusterServiceDetails> {
    this.#failIfAsked('getMultiClusterService');
    const mcs = (this.#data.multiClusterServices ?? []).find(
      m => m.managementCluster === ref.managementCluster && m.name === ref.name,
    );
    if (!mcs) {
      throw new NotFoundError(
        `No MultiClusterService '${ref.name}' on management cluster '${ref.managementCluster}'`,
      );
    }
    return mcs;
  }

  #failIfAsked(method: keyof K0rdentApi) {
    const error = this.#data.failures?.[method];
    if (error) throw error;
  }
}

function isSameCluster(a: ClusterRef, b: ClusterRef): boolean {
  return (
    a.managementCluster === b.managementCluster &&
    a.namespace === b.namespace &&
    a.name === b.name
  );
}

/** An absent filter matches everything. */
function matches<T>(wanted: T | undefined, actual: T): boolean {
  return wanted === undefined || wanted === actual;
}

/** A cluster's value of a facet; undefined when it has none. */
function facetValue(
  cluster: ClusterSummary,
  facet: ClusterFacet,
): string | undefined {
  const value = cluster[facet];
  return value === undefined || value === '' ? undefined : String(value);
}

/** Case-insensitive, with numbers compared by value (`v1.9` before `v1.10`). */
function naturalSortKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return value
    .toLocaleLowerCase('en-US')
    .replace(/\d+/g, digits => digits.padStart(12, '0'));
}

/**
 * The backend's order: clusters without a value come last in both
 * directions; ties go by management cluster, namespace and name.
 */
function clusterOrder(sort: ClusterSortField, order: 'asc' | 'desc') {
  const key = (c: ClusterSummary) =>
    sort === 'status' || sort === 'createdAt'
      ? c[sort]
      : naturalSortKey(c[sort]);
  const identity = (c: ClusterSummary) =>
    `${c.managementCluster}\u0000${c.namespace}\u0000${c.name}`;
  const direction = order === 'desc' ? -1 : 1;
  return (a: ClusterSummary, b: ClusterSummary): number => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === undefined) return 1;
      if (kb === undefined) return -1;
      return (ka < kb ? -1 : 1) * direction;
    }
    const ia = identity(a);
    const ib = identity(b);
    if (ia === ib) return 0;
    return ia < ib ? -1 : 1;
  };
}
