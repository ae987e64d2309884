/*
 * Glue between the store's untyped KubeObject and the typed k0rdent objects of
 * -common, plus the few object utilities every controller needs.
 */
import {
  apiVersionOf,
  findKind,
  type ClusterDeployment,
  type ClusterTemplate,
  type Credential,
  type K0rdentObject,
  type MultiClusterService,
  type Region,
  type ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject, ObjectKey } from '../../store/types';

/** Views a stored object as a typed k0rdent object (the store holds plain JSON). */
export function typed<T extends K0rdentObject>(object: KubeObject): T {
  return object as unknown as T;
}

/** Views a typed object as a storable KubeObject. */
export function untyped(object: K0rdentObject): KubeObject {
  return object as unknown as KubeObject;
}

export const asClusterDeployment = (o: KubeObject) =>
  typed<ClusterDeployment>(o);
export const asClusterTemplate = (o: KubeObject) => typed<ClusterTemplate>(o);
export const asServiceTemplate = (o: KubeObject) => typed<ServiceTemplate>(o);
export const asCredential = (o: KubeObject) => typed<Credential>(o);
export const asMultiClusterService = (o: KubeObject) =>
  typed<MultiClusterService>(o);
export const asRegion = (o: KubeObject) => typed<Region>(o);

/** The key of a stored object. */
export function keyOf(object: {
  kind: string;
  metadata: { name: string; namespace?: string };
}): ObjectKey {
  return {
    kind: object.kind,
    namespace: object.metadata.namespace,
    name: object.metadata.name,
  };
}

/** `namespace/name` (or `name` for cluster-scoped objects), as KCM prints object keys. */
export function nameOf(object: {
  metadata: { name: string; namespace?: string };
}): string {
  return object.metadata.namespace
    ? `${object.metadata.namespace}/${object.metadata.name}`
    : object.metadata.name;
}

/** The apiVersion of a registered kind; throws for unknown kinds (a programming error). */
export function apiVersionFor(kind: string): string {
  const info = findKind(kind);
  if (!info) {
    throw new Error(`unknown kind ${kind}`);
  }
  return apiVersionOf(info);
}

/** A deep copy of JSON data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Structural equality of JSON data (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return false;
  }
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return (
      a.length === other.length && a.every((v, i) => deepEqual(v, other[i]))
    );
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter(k => left[k] !== undefined);
  const rightKeys = Object.keys(right).filter(k => right[k] !== undefined);
  return (
    leftKeys.length === rightKeys.length &&
    leftKeys.every(k => deepEqual(left[k], right[k]))
  );
}

/** `resource "name" not found`, as the API server words a missing object. */
export function notFoundMessage(kind: string, name: string): string {
  const info = findKind(kind);
  const resource = info
    ? `${info.plural}${info.group ? `.${info.group}` : ''}`
    : kind.toLowerCase();
  return `${resource} "${name}" not found`;
}
