/*
 * The frontend's view of the k0rdent backend's read API. Pickers, forms and
 * pages depend on this interface (through k0rdentApiRef), not on HTTP, so they
 * can be tested with an in-memory fake and the transport can change.
 */
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterCost,
  ClusterDetails,
  ClusterFacet,
  ClusterMetrics,
  ClusterPage,
  ClusterSortField,
  CostSummary,
  CredentialSummary,
  DesiredStateRequest,
  ManagementClusterHealth,
  MetricsWindow,
  MultiClusterServiceDetails,
  TemplateDetails,
  TemplateKind,
  TemplateSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';

/** Filters of {@link K0rdentApi.listTemplates}; all optional. @public */
export interface TemplateListFilter {
  managementCluster?: string;
  namespace?: string;
  kind?: TemplateKind;
  /** Only valid (`true`) or only invalid (`false`) templates. */
  valid?: boolean;
}

/** Identifies one template: `GET /templates/:managementCluster/:kind/:namespace/:name`. @public */
export interface TemplateRef {
  managementCluster: string;
  kind: TemplateKind;
  namespace: string;
  name: string;
}

/** Filters of {@link K0rdentApi.listCredentials}; all optional. @public */
export interface CredentialListFilter {
  managementCluster?: string;
  namespace?: string;
  /** Only ready (`true`) or only not-ready (`false`) credentials. */
  ready?: boolean;
}

/**
 * Query of {@link K0rdentApi.listClusters}: the backend's query string. Every
 * facet takes one value or several (any of them matches).
 *
 * @public
 */
export type ClusterListQuery = Partial<
  Record<ClusterFacet, string | string[]>
> & {
  /** Free-text search over names, labels and the other facets. */
  q?: string;
  sort?: ClusterSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  /** Page size, at most 500. */
  limit?: number;
};

/**
 * Query of {@link K0rdentApi.getCostSummary}: the facet filters of
 * {@link ClusterListQuery} (e.g. `owner`, `tenant`) and how many clusters to list.
 *
 * @public
 */
export type CostSummaryQuery = Partial<
  Record<ClusterFacet, string | string[]>
> & {
  /** Clusters listed, most expensive first (at most 500); the totals cover all. */
  limit?: number;
};

/** Identifies one ClusterDeployment. @public */
export interface ClusterRef {
  managementCluster: string;
  namespace: string;
  name: string;
}

/** Identifies one MultiClusterService (cluster-scoped). @public */
export interface MultiClusterServiceRef {
  managementCluster: string;
  name: string;
}

/**
 * Read access to the k0rdent backend plugin (`/api/k0rdent`). Lists contain
 * only what the signed-in user may read.
 *
 * @public
 */
export interface K0rdentApi {
  /** `GET /management-clusters`: the configured management clusters and their health. */
  listManagementClusters(): Promise<ManagementClusterHealth[]>;
  /** `GET /templates`: ClusterTemplates and ServiceTemplates. */
  listTemplates(filter?: TemplateListFilter): Promise<TemplateSummary[]>;
  /** `GET /templates/...`: one template with its defaults and values schema. */
  getTemplate(ref: TemplateRef): Promise<TemplateDetails>;
  /** `GET /credentials`: Credentials, without anything of the identity behind them. */
  listCredentials(filter?: CredentialListFilter): Promise<CredentialSummary[]>;
  /** `GET /clusters`: one page of the fleet. */
  listClusters(query?: ClusterListQuery): Promise<ClusterPage>;
  /** `GET /clusters/...`: one cluster with everything its page shows. */
  getCluster(ref: ClusterRef): Promise<ClusterDetails>;
  /** `GET /requests/:id`: a desired-state request and its history. */
  getRequest(id: string): Promise<DesiredStateRequest>;
  /** `GET /clusters/.../metrics`: CPU, memory and nodes over a window, from KOF. */
  getClusterMetrics(
    ref: ClusterRef,
    window: MetricsWindow,
  ): Promise<ClusterMetrics>;
  /** `GET /clusters/.../cost`: what the cluster costs, from KOF's OpenCost data. */
  getClusterCost(ref: ClusterRef): Promise<ClusterCost>;
  /** `GET /cost`: what the matching clusters whose cost the user may read cost. */
  getCostSummary(query?: CostSummaryQuery): Promise<CostSummary>;
  /**
   * `GET /multi-cluster-services/...`: a MultiClusterService with its rollout
   * over the matching clusters the user may read (the others only counted).
   */
  getMultiClusterService(
    ref: MultiClusterServiceRef,
  ): Promise<MultiClusterServiceDetails>;
}

/**
 * The {@link K0rdentApi}, owned by the `k0rdent` plugin. Works in both the
 * new and the legacy frontend system.
 *
 * @public
 */
export const k0rdentApiRef = createApiRef<K0rdentApi>().with({
  id: 'plugin.k0rdent.api',
  pluginId: 'k0rdent',
});
