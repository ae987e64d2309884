/*
 * The Kubernetes building blocks every k0rdent object is made of: object metadata,
 * conditions, references and label selectors (apimachinery's metav1 shapes, as JSON).
 */

/** Kubernetes object metadata as read from the API server. @public */
export interface ObjectMeta {
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
  ownerReferences?: OwnerReference[];
}

/** metav1.OwnerReference. @public */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** The status of a condition. @public */
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** metav1.Condition: every field but observedGeneration is required by the CRDs. @public */
export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  /** RFC 3339 time of the last status change. */
  lastTransitionTime: string;
  observedGeneration?: number;
}

/** corev1.ObjectReference as used by identityRef and matchingClusters. @public */
export interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** One `matchExpressions` entry of a label selector. @public */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** metav1.LabelSelector. @public */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/**
 * The common shape of every k0rdent object: apiVersion, kind, metadata and a typed
 * spec and status. Status is optional: a freshly created object has none yet.
 * @public
 */
export interface K0rdentObject<
  Kind extends string = string,
  Spec = unknown,
  Status = unknown,
> {
  apiVersion: string;
  kind: Kind;
  metadata: ObjectMeta;
  spec?: Spec;
  status?: Status;
}

/** Free-form JSON (Helm values, provider config). @public */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A free-form JSON object (`x-kubernetes-preserve-unknown-fields`). @public */
export type JsonObject = { [key: string]: JsonValue };
