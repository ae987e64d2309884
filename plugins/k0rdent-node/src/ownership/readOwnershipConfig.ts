/*
 * Who owns k0rdent objects in Backstage, read once from config and shared by the
 * catalog module (entity owners) and the backend (the "is owner" permission
 * rule), so that a permission check and the entity page always agree.
 */
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { OBJECT_ANNOTATIONS } from '@k0rdent-backstage/plugin-k0rdent-common';
import { normalizeOwnerRef } from './ownerRef';

/**
 * Where the ownership rules live: next to the catalog provider that was their
 * first user.
 *
 * @public
 */
export const K0RDENT_OWNERSHIP_CONFIG_KEY =
  'catalog.providers.k0rdent.ownership';

/** Who owns k0rdent objects; see `resolveOwner` for the order of the rules. @public */
export interface K0rdentOwnershipConfig {
  /** Annotation on a k0rdent object that names its owner. */
  annotation: string;
  /** KOF tenant id → owner entity ref (full form). */
  tenants: ReadonlyMap<string, string>;
  /** Kubernetes namespace → owner entity ref (full form). */
  namespaces: ReadonlyMap<string, string>;
  /** Owner entity ref (full form) when no other rule applies. */
  default: string;
}

const OWNERSHIP_KEYS = ['annotation', 'tenants', 'namespaces', 'default'];

function fail(key: string, problem: string): never {
  throw new Error(`Invalid config at '${key}': ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the ownership block from the root config
 * ({@link K0RDENT_OWNERSHIP_CONFIG_KEY}).
 *
 * @public
 */
export function readK0rdentOwnership(config: Config): K0rdentOwnershipConfig {
  return readOwnershipConfig(
    config.getOptional(K0RDENT_OWNERSHIP_CONFIG_KEY),
    K0RDENT_OWNERSHIP_CONFIG_KEY,
  );
}

/**
 * Reads an ownership block given as a plain value; `key` is where it came from,
 * for error messages. `default` is required: owners are never hard-coded.
 *
 * @public
 */
export function readOwnershipConfig(
  value: unknown,
  key: string,
): K0rdentOwnershipConfig {
  if (value === undefined) {
    fail(key, 'is required (at least ownership.default must be set)');
  }
  if (!isPlainObject(value)) {
    fail(key, 'must be an object');
  }
  for (const k of Object.keys(value)) {
    if (!OWNERSHIP_KEYS.includes(k)) {
      fail(
        `${key}.${k}`,
        `unknown key; expected one of ${OWNERSHIP_KEYS.join(', ')}`,
      );
    }
  }

  let annotation: string = OBJECT_ANNOTATIONS.owner;
  if (value.annotation !== undefined) {
    if (
      typeof value.annotation !== 'string' ||
      !KubernetesValidatorFunctions.isValidAnnotationKey(value.annotation)
    ) {
      fail(
        `${key}.annotation`,
        `'${String(value.annotation)}' is not a valid annotation key`,
      );
    }
    annotation = value.annotation;
  }

  if (value.default === undefined) {
    fail(
      `${key}.default`,
      'is required: the owner of anything no other rule matches',
    );
  }
  return {
    annotation,
    tenants: readOwnerMap(value.tenants, `${key}.tenants`),
    namespaces: readOwnerMap(value.namespaces, `${key}.namespaces`),
    default: readOwner(value.default, `${key}.default`),
  };
}

function readOwnerMap(
  value: unknown,
  key: string,
): ReadonlyMap<string, string> {
  const owners = new Map<string, string>();
  if (value === undefined) {
    return owners;
  }
  if (!isPlainObject(value)) {
    fail(key, 'must be a map from name to owner entity ref');
  }
  for (const [name, owner] of Object.entries(value)) {
    owners.set(name, readOwner(owner, `${key}.${name}`));
  }
  return owners;
}

function readOwner(value: unknown, key: string): string {
  const ref = normalizeOwnerRef(value);
  if (!ref) {
    fail(
      key,
      `'${String(
        value,
      )}' is not a valid group or user reference (e.g. "payments", "group:default/payments", "user:default/jane")`,
    );
  }
  return ref;
}
