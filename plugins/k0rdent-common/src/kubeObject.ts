/*
 * The loose shape of any Kubernetes object as it travels over the wire: what the
 * simulator stores, the fleet cache holds and the clients send. The typed k0rdent
 * objects in ./k0rdent narrow it.
 */

/**
 * Object metadata: the fields the k0rdent plugins read, plus whatever else the
 * server sent.
 *
 * @public
 */
export interface KubeObjectMeta {
  name: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<Record<string, unknown>>;
  managedFields?: Array<Record<string, unknown>>;
  [field: string]: unknown;
}

/**
 * Any Kubernetes object: apiVersion, kind, metadata and the rest.
 *
 * @public
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [field: string]: unknown;
}
