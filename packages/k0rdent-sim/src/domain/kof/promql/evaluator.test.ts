import type { LabelMatcher } from './ast';
import { Evaluator } from './evaluator';
import { parsePromQL } from './parser';
import type { SeriesSource, SourceSeries } from './seriesSource';
import { matchesAll, type Labels, type Sample } from './values';

/** A counter growing 1/s from t=0 and a gauge, on two instances, scraped every 30s. */
function source(): SeriesSource {
  const series: SourceSeries[] = [
    ...['a', 'b'].map(instance => ({
      labels: { __name__: 'requests_total', instance, job: 'api' },
      startSeconds: 0,
      intervalSeconds: 30,
      valueAt: (t: number) => (instance === 'a' ? t : 2 * t),
      monotonic: true,
    })),
    ...['a', 'b'].map(instance => ({
      labels: { __name__: 'memory_bytes', instance, job: 'api' },
      startSeconds: 0,
      intervalSeconds: 30,
      valueAt: (t: number) =>
        (instance === 'a' ? 100 : 300) + (t % 60 === 0 ? 0 : 10),
    })),
    {
      labels: { __name__: 'price', instance: 'a', type: 'm5.large' },
      startSeconds: 0,
      intervalSeconds: 30,
      valueAt: () => 0.1,
    },
    {
      labels: { __name__: 'price', instance: 'b', type: 'm5.xlarge' },
      startSeconds: 0,
      intervalSeconds: 30,
      valueAt: () => 0.2,
    },
    {
      labels: { __name__: 'late', instance: 'a' },
      startSeconds: 10_000,
      intervalSeconds: 30,
      valueAt: () => 1,
    },
  ];
  return {
    select: (matchers: readonly LabelMatcher[]) =>
      series.filter(s => matchesAll(s.labels, matchers)),
  };
}

const T = 3600;

function instant(query: string, t = T) {
  return new Evaluator(source()).instant(parsePromQL(query), t);
}

function samples(query: string, t = T): Array<[Labels, number]> {
  const value = instant(query, t);
  if (value.kind !== 'vector')
    throw new Error(`expected a vector, got ${value.kind}`);
  return value.samples.map((s: Sample) => [s.labels, s.value]);
}

describe('Evaluator', () => {
  it('selects the latest sample within the lookback, keeping the metric name', () => {
    expect(samples('memory_bytes{instance="a"}')).toEqual([
      [{ __name__: 'memory_bytes', instance: 'a', job: 'api' }, 100],
    ]);
    expect(samples('late')).toEqual([]);
    expect(samples('memory_bytes offset 30s', 3630)).toEqual(
      samples('memory_bytes', 3600),
    );
  });

  it('computes rate, irate and increase like Prometheus', () => {
    expect(samples('rate(requests_total[5m])')).toEqual([
      [{ instance: 'a', job: 'api' }, 1],
      [{ instance: 'b', job: 'api' }, 2],
    ]);
    expect(samples('irate(requests_total{instance="b"}[5m])')).toEqual([
      [{ instance: 'b', job: 'api' }, 2],
    ]);
    expect(samples('increase(requests_total{instance="a"}[5m])')).toEqual([
      [{ instance: 'a', job: 'api' }, 300],
    ]);
  });

  it('extrapolates a counter only back to its first sample near zero', () => {
    // At t=60 the window holds samples 30 and 60 (values 30, 60): the counter started at 0.
    expect(samples('increase(requests_total{instance="a"}[5m])', 60)).toEqual([
      [{ instance: 'a', job: 'api' }, 60],
    ]);
  });

  it('aggregates over time windows', () => {
    expect(samples('avg_over_time(memory_bytes{instance="a"}[2m])')[0][1]).toBe(
      105,
    );
    expect(samples('max_over_time(memory_bytes{instance="a"}[2m])')[0][1]).toBe(
      110,
    );
    expect(
      samples('count_over_time(memory_bytes{instance="a"}[2m])')[0][1],
    ).toBe(4);
    expect(samples('sum_over_time(price{instance="a"}[1m])')[0][1]).toBeCloseTo(
      0.2,
    );
  });

  it('aggregates with by and without', () => {
    expect(samples('sum(rate(requests_total[5m]))')).toEqual([[{}, 3]]);
    expect(samples('sum by (instance) (memory_bytes)')).toEqual([
      [{ instance: 'a' }, 100],
      [{ instance: 'b' }, 300],
    ]);
    expect(samples('max without (instance) (memory_bytes)')).toEqual([
      [{ job: 'api' }, 300],
    ]);
    expect(samples('count(memory_bytes)')).toEqual([[{}, 2]]);
    expect(samples('avg(memory_bytes)')).toEqual([[{}, 200]]);
    expect(samples('topk(1, memory_bytes)')).toEqual([
      [{ __name__: 'memory_bytes', instance: 'b', job: 'api' }, 300],
    ]);
  });

  it('applies arithmetic with scalars and drops the metric name', () => {
    expect(samples('price{instance="a"} * 24')).toEqual([
      [{ instance: 'a', type: 'm5.large' }, 0.1 * 24],
    ]);
    expect(samples('memory_bytes{instance="b"} / 1e2')).toEqual([
      [{ instance: 'b', job: 'api' }, 3],
    ]);
    expect(instant('2 * 3 + 1')).toEqual({ kind: 'scalar', value: 7 });
    expect(samples('-price{instance="b"}')).toEqual([
      [{ instance: 'b', type: 'm5.xlarge' }, -0.2],
    ]);
  });

  it('filters with comparisons unless bool is given', () => {
    expect(samples('memory_bytes > 200').map(([l]) => l.instance)).toEqual([
      'b',
    ]);
    expect(samples('memory_bytes > bool 200')).toEqual([
      [{ instance: 'a', job: 'api' }, 0],
      [{ instance: 'b', job: 'api' }, 1],
    ]);
  });

  it('matches vectors one-to-one and many-to-one', () => {
    expect(samples('memory_bytes / on(instance) price')).toEqual([
      [{ instance: 'a' }, 1000],
      [{ instance: 'b' }, 1500],
    ]);
    expect(
      samples('memory_bytes * on(instance) group_left(type) price'),
    ).toEqual([
      [{ instance: 'a', job: 'api', type: 'm5.large' }, 10],
      [{ instance: 'b', job: 'api', type: 'm5.xlarge' }, 60],
    ]);
    expect(() => samples('price * ignoring(instance) memory_bytes')).toThrow(
      /matching labels must be unique on one side/,
    );
  });

  it('evaluates functions', () => {
    expect(instant('time()')).toEqual({ kind: 'scalar', value: T });
    expect(samples('vector(5)')).toEqual([[{}, 5]]);
    expect(instant('scalar(sum(price))')).toEqual({
      kind: 'scalar',
      value: expect.closeTo(0.3),
    });
    expect(samples('clamp_max(memory_bytes, 150)').map(([, v]) => v)).toEqual([
      100, 150,
    ]);
    expect(samples('round(price * 10)').map(([, v]) => v)).toEqual([1, 2]);
    expect(samples('sort_desc(memory_bytes)').map(([l]) => l.instance)).toEqual(
      ['b', 'a'],
    );
  });

  it('evaluates over a range of steps', () => {
    const series = new Evaluator(source()).range(
      parsePromQL('sum(rate(requests_total[5m]))'),
      600,
      1200,
      300,
    );
    expect(series).toEqual([
      {
        labels: {},
        points: [
          [600, 3],
          [900, 3],
          [1200, 3],
        ],
      },
    ]);
  });
});
