/*
 * One ClusterDeployment as the fleet overview lists it, derived once per cached
 * object. The fleet cache replaces an object whenever it changes, so a WeakMap
 * keyed by the object forgets a row exactly when it goes out of date; the
 * template and credential a row was derived with are checked again whenever
 * templates or credentials may have changed.
 */
import {
  CLUSTER_FACETS,
  CONDITION_TYPES,
  KCM_SYSTEM_NAMESPACE,
  cloudRegionFromConfig,
  clusterPhase,
  getCondition,
  infrastructureProviderOf,
  k0rdentEntityRef,
  kofRoleOf,
  kubernetesVersionOf,
  servicesReadyOf,
  type ClusterDeployment,
  type ClusterFacet,
  type ClusterPhase,
  type ClusterSortField,
  type ClusterSummary,
  type ClusterTemplate,
  type Credential,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type {
  FleetCache,
  K0rdentClusterResource,
  K0rdentOwnershipConfig,
  KubeObject,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { clusterResourceOf } from '../permissions/clusterResources';

/** A cluster's summary without its status, which depends on its management cluster's health. */
export type ClusterRowSummary = Omit<ClusterSummary, 'status'>;

/** Sort fields whose key is fixed per row (all but `status`). */
type StaticSortField = Exclude<ClusterSortField, 'status'>;

/** Index of the `status` facet in CLUSTER_FACETS. */
export const STATUS_FACET = CLUSTER_FACETS.indexOf('status');

/**
 * Facet values as small numbers (per facet, in CLUSTER_FACETS order), so that
 * queries filter and count with typed arrays. Values are only ever added: the
 * distinct values of a fleet (namespaces, templates, versions …) are few.
 */
export class FacetValues {
  readonly #values: string[][] = CLUSTER_FACETS.map(() => []);
  readonly #ids: Array<Map<string, number>> = CLUSTER_FACETS.map(
    () => new Map(),
  );

  /** The number of `value` in facet `facet`, added if new; -1 for no value. */
  idOf(facet: number, value: string | undefined): number {
    if (value === undefined) return -1;
    let id = this.#ids[facet].get(value);
    if (id === undefined) {
      id = this.#values[facet].length;
      this.#values[facet].push(value);
      this.#ids[facet].set(value, id);
    }
    return id;
  }

  /** The number of a known value; undefined when no cluster ever had it. */
  find(facet: number, value: string): number | undefined {
    return this.#ids[facet].get(value);
  }

  /** The values of a facet by number. */
  valuesOf(facet: number): readonly string[] {
    return this.#values[facet];
  }
}

/** Everything the fleet overview needs of one cluster, computed once. */
export interface ClusterRow {
  readonly object: ClusterDeployment;
  readonly summary: ClusterRowSummary;
  /** The cluster's permission resource. */
  readonly resource: K0rdentClusterResource;
  /** Sort keys (natural order as plain string order); undefined when the field has no value. */
  readonly sortKeys: Readonly<Record<StaticSortField, string | undefined>>;
  /** `managementCluster`, `namespace`, `name` joined: the tie breaker of every sort. */
  readonly identityKey: string;
  /**
   * The row's value of each facet as a {@link FacetValues} number, in
   * CLUSTER_FACETS order; -1 for no value and for `status`, which depends on
   * the management cluster's health.
   */
  readonly facetIds: Int32Array;
  /** The template and credential the row was derived from. */
  readonly template?: ClusterTemplate;
  readonly credential?: Credential;
  /** The references version at which template and credential were last checked. */
  referencesVersion?: number;
}

/** The entity ref of a cluster's catalog entity, as the catalog module names it. */
export function clusterEntityRef(
  managementCluster: string,
  namespace: string,
  name: string,
): string {
  return k0rdentEntityRef({
    managementCluster,
    kind: 'ClusterDeployment',
    namespace,
    name,
  });
}

/**
 * An object a cluster refers to by name: looked up in the cluster's own
 * namespace, as k0rdent does, else the original in the system namespace that
 * AccessManagement would copy there (as the catalog module resolves it).
 */
export function referencedObject(
  cache: FleetCache,
  kind: string,
  namespace: string,
  name: string | undefined,
): KubeObject | undefined {
  if (!name) return undefined;
  return (
    cache.get(kind, namespace, name) ??
    cache.get(kind, KCM_SYSTEM_NAMESPACE, name)
  );
}

/**
 * A string that sorts in natural order ("v1.9" before "v1.10", "scale-2"
 * before "scale-10") with plain `<`, which is far cheaper than a collator.
 */
export function naturalSortKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return value
    .toLocaleLowerCase('en-US')
    .replace(/\d+/g, digits => digits.padStart(12, '0'));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

/** The Ready condition's message while the cluster is not Ready. */
function notReadyMessage(
  cluster: ClusterDeployment,
  phase: ClusterPhase,
): string | undefined {
  if (phase === 'Ready') return undefined;
  return nonEmpty(getCondition(cluster, CONDITION_TYPES.ready)?.message);
}

/** Derives and remembers {@link ClusterRow}s. */
export class ClusterRows {
  readonly #ownership: K0rdentOwnershipConfig;
  readonly #rows = new WeakMap<ClusterDeployment, ClusterRow>();
  /** The facet values of every row derived here. */
  readonly facetValues = new FacetValues();

  constructor(ownership: K0rdentOwnershipConfig) {
    this.#ownership = ownership;
  }

  /**
   * The row of a cached ClusterDeployment of `managementCluster`.
   *
   * `referencesVersion` is a number the caller changes whenever a template or
   * credential may have changed; while it stays the same, a known row is
   * reused without looking its template and credential up again. Without it
   * they are looked up every time.
   */
  rowOf(
    managementCluster: string,
    cache: FleetCache,
    cluster: ClusterDeployment,
    referencesVersion?: number,
  ): ClusterRow {
    const known = this.#rows.get(cluster);
    if (
      known &&
      referencesVersion !== undefined &&
      known.referencesVersion === referencesVersion
    ) {
      return known;
    }
    const namespace = cluster.metadata.namespace ?? '';
    const template = referencedObject(
      cache,
      'ClusterTemplate',
      namespace,
      cluster.spec?.template,
    ) as ClusterTemplate | undefined;
    const credential = referencedObject(
      cache,
      'Credential',
      namespace,
      cluster.spec?.credential,
    ) as Credential | undefined;
    if (
      known &&
      known.template === template &&
      known.credential === credential
    ) {
      known.referencesVersion = referencesVersion;
      return known;
    }
    const row = this.#derive(managementCluster, cluster, template, credential);
    row.referencesVersion = referencesVersion;
    this.#rows.set(cluster, row);
    return row;
  }

  #derive(
    managementCluster: string,
    cluster: ClusterDeployment,
    template: ClusterTemplate | undefined,
    credential: Credential | undefined,
  ): ClusterRow {
    const { name } = cluster.metadata;
    const namespace = cluster.metadata.namespace ?? '';
    const resource = clusterResourceOf(
      this.#ownership,
      managementCluster,
      cluster,
    );
    const phase = clusterPhase(cluster);
    // Built field by field rather than with `delete`, which would turn the
    // object into a slow dictionary.
    const summary: ClusterRowSummary = {
      managementCluster,
      namespace,
      name,
      entityRef: clusterEntityRef(managementCluster, namespace, name),
      owner: resource.owner,
      tenant: resource.tenant,
      phase,
      template: cluster.spec?.template ?? '',
      availableUpgrades: cluster.status?.availableUpgrades ?? [],
      labels: cluster.metadata.labels ?? {},
    };
    const optional: Partial<ClusterRowSummary> = {
      message: notReadyMessage(cluster, phase),
      credential: nonEmpty(cluster.spec?.credential),
      provider: infrastructureProviderOf(template),
      region:
        nonEmpty(cluster.status?.region) ?? nonEmpty(credential?.spec?.region),
      cloudRegion: cloudRegionFromConfig(cluster.spec?.config),
      kubernetesVersion: kubernetesVersionOf(cluster, template),
      kofRole: kofRoleOf(cluster),
      services: servicesReadyOf(cluster),
      createdAt: cluster.metadata.creationTimestamp,
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined)
        (summary as Record<string, unknown>)[key] = value;
    }
    const facetIds = new Int32Array(CLUSTER_FACETS.length);
    CLUSTER_FACETS.forEach((facet, f) => {
      facetIds[f] =
        f === STATUS_FACET
          ? -1
          : this.facetValues.idOf(
              f,
              summary[facet as Exclude<ClusterFacet, 'status'>],
            );
    });
    return {
      object: cluster,
      summary,
      resource,
      facetIds,
      template,
      credential,
      identityKey: `${managementCluster}\u0000${namespace}\u0000${name}`,
      sortKeys: {
        name: naturalSortKey(name),
        namespace: naturalSortKey(namespace),
        managementCluster: naturalSortKey(managementCluster),
        provider: naturalSortKey(summary.provider),
        template: naturalSortKey(summary.template),
        kubernetesVersion: naturalSortKey(summary.kubernetesVersion),
        tenant: naturalSortKey(summary.tenant),
        owner: naturalSortKey(summary.owner),
        createdAt: summary.createdAt,
      },
    };
  }
}
