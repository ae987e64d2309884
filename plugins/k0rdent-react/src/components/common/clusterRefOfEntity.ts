/*
 * The k0rdent object a catalog entity stands for, read from the annotations
 * the k0rdent catalog module puts on it.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ENTITY_ANNOTATIONS,
  type K0rdentObjectLocation,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ClusterRef } from '../../api';

/**
 * The k0rdent object of an entity (its management cluster, kind, namespace
 * for namespaced kinds, and name); undefined for any other entity.
 *
 * @public
 */
export function k0rdentObjectOfEntity(
  entity: Entity,
): K0rdentObjectLocation | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const managementCluster = annotations[ENTITY_ANNOTATIONS.managementCluster];
  const kind = annotations[ENTITY_ANNOTATIONS.kind];
  const name = annotations[ENTITY_ANNOTATIONS.name];
  if (!managementCluster || !kind || !name) return undefined;
  const namespace = annotations[ENTITY_ANNOTATIONS.namespace];
  return { managementCluster, kind, name, ...(namespace ? { namespace } : {}) };
}

/** The cluster of a k0rdent cluster entity; undefined for any other entity. @public */
export function clusterRefOfEntity(entity: Entity): ClusterRef | undefined {
  const object = k0rdentObjectOfEntity(entity);
  if (object?.kind !== 'ClusterDeployment' || !object.namespace) {
    return undefined;
  }
  const { managementCluster, namespace, name } = object;
  return { managementCluster, namespace, name };
}

/** Whether the entity is a k0rdent cluster (for entity page filters). @public */
export function isK0rdentClusterEntity(entity: Entity): boolean {
  return clusterRefOfEntity(entity) !== undefined;
}
