/*
 * The ClusterTemplate or ServiceTemplate a catalog entity stands for, read
 * from the annotations the k0rdent catalog module puts on it.
 */
import type { Entity } from '@backstage/catalog-model';
import type { TemplateKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { TemplateRef } from '../../api';
import { k0rdentObjectOfEntity } from '../common';

/** The Kubernetes kind of each kind of template. */
export const TEMPLATE_OBJECT_KINDS: Record<TemplateKind, string> = {
  cluster: 'ClusterTemplate',
  service: 'ServiceTemplate',
};

/** The template of a k0rdent template entity; undefined for any other entity. */
export function templateRefOfEntity(entity: Entity): TemplateRef | undefined {
  const object = k0rdentObjectOfEntity(entity);
  if (!object?.namespace) return undefined;
  const kind = (Object.keys(TEMPLATE_OBJECT_KINDS) as TemplateKind[]).find(
    k => TEMPLATE_OBJECT_KINDS[k] === object.kind,
  );
  if (!kind) return undefined;
  const { managementCluster, namespace, name } = object;
  return { managementCluster, kind, namespace, name };
}

/**
 * Whether the entity is a k0rdent ClusterTemplate or ServiceTemplate (for
 * entity page filters).
 *
 * @public
 */
export function isK0rdentTemplateEntity(entity: Entity): boolean {
  return templateRefOfEntity(entity) !== undefined;
}
