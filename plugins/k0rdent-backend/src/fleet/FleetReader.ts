/*
 * The read side of the k0rdent API: the wire types of -common built from the
 * fleet cache. Nothing here lists the API server for a request; only a page
 * about one object may fetch that object's events and its template's values
 * schema, on demand and cached.
 *
 * The fleet overview has to answer within milliseconds over 10,000 clusters:
 * each cluster's row is derived once per cached object (see clusterRows.ts),
 * and the list of rows with its sort orders is kept until the fleet changes.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  type ClusterDeployment,
  type ClusterDetails,
  type ClusterPage,
  type ClusterStatus,
  type ClusterSummary,
  type ClusterTemplate,
  type Credential,
  type CredentialSummary,
  type JsonObject,
  type ManagementClusterHealth,
  type MultiClusterService,
  type MultiClusterServiceDetails,
  type ObjectEvent,
  type Region,
  type ServiceSet,
  type ServiceTemplate,
  type TemplateDetails,
  type TemplateKind,
  type TemplateSummary,
  type UpgradeTarget,
  kubernetesVersionOf,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  FleetCache,
  K0rdentFleetService,
  K0rdentOwnershipConfig,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  ClusterOverview,
  type ClusterQuery,
  type ClusterReadFilter,
} from './clusterQuery';
import { ClusterRows, type ClusterRow } from './clusterRows';
import { credentialSummary } from './credentials';
import { ExpiringCache } from './ExpiringCache';
import {
  multiClusterServiceDetails,
  serviceSpecSummaries,
} from './multiClusterServices';
import { TEMPLATE_KINDS, templateSummary, upgradeEdges } from './templates';

/** Kinds whose changes change the fleet overview. */
const OVERVIEW_KINDS = new Set([
  'ClusterDeployment',
  'ClusterTemplate',
  'Credential',
]);
/** Kinds a cluster's row refers to. */
const REFERENCED_KINDS = new Set(['ClusterTemplate', 'Credential']);

/** Events shown for one cluster at most. */
const MAX_EVENTS = 50;

/** Options of {@link FleetReader}. */
export interface FleetReaderOptions {
  fleet: K0rdentFleetService;
  ownership: K0rdentOwnershipConfig;
  logger?: LoggerService;
  /** How long a cluster's events are kept; default 5 s. */
  eventsTtlMs?: number;
  /**
   * How long a page waits for events or a values schema from the API server
   * before it answers without them (the load goes on and fills the cache);
   * default 3 s.
   */
  fetchWaitMs?: number;
}

/** Filters of {@link FleetReader.listTemplates}. */
export interface TemplateFilter {
  managementCluster?: string;
  namespace?: string;
  kind?: TemplateKind;
  valid?: boolean;
}

/** Filters of {@link FleetReader.listCredentials}. */
export interface CredentialFilter {
  managementCluster?: string;
  namespace?: string;
  ready?: boolean;
}

const TIMED_OUT = Symbol('timed out');

/** Reads the fleet for the HTTP API. */
export class FleetReader {
  readonly #fleet: K0rdentFleetService;
  readonly #logger?: LoggerService;
  readonly #rows: ClusterRows;
  readonly #events: ExpiringCache<ObjectEvent[]>;
  readonly #schemas = new ExpiringCache<JsonObject | undefined>({
    ttlMs: Infinity,
    maxEntries: 1000,
  });
  readonly #fetchWaitMs: number;
  /** Changes with every change of the overview. */
  #version = 0;
  /** Changes with every change of a template or credential. */
  #referencesVersion = 0;
  /** The clusters of the whole fleet, kept until the fleet changes. */
  #overview?: { version: number; clusters: ClusterOverview };

  constructor(options: FleetReaderOptions) {
    this.#fleet = options.fleet;
    this.#logger = options.logger;
    this.#rows = new ClusterRows(options.ownership);
    this.#events = new ExpiringCache({
      ttlMs: options.eventsTtlMs ?? 5000,
      maxEntries: 1000,
    });
    this.#fetchWaitMs = options.fetchWaitMs ?? 3000;
    this.#fleet.subscribe(event => {
      if (OVERVIEW_KINDS.has(event.kind)) this.#version += 1;
      if (REFERENCED_KINDS.has(event.kind)) this.#referencesVersion += 1;
    });
    this.#fleet.onHealthChange(() => {
      this.#version += 1;
    });
  }

  /** Every configured management cluster and how the backend sees it. */
  managementClusters(): ManagementClusterHealth[] {
    return this.#fleet.clusters().map(info => {
      const cache = this.#fleet.get(info.name);
      const health = cache.health();
      const result: ManagementClusterHealth = {
        name: info.name,
        title: info.title,
        connected: health.connected,
        synced: health.synced,
        clusters: cache.count('ClusterDeployment'),
      };
      if (health.staleSince) {
        result.staleSince = health.staleSince.toISOString();
      }
      if (health.lastError) result.lastError = health.lastError;
      return result;
    });
  }

  /**
   * One page of the fleet overview: the clusters the query matches among
   * those `canRead` allows, with the totals and facet counts of those.
   * Clusters of a management cluster that does not answer have the status
   * `Stale` (their last known phase stays in `phase`).
   */
  listClusters(query: ClusterQuery, canRead: ClusterReadFilter): ClusterPage {
    return this.#clusters().query(query, canRead);
  }

  /**
   * Every cluster matching the facet filters that `allowed` lets through,
   * unpaged (for aggregates over a team's, a tenant's or the whole fleet).
   */
  findClusters(
    filters: ClusterQuery['filters'],
    allowed: ClusterReadFilter,
  ): ClusterSummary[] {
    return this.#clusters().matching(filters, allowed);
  }

  /** The ClusterDeployment itself, when it exists and `allowed` lets it through. */
  clusterObject(
    managementCluster: string,
    namespace: string,
    name: string,
    allowed: ClusterReadFilter,
  ): ClusterDeployment | undefined {
    return this.#allowedRow(managementCluster, namespace, name, allowed)
      ?.cluster;
  }

  /** A cluster's row, when it exists and `allowed` lets it through. */
  #allowedRow(
    managementCluster: string,
    namespace: string,
    name: string,
    allowed: ClusterReadFilter,
  ):
    | { cache: FleetCache; cluster: ClusterDeployment; row: ClusterRow }
    | undefined {
    const cache = this.#cache(managementCluster);
    const cluster = cache.get('ClusterDeployment', namespace, name) as
      | ClusterDeployment
      | undefined;
    if (!cluster) return undefined;
    const row = this.#rows.rowOf(
      managementCluster,
      cache,
      cluster,
      this.#referencesVersion,
    );
    return allowed(row.resource) ? { cache, cluster, row } : undefined;
  }

  /**
   * One cluster with everything its page shows, or undefined when it does not
   * exist or `canRead` does not allow it (so that the caller answers both the
   * same way). Throws NotFoundError for an unknown management cluster.
   */
  async getCluster(
    managementCluster: string,
    namespace: string,
    name: string,
    canRead: ClusterReadFilter,
  ): Promise<ClusterDetails | undefined> {
    const found = this.#allowedRow(managementCluster, namespace, name, canRead);
    if (!found) return undefined;
    const { cache, cluster, row } = found;

    const staleSince = cache.health().staleSince?.toISOString();
    const status: ClusterStatus = staleSince ? 'Stale' : row.summary.phase;
    const details: ClusterDetails = {
      ...row.summary,
      status,
      conditions: cluster.status?.conditions ?? [],
      serviceStates: cluster.status?.services ?? [],
      serviceSpec: serviceSpecSummaries(cluster.spec?.serviceSpec?.services),
      upgrades: row.summary.availableUpgrades.map(target => {
        const template = cache.get('ClusterTemplate', namespace, target) as
          | ClusterTemplate
          | undefined;
        const upgrade: UpgradeTarget = {
          name: target,
          valid: template?.status?.valid === true,
        };
        const version = template && kubernetesVersionOf({}, template);
        if (version) upgrade.kubernetesVersion = version;
        if (template?.status?.chartVersion) {
          upgrade.chartVersion = template.status.chartVersion;
        }
        return upgrade;
      }),
      regions: (cache.list('Region') as Region[])
        .filter(
          region =>
            region.spec?.clusterDeployment?.name === name &&
            region.spec.clusterDeployment.namespace === namespace,
        )
        .map(region => region.metadata.name)
        .sort(),
      events: staleSince
        ? []
        : await this.#eventsOf(managementCluster, cluster),
      stale: Boolean(staleSince),
    };
    if (staleSince) details.staleSince = staleSince;
    return details;
  }

  /**
   * A MultiClusterService with its rollout over the matching clusters that
   * `canRead` allows (the others are only counted), or undefined when there is
   * none by that name. Throws NotFoundError for an unknown management cluster.
   */
  getMultiClusterService(
    managementCluster: string,
    name: string,
    canRead: ClusterReadFilter,
  ): MultiClusterServiceDetails | undefined {
    const cache = this.#cache(managementCluster);
    const mcs = cache.get('MultiClusterService', undefined, name) as
      | MultiClusterService
      | undefined;
    if (!mcs) return undefined;
    return multiClusterServiceDetails(
      {
        managementCluster,
        mcs,
        clusterRow: (namespace, clusterName) => {
          const cluster = cache.get(
            'ClusterDeployment',
            namespace,
            clusterName,
          ) as ClusterDeployment | undefined;
          return cluster
            ? this.#rows.rowOf(
                managementCluster,
                cache,
                cluster,
                this.#referencesVersion,
              )
            : undefined;
        },
        serviceSets: cache.byIndex(
          'ServiceSet',
          'multiClusterService',
          name,
        ) as ServiceSet[],
        staleSince: cache.health().staleSince?.toISOString(),
      },
      canRead,
    );
  }

  /** The template catalogue, filtered. Throws NotFoundError for an unknown management cluster. */
  listTemplates(filter: TemplateFilter = {}): TemplateSummary[] {
    const result: TemplateSummary[] = [];
    for (const [managementCluster, cache] of this.#caches(
      filter.managementCluster,
    )) {
      for (const kind of ['cluster', 'service'] as const) {
        if (filter.kind && filter.kind !== kind) continue;
        const edges = new Map<string, Map<string, string[]>>();
        const templates = cache.list(
          TEMPLATE_KINDS[kind].template,
          filter.namespace !== undefined
            ? { namespace: filter.namespace }
            : undefined,
        ) as Array<ClusterTemplate | ServiceTemplate>;
        for (const template of templates) {
          const valid = template.status?.valid === true;
          if (filter.valid !== undefined && filter.valid !== valid) continue;
          const namespace = template.metadata.namespace ?? '';
          let namespaceEdges = edges.get(namespace);
          if (!namespaceEdges) {
            namespaceEdges = upgradeEdges(cache, kind, namespace);
            edges.set(namespace, namespaceEdges);
          }
          result.push(
            templateSummary(
              managementCluster,
              kind,
              template,
              namespaceEdges.get(template.metadata.name) ?? [],
            ),
          );
        }
      }
    }
    return result.sort(
      (a, b) =>
        compare(a.managementCluster, b.managementCluster) ||
        compare(a.kind, b.kind) ||
        compare(a.namespace, b.namespace) ||
        compare(a.name, b.name),
    );
  }

  /**
   * One template with its defaults and values schema, or undefined. Throws
   * NotFoundError for an unknown management cluster.
   */
  async getTemplate(
    managementCluster: string,
    kind: TemplateKind,
    namespace: string,
    name: string,
  ): Promise<TemplateDetails | undefined> {
    const cache = this.#cache(managementCluster);
    const template = cache.get(
      TEMPLATE_KINDS[kind].template,
      namespace,
      name,
    ) as ClusterTemplate | ServiceTemplate | undefined;
    if (!template) return undefined;
    const details: TemplateDetails = templateSummary(
      managementCluster,
      kind,
      template,
      upgradeEdges(cache, kind, namespace).get(name) ?? [],
    );
    if (template.status?.config) details.defaults = template.status.config;
    const schema = await this.#withinWait(
      this.valuesSchemaOf(managementCluster, template),
      undefined,
    );
    if (schema) details.valuesSchema = schema;
    return details;
  }

  /**
   * The values JSON Schema of a template (the `schema` key of the ConfigMap
   * named by `status.schemaConfigMapName`), or undefined when it has none or
   * its text is not a JSON object. Fetched once per template resourceVersion;
   * a failed fetch throws and is tried again next time.
   */
  async valuesSchemaOf(
    managementCluster: string,
    template: ClusterTemplate | ServiceTemplate,
  ): Promise<JsonObject | undefined> {
    const configMapName = template.status?.schemaConfigMapName;
    const namespace = template.metadata.namespace;
    if (!configMapName || !namespace) return undefined;
    const key = [
      managementCluster,
      template.kind,
      namespace,
      template.metadata.name,
      template.metadata.resourceVersion ?? '',
    ].join('/');
    return this.#schemas.get(key, async () => {
      const configMap = await this.#fleet
        .client(managementCluster)
        .get('ConfigMap', namespace, configMapName);
      const text = (configMap?.data as Record<string, string> | undefined)
        ?.schema;
      if (typeof text !== 'string') return undefined;
      try {
        const schema = JSON.parse(text);
        return schema && typeof schema === 'object' && !Array.isArray(schema)
          ? (schema as JsonObject)
          : undefined;
      } catch {
        this.#logger?.warn(
          `The values schema of ${template.kind} ${namespace}/${template.metadata.name} on '${managementCluster}' is not valid JSON`,
        );
        return undefined;
      }
    });
  }

  /** Credentials, filtered; never anything of their identities. */
  listCredentials(filter: CredentialFilter = {}): CredentialSummary[] {
    const result: CredentialSummary[] = [];
    for (const [managementCluster, cache] of this.#caches(
      filter.managementCluster,
    )) {
      const credentials = cache.list(
        'Credential',
        filter.namespace !== undefined
          ? { namespace: filter.namespace }
          : undefined,
      ) as Credential[];
      for (const credential of credentials) {
        const summary = credentialSummary(managementCluster, credential);
        if (filter.ready !== undefined && summary.ready !== filter.ready) {
          continue;
        }
        result.push(summary);
      }
    }
    return result.sort(
      (a, b) =>
        compare(a.managementCluster, b.managementCluster) ||
        compare(a.namespace, b.namespace) ||
        compare(a.name, b.name),
    );
  }

  #cache(managementCluster: string): FleetCache {
    const cache = this.#fleet.find(managementCluster);
    if (!cache) {
      throw new NotFoundError(
        `No management cluster named '${managementCluster}'`,
      );
    }
    return cache;
  }

  #caches(managementCluster?: string): Array<[string, FleetCache]> {
    if (managementCluster !== undefined) {
      return [[managementCluster, this.#cache(managementCluster)]];
    }
    return this.#fleet
      .clusters()
      .map(info => [info.name, this.#fleet.get(info.name)]);
  }

  /** The overview of every cluster, rebuilt only after the fleet changed. */
  #clusters(): ClusterOverview {
    const version = this.#version;
    if (this.#overview?.version === version) return this.#overview.clusters;
    const rows: ClusterRow[] = [];
    const stale = new Set<string>();
    for (const info of this.#fleet.clusters()) {
      const cache = this.#fleet.get(info.name);
      if (cache.health().staleSince) stale.add(info.name);
      for (const cluster of cache.list(
        'ClusterDeployment',
      ) as ClusterDeployment[]) {
        rows.push(
          this.#rows.rowOf(info.name, cache, cluster, this.#referencesVersion),
        );
      }
    }
    const clusters = new ClusterOverview(
      rows,
      row =>
        stale.has(row.summary.managementCluster) ? 'Stale' : row.summary.phase,
      this.#rows.facetValues,
    );
    this.#overview = { version, clusters };
    return clusters;
  }

  /** Recent events of a cluster; empty when they cannot be had in time. */
  async #eventsOf(
    managementCluster: string,
    cluster: ClusterDeployment,
  ): Promise<ObjectEvent[]> {
    const { name, uid } = cluster.metadata;
    const namespace = cluster.metadata.namespace ?? '';
    const load = this.#events.get(
      [managementCluster, namespace, name, uid ?? ''].join('/'),
      async () => {
        try {
          return await this.#fleet
            .client(managementCluster)
            .listEvents(
              { kind: 'ClusterDeployment', namespace, name, uid },
              { limit: MAX_EVENTS },
            );
        } catch (e) {
          this.#logger?.warn(
            `Events of cluster ${namespace}/${name} on '${managementCluster}' could not be read: ${
              (e as Error)?.message ?? e
            }`,
          );
          return [];
        }
      },
    );
    return this.#withinWait(load, []);
  }

  /** What `promise` resolves to, or `fallback` when it fails or takes longer than the wait. */
  async #withinWait<T>(promise: Promise<T>, fallback: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>(resolve => {
      timer = setTimeout(() => resolve(TIMED_OUT), this.#fetchWaitMs);
    });
    try {
      const result = await Promise.race([promise, timeout]);
      return result === TIMED_OUT ? fallback : (result as T);
    } catch (e) {
      this.#logger?.warn(
        `Reading from the API server failed: ${(e as Error)?.message ?? e}`,
      );
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
