/*
 * Reads `k0rdent.managementClusters` and `k0rdent.fleet` from Backstage config.
 * Every error names the config key that is wrong and never echoes a secret value.
 */
import { Config, readDurationFromConfig } from '@backstage/config';
import { findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  FleetSettings,
  ManagementClusterConfig,
  ManagementClusterConnection,
} from './types';

/**
 * The kinds the fleet cache lists and watches unless `k0rdent.fleet.kinds` says otherwise.
 *
 * @public
 */
export const DEFAULT_FLEET_KINDS: readonly string[] = Object.freeze([
  'ClusterDeployment',
  'ClusterTemplate',
  'ServiceTemplate',
  'ClusterTemplateChain',
  'ServiceTemplateChain',
  'Credential',
  'MultiClusterService',
  'ServiceSet',
  'Region',
  'Management',
  'Release',
  'AccessManagement',
  'ManagementBackup',
  'StateManagementProvider',
  'ProviderInterface',
  'PromxyServerGroup',
]);

/**
 * Fleet settings used when `k0rdent.fleet` is absent.
 *
 * @public
 */
export const DEFAULT_FLEET_SETTINGS: Readonly<FleetSettings> = Object.freeze({
  kinds: [...DEFAULT_FLEET_KINDS],
  backoffInitialMs: 500,
  backoffMaxMs: 30_000,
  missingKindRetryMs: 5 * 60_000,
  listPageSize: 500,
  watchTimeoutSeconds: 600,
});

const ROOT_KEY = 'k0rdent.managementClusters';
const CONNECTION_KEYS = ['kubeconfig', 'url', 'serviceAccount', 'embedded'];
const BLOCK_KEYS = new Set([
  'name',
  'title',
  'kubeconfig',
  'url',
  'token',
  'caData',
  'skipTLSVerify',
  'serviceAccount',
  'embedded',
]);
const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function fail(key: string, problem: string): never {
  throw new Error(`Invalid config at '${key}': ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the configured management clusters. Accepts a single block, a list of
 * blocks, or a map from name to block. Returns an empty list when the key is absent.
 *
 * @public
 */
export function readManagementClusterConfigs(
  config: Config,
): ManagementClusterConfig[] {
  const raw = config.getOptional(ROOT_KEY);
  if (raw === undefined || raw === null) {
    return [];
  }

  const blocks: Array<{ block: Config; key: string; mapName?: string }> = [];
  if (Array.isArray(raw)) {
    config.getConfigArray(ROOT_KEY).forEach((block, i) => {
      blocks.push({ block, key: `${ROOT_KEY}[${i}]` });
    });
  } else if (isPlainObject(raw)) {
    const looksLikeBlock = Object.keys(raw).some(k => BLOCK_KEYS.has(k));
    const root = config.getConfig(ROOT_KEY);
    if (looksLikeBlock) {
      blocks.push({ block: root, key: ROOT_KEY });
    } else {
      for (const name of root.keys()) {
        if (!isPlainObject(raw[name])) {
          fail(`${ROOT_KEY}.${name}`, 'must be a management cluster block');
        }
        blocks.push({
          block: root.getConfig(name),
          key: `${ROOT_KEY}.${name}`,
          mapName: name,
        });
      }
    }
  } else {
    fail(
      ROOT_KEY,
      'must be a management cluster block, a list of blocks or a map of named blocks',
    );
  }

  const seen = new Map<string, string>();
  return blocks.map(({ block, key, mapName }) => {
    const cluster = readBlock(block, key, mapName);
    const previous = seen.get(cluster.name);
    if (previous) {
      fail(
        mapName ? key : `${key}.name`,
        `management cluster name '${cluster.name}' is already used at '${previous}'`,
      );
    }
    seen.set(cluster.name, key);
    return cluster;
  });
}

function readBlock(
  block: Config,
  key: string,
  mapName: string | undefined,
): ManagementClusterConfig {
  for (const k of block.keys()) {
    if (!BLOCK_KEYS.has(k)) {
      fail(
        `${key}.${k}`,
        `unknown key; expected one of ${[...BLOCK_KEYS].join(', ')}`,
      );
    }
  }

  let name = readOptionalString(block, 'name', key);
  if (mapName !== undefined) {
    if (name !== undefined && name !== mapName) {
      fail(
        `${key}.name`,
        `must equal the map key '${mapName}' when both are given`,
      );
    }
    name = mapName;
  }
  if (name === undefined) {
    fail(`${key}.name`, 'is required (a stable id such as "production")');
  }
  if (name.length > 63 || !NAME_PATTERN.test(name)) {
    fail(
      mapName !== undefined ? key : `${key}.name`,
      `'${name}' must be a DNS label: lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit`,
    );
  }
  const title = readOptionalString(block, 'title', key) ?? name;

  const present = CONNECTION_KEYS.filter(k => block.has(k));
  if (present.length !== 1) {
    fail(
      key,
      `exactly one of ${CONNECTION_KEYS.join(', ')} must be set${
        present.length ? ` (found ${present.join(', ')})` : ''
      }`,
    );
  }
  for (const k of ['token', 'caData', 'skipTLSVerify']) {
    if (present[0] !== 'url' && block.has(k)) {
      fail(`${key}.${k}`, 'is only allowed together with url');
    }
  }

  return {
    name,
    title,
    configPath: key,
    connection: readConnection(block, key, present[0]),
  };
}

function readConnection(
  block: Config,
  key: string,
  type: string,
): ManagementClusterConnection {
  switch (type) {
    case 'kubeconfig': {
      const sub = `${key}.kubeconfig`;
      if (!isPlainObject(block.get('kubeconfig'))) {
        fail(sub, 'must be an object with path and optionally context');
      }
      const kc = block.getConfig('kubeconfig');
      for (const k of kc.keys()) {
        if (k !== 'path' && k !== 'context') {
          fail(`${sub}.${k}`, 'unknown key; expected path or context');
        }
      }
      const path = readOptionalString(kc, 'path', sub);
      if (!path) {
        fail(`${sub}.path`, 'is required');
      }
      const context = readOptionalString(kc, 'context', sub);
      return context
        ? { type: 'kubeconfig', path, context }
        : { type: 'kubeconfig', path };
    }
    case 'url': {
      const url = readOptionalString(block, 'url', key)!;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        fail(`${key}.url`, 'must be an absolute http(s) URL');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        fail(`${key}.url`, 'must be an absolute http(s) URL');
      }
      if (parsed.username || parsed.password) {
        fail(`${key}.url`, 'must not carry credentials; use token');
      }
      const skipTLSVerify = readOptionalBoolean(block, 'skipTLSVerify', key);
      if (
        parsed.protocol === 'http:' &&
        !LOOPBACK_HOSTS.has(parsed.hostname) &&
        skipTLSVerify !== true
      ) {
        fail(
          `${key}.url`,
          'plain http is only accepted for loopback addresses unless skipTLSVerify is true',
        );
      }
      if (!block.has('token')) {
        fail(`${key}.token`, 'is required together with url');
      }
      const tokenValue = block.getOptional('token');
      if (typeof tokenValue !== 'string' || tokenValue.trim() === '') {
        // Never echo the value: it is a secret.
        fail(`${key}.token`, 'must be a non-empty string');
      }
      const caData = readOptionalString(block, 'caData', key);
      if (caData !== undefined && !/^[A-Za-z0-9+/=\s]+$/.test(caData)) {
        fail(`${key}.caData`, 'must be base64-encoded PEM data');
      }
      const connection: Omit<
        Extract<ManagementClusterConnection, { type: 'token' }>,
        'token'
      > = { type: 'token', url: url.replace(/\/+$/, '') };
      if (caData !== undefined) connection.caData = caData.replace(/\s+/g, '');
      if (skipTLSVerify !== undefined) connection.skipTLSVerify = skipTLSVerify;
      Object.defineProperty(connection, 'token', {
        value: tokenValue.trim(),
        enumerable: false,
      });
      return connection as ManagementClusterConnection;
    }
    case 'serviceAccount': {
      if (block.getOptional('serviceAccount') !== true) {
        fail(`${key}.serviceAccount`, 'must be true when set');
      }
      return { type: 'serviceAccount' };
    }
    case 'embedded': {
      const sub = `${key}.embedded`;
      if (!isPlainObject(block.getOptional('embedded'))) {
        fail(sub, 'must be an object ({ seed?, clusters? })');
      }
      const emb = block.getConfig('embedded');
      for (const k of emb.keys()) {
        if (k !== 'seed' && k !== 'clusters') {
          fail(`${sub}.${k}`, 'unknown key; expected seed or clusters');
        }
      }
      const seed = readOptionalString(emb, 'seed', sub) ?? 'demo';
      if (seed !== 'demo' && seed !== 'empty') {
        fail(`${sub}.seed`, `must be 'demo' or 'empty', got '${seed}'`);
      }
      const clustersRaw = emb.getOptional('clusters');
      if (clustersRaw === undefined) {
        return { type: 'embedded', seed };
      }
      if (
        typeof clustersRaw !== 'number' ||
        !Number.isInteger(clustersRaw) ||
        clustersRaw < 0
      ) {
        fail(`${sub}.clusters`, 'must be a non-negative integer');
      }
      return { type: 'embedded', seed, clusters: clustersRaw };
    }
    default:
      return fail(key, `unsupported connection ${type}`);
  }
}

function readOptionalString(
  config: Config,
  k: string,
  parentKey: string,
): string | undefined {
  const value = config.getOptional(k);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    fail(`${parentKey}.${k}`, `must be a string, got ${typeOf(value)}`);
  }
  return value;
}

function readOptionalBoolean(
  config: Config,
  k: string,
  parentKey: string,
): boolean | undefined {
  const value = config.getOptional(k);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    fail(`${parentKey}.${k}`, `must be a boolean, got ${typeOf(value)}`);
  }
  return value;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

type HumanDuration = ReturnType<typeof readDurationFromConfig>;

function durationToMs(d: HumanDuration): number {
  return (
    (d.milliseconds ?? 0) +
    (d.seconds ?? 0) * 1000 +
    (d.minutes ?? 0) * 60_000 +
    (d.hours ?? 0) * 3_600_000 +
    (d.days ?? 0) * 86_400_000 +
    (d.weeks ?? 0) * 7 * 86_400_000 +
    (d.months ?? 0) * 30 * 86_400_000 +
    (d.years ?? 0) * 365 * 86_400_000
  );
}

function readDurationMs(
  config: Config,
  key: string,
  fullKey: string,
  fallback: number,
): number {
  if (!config.has(key)) {
    return fallback;
  }
  let ms: number;
  try {
    ms = durationToMs(readDurationFromConfig(config, { key }));
  } catch (e) {
    fail(
      fullKey,
      `must be a duration such as '500ms', '30s' or { seconds: 30 } (${
        (e as Error).message
      })`,
    );
  }
  if (!(ms > 0)) {
    fail(fullKey, 'must be longer than zero');
  }
  return ms;
}

/**
 * Reads `k0rdent.fleet`, filling in {@link DEFAULT_FLEET_SETTINGS}.
 *
 * @public
 */
export function readFleetSettings(config: Config): FleetSettings {
  const key = 'k0rdent.fleet';
  const fleet = config.getOptionalConfig(key);
  if (!fleet) {
    return { ...DEFAULT_FLEET_SETTINGS, kinds: [...DEFAULT_FLEET_KINDS] };
  }
  for (const k of fleet.keys()) {
    if (
      ![
        'kinds',
        'backoff',
        'missingKindRetryInterval',
        'listPageSize',
        'watchTimeout',
      ].includes(k)
    ) {
      fail(`${key}.${k}`, 'unknown key');
    }
  }

  let kinds = [...DEFAULT_FLEET_KINDS];
  if (fleet.has('kinds')) {
    const raw = fleet.getOptional('kinds');
    if (!Array.isArray(raw) || raw.length === 0) {
      fail(`${key}.kinds`, 'must be a non-empty list of kind names');
    }
    kinds = [];
    raw.forEach((kind, i) => {
      if (typeof kind !== 'string' || !findKind(kind)) {
        fail(
          `${key}.kinds[${i}]`,
          `unknown kind '${String(
            kind,
          )}'; kinds come from the k0rdent kind registry`,
        );
      }
      if (!kinds.includes(kind)) kinds.push(kind);
    });
  }

  const backoff = fleet.getOptionalConfig('backoff');
  const backoffInitialMs = backoff
    ? readDurationMs(
        backoff,
        'initialDelay',
        `${key}.backoff.initialDelay`,
        DEFAULT_FLEET_SETTINGS.backoffInitialMs,
      )
    : DEFAULT_FLEET_SETTINGS.backoffInitialMs;
  const backoffMaxMs = backoff
    ? readDurationMs(
        backoff,
        'maxDelay',
        `${key}.backoff.maxDelay`,
        Math.max(DEFAULT_FLEET_SETTINGS.backoffMaxMs, backoffInitialMs),
      )
    : Math.max(DEFAULT_FLEET_SETTINGS.backoffMaxMs, backoffInitialMs);
  if (backoffMaxMs < backoffInitialMs) {
    fail(`${key}.backoff.maxDelay`, 'must not be shorter than initialDelay');
  }

  const listPageSize =
    fleet.getOptionalNumber('listPageSize') ??
    DEFAULT_FLEET_SETTINGS.listPageSize;
  if (!Number.isInteger(listPageSize) || listPageSize < 1) {
    fail(`${key}.listPageSize`, 'must be a positive integer');
  }

  const watchTimeoutMs = readDurationMs(
    fleet,
    'watchTimeout',
    `${key}.watchTimeout`,
    DEFAULT_FLEET_SETTINGS.watchTimeoutSeconds * 1000,
  );
  if (watchTimeoutMs < 2000) {
    fail(`${key}.watchTimeout`, 'must be at least 2 seconds');
  }

  return {
    kinds,
    backoffInitialMs,
    backoffMaxMs,
    missingKindRetryMs: readDurationMs(
      fleet,
      'missingKindRetryInterval',
      `${key}.missingKindRetryInterval`,
      DEFAULT_FLEET_SETTINGS.missingKindRetryMs,
    ),
    listPageSize,
    watchTimeoutSeconds: Math.floor(watchTimeoutMs / 1000),
  };
}
