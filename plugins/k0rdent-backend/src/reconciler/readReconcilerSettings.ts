/*
 * `k0rdent.reconciler`: how often the reconciler looks for work, how long a
 * worker may hold a request before another replica takes it over, and how it
 * backs off after transient errors.
 */
import type { Config } from '@backstage/config';

/** The reconciler's settings. */
export interface ReconcilerSettings {
  /** How often the scheduled run looks for work (new requests also start a run at once). */
  intervalMs: number;
  /** How long a worker holds a request; a worker that dies loses it after this. */
  leaseMs: number;
  /** First delay after a transient error; doubled each attempt, with jitter. */
  backoffInitialMs: number;
  /** Longest delay between attempts. */
  backoffMaxMs: number;
  /** Requests worked on at once by one worker. */
  concurrency: number;
}

/** The settings when `k0rdent.reconciler` is absent. */
export const DEFAULT_RECONCILER_SETTINGS: Readonly<ReconcilerSettings> =
  Object.freeze({
    intervalMs: 10_000,
    leaseMs: 60_000,
    backoffInitialMs: 1_000,
    backoffMaxMs: 5 * 60_000,
    concurrency: 4,
  });

function seconds(
  config: Config | undefined,
  key: string,
  fallbackMs: number,
  min: number,
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) return fallbackMs;
  if (!(value >= min)) {
    throw new Error(
      `Invalid config at 'k0rdent.reconciler.${key}': must be a number of seconds of at least ${min}`,
    );
  }
  return Math.round(value * 1000);
}

/** Reads `k0rdent.reconciler`; errors name the key. */
export function readReconcilerSettings(config: Config): ReconcilerSettings {
  const block = config.getOptionalConfig('k0rdent.reconciler');
  const d = DEFAULT_RECONCILER_SETTINGS;
  const settings: ReconcilerSettings = {
    intervalMs: seconds(block, 'intervalSeconds', d.intervalMs, 1),
    leaseMs: seconds(block, 'leaseSeconds', d.leaseMs, 5),
    backoffInitialMs: seconds(
      block,
      'backoffInitialSeconds',
      d.backoffInitialMs,
      0.05,
    ),
    backoffMaxMs: seconds(block, 'backoffMaxSeconds', d.backoffMaxMs, 0.05),
    concurrency: block?.getOptionalNumber('concurrency') ?? d.concurrency,
  };
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1) {
    throw new Error(
      "Invalid config at 'k0rdent.reconciler.concurrency': must be a whole number of at least 1",
    );
  }
  if (settings.backoffMaxMs < settings.backoffInitialMs) {
    throw new Error(
      "Invalid config at 'k0rdent.reconciler.backoffMaxSeconds': must not be less than backoffInitialSeconds",
    );
  }
  return settings;
}
