/*
 * The KOF tenant a catalog entity stands for: a System the k0rdent catalog
 * module makes for each tenant, annotated with the tenant id and the
 * management cluster.
 */
import type { Entity } from '@backstage/catalog-model';
import { ENTITY_ANNOTATIONS } from '@k0rdent-backstage/plugin-k0rdent-common';

/** A KOF tenant on one management cluster. */
export interface TenantRef {
  managementCluster: string;
  tenant: string;
}

/** The tenant of a KOF tenant entity; undefined for any other entity. */
export function tenantOfEntity(entity: Entity): TenantRef | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'system') return undefined;
  const annotations = entity.metadata.annotations ?? {};
  const tenant = annotations[ENTITY_ANNOTATIONS.tenant];
  const managementCluster = annotations[ENTITY_ANNOTATIONS.managementCluster];
  if (!tenant || !managementCluster) return undefined;
  return { managementCluster, tenant };
}

/**
 * Whether the entity is a KOF tenant System (for entity page filters).
 *
 * @public
 */
export function isK0rdentTenantEntity(entity: Entity): boolean {
  return tenantOfEntity(entity) !== undefined;
}
