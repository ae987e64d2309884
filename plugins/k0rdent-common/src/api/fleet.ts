/*
 * What the k0rdent backend's read API returns: the fleet as the portal shows it,
 * computed from the fleet cache. JSON on the wire: dates are ISO strings.
 */
import type { ClusterPhase } from '../k0rdent/clusterPhase';
import type { Condition, JsonObject, LabelSelector } from '../k0rdent/meta';
import type { ServiceDependency, ServiceState } from '../k0rdent/services';

/**
 * The status facet of a cluster: its phase, or `Stale` while its management
 * cluster does not answer (the last known phase is kept in `phase`).
 *
 * @public
 */
export type ClusterStatus = ClusterPhase | 'Stale';

/** One ClusterDeployment in the fleet overview. @public */
export interface ClusterSummary {
  managementCluster: string;
  namespace: string;
  name: string;
  /** Ref of its catalog entity, e.g. `resource:default/demo_clusterd_team-a_prod`. */
  entityRef: string;
  /** Owner entity ref, by the same rules as the catalog. */
  owner: string;
  /** KOF tenant (`PLATFORM` when the cluster has no tenant label). */
  tenant: string;
  status: ClusterStatus;
  /** The phase from the last known conditions, also while stale. */
  phase: ClusterPhase;
  /** Message of the Ready condition when the cluster is not ready. */
  message?: string;
  template: string;
  credential?: string;
  /** Infrastructure provider, e.g. `aws`, from the template. */
  provider?: string;
  /** KCM Region; absent for clusters on the management cluster itself. */
  region?: string;
  /** The cloud's own region or location. */
  cloudRegion?: string;
  kubernetesVersion?: string;
  kofRole?: string;
  /** Services Deployed / total (ServicesInReadyState). */
  services?: { ready: number; total: number };
  /** Templates this cluster may be upgraded to. */
  availableUpgrades: string[];
  labels: Record<string, string>;
  createdAt?: string;
}

/**
 * The facets the fleet overview filters on, the same as the catalog labels.
 *
 * @public
 */
export const CLUSTER_FACETS = [
  'managementCluster',
  'namespace',
  'status',
  'provider',
  'region',
  'cloudRegion',
  'kubernetesVersion',
  'template',
  'tenant',
  'kofRole',
  'owner',
] as const;

/** One of {@link CLUSTER_FACETS}. @public */
export type ClusterFacet = (typeof CLUSTER_FACETS)[number];

/** Fields the fleet overview sorts by. @public */
export const CLUSTER_SORT_FIELDS = [
  'name',
  'namespace',
  'managementCluster',
  'status',
  'provider',
  'template',
  'kubernetesVersion',
  'tenant',
  'owner',
  'createdAt',
] as const;

/** One of {@link CLUSTER_SORT_FIELDS}. @public */
export type ClusterSortField = (typeof CLUSTER_SORT_FIELDS)[number];

/** A page of the fleet overview. @public */
export interface ClusterPage {
  items: ClusterSummary[];
  /** Clusters matching the filters (that the user may read), over all pages. */
  totalItems: number;
  offset: number;
  limit: number;
  /** Counts per facet value over the matching clusters, for filter menus. */
  facets: Partial<
    Record<ClusterFacet, Array<{ value: string; count: number }>>
  >;
}

/** An event about an object, newest first. @public */
export interface ObjectEvent {
  type: 'Normal' | 'Warning' | string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
}

/** A template a cluster may move to. @public */
export interface UpgradeTarget {
  name: string;
  /** The target template is valid; an invalid one cannot be used. */
  valid: boolean;
  kubernetesVersion?: string;
  chartVersion?: string;
}

/** One cluster with everything its page shows. @public */
export interface ClusterDetails extends ClusterSummary {
  conditions: Condition[];
  /** Per-service state from KSM (its own services and those of MultiClusterServices). */
  serviceStates: ServiceState[];
  /** The services asked for in its `serviceSpec`. */
  serviceSpec: ServiceSpecSummary[];
  upgrades: UpgradeTarget[];
  /** Recent Kubernetes events about the ClusterDeployment (may be empty). */
  events: ObjectEvent[];
  /** The management cluster does not answer: everything shown is the last known state. */
  stale: boolean;
  staleSince?: string;
  /** Regions built on this cluster (deleting it is refused while any exists). */
  regions: string[];
}

/**
 * A service as a `serviceSpec` asks for it, without its values (they may hold
 * secrets).
 *
 * @public
 */
export interface ServiceSpecSummary {
  name: string;
  namespace?: string;
  template: string;
  dependsOn?: ServiceDependency[];
}

/**
 * One ClusterDeployment a MultiClusterService matches, as its rollout shows
 * it: the entry of the MultiClusterService's `status.matchingClusters` joined
 * with the cluster's summary.
 *
 * @public
 */
export interface MultiClusterServiceCluster {
  namespace: string;
  name: string;
  /** Ref of the cluster's catalog entity. */
  entityRef: string;
  status: ClusterStatus;
  phase: ClusterPhase;
  /** All services of the MultiClusterService are deployed on the cluster. */
  deployed: boolean;
  /** The cluster belongs to a KCM Region. */
  regional?: boolean;
  /** Why the services are not deployed yet, e.g. `MultiClusterServiceDependencyNotReady`. */
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  /**
   * The states of the MultiClusterService's services on the cluster, in the
   * order of its spec; a service KSM reports nothing about yet is absent.
   */
  services: ServiceState[];
}

/**
 * A MultiClusterService with its rollout: every matching cluster the caller
 * may read, with the states of the service's services there. Clusters the
 * caller may not read are only counted (`counts.hidden`).
 *
 * @public
 */
export interface MultiClusterServiceDetails {
  managementCluster: string;
  name: string;
  /** Ref of its catalog entity. */
  entityRef: string;
  /** `spec.clusterSelector`; `{}` when it has none (it then matches no cluster). */
  clusterSelector: LabelSelector;
  /** The selector in the string form, e.g. `env=prod, tier in (web)`; empty for an empty selector. */
  selector: string;
  /** MultiClusterServices that must be deployed on a cluster first. */
  dependsOn: string[];
  /** Its services are also deployed on the management cluster. */
  selfManagement: boolean;
  /** The services it deploys (enabled ones), without their values. */
  services: ServiceSpecSummary[];
  conditions: Condition[];
  /** The matching clusters the caller may read, by namespace and name. */
  clusters: MultiClusterServiceCluster[];
  /** The states of its services on the management cluster (with `selfManagement`). */
  managementClusterServices: ServiceState[];
  /**
   * Counts over the matching clusters the caller may read: `matching` of them,
   * `deployed` (every service deployed), `failed` (a service failed); and
   * `hidden`: matching clusters the caller may not read.
   */
  counts: {
    matching: number;
    deployed: number;
    failed: number;
    hidden: number;
  };
  /** The management cluster does not answer: everything shown is the last known state. */
  stale: boolean;
  staleSince?: string;
  createdAt?: string;
}

/** Kind of template in the template catalogue. @public */
export type TemplateKind = 'cluster' | 'service';

/** A ClusterTemplate or ServiceTemplate in the catalogue. @public */
export interface TemplateSummary {
  managementCluster: string;
  namespace: string;
  name: string;
  kind: TemplateKind;
  valid: boolean;
  validationError?: string;
  description?: string;
  /** Infrastructure provider (cluster templates). */
  provider?: string;
  providers: string[];
  chartVersion?: string;
  /** Version of the packaged app (service templates). */
  version?: string;
  kubernetesVersion?: string;
  /** Templates reachable from this one through the namespace's template chains. */
  upgrades: string[];
  /** The template carries a values schema (its chart has values.schema.json). */
  hasValuesSchema: boolean;
  /** A copy made by AccessManagement from the system namespace. */
  copy: boolean;
}

/** A template with the defaults and schema a form is built from. @public */
export interface TemplateDetails extends TemplateSummary {
  /** The chart's default values (`status.config`). */
  defaults?: JsonObject;
  /** The chart's values.schema.json, when it has one. */
  valuesSchema?: JsonObject;
}

/** A Credential, without anything of the identity behind it. @public */
export interface CredentialSummary {
  managementCluster: string;
  namespace: string;
  name: string;
  ready: boolean;
  description?: string;
  /** KCM Region the credential deploys into; absent = the management cluster. */
  region?: string;
  /** Infrastructure provider the identity kind belongs to, e.g. `aws`. */
  provider?: string;
  /** Kind of the CAPI identity, e.g. `AWSClusterStaticIdentity`. */
  identityKind?: string;
}

/** Health of one management cluster as the backend sees it. @public */
export interface ManagementClusterHealth {
  name: string;
  title?: string;
  connected: boolean;
  synced: boolean;
  /** Since when the cluster does not answer. */
  staleSince?: string;
  /** Sanitized message of the last error. */
  lastError?: string;
  /** ClusterDeployments in the cache. */
  clusters: number;
}
