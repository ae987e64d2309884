/*
 * The contract between the simulator's API server (which owns storage, watch and the
 * HTTP surface) and its simulated k0rdent controllers and webhooks (which move
 * objects as KCM, KSM and KOF do). Controllers run in-process and write through
 * this interface, the way real controllers write through the API server.
 */
import type {
  KindInfo,
  KubeObject,
  KubeObjectMeta,
} from '@k0rdent-backstage/plugin-k0rdent-common';

/** Any Kubernetes object as stored (the shape of -common). */
export type { KubeObject };

/** Object metadata as stored (the shape of -common). */
export type ObjectMeta = KubeObjectMeta;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change, delivered after it is stored, in resourceVersion order. */
export interface StoreEvent {
  type: WatchEventType;
  kind: KindInfo;
  object: KubeObject;
  /** The object before the change (absent for ADDED). */
  previous?: KubeObject;
}

/** Identifies one object. `namespace` is undefined for cluster-scoped kinds. */
export interface ObjectKey {
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * Storage as controllers see it. Writes assign uid, resourceVersion,
 * creationTimestamp and generation (bumped on spec changes only), and emit events
 * that watchers over HTTP receive too. Errors are thrown as `SimApiError`
 * (see ../errors) so that HTTP handlers can map them to Kubernetes `Status`.
 */
export interface ObjectStore {
  get(key: ObjectKey): KubeObject | undefined;
  /** Objects of a kind, optionally in one namespace and matching a label selector string. */
  list(
    kind: string,
    options?: { namespace?: string; labelSelector?: string },
  ): KubeObject[];
  /** Creates; throws AlreadyExists. Runs no admission (controllers are trusted). */
  create(object: KubeObject): KubeObject;
  /**
   * Replaces spec/metadata (not status, for kinds with a status subresource).
   * When `object.metadata.resourceVersion` is set it must match (409 Conflict).
   */
  update(object: KubeObject): KubeObject;
  /** Changes only `status`; the mutator gets a deep copy and returns the new status. */
  updateStatus(
    key: ObjectKey,
    mutate: (
      status: Record<string, any>,
      object: KubeObject,
    ) => Record<string, any>,
  ): KubeObject;
  /**
   * Deletes: with finalizers present, sets deletionTimestamp and emits MODIFIED;
   * the object goes once the last finalizer is removed by `update`.
   */
  delete(key: ObjectKey): KubeObject | undefined;
  /** Subscribes to every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
}

/** What an admission hook (a simulated k0rdent webhook) sees. */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  kind: KindInfo;
  /** The object as it would be stored (absent for DELETE). Mutating hooks may change it. */
  object?: KubeObject;
  /** The stored object (absent for CREATE). */
  oldObject?: KubeObject;
  store: ObjectStore;
  /** 'status' for writes to the status subresource (added later; optional, so older hooks still type-check). */
  subresource?: 'status';
  /** True for `?dryRun=All`: the write will not be stored, so hooks should have no side effects. */
  dryRun?: boolean;
}

/** A field-level reason for rejecting a write, as in a 422 `Status` body. */
export interface FieldCause {
  /** e.g. 'FieldValueInvalid', 'FieldValueRequired', 'FieldValueNotSupported', 'FieldValueForbidden' */
  reason: string;
  message: string;
  /** JSON path such as 'spec.template' */
  field: string;
}

export type AdmissionResult =
  | { allowed: true }
  | {
      allowed: false;
      /** HTTP status: 403 (Forbidden) for webhook denials as the real API server returns, 422 for Invalid. */
      code: 403 | 409 | 422;
      message: string;
      causes?: FieldCause[];
    };

/**
 * A simulated admission webhook: runs for API writes (not for controller writes),
 * after schema validation, before the object is stored.
 */
export type AdmissionHook = (
  request: AdmissionRequest,
) => AdmissionResult | Promise<AdmissionResult>;

/** A simulated controller: started with the store, stopped on shutdown. */
export interface SimController {
  name: string;
  start(context: ControllerContext): void;
  stop(): void;
}

export interface ControllerContext {
  store: ObjectStore;
  /** Simulated time scale: how long a ClusterDeployment takes from creation to Ready. */
  provisioningMillis: number;
  /** Logs a line when the simulator runs verbosely. */
  log(message: string): void;
}
