/*
 * Well-known names of k0rdent: labels, annotations, finalizers, condition types and
 * reasons. Values as KCM, KSM and KOF write them (see the k0rdent API fact sheet).
 */

/** The default system namespace of KCM. @public */
export const KCM_SYSTEM_NAMESPACE = 'kcm-system';

/** The namespace KOF runs in on the management cluster. @public */
export const KOF_NAMESPACE = 'kof';

/** The name of the Management and AccessManagement singletons. @public */
export const MANAGEMENT_NAME = 'kcm';

/** The tenant of a child cluster without a tenant label. @public */
export const PLATFORM_TENANT = 'PLATFORM';

/** The `cluster` label value KOF uses for the management cluster's own metrics. @public */
export const MANAGEMENT_CLUSTER_METRICS_NAME = 'mothership';

/** The default StateManagementProvider. @public */
export const DEFAULT_STATE_MANAGEMENT_PROVIDER = 'ksm-projectsveltos';

/** Label keys used by KCM, KSM and KOF. @public */
export const K0RDENT_LABELS = {
  /** `kcm` on objects KCM manages (selects objects for backups). */
  component: 'k0rdent.mirantis.com/component',
  /** `"true"` on objects copied by AccessManagement (and KCM-created sources). */
  managed: 'k0rdent.mirantis.com/managed',
  /** Components installed for a Region. */
  region: 'k0rdent.mirantis.com/region',
  /** `"true"` on the SveltosCluster that stands for the management cluster. */
  managementCluster: 'k0rdent.mirantis.com/management-cluster',
  /** KOF role of a ClusterDeployment: `child` or `regional`. */
  kofClusterRole: 'k0rdent.mirantis.com/kof-cluster-role',
  /** KOF tenant of a child ClusterDeployment (absent = `PLATFORM`). */
  kofTenantId: 'k0rdent.mirantis.com/kof-tenant-id',
  /** KOF chart version; gates KOF's MultiClusterService selectors. */
  kofVersion: 'k0rdent.mirantis.com/kof-version',
  /** Pins a child to a regional cluster. */
  kofRegionalClusterName: 'k0rdent.mirantis.com/kof-regional-cluster-name',
  kofRegionalClusterNamespace:
    'k0rdent.mirantis.com/kof-regional-cluster-namespace',
  /** Added by kof-operator. */
  kofClusterName: 'k0rdent.mirantis.com/kof-cluster-name',
  /** `"true"` on objects kof-operator generates. */
  kofGenerated: 'k0rdent.mirantis.com/kof-generated',
  /** `"true"` on a KOF regional cluster that is also a KCM Region. */
  kcmRegionCluster: 'k0rdent.mirantis.com/kcm-region-cluster',
  /** Promxy config Secret a PromxyServerGroup belongs to. */
  kofSecretName: 'k0rdent.mirantis.com/secret-name',
  /** Default StateManagementProvider selector on ServiceSets. */
  ksmAdapter: 'ksm.k0rdent.mirantis.com/adapter',
  /** Set on shipped templates installed by the kcm-templates chart. */
  fluxHelmName: 'helm.toolkit.fluxcd.io/name',
  fluxHelmNamespace: 'helm.toolkit.fluxcd.io/namespace',
} as const;

/** Annotation keys used by KCM, KSM and KOF. @public */
export const K0RDENT_ANNOTATIONS = {
  /** On a Region (any value): pauses reconciliation of its ClusterDeployments. */
  regionPause: 'k0rdent.mirantis.com/region-pause',
  /** On a ServiceSet: pauses it. */
  serviceSetPaused: 'k0rdent.mirantis.com/service-set-paused',
  /** Release fallback for `spec.regional.template`. */
  kcmRegionalTemplate: 'k0rdent.mirantis.com/kcm-regional-template',
  /** On a regional ClusterDeployment: JSON HTTP config for its PromxyServerGroup. */
  kofHttpConfig: 'k0rdent.mirantis.com/kof-http-config',
  /** In `spec.config.clusterAnnotations` of a regional cluster. */
  kofRegionalDomain: 'k0rdent.mirantis.com/kof-regional-domain',
  kofCertEmail: 'k0rdent.mirantis.com/kof-cert-email',
  kofStorageClass: 'k0rdent.mirantis.com/kof-storage-class',
  /** Chart annotation feeding ClusterTemplate `status.k8sVersion`. */
  k8sVersion: 'k0rdent.mirantis.com/k8s-version',
  /** Chart annotation feeding ServiceTemplate `status.k8sConstraint`. */
  k8sVersionConstraint: 'k0rdent.mirantis.com/k8s-version-constraint',
} as const;

/** Finalizers KCM puts on its objects. @public */
export const K0RDENT_FINALIZERS = {
  clusterDeployment: 'k0rdent.mirantis.com/cluster-deployment',
  cleanup: 'k0rdent.mirantis.com/cleanup',
  credential: 'k0rdent.mirantis.com/credential',
  multiClusterService: 'k0rdent.mirantis.com/multicluster-service',
  serviceSet: 'k0rdent.mirantis.com/service-set',
  region: 'k0rdent.mirantis.com/region',
  management: 'k0rdent.mirantis.com/management',
} as const;

/** Condition types on k0rdent objects. @public */
export const CONDITION_TYPES = {
  ready: 'Ready',
  deleting: 'Deleting',
  paused: 'Paused',
  predeclaredSecretsExist: 'PredeclaredSecretsExist',
  // ClusterDeployment
  credentialReady: 'CredentialReady',
  templateReady: 'TemplateReady',
  helmChartReady: 'HelmChartReady',
  helmReleaseReady: 'HelmReleaseReady',
  capiClusterSummary: 'CAPIClusterSummary',
  servicesInReadyState: 'ServicesInReadyState',
  servicesDependencyValidation: 'ServicesDependencyValidation',
  helmChartNameChanged: 'HelmChartNameChanged',
  /** The type string really ends in "Condition". */
  cloudResourcesDeleted: 'CloudResourcesDeletedCondition',
  clusterAuthenticationReady: 'ClusterAuthenticationReady',
  clusterAuditPolicyReady: 'ClusterAuditPolicyReady',
  dataSourceReady: 'DataSourceReady',
  clusterDataSourceReady: 'ClusterDataSourceReady',
  // MultiClusterService
  servicesReferencesValidation: 'ServicesReferencesValidation',
  multiClusterServiceDependencyValidation:
    'MultiClusterServiceDependencyValidation',
  multiClusterServiceDependencyReady: 'MultiClusterServiceDependencyReady',
  clusterInReadyState: 'ClusterInReadyState',
  // Release
  templatesCreated: 'TemplatesCreated',
  templatesValid: 'TemplatesValid',
  // StateManagementProvider
  rbacReady: 'RBACReady',
  adapterReady: 'AdapterReady',
  provisionerReady: 'ProvisionerReady',
  provisionerCRDsReady: 'ProvisionerCRDsReady',
} as const;

/** Condition reasons KCM writes. @public */
export const CONDITION_REASONS = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  progressing: 'Progressing',
  deleting: 'Deleting',
  paused: 'Paused',
  notPaused: 'NotPaused',
  // ClusterDeployment deletion, in the order they are usually seen
  waitingForServiceSetsDeletion: 'WaitingForServiceSetsDeletion',
  waitingForCloudResourcesDeletion: 'WaitingForCloudResourcesDeletion',
  waitingForHelmReleaseDeletion: 'WaitingForHelmReleaseDeletion',
  waitingForClusterDeletion: 'WaitingForClusterDeletion',
  waitingForClusterDataSourceDeletion: 'WaitingForClusterDataSourceDeletion',
  deletionCompleted: 'DeletionCompleted',
  capiClusterMissing: 'CAPIClusterMissing',
  // Flux HelmRelease reasons copied into HelmReleaseReady
  installSucceeded: 'InstallSucceeded',
  installFailed: 'InstallFailed',
  upgradeSucceeded: 'UpgradeSucceeded',
  upgradeFailed: 'UpgradeFailed',
  // MultiClusterService
  multiClusterServiceDependencyNotReady:
    'MultiClusterServiceDependencyNotReady',
  multiClusterServiceDependencyCheckFailed:
    'MultiClusterServiceDependencyCheckFailed',
  // Management
  allComponentsHealthy: 'AllComponentsHealthy',
  notAllComponentsHealthy: 'NotAllComponentsHealthy',
  // Region
  configurationError: 'ConfigurationError',
} as const;

/** Prefix of the infrastructure ("cloud") entry in a template's providers. @public */
export const INFRASTRUCTURE_PROVIDER_PREFIX = 'infrastructure-';
