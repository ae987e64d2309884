/*
 * Reading a number of seconds from the plugin's config with an error that
 * names the key, for the settings blocks under `k0rdent.*`.
 */
import type { Config } from '@backstage/config';

/**
 * `block.key` in milliseconds, or `fallbackMs` when absent; throws naming
 * `<prefix>.<key>` when it is not a number of at least `min` seconds.
 */
export function readSeconds(
  block: Config | undefined,
  prefix: string,
  key: string,
  fallbackMs: number,
  min: number,
): number {
  const value = block?.getOptionalNumber(key);
  if (value === undefined) return fallbackMs;
  if (!(value >= min)) {
    throw new Error(
      `Invalid config at '${prefix}.${key}': must be a number of seconds of at least ${min}`,
    );
  }
  return Math.round(value * 1000);
}
