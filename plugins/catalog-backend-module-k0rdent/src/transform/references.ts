/*
 * Entity names and refs of everything the module produces, and how a reference
 * by name (a cluster's template, credential or service template) is resolved to
 * the object k0rdent uses and the entity that stands for it.
 */
import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  k0rdentEntityRef,
  kofTenantEntityName,
  managementClusterEntityName,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { isCopy, nonEmpty, type TransformContext } from './context';
import {
  KOF_TENANT_KIND,
  MANAGEMENT_CLUSTER_KIND,
  type FleetObjectKey,
  type SnapshotObject,
} from './snapshot';

/** `resource:default/<name>` of a k0rdent object by where it is and its name. */
export function resourceRef(
  managementCluster: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return k0rdentEntityRef({ managementCluster, kind, namespace, name });
}

/** `system:default/<name>` of a KOF tenant. */
export function tenantSystemRef(
  managementCluster: string,
  tenant: string,
): string {
  return stringifyEntityRef({
    kind: 'system',
    namespace: DEFAULT_NAMESPACE,
    name: kofTenantEntityName(managementCluster, tenant),
  });
}

/** `domain:default/<name>` of a management cluster. */
export function domainRef(managementCluster: string): string {
  return stringifyEntityRef({
    kind: 'domain',
    namespace: DEFAULT_NAMESPACE,
    name: managementClusterEntityName(managementCluster),
  });
}

/**
 * The ref of the entity made from `key` on a management cluster: the entity
 * `transformObject` returns for it, or the one to remove when it returns
 * nothing. Keys of AccessManagement copies give a ref no entity has (copies
 * never become entities), so removing it is harmless.
 *
 * @public
 */
export function entityRefOf(
  managementCluster: string,
  key: FleetObjectKey,
): string {
  switch (key.kind) {
    case KOF_TENANT_KIND:
      return tenantSystemRef(managementCluster, key.name);
    case MANAGEMENT_CLUSTER_KIND:
      return domainRef(managementCluster);
    default:
      return resourceRef(managementCluster, key.kind, key.namespace, key.name);
  }
}

/** A reference by name resolved the way k0rdent resolves it. */
export interface ResolvedReference {
  /** The object k0rdent uses (possibly a copy); undefined when there is none. */
  object?: SnapshotObject;
  /** Ref of the entity that stands for it. */
  entityRef: string;
}

/**
 * Resolves a namespaced reference by name (e.g. a cluster's `spec.template`),
 * which k0rdent looks up in the referring object's own namespace.
 *
 * - An object there that is not a copy is its own entity.
 * - A copy made by AccessManagement is represented by the original of the same
 *   name in the system namespace (whose entity is pointed at even when the
 *   original is gone).
 * - Nothing there: the original in the system namespace if it exists, else the
 *   (missing) object where k0rdent would look. The ref is well-formed either
 *   way; the catalog shows a missing target for it.
 *
 * Returns undefined when there is no name to resolve.
 */
export function resolveNamespacedReference(
  ctx: TransformContext,
  kind: string,
  namespace: string | undefined,
  name: unknown,
): ResolvedReference | undefined {
  const refName = nonEmpty(name);
  if (!refName) {
    return undefined;
  }
  const { snapshot, managementCluster, config } = ctx;
  const systemNamespace = config.systemNamespace;

  const local = snapshot.get(kind, namespace, refName);
  if (local && !isCopy(ctx, local)) {
    return {
      object: local,
      entityRef: resourceRef(managementCluster, kind, namespace, refName),
    };
  }
  // A copy, or the original k0rdent would have copied here.
  const used = local ?? snapshot.get(kind, systemNamespace, refName);
  if (used) {
    return {
      object: used,
      entityRef: resourceRef(managementCluster, kind, systemNamespace, refName),
    };
  }
  return {
    object: undefined,
    entityRef: resourceRef(managementCluster, kind, namespace, refName),
  };
}
