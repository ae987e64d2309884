/*
 * The input of the transform: a read-only view of one management cluster's
 * objects. The fleet cache backs it in production; tests use plain arrays.
 */
/**
 * The parts of a Kubernetes object the transform relies on. Both the fleet
 * cache's objects and the typed k0rdent objects of
 * `@k0rdent-backstage/plugin-k0rdent-common` fit it; spec and status are read
 * defensively, as the server sent them.
 *
 * @public
 */
export interface SnapshotObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    /** Absent for cluster-scoped kinds. */
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
  };
  spec?: unknown;
  status?: unknown;
}

/**
 * A read-only view of the objects of one management cluster.
 *
 * @remarks
 * Objects are shared, not copied: the transform never modifies them.
 *
 * @public
 */
export interface FleetSnapshot {
  /** The management cluster: `name` is its stable id from config. */
  readonly managementCluster: {
    readonly name: string;
    readonly title?: string;
  };
  /** Every object of a kind, in any namespace. */
  list(kind: string): readonly SnapshotObject[];
  /** One object; `namespace` is undefined for cluster-scoped kinds. */
  get(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): SnapshotObject | undefined;
  /** Set while the management cluster does not answer: the data may be behind. */
  readonly stale?: { readonly since: Date };
}

/**
 * Pseudo kind of a {@link FleetObjectKey} that stands for a KOF tenant (its
 * `name` is the tenant id). Tenants are not Kubernetes objects: they are the
 * values of the tenant label on ClusterDeployments.
 *
 * @public
 */
export const KOF_TENANT_KIND = 'KofTenant';

/**
 * Pseudo kind of a {@link FleetObjectKey} that stands for the management
 * cluster itself (its `name` is the management cluster's name).
 *
 * @public
 */
export const MANAGEMENT_CLUSTER_KIND = 'ManagementCluster';

/**
 * Identifies what one entity is made from: a k0rdent object (kind, namespace
 * for namespaced kinds, name), a KOF tenant ({@link KOF_TENANT_KIND}) or the
 * management cluster ({@link MANAGEMENT_CLUSTER_KIND}).
 *
 * @public
 */
export interface FleetObjectKey {
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * A change of one object, as the fleet cache reports it (a `FleetChangeEvent`
 * fits): for a modification the previous object too; for a deletion the last
 * known object.
 *
 * @public
 */
export interface FleetObjectChange {
  object: SnapshotObject;
  previous?: SnapshotObject;
}

/** The key of a k0rdent object. @public */
export function keyOf(object: SnapshotObject): FleetObjectKey {
  return object.metadata.namespace
    ? {
        kind: object.kind,
        namespace: object.metadata.namespace,
        name: object.metadata.name,
      }
    : { kind: object.kind, name: object.metadata.name };
}
