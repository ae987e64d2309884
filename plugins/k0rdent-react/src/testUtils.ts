/*
 * An in-memory K0rdentApi for tests, in this package and in packages that use
 * it. It filters like the backend does (by management cluster, namespace, kind,
 * validity, readiness) so a test can give it a mixed fleet and check that a
 * component asks for the right subset. Plain functions, no jest, so it works
 * under any test runner and in dev apps.
 */
import { NotFoundError } from '@backstage/errors';
import type {
  ClusterDetails,
  ClusterFacet,
  ClusterPage,
  ClusterSummary,
  CredentialSummary,
  DesiredStateRequest,
  ManagementClusterHealth,
  TemplateDetails,
  TemplateSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  ClusterListQuery,
  ClusterRef,
  CredentialListFilter,
  K0rdentApi,
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
  requests?: DesiredStateRequest[];
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

  async listClusters(query: ClusterListQuery = {}): Promise<ClusterPage> {
    this.#failIfAsked('listClusters');
    const { q, offset = 0, limit = 50 } = query;
    const facets: ClusterFacet[] = [
      'managementCluster',
      'namespace',
      'status',
      'owner',
    ];
    const found = (this.#data.clusters ?? []).filter(
      c =>
        facets.every(facet => {
          const wanted = query[facet];
          if (wanted === undefined) return true;
          return ([] as string[]).concat(wanted).includes(String(c[facet]));
        }) &&
        (!q || c.name.includes(q)),
    );
    return {
      items: found.slice(offset, offset + limit),
      totalItems: found.length,
      offset,
      limit,
      facets: {},
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
    return {
      conditions: [],
      serviceStates: [],
      serviceSpec: [],
      upgrades: [],
      events: [],
      stale: false,
      regions: [],
      ...cluster,
    };
  }

  async getRequest(id: string): Promise<DesiredStateRequest> {
    this.#failIfAsked('getRequest');
    const request = (this.#data.requests ?? []).find(r => r.id === id);
    if (!request) throw new NotFoundError(`No request ${id}`);
    return request;
  }

  #failIfAsked(method: keyof K0rdentApi) {
    const error = this.#data.failures?.[method];
    if (error) throw error;
  }
}

/** An absent filter matches everything. */
function matches<T>(wanted: T | undefined, actual: T): boolean {
  return wanted === undefined || wanted === actual;
}
