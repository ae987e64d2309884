/*
 * Seed time: every timestamp in a seed is relative to one "now", fixed by default so
 * that seeds are identical run to run, or passed in to make ages look live.
 */
import { toKubeTime } from '../clock';

export interface SeedOptions {
  /** The instant the seeded fleet is observed at (default: 2026-08-24T09:00:00Z). */
  now?: number | Date;
}

export const DEFAULT_SEED_NOW = Date.parse('2026-08-24T09:00:00Z');

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How long provisioning took for the seeded fleet's history (real-world scale). */
export const SEED_PROVISIONING_MS = 12 * MINUTE;

export function seedNow(options: SeedOptions = {}): number {
  const { now } = options;
  if (now === undefined) return DEFAULT_SEED_NOW;
  return typeof now === 'number' ? now : now.getTime();
}

export { toKubeTime };
