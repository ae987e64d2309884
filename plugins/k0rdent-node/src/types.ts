/*
 * The object shape shared by the fleet cache and the Kubernetes client.
 */

/**
 * Object metadata as the fleet cache and the client see it: the fields this
 * package reads, plus whatever else the server sent.
 *
 * @public
 */
export interface KubeObjectMeta {
  name: string;
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
 * @remarks
 * Objects handed out by the fleet cache are shared, not copied: treat them as
 * read-only.
 *
 * @public
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [field: string]: unknown;
}
