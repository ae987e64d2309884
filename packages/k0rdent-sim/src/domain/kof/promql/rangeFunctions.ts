/*
 * Functions over range vectors: rate/increase/delta with Prometheus' extrapolation,
 * irate, and the *_over_time family.
 */

type Points = ReadonlyArray<readonly [number, number]>;

/** What rate-like functions need from a window: its edges, size and counter resets. */
export interface WindowSummary {
  first: readonly [number, number];
  last: readonly [number, number];
  count: number;
  /** Sum of the values just before each counter reset. */
  resetCorrection: number;
}

export function summarize(points: Points): WindowSummary | undefined {
  if (points.length === 0) return undefined;
  let resetCorrection = 0;
  for (let i = 1; i < points.length; i++) {
    if (points[i][1] < points[i - 1][1]) resetCorrection += points[i - 1][1];
  }
  return {
    first: points[0],
    last: points[points.length - 1],
    count: points.length,
    resetCorrection,
  };
}

/**
 * Prometheus' extrapolated rate: the change over the samples in the window,
 * corrected for counter resets and extrapolated to the window edges (but not beyond
 * half a sample interval, nor below zero for counters).
 */
export function extrapolatedRate(
  window: WindowSummary | undefined,
  windowStart: number,
  windowEnd: number,
  isCounter: boolean,
  isRate: boolean,
): number | undefined {
  if (!window || window.count < 2) return undefined;
  const [firstT, firstV] = window.first;
  const [lastT, lastV] = window.last;
  const change = lastV - firstV + (isCounter ? window.resetCorrection : 0);
  const sampled = lastT - firstT;
  const average = sampled / (window.count - 1);
  let toStart = firstT - windowStart;
  const toEnd = windowEnd - lastT;
  if (isCounter && change > 0 && firstV >= 0) {
    const toZero = sampled * (firstV / change);
    if (toZero < toStart) toStart = toZero;
  }
  const threshold = average * 1.1;
  let extrapolated = sampled;
  extrapolated += toStart < threshold ? toStart : average / 2;
  extrapolated += toEnd < threshold ? toEnd : average / 2;
  let result = change * (extrapolated / sampled);
  if (isRate) result /= windowEnd - windowStart;
  return result;
}

export function instantRate(points: Points): number | undefined {
  if (points.length < 2) return undefined;
  const [prevT, prevV] = points[points.length - 2];
  const [lastT, lastV] = points[points.length - 1];
  const change = lastV < prevV ? lastV : lastV - prevV;
  return change / (lastT - prevT);
}

export const OVER_TIME: Record<string, (values: number[]) => number> = {
  avg_over_time: v => v.reduce((a, b) => a + b, 0) / v.length,
  sum_over_time: v => v.reduce((a, b) => a + b, 0),
  min_over_time: v => Math.min(...v),
  max_over_time: v => Math.max(...v),
  count_over_time: v => v.length,
  last_over_time: v => v[v.length - 1],
};
