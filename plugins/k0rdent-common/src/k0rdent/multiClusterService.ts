/*
 * MultiClusterService and ServiceSet (API fact sheet §4.3, §4.4).
 */
import type {
  Condition,
  JsonObject,
  K0rdentObject,
  LabelSelector,
  ObjectReference,
} from './meta';
import type {
  HelmOptions,
  MatchingCluster,
  ServiceProvider,
  ServiceSpec,
  ServiceState,
  ServiceUpgradePaths,
} from './services';

/** `spec` of a MultiClusterService. @public */
export interface MultiClusterServiceSpec {
  /** Matched against ClusterDeployment labels in all namespaces; empty matches none. */
  clusterSelector?: LabelSelector;
  /** Names of MultiClusterServices that must finish on a cluster first. */
  dependsOn?: string[];
  keepServicesOnSelectorMismatch?: boolean;
  serviceSpec?: ServiceSpec;
}

/** `status` of a MultiClusterService. @public */
export interface MultiClusterServiceStatus {
  matchingClusters?: MatchingCluster[];
  services?: ServiceState[];
  servicesUpgradePaths?: ServiceUpgradePaths[];
  conditions?: Condition[];
  observedGeneration?: number;
}

/** A MultiClusterService (cluster-scoped). @public */
export type MultiClusterService = K0rdentObject<
  'MultiClusterService',
  MultiClusterServiceSpec,
  MultiClusterServiceStatus
>;

/** A service with its values as carried by a ServiceSet. @public */
export interface ServiceWithValues {
  name: string;
  namespace: string;
  template: string;
  version?: string;
  values?: string;
  valuesFrom?: Array<{ kind: 'ConfigMap' | 'Secret'; name: string }>;
  helmAction?: 'Install' | 'Uninstall';
  helmOptions?: HelmOptions;
}

/** `spec` of a ServiceSet. @public */
export interface ServiceSetSpec {
  /** ClusterDeployment name; empty = the management cluster. */
  cluster?: string;
  multiClusterService?: string;
  provider?: ServiceProvider & { config?: JsonObject };
  services?: ServiceWithValues[];
}

/** `status` of a ServiceSet. @public */
export interface ServiceSetStatus {
  cluster?: ObjectReference;
  deployed?: boolean;
  provider?: { ready?: boolean; suspended?: boolean };
  services?: ServiceState[];
  conditions?: Condition[];
}

/** A ServiceSet (internal to KSM; read-only for Backstage). @public */
export type ServiceSet = K0rdentObject<
  'ServiceSet',
  ServiceSetSpec,
  ServiceSetStatus
>;
