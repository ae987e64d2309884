/*
 * KSM's service types, shared by ClusterDeployment, MultiClusterService and ServiceSet:
 * the ServiceSpec users write and the ServiceState controllers report.
 */
import type { Condition, JsonObject, ObjectReference } from './meta';

/** A `{name, namespace}` reference to another service (dependsOn). @public */
export interface ServiceDependency {
  name: string;
  namespace?: string;
}

/** Helm options of a service or a ServiceTemplate (Sveltos types). @public */
export interface HelmOptions {
  wait?: boolean;
  waitForJobs?: boolean;
  /** Duration string such as `10m0s`. */
  timeout?: string;
  atomic?: boolean;
  skipCRDs?: boolean;
  disableHooks?: boolean;
  disableOpenAPIValidation?: boolean;
  skipSchemaValidation?: boolean;
  dependencyUpdate?: boolean;
  enableClientCache?: boolean;
  labels?: Record<string, string>;
  description?: string;
  installOptions?: JsonObject;
  upgradeOptions?: JsonObject;
  uninstallOptions?: JsonObject;
  /** Deprecated. */
  createNamespace?: boolean;
  /** Deprecated. */
  replace?: boolean;
}

/** One service to deploy (`serviceSpec.services[]`). @public */
export interface Service {
  /** Helm release name on the target cluster. */
  name: string;
  /** Target namespace; `default` when omitted. */
  namespace?: string;
  /** ServiceTemplate name. */
  template: string;
  /** ServiceTemplateChain that allows later template switches. */
  templateChain?: string;
  version?: string;
  /** Helm values as a YAML string (may hold Sveltos Go templates). */
  values?: string;
  valuesFrom?: Array<{ kind: 'ConfigMap' | 'Secret'; name: string }>;
  dependsOn?: ServiceDependency[];
  disable?: boolean;
  helmAction?: 'Install' | 'Uninstall';
  helmOptions?: HelmOptions;
}

/** The state-management provider of a ServiceSpec. @public */
export interface ServiceProvider {
  /** StateManagementProvider name (default `ksm-projectsveltos`); immutable once set. */
  name?: string;
  config?: JsonObject;
  /** MultiClusterService only: also deploy to the management cluster. */
  selfManagement?: boolean;
}

/** `spec.serviceSpec` of a ClusterDeployment or MultiClusterService. @public */
export interface ServiceSpec {
  services?: Service[];
  provider?: ServiceProvider;
  /** Deprecated: honoured only when provider name and config are empty. */
  priority?: number;
  /** Deprecated. */
  stopOnConflict?: boolean;
  /** Deprecated. */
  syncMode?:
    | 'OneTime'
    | 'Continuous'
    | 'ContinuousWithDriftDetection'
    | 'DryRun';
  /** Deprecated. */
  continueOnError?: boolean;
  /** Deprecated. */
  reload?: boolean;
  /** Deprecated. */
  templateResourceRefs?: JsonObject[];
  /** Deprecated. */
  policyRefs?: JsonObject[];
  /** Deprecated. */
  driftIgnore?: JsonObject[];
  /** Deprecated. */
  driftExclusions?: JsonObject[];
}

/** The state of one deployed service. @public */
export type ServiceStateName =
  | 'Pending'
  | 'Provisioning'
  | 'Deployed'
  | 'Failed'
  | 'Deleting'
  | 'Deleted';

/** Per-service state collected from ServiceSets. @public */
export interface ServiceState {
  name: string;
  namespace: string;
  template: string;
  /** Falls back to the template name when the ServiceTemplate has no version. */
  version?: string;
  type: 'Helm' | 'Kustomize' | 'Resource';
  state: ServiceStateName;
  failureMessage?: string;
  /** Required by the CRD. */
  lastStateTransitionTime: string;
  /** 1.12+: set whenever a Helm service is Deployed. */
  lastDeployedHash?: string;
  conditions?: Condition[];
}

/** Upgrade paths of one service, from ServiceTemplateChains. @public */
export interface ServiceUpgradePaths {
  name: string;
  namespace: string;
  template: string;
  availableUpgrades?: Array<{
    versions?: Array<{ name: string; version?: string }>;
    /** Deprecated. */
    upgradePaths?: string[];
  }>;
}

/** An entry of MultiClusterService `status.matchingClusters`. @public */
export interface MatchingCluster extends ObjectReference {
  deployed?: boolean;
  regional?: boolean;
  lastTransitionTime?: string;
  /** 1.12+ */
  reason?: string;
  /** 1.12+ */
  message?: string;
}
