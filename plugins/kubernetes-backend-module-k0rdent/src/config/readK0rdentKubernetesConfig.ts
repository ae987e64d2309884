/*
 * `kubernetes.k0rdent`: the settings of the k0rdent cluster supplier.
 */
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/**
 * The settings of the k0rdent cluster supplier.
 *
 * @public
 */
export interface K0rdentKubernetesConfig {
  /** How long a credential read from a kubeconfig Secret is used before the Secret is read again. */
  credentialTtlMs: number;
  /** How often the endpoint (server URL and CA) of a listed cluster is read again. */
  endpointRefreshMs: number;
  /** Sets `skipMetricsLookup` on every supplied cluster. */
  skipMetricsLookup: boolean;
}

/** The prefix of every key this module reads. @public */
export const K0RDENT_KUBERNETES_CONFIG_KEY = 'kubernetes.k0rdent';

const DEFAULTS: K0rdentKubernetesConfig = {
  credentialTtlMs: 60_000,
  endpointRefreshMs: 600_000,
  skipMetricsLookup: false,
};

function readDurationMs(
  block: Config,
  key: string,
  fallback: number,
  minMs: number,
): number {
  if (!block.has(key)) return fallback;
  const where = `${K0RDENT_KUBERNETES_CONFIG_KEY}.${key}`;
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(block, { key }));
  } catch (e) {
    throw new Error(`Invalid config at '${where}': ${(e as Error).message}`);
  }
  if (!(ms >= minMs)) {
    throw new Error(
      `Invalid config at '${where}': must be at least ${minMs / 1000} s`,
    );
  }
  return ms;
}

/**
 * Reads `kubernetes.k0rdent`; every key is optional. Throws naming the key
 * when a value is invalid.
 *
 * @public
 */
export function readK0rdentKubernetesConfig(
  config: Config,
): K0rdentKubernetesConfig {
  const block = config.getOptionalConfig(K0RDENT_KUBERNETES_CONFIG_KEY);
  if (!block) return { ...DEFAULTS };
  return {
    credentialTtlMs: readDurationMs(
      block,
      'credentialTtl',
      DEFAULTS.credentialTtlMs,
      1000,
    ),
    endpointRefreshMs: readDurationMs(
      block,
      'endpointRefresh',
      DEFAULTS.endpointRefreshMs,
      1000,
    ),
    skipMetricsLookup:
      block.getOptionalBoolean('skipMetricsLookup') ??
      DEFAULTS.skipMetricsLookup,
  };
}
