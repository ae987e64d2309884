/*
 * The MultiClusterService a catalog entity stands for, read from the
 * annotations the k0rdent catalog module puts on it (a cluster-scoped kind:
 * no namespace).
 */
import type { Entity } from '@backstage/catalog-model';
import type { MultiClusterServiceRef } from '../../api';
import { k0rdentObjectOfEntity } from '../common';

/** The MultiClusterService of an entity; undefined for any other entity. */
export function multiClusterServiceRefOfEntity(
  entity: Entity,
): MultiClusterServiceRef | undefined {
  const object = k0rdentObjectOfEntity(entity);
  if (object?.kind !== 'MultiClusterService' || object.namespace) {
    return undefined;
  }
  return { managementCluster: object.managementCluster, name: object.name };
}

/**
 * Whether the entity is a k0rdent MultiClusterService (for entity page
 * filters).
 *
 * @public
 */
export function isK0rdentMultiClusterServiceEntity(entity: Entity): boolean {
  return multiClusterServiceRefOfEntity(entity) !== undefined;
}
