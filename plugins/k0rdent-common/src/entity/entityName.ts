/*
 * Entity names for k0rdent objects: stable (a function of where the object is, its
 * kind and its name), unique across kinds, namespaces and management clusters, and
 * valid Backstage names (at most 63 characters of [a-zA-Z0-9-_.]). They are not
 * meant to be parsed back; the annotations are.
 *
 * Parts are joined with `_`, which Kubernetes names never contain (and management
 * cluster names are DNS labels), so different objects cannot run together.
 */
import { findKind } from '../kinds';

const MAX_ENTITY_NAME_LENGTH = 63;
const SEPARATOR = '_';

/** Where a k0rdent object lives and what it is. @public */
export interface K0rdentObjectLocation {
  managementCluster: string;
  /** Kubernetes kind, e.g. ClusterDeployment. */
  kind: string;
  /** Absent for cluster-scoped kinds (MultiClusterService, Region). */
  namespace?: string;
  name: string;
}

/**
 * The entity name of a k0rdent object:
 * `<management cluster>_<kind short name>_<namespace>_<name>` (no namespace part for
 * cluster-scoped kinds), with kubectl's short names (`cld`, `clustertmpl`, `cred`,
 * `mcs`, …). Names longer than 63 characters keep their head and get a short hash of
 * the full form, so two different objects never share a name.
 *
 * @public
 */
export function k0rdentEntityName(location: K0rdentObjectLocation): string {
  const parts = [
    location.managementCluster,
    kindPart(location.kind),
    location.namespace,
    location.name,
  ]
    .filter((p): p is string => Boolean(p))
    .map(sanitize);
  return fitToLength(parts.join(SEPARATOR));
}

/**
 * The ref of a k0rdent object's catalog entity: `resource:default/<entity name>`.
 * @public
 */
export function k0rdentEntityRef(location: K0rdentObjectLocation): string {
  return `resource:default/${k0rdentEntityName(location)}`;
}

/**
 * The Domain entity name of a management cluster: its configured name.
 * @public
 */
export function managementClusterEntityName(managementCluster: string): string {
  return fitToLength(sanitize(managementCluster));
}

/**
 * The entity name of a KOF tenant System on a management cluster.
 * @public
 */
export function kofTenantEntityName(
  managementCluster: string,
  tenant: string,
): string {
  return fitToLength(
    [
      sanitize(managementCluster),
      'tenant',
      sanitize(tenant.toLowerCase()),
    ].join(SEPARATOR),
  );
}

/**
 * A valid label value for any string: characters outside [a-zA-Z0-9-_.] become
 * `-`, and the result is trimmed to 63 characters and to alphanumeric ends.
 * Returns undefined when nothing valid is left.
 *
 * @public
 */
export function toLabelValue(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const cleaned = value
    .replace(/[^a-zA-Z0-9\-_.]/g, '-')
    .slice(0, MAX_ENTITY_NAME_LENGTH)
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return cleaned || undefined;
}

/** Any character a name may not hold becomes `-`; ends are made alphanumeric. */
function sanitize(part: string): string {
  const cleaned = part
    .replace(/[^a-zA-Z0-9\-.]/g, '-')
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return cleaned || 'x';
}

function fitToLength(name: string): string {
  if (name.length <= MAX_ENTITY_NAME_LENGTH) {
    return name;
  }
  const hash = fnv1a(name);
  const head = name
    .slice(0, MAX_ENTITY_NAME_LENGTH - hash.length - 1)
    .replace(/[^a-zA-Z0-9]+$/, '');
  return `${head}-${hash}`;
}

/** FNV-1a, 32 bit, in base 36: short, stable and the same in Node and browsers. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** kubectl's short name of a kind (e.g. `cld`), so names stay short and familiar. */
function kindPart(kind: string): string {
  const info = findKind(kind);
  return (info?.shortNames[0] ?? info?.singular ?? kind).toLowerCase();
}
