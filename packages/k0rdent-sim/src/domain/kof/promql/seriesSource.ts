/*
 * Where the evaluator gets raw data from: series with samples at a fixed scrape
 * interval, computable at any sample time (the simulator synthesises them).
 */
import type { LabelMatcher } from './ast';
import type { Labels } from './values';

export interface SourceSeries {
  /** Labels including `__name__`. */
  labels: Labels;
  /** First sample time (seconds); samples are at multiples of `intervalSeconds`. */
  startSeconds: number;
  intervalSeconds: number;
  /** The sample value at a sample time. */
  valueAt(timeSeconds: number): number;
  /** A counter that never resets: rate-like functions need only the window's edges. */
  monotonic?: boolean;
}

export interface SeriesSource {
  /** Every series matching all matchers (the metric name is a `__name__` matcher). */
  select(matchers: readonly LabelMatcher[]): SourceSeries[];
}

/** How far back an instant selector looks for the latest sample. */
export const LOOKBACK_SECONDS = 300;

/** The latest sample at or before `t` within the lookback window. */
export function latestSample(
  series: SourceSeries,
  t: number,
): [number, number] | undefined {
  const at = Math.floor(t / series.intervalSeconds) * series.intervalSeconds;
  if (at < series.startSeconds || at <= t - LOOKBACK_SECONDS) return undefined;
  return [at, series.valueAt(at)];
}

/** Samples in the left-open window (t - range, t]. */
export function samplesInRange(
  series: SourceSeries,
  t: number,
  rangeSeconds: number,
): Array<[number, number]> {
  const step = series.intervalSeconds;
  const firstInWindow = Math.floor((t - rangeSeconds) / step) * step + step;
  const firstSample = Math.ceil(series.startSeconds / step) * step;
  const points: Array<[number, number]> = [];
  for (let at = Math.max(firstInWindow, firstSample); at <= t; at += step) {
    points.push([at, series.valueAt(at)]);
  }
  return points;
}

/** The first and last sample times in (t - range, t] and how many there are. */
export function sampleTimesInRange(
  series: SourceSeries,
  t: number,
  rangeSeconds: number,
): { first: number; last: number; count: number } | undefined {
  const step = series.intervalSeconds;
  const first = Math.max(
    Math.floor((t - rangeSeconds) / step) * step + step,
    Math.ceil(series.startSeconds / step) * step,
  );
  const last = Math.floor(t / step) * step;
  if (last < first) return undefined;
  return { first, last, count: Math.round((last - first) / step) + 1 };
}
