/*
 * `k0rdent.kof`: where KOF's Promxy answers on every management cluster, how
 * long answers are kept, and the currency of the OpenCost price list.
 */
import type { Config } from '@backstage/config';
import type { ServiceProxyTarget } from '@k0rdent-backstage/plugin-k0rdent-node';
import { readSeconds } from '../configSeconds';

/** The KOF settings. */
export interface KofSettings {
  /** Promxy's Service on each management cluster, reached through the API server's service proxy. */
  promxy: ServiceProxyTarget;
  /** How long a Promxy answer is reused. */
  cacheTtlMs: number;
  /** How long a Promxy query may take. */
  timeoutMs: number;
  /** Currency of the OpenCost prices. */
  currency: string;
}

/** The settings when `k0rdent.kof` is absent: KOF's defaults. */
export const DEFAULT_KOF_SETTINGS: Readonly<KofSettings> = Object.freeze({
  promxy: { namespace: 'kof', name: 'kof-mothership-promxy', port: 8082 },
  cacheTtlMs: 30_000,
  timeoutMs: 15_000,
  currency: 'USD',
});

const PREFIX = 'k0rdent.kof';

/** Reads `k0rdent.kof`; errors name the key. */
export function readKofSettings(config: Config): KofSettings {
  const block = config.getOptionalConfig(PREFIX);
  const promxy = block?.getOptionalConfig('promxy');
  const d = DEFAULT_KOF_SETTINGS;
  const scheme = promxy?.getOptionalString('scheme');
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new Error(
      `Invalid config at '${PREFIX}.promxy.scheme': must be 'http' or 'https'`,
    );
  }
  return {
    promxy: {
      namespace: promxy?.getOptionalString('namespace') ?? d.promxy.namespace,
      name: promxy?.getOptionalString('service') ?? d.promxy.name,
      port: promxy?.getOptional<string | number>('port') ?? d.promxy.port,
      ...(scheme ? { scheme } : {}),
    },
    cacheTtlMs: readSeconds(block, PREFIX, 'cacheSeconds', d.cacheTtlMs, 0),
    timeoutMs: readSeconds(block, PREFIX, 'timeoutSeconds', d.timeoutMs, 1),
    currency: block?.getOptionalString('currency') ?? d.currency,
  };
}
