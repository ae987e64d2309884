/*
 * Catalog refs of what a cluster page links to. A cluster's template and
 * credential are referenced by name in the cluster's namespace, but their
 * entity may be the original in the system namespace (AccessManagement copies
 * have no entity of their own); the cluster entity's dependsOn says which.
 */
import {
  type Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  k0rdentEntityRef,
  managementClusterEntityName,
} from '@k0rdent-backstage/plugin-k0rdent-common';

/** k0rdent's default system namespace, where originals of copied objects live. */
const DEFAULT_SYSTEM_NAMESPACE = 'kcm-system';

/** Refs the entity depends on, lower-cased. */
function dependencies(entity: Entity | undefined): Set<string> {
  const refs = new Set<string>();
  const specDependsOn = entity?.spec?.dependsOn;
  if (Array.isArray(specDependsOn)) {
    specDependsOn.forEach(ref => {
      if (typeof ref === 'string') refs.add(ref.toLocaleLowerCase('en-US'));
    });
  }
  entity?.relations?.forEach(relation => {
    if (relation.type === RELATION_DEPENDS_ON) {
      refs.add(relation.targetRef.toLocaleLowerCase('en-US'));
    }
  });
  return refs;
}

/**
 * The entity ref of an object a cluster references by name (its
 * ClusterTemplate, its Credential): the one the cluster entity depends on,
 * else the object in the cluster's own namespace.
 */
export function referencedEntityRef(options: {
  entity?: Entity;
  managementCluster: string;
  namespace: string;
  kind: string;
  name: string;
}): string {
  const { entity, managementCluster, namespace, kind, name } = options;
  const known = dependencies(entity);
  const candidates = [namespace, DEFAULT_SYSTEM_NAMESPACE].map(ns =>
    k0rdentEntityRef({ managementCluster, kind, namespace: ns, name }),
  );
  return (
    candidates.find(ref => known.has(ref.toLocaleLowerCase('en-US'))) ??
    candidates[0]
  );
}

/** The entity ref of a cluster-scoped k0rdent object, e.g. a Region. */
export function clusterScopedEntityRef(
  managementCluster: string,
  kind: string,
  name: string,
): string {
  return k0rdentEntityRef({ managementCluster, kind, name });
}

/** The Domain entity of a management cluster. */
export function managementClusterEntityRef(managementCluster: string): string {
  return stringifyEntityRef({
    kind: 'domain',
    namespace: 'default',
    name: managementClusterEntityName(managementCluster),
  });
}
