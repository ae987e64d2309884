/*
 * Prometheus durations ("5m", "1h30m", "250ms") and timestamps (RFC 3339 or Unix
 * seconds), as the HTTP API and PromQL accept them.
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const DURATION = /^((\d+)(ms|s|m|h|d|w|y))+$/;

/** Milliseconds of a duration such as `1h30m`; undefined when malformed. */
export function parseDurationMs(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return total;
}

/** A timestamp parameter in seconds: Unix seconds (fractions allowed) or RFC 3339. */
export function parseTimeParam(text: string): number | undefined {
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  return Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(text)
    ? undefined
    : ms / 1000;
}

/** A step/duration parameter in seconds: float seconds or a duration. */
export function parseDurationParam(text: string): number | undefined {
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = parseDurationMs(text);
  return ms === undefined ? undefined : ms / 1000;
}
