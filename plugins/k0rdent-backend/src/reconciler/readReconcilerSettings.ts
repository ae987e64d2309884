/*
 * `k0rdent.reconciler`: how often the reconciler looks for work, how long a
 * worker may hold a request before another replica takes it over, and how it
 * backs off after transient errors.
 */
import type { Config } from '@backstage/config';
import { readSeconds } from '../configSeconds';

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

const PREFIX = 'k0rdent.reconciler';

/** Reads `k0rdent.reconciler`; errors name the key. */
export function readReconcilerSettings(config: Config): ReconcilerSettings {
  const block = config.getOptionalConfig(PREFIX);
  const d = DEFAULT_RECONCILER_SETTINGS;
  const settings: ReconcilerSettings = {
    intervalMs: readSeconds(block, PREFIX, 'intervalSeconds', d.intervalMs, 1),
    leaseMs: readSeconds(block, PREFIX, 'leaseSeconds', d.leaseMs, 5),
    backoffInitialMs: readSeconds(
      block,
      PREFIX,
      'backoffInitialSeconds',
      d.backoffInitialMs,
      0.05,
    ),
    backoffMaxMs: readSeconds(
      block,
      PREFIX,
      'backoffMaxSeconds',
      d.backoffMaxMs,
      0.05,
    ),
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
