/*
 * Management-side kinds: Management, Release, Region, AccessManagement,
 * ManagementBackup, ProviderInterface, StateManagementProvider (API fact sheet §3.6–§3.13, §4.5).
 */
import type {
  Condition,
  JsonObject,
  K0rdentObject,
  LabelSelector,
} from './meta';

/** A component of a Management or Region with its install outcome. @public */
export interface ComponentStatus {
  template?: string;
  success?: boolean;
  error?: string;
  exposedProviders?: string[];
}

/** A provider to install: Release name plus optional template/config overrides. @public */
export interface ProviderSpec {
  name: string;
  template?: string;
  config?: JsonObject;
}

/** Template and config override of a core component. @public */
export interface CoreComponentSpec {
  template?: string;
  config?: JsonObject;
}

/** `spec` of the Management singleton `kcm`. @public */
export interface ManagementSpec {
  release: string;
  core?: { kcm?: CoreComponentSpec; capi?: CoreComponentSpec };
  providers?: ProviderSpec[];
  cleanup?: { k0rdentCRDs?: boolean; capiProviderCRDs?: boolean };
}

/** `status` of the Management. @public */
export interface ManagementStatus {
  release?: string;
  components?: Record<string, ComponentStatus>;
  availableProviders?: string[];
  capiContracts?: Record<string, Record<string, string>>;
  backupName?: string;
  conditions?: Condition[];
  observedGeneration?: number;
}

/** The Management singleton. @public */
export type Management = K0rdentObject<
  'Management',
  ManagementSpec,
  ManagementStatus
>;

/** `spec` of a Release. @public */
export interface ReleaseSpec {
  version: string;
  kcm: { template: string };
  regional?: { template: string };
  capi: { template: string };
  providers?: Array<{ name: string; template: string }>;
}

/** `status` of a Release. @public */
export interface ReleaseStatus {
  ready?: boolean;
  conditions?: Condition[];
  observedGeneration?: number;
}

/** A k0rdent Release. @public */
export type Release = K0rdentObject<'Release', ReleaseSpec, ReleaseStatus>;

/** `spec` of a Region: exactly one of kubeConfig and clusterDeployment. @public */
export interface RegionSpec {
  kubeConfig?: { name: string; key: string };
  clusterDeployment?: { name: string; namespace: string };
  core?: { kcm?: CoreComponentSpec; capi?: CoreComponentSpec };
  providers?: ProviderSpec[];
}

/** `status` of a Region. @public */
export interface RegionStatus {
  components?: Record<string, ComponentStatus>;
  availableProviders?: string[];
  capiContracts?: Record<string, Record<string, string>>;
  conditions?: Condition[];
  observedGeneration?: number;
}

/** A Region (cluster-scoped, since 1.4). @public */
export type Region = K0rdentObject<'Region', RegionSpec, RegionStatus>;

/** Which objects an access rule copies (1.12 form). @public */
export interface AccessResource {
  kind: string;
  apiGroup?: string;
  names?: string[];
  selector?: LabelSelector;
  stringSelector?: string;
}

/** Where an access rule copies to; empty = all namespaces. @public */
export interface TargetNamespaces {
  list?: string[];
  selector?: LabelSelector;
  stringSelector?: string;
}

/** One AccessManagement rule (1.12 form plus the deprecated 1.11 lists). @public */
export interface AccessRule {
  targetNamespaces?: TargetNamespaces;
  resources?: AccessResource[];
  clusterTemplateChains?: string[];
  serviceTemplateChains?: string[];
  credentials?: string[];
  clusterAuthentications?: string[];
  dataSources?: string[];
  clusterAuditPolicies?: string[];
}

/** `spec` of the AccessManagement singleton. @public */
export interface AccessManagementSpec {
  accessRules?: AccessRule[];
}

/** `status` of the AccessManagement singleton. @public */
export interface AccessManagementStatus {
  current?: AccessRule[];
  error?: string;
  resources?: Array<{ apiGroup?: string; kind: string; error?: string }>;
  observedGeneration?: number;
}

/** The AccessManagement singleton `kcm`. @public */
export type AccessManagement = K0rdentObject<
  'AccessManagement',
  AccessManagementSpec,
  AccessManagementStatus
>;

/** Velero backup status, abridged to what a portal shows. @public */
export interface VeleroBackupStatus {
  phase?: string;
  startTimestamp?: string;
  completionTimestamp?: string;
  expiration?: string;
  errors?: number;
  warnings?: number;
  failureReason?: string;
  version?: number;
  formatVersion?: string;
}

/** Backup outcome of the management or one Region. @public */
export interface BackupOutcome {
  lastBackup?: VeleroBackupStatus;
  lastBackupName?: string;
  lastBackupTime?: string;
  nextAttempt?: string;
  error?: string;
  region?: string;
}

/** `spec` of a ManagementBackup. @public */
export interface ManagementBackupSpec {
  storageLocation?: string;
  /** Cron expression; empty = one-off. */
  schedule?: string;
  performOnManagementUpgrade?: boolean;
}

/** `status` of a ManagementBackup. @public */
export interface ManagementBackupStatus extends BackupOutcome {
  regions?: BackupOutcome[];
}

/** A ManagementBackup. @public */
export type ManagementBackup = K0rdentObject<
  'ManagementBackup',
  ManagementBackupSpec,
  ManagementBackupStatus
>;

/** A cluster identity kind a provider accepts in Credentials. @public */
export interface ClusterIdentityKind {
  group: string;
  version: string;
  kind: string;
  references?: Array<{
    group: string;
    version: string;
    kind: string;
    nameFieldPath: string;
    namespaceFieldPath?: string;
  }>;
}

/** `spec` of a ProviderInterface. @public */
export interface ProviderInterfaceSpec {
  description?: string;
  clusterIdentities?: ClusterIdentityKind[];
  /** Deprecated list of identity kinds. */
  clusterIdentityKinds?: string[];
}

/** A ProviderInterface (no status). @public */
export type ProviderInterface = K0rdentObject<
  'ProviderInterface',
  ProviderInterfaceSpec,
  never
>;

/** A Deployment-like object KSM checks with a CEL readiness rule. @public */
export interface ReadinessTarget {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  readinessRule?: string;
}

/** `spec` of a StateManagementProvider. @public */
export interface StateManagementProviderSpec {
  selector: LabelSelector;
  adapter?: ReadinessTarget;
  provisioner?: ReadinessTarget[];
  provisionerCRDs?: Array<{
    group: string;
    version: string;
    resources: string[];
  }>;
  suspend?: boolean;
}

/** `status` of a StateManagementProvider. @public */
export interface StateManagementProviderStatus {
  ready?: boolean;
  conditions?: Condition[];
}

/** A StateManagementProvider. @public */
export type StateManagementProvider = K0rdentObject<
  'StateManagementProvider',
  StateManagementProviderSpec,
  StateManagementProviderStatus
>;
