/*
 * Deterministic "randomness" and shapes for synthetic metrics: a hash per series, noise
 * per sample time, and a daily cycle (busy by day, quiet at night).
 */

/** FNV-1a, 32 bit. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Noise in [0, 1) for a series at a sample index. */
export function noise(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const DAY_SECONDS = 86_400;

/** Daily cycle in [0, 1]: 0 at the quiet hour, 1 twelve hours later. */
export function diurnal(t: number, phase: number): number {
  return 0.5 - 0.5 * Math.cos(2 * Math.PI * (t / DAY_SECONDS + phase));
}

/** The integral of `diurnal` from 0 to t (for counters). */
export function diurnalIntegral(t: number, phase: number): number {
  return (
    0.5 * t -
    ((0.5 * DAY_SECONDS) / (2 * Math.PI)) *
      Math.sin(2 * Math.PI * (t / DAY_SECONDS + phase))
  );
}
