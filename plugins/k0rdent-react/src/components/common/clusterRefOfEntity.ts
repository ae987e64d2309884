/*
 * The ClusterDeployment a catalog entity stands for, read from the annotations
 * the k0rdent catalog module puts on it.
 */
import type { Entity } from '@backstage/catalog-model';
import { ENTITY_ANNOTATIONS } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ClusterRef } from '../../api';

/** The cluster of a k0rdent cluster entity; undefined for any other entity. @public */
export function clusterRefOfEntity(entity: Entity): ClusterRef | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const managementCluster = annotations[ENTITY_ANNOTATIONS.managementCluster];
  const namespace = annotations[ENTITY_ANNOTATIONS.namespace];
  const name = annotations[ENTITY_ANNOTATIONS.name];
  if (
    annotations[ENTITY_ANNOTATIONS.kind] !== 'ClusterDeployment' ||
    !managementCluster ||
    !namespace ||
    !name
  ) {
    return undefined;
  }
  return { managementCluster, namespace, name };
}

/** Whether the entity is a k0rdent cluster (for entity page filters). @public */
export function isK0rdentClusterEntity(entity: Entity): boolean {
  return clusterRefOfEntity(entity) !== undefined;
}
