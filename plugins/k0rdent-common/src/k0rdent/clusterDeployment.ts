/*
 * ClusterDeployment: the "cluster" object of KCM (API fact sheet §3.1).
 */
import type { Condition, JsonObject, K0rdentObject } from './meta';
import type {
  ServiceSpec,
  ServiceState,
  ServiceUpgradePaths,
} from './services';

/** Inline or referenced IPAM claim of a ClusterDeployment. @public */
export interface ClusterDeploymentIpamClaim {
  ref?: string;
  spec?: JsonObject;
}

/** `spec` of a ClusterDeployment. @public */
export interface ClusterDeploymentSpec {
  /** ClusterTemplate in the same namespace; changing it is an upgrade. */
  template: string;
  /** Credential in the same namespace. */
  credential?: string;
  /** Helm values for the template chart. */
  config?: JsonObject;
  propagateCredentials?: boolean;
  dryRun?: boolean;
  cleanupOnDeletion?: boolean;
  clusterAuth?: string;
  auditPolicy?: string;
  dataSource?: string;
  ipamClaim?: ClusterDeploymentIpamClaim;
  serviceSpec?: ServiceSpec;
}

/** `status` of a ClusterDeployment. @public */
export interface ClusterDeploymentStatus {
  conditions?: Condition[];
  /** Empty for all shipped templates; see `kubernetesVersionOf`. */
  k8sVersion?: string;
  /** ClusterTemplate names this cluster may be upgraded to, sorted. */
  availableUpgrades?: string[];
  /** Region the cluster lives in; empty = the management cluster. */
  region?: string;
  services?: ServiceState[];
  servicesUpgradePaths?: ServiceUpgradePaths[];
  observedGeneration?: number;
}

/** A k0rdent ClusterDeployment. @public */
export type ClusterDeployment = K0rdentObject<
  'ClusterDeployment',
  ClusterDeploymentSpec,
  ClusterDeploymentStatus
>;
