/*
 * Desired-state requests: what users asked the portal to change, recorded before
 * anything is applied, and what became of it.
 */
import type { KubeObject } from '../kubeObject';
import type { JsonObject, LabelSelector } from '../k0rdent/meta';

/** What a request does to its object. @public */
export type DesiredStateAction =
  | 'create'
  | 'upgrade'
  | 'update-services'
  | 'apply'
  | 'delete';

/**
 * Where a request is:
 *
 * - `pending`: accepted and stored, waiting for the reconciler
 * - `applying`: the reconciler is applying it
 * - `applied`: the API server accepted it
 * - `ready`: the object reached the asked-for state (Ready, or gone for a delete)
 * - `failed`: it cannot be applied; `reason` says why
 * - `superseded`: a newer request for the same object replaced it before it was applied
 *
 * @public
 */
export type DesiredStateStatus =
  | 'pending'
  | 'applying'
  | 'applied'
  | 'ready'
  | 'failed'
  | 'superseded';

/** The object a request is about. @public */
export interface DesiredStateTarget {
  managementCluster: string;
  kind: 'ClusterDeployment' | 'MultiClusterService';
  /** Absent for cluster-scoped kinds (MultiClusterService). */
  namespace?: string;
  name: string;
}

/** One step in a request's history. @public */
export interface DesiredStateEvent {
  status: DesiredStateStatus;
  at: string;
  message?: string;
}

/** A request and its history. @public */
export interface DesiredStateRequest {
  id: string;
  action: DesiredStateAction;
  target: DesiredStateTarget;
  status: DesiredStateStatus;
  /** Why it failed or was superseded. */
  reason?: string;
  /** Entity ref of the user who asked. */
  requestedBy: string;
  requestedAt: string;
  updatedAt: string;
  /** Scaffolder task that asked, if any. */
  taskId?: string;
  /** Key that makes asking twice return the same request. */
  idempotencyKey?: string;
  /** What the reconciler applies (for a delete: the object's identity). */
  manifest: KubeObject;
  attempts: number;
  /** When the next attempt is due, after a transient error. */
  nextAttemptAt?: string;
  history: DesiredStateEvent[];
}

/** A service as a request names it. @public */
export interface ServiceInput {
  /** Helm release name on the target cluster. */
  name: string;
  /** Target namespace on the cluster; `default` when omitted. */
  namespace?: string;
  /** ServiceTemplate name. */
  template: string;
  /** Helm values: YAML text or an object (sent as YAML). */
  values?: string | JsonObject;
  dependsOn?: Array<{ name: string; namespace?: string }>;
}

/** Fields every write request may carry. @public */
export interface RequestOptions {
  /**
   * Asking again with the same key returns the first request instead of making
   * a second one (scaffolder actions use task id + step id).
   */
  idempotencyKey?: string;
  /** Scaffolder task that asks. */
  taskId?: string;
}

/** Body of a cluster creation. @public */
export interface CreateClusterInput extends RequestOptions {
  managementCluster: string;
  namespace: string;
  name: string;
  /** ClusterTemplate in the same namespace. */
  template: string;
  /** Credential in the same namespace. */
  credential: string;
  /** Helm values for the template; the template's defaults when omitted. */
  config?: JsonObject;
  /** Owner entity ref; the asking user's own when omitted. */
  owner?: string;
  /** KOF tenant id label. */
  tenant?: string;
  /** KOF role label. */
  kofRole?: 'child' | 'regional';
  labels?: Record<string, string>;
  services?: ServiceInput[];
}

/** Body of a cluster upgrade. @public */
export interface UpgradeClusterInput extends RequestOptions {
  /** A template in the cluster's `availableUpgrades`. */
  template: string;
}

/** Body of a change of a cluster's services. @public */
export interface UpdateClusterServicesInput extends RequestOptions {
  services: ServiceInput[];
  /**
   * `replace` (default): these become the cluster's services. `merge`: they
   * are added to the cluster's current services, replacing those with the same
   * namespace and name.
   */
  mode?: 'replace' | 'merge';
}

/** Body of a cluster deletion. @public */
export interface DeleteClusterInput extends RequestOptions {
  /** The cluster's name typed again, as a guard. */
  confirm: string;
}

/** Body of a MultiClusterService creation or change. @public */
export interface ApplyMultiClusterServiceInput extends RequestOptions {
  managementCluster: string;
  name: string;
  clusterSelector: LabelSelector;
  services: ServiceInput[];
  /** Other MultiClusterServices that must be deployed on a cluster first. */
  dependsOn?: string[];
  /** Owner entity ref; the asking user's own when omitted. */
  owner?: string;
}

/**
 * What a write returns: the stored request, or with `dryRun` the manifest that
 * would be applied (nothing stored).
 *
 * @public
 */
export type WriteResult =
  | { dryRun: false; request: DesiredStateRequest }
  | { dryRun: true; manifest: KubeObject };
