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
import { KCM_SYSTEM_NAMESPACE } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  readOwnershipConfig,
  type K0rdentOwnershipConfig,
} from '@k0rdent-backstage/plugin-k0rdent-node';

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
    ownership: readOwnershipConfig(raw.ownership, `${key}.ownership`),
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
