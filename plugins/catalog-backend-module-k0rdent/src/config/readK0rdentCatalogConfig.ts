/*
 * Reads `catalog.providers.k0rdent`: what to ingest, who owns it and how often the
 * full-mutation safety net runs. Every error names the config key that is wrong.
 */
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  KCM_SYSTEM_NAMESPACE,
  OBJECT_ANNOTATIONS,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { normalizeOwnerRef } from './ownerRef';

/** Where this module's config lives. @public */
export const K0RDENT_CATALOG_CONFIG_KEY = 'catalog.providers.k0rdent';

/**
 * What the module can put into the catalog: the six k0rdent kinds that become
 * Resources, plus `KofTenant` (one System per KOF tenant) and
 * `ManagementCluster` (one Domain per management cluster).
 *
 * @public
 */
export const INGESTIBLE_KINDS = [
  'ClusterDeployment',
  'ClusterTemplate',
  'ServiceTemplate',
  'MultiClusterService',
  'Credential',
  'Region',
  'KofTenant',
  'ManagementCluster',
] as const;

/** One of {@link INGESTIBLE_KINDS}. @public */
export type IngestibleKind = (typeof INGESTIBLE_KINDS)[number];

/** Who owns the entities; see `resolveOwner` for the order of the rules. @public */
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

/** The module's config, with defaults applied and refs normalized. @public */
export interface K0rdentCatalogConfig {
  /** Schedule of the full-mutation safety net. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** What to ingest. */
  kinds: ReadonlySet<IngestibleKind>;
  ownership: K0rdentOwnershipConfig;
  /** KCM's system namespace, where the original templates and credentials live. */
  systemNamespace: string;
  /** `spec.lifecycle` of the Resource entities. */
  lifecycle: string;
}

/** The safety-net schedule when none is configured: every 30 minutes. @public */
export const DEFAULT_K0RDENT_CATALOG_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  Object.freeze({
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
  });

/** The lifecycle when none is configured. @public */
export const DEFAULT_K0RDENT_CATALOG_LIFECYCLE = 'production';

const TOP_LEVEL_KEYS = [
  'schedule',
  'kinds',
  'ownership',
  'systemNamespace',
  'lifecycle',
];
const OWNERSHIP_KEYS = ['annotation', 'tenants', 'namespaces', 'default'];

function fail(key: string, problem: string): never {
  throw new Error(`Invalid config at '${key}': ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKnownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  key: string,
): void {
  for (const k of Object.keys(value)) {
    if (!known.includes(k)) {
      fail(`${key}.${k}`, `unknown key; expected one of ${known.join(', ')}`);
    }
  }
}

/**
 * Reads the module's config from `catalog.providers.k0rdent` of the root config.
 *
 * @remarks
 * The block is required, and so is `ownership.default`: owners are never
 * hard-coded. Throws an error naming the offending key for anything missing,
 * misspelled or malformed.
 *
 * @public
 */
export function readK0rdentCatalogConfig(config: Config): K0rdentCatalogConfig {
  const key = K0RDENT_CATALOG_CONFIG_KEY;
  const raw = config.getOptional(key);
  if (raw === undefined) {
    fail(key, 'is required (at least ownership.default must be set)');
  }
  if (!isPlainObject(raw)) {
    fail(key, 'must be an object');
  }
  checkKnownKeys(raw, TOP_LEVEL_KEYS, key);
  const block = config.getConfig(key);

  return {
    schedule: readSchedule(block, `${key}.schedule`),
    kinds: readKinds(raw.kinds, `${key}.kinds`),
    ownership: readOwnership(raw.ownership, `${key}.ownership`),
    systemNamespace: readSystemNamespace(
      raw.systemNamespace,
      `${key}.systemNamespace`,
    ),
    lifecycle: readLifecycle(raw.lifecycle, `${key}.lifecycle`),
  };
}

function readSchedule(
  block: Config,
  key: string,
): SchedulerServiceTaskScheduleDefinition {
  if (!block.has('schedule')) {
    return DEFAULT_K0RDENT_CATALOG_SCHEDULE;
  }
  if (!isPlainObject(block.get('schedule'))) {
    fail(key, 'must be an object with frequency and timeout');
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      block.getConfig('schedule'),
    );
  } catch (error) {
    return fail(key, (error as Error).message);
  }
}

function readKinds(value: unknown, key: string): ReadonlySet<IngestibleKind> {
  if (value === undefined) {
    return new Set(INGESTIBLE_KINDS);
  }
  if (!Array.isArray(value)) {
    fail(key, `must be a list of kinds (${INGESTIBLE_KINDS.join(', ')})`);
  }
  if (value.length === 0) {
    fail(key, 'must list at least one kind; leave it out to ingest all');
  }
  const kinds = new Set<IngestibleKind>();
  value.forEach((kind, i) => {
    if (!INGESTIBLE_KINDS.includes(kind)) {
      fail(
        `${key}[${i}]`,
        `'${String(
          kind,
        )}' is not a kind this module ingests; expected one of ${INGESTIBLE_KINDS.join(
          ', ',
        )}`,
      );
    }
    kinds.add(kind);
  });
  return kinds;
}

function readOwnership(value: unknown, key: string): K0rdentOwnershipConfig {
  if (value === undefined) {
    fail(key, 'is required (at least ownership.default must be set)');
  }
  if (!isPlainObject(value)) {
    fail(key, 'must be an object');
  }
  checkKnownKeys(value, OWNERSHIP_KEYS, key);

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

function readSystemNamespace(value: unknown, key: string): string {
  if (value === undefined) {
    return KCM_SYSTEM_NAMESPACE;
  }
  if (
    typeof value !== 'string' ||
    !KubernetesValidatorFunctions.isValidNamespace(value)
  ) {
    fail(key, `'${String(value)}' is not a valid Kubernetes namespace name`);
  }
  return value;
}

function readLifecycle(value: unknown, key: string): string {
  if (value === undefined) {
    return DEFAULT_K0RDENT_CATALOG_LIFECYCLE;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    fail(key, 'must be a non-empty string such as "production"');
  }
  return value.trim();
}
