/*
 * Axis ticks for the k0rdent charts: a few round values from zero up (in
 * binary steps for memory, whole steps for counts) and times on round minutes,
 * hours or days in the viewer's time zone.
 */
import { DateTime } from 'luxon';

/**
 * How a chart's y axis steps: decimal (1, 2, 2.5, 5 × 10ⁿ), binary units
 * (KiB, MiB, …) or whole numbers.
 *
 * @public
 */
export type TickKind = 'decimal' | 'binary' | 'integer';

const DECIMAL_STEPS = [1, 2, 2.5, 5, 10];
const INTEGER_STEPS = [1, 2, 5, 10];

/**
 * Ticks from 0 to a round value at or above `max`: 3 to 4 of them (2 when
 * whole steps cannot do better, e.g. 0 and 1 node). The last tick is the top
 * of the axis.
 */
export function niceTicks(max: number, kind: TickKind = 'decimal'): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  let unit = 1;
  if (kind === 'binary') {
    while (top / unit >= 1024) unit *= 1024;
  }
  const scaled = top / unit;
  // At most 3 intervals: the step is at least a third of the range.
  const raw = scaled / 3;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const candidates = kind === 'integer' ? INTEGER_STEPS : DECIMAL_STEPS;
  let step =
    (candidates.find(c => c * magnitude >= raw - 1e-12) ?? 10) * magnitude;
  if (kind === 'integer') step = Math.max(1, Math.round(step));
  const intervals = Math.max(1, Math.ceil(scaled / step - 1e-9));
  return Array.from(
    { length: intervals + 1 },
    (_, i) => Number((i * step).toPrecision(12)) * unit,
  );
}

const TIME_STEPS_SECONDS = [
  60,
  300,
  600,
  900,
  1800,
  3600,
  2 * 3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  86400,
  2 * 86400,
  7 * 86400,
];
const MAX_TIME_TICKS = 7;
const DAY = 86400;

/** Unix seconds of round times within [start, end], at most 7 of them. */
export function timeTicks(start: number, end: number, zone?: string): number[] {
  if (!(end > start)) return [start];
  const span = end - start;
  const step =
    TIME_STEPS_SECONDS.find(s => span / s <= MAX_TIME_TICKS) ??
    Math.ceil(span / MAX_TIME_TICKS / DAY) * DAY;
  const dayStart = DateTime.fromSeconds(start, { zone }).startOf('day');
  const ticks: number[] = [];
  if (step >= DAY) {
    const days = step / DAY;
    let day = dayStart;
    while (day.toSeconds() < start) day = day.plus({ days: 1 });
    for (; day.toSeconds() <= end; day = day.plus({ days })) {
      ticks.push(day.toSeconds());
    }
    return ticks;
  }
  const base = dayStart.toSeconds();
  for (
    let t = base + Math.ceil((start - base) / step) * step;
    t <= end;
    t += step
  ) {
    ticks.push(t);
  }
  return ticks;
}

/** `14:05` for spans up to two days, `Mon 7` beyond. */
export function formatTimeTick(
  seconds: number,
  spanSeconds: number,
  zone?: string,
): string {
  return DateTime.fromSeconds(seconds, { zone }).toFormat(
    spanSeconds > 2 * DAY ? 'ccc d' : 'HH:mm',
  );
}
