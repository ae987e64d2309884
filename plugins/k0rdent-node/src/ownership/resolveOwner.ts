/*
 * Who owns an entity. Never a hard-coded string: every answer comes from the
 * object or from config.
 */
import type { K0rdentOwnershipConfig } from './readOwnershipConfig';
import { normalizeOwnerRef } from './ownerRef';

/** What the owner of one entity is decided from. @public */
export interface OwnerInput {
  /** Annotations of the k0rdent object, if the entity is made from one. */
  annotations?: Readonly<Record<string, string>>;
  /** KOF tenant the entity belongs to (clusters, tenant Systems). */
  tenant?: string;
  /**
   * Namespace the entity belongs to: the object's namespace, or the system
   * namespace for cluster-scoped objects and the management cluster.
   */
  namespace?: string;
}

/**
 * The owner entity ref of an entity, first match of:
 *
 * 1. the owner annotation on the object (`ownership.annotation`) when it is a
 *    valid Group or User reference (`payments` → `group:default/payments`);
 * 2. the owner of its KOF tenant (`ownership.tenants`);
 * 3. the owner of its namespace (`ownership.namespaces`);
 * 4. `ownership.default`.
 *
 * An annotation that is not a valid reference is ignored, so a typo on one
 * object never breaks its entity.
 *
 * @public
 */
export function resolveOwner(
  ownership: K0rdentOwnershipConfig,
  input: OwnerInput,
): string {
  const annotated = normalizeOwnerRef(
    input.annotations?.[ownership.annotation],
  );
  if (annotated) {
    return annotated;
  }
  const tenantOwner =
    input.tenant !== undefined
      ? ownership.tenants.get(input.tenant)
      : undefined;
  if (tenantOwner) {
    return tenantOwner;
  }
  const namespaceOwner =
    input.namespace !== undefined
      ? ownership.namespaces.get(input.namespace)
      : undefined;
  return namespaceOwner ?? ownership.default;
}
