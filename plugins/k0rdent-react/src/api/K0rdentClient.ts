/*
 * HTTP implementation of K0rdentApi. It goes through the app's fetchApi so the
 * user's Backstage token is attached, and turns the backend's error bodies
 * (`{ error: { name, message } }`) into ResponseErrors that keep the message.
 */
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterCost,
  ClusterDetails,
  ClusterMetrics,
  ClusterPage,
  CostSummary,
  CredentialSummary,
  DesiredStateRequest,
  ManagementClusterHealth,
  MetricsWindow,
  MultiClusterServiceDetails,
  TemplateDetails,
  TemplateSummary,
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
} from './K0rdentApi';

type QueryValue = string | number | boolean | string[] | undefined;

/** The backend plugin's id, as the discovery API knows it. */
const BACKEND_PLUGIN_ID = 'k0rdent';

/**
 * {@link K0rdentApi} over HTTP against the k0rdent backend plugin.
 *
 * @public
 */
export class K0rdentClient implements K0rdentApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async listManagementClusters(): Promise<ManagementClusterHealth[]> {
    const body = await this.#get<{ items: ManagementClusterHealth[] }>(
      '/management-clusters',
    );
    return body.items;
  }

  async listTemplates(
    filter: TemplateListFilter = {},
  ): Promise<TemplateSummary[]> {
    const body = await this.#get<{ items: TemplateSummary[] }>('/templates', {
      ...filter,
    });
    return body.items;
  }

  getTemplate(ref: TemplateRef): Promise<TemplateDetails> {
    return this.#get(
      `/templates/${segments(
        ref.managementCluster,
        ref.kind,
        ref.namespace,
        ref.name,
      )}`,
    );
  }

  async listCredentials(
    filter: CredentialListFilter = {},
  ): Promise<CredentialSummary[]> {
    const body = await this.#get<{ items: CredentialSummary[] }>(
      '/credentials',
      { ...filter },
    );
    return body.items;
  }

  listClusters(query: ClusterListQuery = {}): Promise<ClusterPage> {
    return this.#get('/clusters', { ...query });
  }

  getCluster(ref: ClusterRef): Promise<ClusterDetails> {
    return this.#get(
      `/clusters/${segments(ref.managementCluster, ref.namespace, ref.name)}`,
    );
  }

  getRequest(id: string): Promise<DesiredStateRequest> {
    return this.#get(`/requests/${segments(id)}`);
  }

  getClusterMetrics(
    ref: ClusterRef,
    window: MetricsWindow,
  ): Promise<ClusterMetrics> {
    return this.#get(
      `/clusters/${segments(
        ref.managementCluster,
        ref.namespace,
        ref.name,
      )}/metrics`,
      { window },
    );
  }

  getClusterCost(ref: ClusterRef): Promise<ClusterCost> {
    return this.#get(
      `/clusters/${segments(
        ref.managementCluster,
        ref.namespace,
        ref.name,
      )}/cost`,
    );
  }

  getCostSummary(query: CostSummaryQuery = {}): Promise<CostSummary> {
    return this.#get('/cost', { ...query });
  }

  getMultiClusterService(
    ref: MultiClusterServiceRef,
  ): Promise<MultiClusterServiceDetails> {
    return this.#get(
      `/multi-cluster-services/${segments(ref.managementCluster, ref.name)}`,
    );
  }

  async #get<T>(path: string, query: Record<string, QueryValue> = {}) {
    const baseUrl = await this.#discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path}${queryString(query)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** Path segments, each URL-encoded, joined by `/`. */
function segments(...values: string[]): string {
  return values.map(encodeURIComponent).join('/');
}

/** `?a=1&b=x&b=y`, leaving out undefined values; empty when nothing is left. */
function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
