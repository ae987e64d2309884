/*
 * How the k0rdent pages write numbers and times: money in the price list's
 * currency, memory in binary units, CPU in cores, times relative to now.
 */
import { DateTime } from 'luxon';

/** `$1,234.56`; amounts under 1 keep three significant digits (`$0.0420`). */
export function formatMoney(amount: number, currency: string): string {
  const small = Math.abs(amount) > 0 && Math.abs(amount) < 1;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    ...(small
      ? { maximumSignificantDigits: 3 }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  }).format(amount);
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** `12.3 GiB` */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${BINARY_UNITS[unit]}`;
}

/** `2.35 cores`, `1 core` */
export function formatCores(cores: number): string {
  const text = Number.isInteger(cores) ? String(cores) : cores.toFixed(2);
  return `${text} ${cores === 1 ? 'core' : 'cores'}`;
}

/** `3 minutes ago`, or the ISO text unchanged when it is not a time. */
export function formatRelative(iso: string | undefined): string {
  if (!iso) return '';
  const time = DateTime.fromISO(iso);
  return time.isValid ? time.toRelative() ?? iso : iso;
}

/** `2026-12-06 14:03 UTC`: for tooltips next to relative times. */
export function formatAbsolute(iso: string | undefined): string {
  if (!iso) return '';
  const time = DateTime.fromISO(iso, { zone: 'utc' });
  return time.isValid ? time.toFormat("yyyy-LL-dd HH:mm 'UTC'") : iso;
}
