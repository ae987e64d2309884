/*
 * The one prefix for everything the k0rdent plugins write: annotations and labels on
 * catalog entities, and annotations our actions put on Kubernetes objects.
 */

/** Prefix of every annotation and label the k0rdent plugins own. @public */
export const K0RDENT_BACKSTAGE_PREFIX = 'backstage.k0rdent.io';

/**
 * Annotations on catalog entities that point back at the k0rdent object, so
 * that an entity can always be resolved to its object and never by parsing its name.
 * @public
 */
export const ENTITY_ANNOTATIONS = {
  /** Name of the management cluster (from config) the object lives on. */
  managementCluster: `${K0RDENT_BACKSTAGE_PREFIX}/management-cluster`,
  /** Kubernetes kind of the object, e.g. ClusterDeployment. */
  kind: `${K0RDENT_BACKSTAGE_PREFIX}/kind`,
  /** Namespace of the object; absent for cluster-scoped kinds. */
  namespace: `${K0RDENT_BACKSTAGE_PREFIX}/namespace`,
  /** Name of the object. */
  name: `${K0RDENT_BACKSTAGE_PREFIX}/name`,
  /** KOF tenant id, on tenant System entities. */
  tenant: `${K0RDENT_BACKSTAGE_PREFIX}/tenant`,
  /** Exact Kubernetes version (labels cannot hold `+`). */
  kubernetesVersion: `${K0RDENT_BACKSTAGE_PREFIX}/kubernetes-version`,
  /** Set when the management cluster stopped answering: the time since when the entity is stale. */
  staleSince: `${K0RDENT_BACKSTAGE_PREFIX}/stale-since`,
} as const;

/**
 * Labels on catalog entities: the facets people filter and search on.
 * Values are sanitized to valid label values.
 * @public
 */
export const ENTITY_LABELS = {
  status: `${K0RDENT_BACKSTAGE_PREFIX}/status`,
  provider: `${K0RDENT_BACKSTAGE_PREFIX}/provider`,
  /** Name of the KCM Region object the cluster is deployed through. */
  region: `${K0RDENT_BACKSTAGE_PREFIX}/region`,
  /** The cloud's own region or location (AWS/GCP region, Azure location, OpenStack region, vSphere datacenter). */
  cloudRegion: `${K0RDENT_BACKSTAGE_PREFIX}/cloud-region`,
  kubernetesVersion: `${K0RDENT_BACKSTAGE_PREFIX}/kubernetes-version`,
  template: `${K0RDENT_BACKSTAGE_PREFIX}/template`,
  kofRole: `${K0RDENT_BACKSTAGE_PREFIX}/kof-role`,
  tenant: `${K0RDENT_BACKSTAGE_PREFIX}/tenant`,
  managementCluster: `${K0RDENT_BACKSTAGE_PREFIX}/management-cluster`,
  namespace: `${K0RDENT_BACKSTAGE_PREFIX}/namespace`,
} as const;

/**
 * Annotations our scaffolder actions and reconciler put on Kubernetes objects.
 * @public
 */
export const OBJECT_ANNOTATIONS = {
  /** Entity ref of the owning group or user, e.g. `group:default/payments`. */
  owner: `${K0RDENT_BACKSTAGE_PREFIX}/owner`,
  /** Id of the desired-state request that last applied the object. */
  requestId: `${K0RDENT_BACKSTAGE_PREFIX}/request-id`,
  /** Entity ref of the user who asked for the last change. */
  requestedBy: `${K0RDENT_BACKSTAGE_PREFIX}/requested-by`,
} as const;

/** The `spec.type` of each entity the catalog module produces. @public */
export const ENTITY_TYPES = {
  cluster: 'kubernetes-cluster',
  clusterTemplate: 'k0rdent-cluster-template',
  serviceTemplate: 'k0rdent-service-template',
  credential: 'k0rdent-credential',
  multiClusterService: 'k0rdent-multi-cluster-service',
  region: 'k0rdent-region',
  tenant: 'kof-tenant',
} as const;

/**
 * Annotations of the Backstage Kubernetes plugin on Ready cluster entities: the
 * Kubernetes tab of the entity then shows the child cluster that the k0rdent
 * module of the Kubernetes backend supplies under the entity's name.
 * @public
 */
export const KUBERNETES_PLUGIN_ANNOTATIONS = {
  /** The supplied Kubernetes cluster the entity is; the single-tenant service locator asks only it. */
  cluster: 'backstage.io/kubernetes-cluster',
  /** Makes the Kubernetes tab appear; it lists the workloads labelled `backstage.io/kubernetes-id=<value>`. */
  id: 'backstage.io/kubernetes-id',
} as const;
