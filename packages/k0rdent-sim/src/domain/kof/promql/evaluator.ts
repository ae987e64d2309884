/*
 * Evaluates a parsed PromQL expression at an instant, or at every step of a range,
 * against a SeriesSource. Series selection happens once per selector per query.
 */
import type {
  AggregationOp,
  BinaryOp,
  Expr,
  MatrixSelectorExpr,
  VectorMatching,
  VectorSelectorExpr,
} from './ast';
import { PromQLError } from './errors';
import {
  OVER_TIME,
  extrapolatedRate,
  instantRate,
  summarize,
  type WindowSummary,
} from './rangeFunctions';
import {
  latestSample,
  sampleTimesInRange,
  samplesInRange,
  type SeriesSource,
  type SourceSeries,
} from './seriesSource';
import {
  METRIC_NAME,
  omit,
  pick,
  signature,
  withoutName,
  type Labels,
  type Sample,
  type Series,
  type Value,
} from './values';

/** Prometheus' default limit on samples one query may load. */
export const MAX_SAMPLES = 50_000_000;

const COMPARISON = new Set<BinaryOp>(['==', '!=', '>', '<', '>=', '<=']);

function arithmetic(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '^':
      return a ** b;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    default:
      return a <= b ? 1 : 0;
  }
}

function formatLabels(labels: Labels): string {
  return `{${Object.keys(labels)
    .sort()
    .map(name => `${name}="${labels[name]}"`)
    .join(', ')}}`;
}

export class Evaluator {
  private readonly selections = new Map<VectorSelectorExpr, SourceSeries[]>();
  /** Group labels per aggregation and input label set, reused across range steps. */
  private readonly groupings = new Map<Expr, WeakMap<Labels, Labels>>();
  private loadedSamples = 0;

  constructor(private readonly source: SeriesSource) {}

  /** Evaluates at one instant (seconds). */
  instant(expr: Expr, t: number): Value {
    return this.eval(expr, t);
  }

  /** Evaluates at every step; the result is a matrix (scalars become one unlabelled series). */
  range(expr: Expr, start: number, end: number, step: number): Series[] {
    const bySignature = new Map<string, Series>();
    for (let i = 0; start + i * step <= end; i++) {
      const t = start + i * step;
      const value = this.eval(expr, t);
      let samples: Sample[] = [];
      if (value.kind === 'scalar')
        samples = [{ labels: {}, value: value.value }];
      if (value.kind === 'vector') samples = value.samples;
      for (const sample of samples) {
        const key = signature(sample.labels);
        let series = bySignature.get(key);
        if (!series) {
          series = { labels: sample.labels, points: [] };
          bySignature.set(key, series);
        }
        series.points.push([t, sample.value]);
      }
    }
    return [...bySignature.values()];
  }

  private count(samples: number): void {
    this.loadedSamples += samples;
    if (this.loadedSamples > MAX_SAMPLES) {
      throw new PromQLError(
        'query processing would load too many samples into memory in query execution',
      );
    }
  }

  private select(selector: VectorSelectorExpr): SourceSeries[] {
    let selected = this.selections.get(selector);
    if (!selected) {
      const matchers = selector.name
        ? [
            { name: METRIC_NAME, op: '=' as const, value: selector.name },
            ...selector.matchers,
          ]
        : selector.matchers;
      selected = this.source.select(matchers);
      this.selections.set(selector, selected);
    }
    return selected;
  }

  private eval(expr: Expr, t: number): Value {
    switch (expr.type) {
      case 'number':
        return { kind: 'scalar', value: expr.value };
      case 'string':
        return { kind: 'string', value: expr.value };
      case 'paren':
        return this.eval(expr.expr, t);
      case 'vectorSelector':
        return { kind: 'vector', samples: this.vectorSelector(expr, t) };
      case 'matrixSelector':
        return { kind: 'matrix', series: this.matrixSelector(expr, t) };
      case 'unary': {
        const value = this.eval(expr.expr, t);
        if (expr.op === '+') return value;
        if (value.kind === 'scalar')
          return { kind: 'scalar', value: -value.value };
        return {
          kind: 'vector',
          samples: this.vector(value).map(s => ({
            labels: withoutName(s.labels),
            value: -s.value,
          })),
        };
      }
      case 'call':
        return this.call(expr.name, expr.args, t);
      case 'aggregation':
        return { kind: 'vector', samples: this.aggregate(expr.op, expr, t) };
      case 'binary':
        return this.binary(expr, t);
      default:
        throw new PromQLError('unsupported expression');
    }
  }

  private vector(value: Value): Sample[] {
    if (value.kind !== 'vector')
      throw new PromQLError(`expected instant vector, got ${value.kind}`);
    return value.samples;
  }

  private scalar(value: Value): number {
    if (value.kind !== 'scalar')
      throw new PromQLError(`expected scalar, got ${value.kind}`);
    return value.value;
  }

  private vectorSelector(selector: VectorSelectorExpr, t: number): Sample[] {
    const at = t - selector.offsetSeconds;
    const samples: Sample[] = [];
    for (const series of this.select(selector)) {
      const sample = latestSample(series, at);
      if (sample) samples.push({ labels: series.labels, value: sample[1] });
    }
    this.count(samples.length);
    return samples;
  }

  private matrixSelector(expr: MatrixSelectorExpr, t: number): Series[] {
    const at = t - expr.selector.offsetSeconds;
    const result: Series[] = [];
    for (const series of this.select(expr.selector)) {
      const points = samplesInRange(series, at, expr.rangeSeconds);
      this.count(points.length);
      if (points.length > 0) result.push({ labels: series.labels, points });
    }
    return result;
  }

  private call(name: string, args: Expr[], t: number): Value {
    if (name === 'time') return { kind: 'scalar', value: t };
    if (name === 'vector')
      return {
        kind: 'vector',
        samples: [{ labels: {}, value: this.scalar(this.eval(args[0], t)) }],
      };
    if (name === 'scalar') {
      const samples = this.vector(this.eval(args[0], t));
      return {
        kind: 'scalar',
        value: samples.length === 1 ? samples[0].value : NaN,
      };
    }
    if (args[0].type === 'matrixSelector') {
      return { kind: 'vector', samples: this.rangeFunction(name, args[0], t) };
    }
    const samples = this.vector(this.eval(args[0], t));
    const param = args[1] ? this.scalar(this.eval(args[1], t)) : undefined;
    const map = (fn: (v: number) => number) =>
      samples.map(s => ({ labels: withoutName(s.labels), value: fn(s.value) }));
    switch (name) {
      case 'abs':
        return { kind: 'vector', samples: map(Math.abs) };
      case 'ceil':
        return { kind: 'vector', samples: map(Math.ceil) };
      case 'floor':
        return { kind: 'vector', samples: map(Math.floor) };
      case 'sqrt':
        return { kind: 'vector', samples: map(Math.sqrt) };
      case 'exp':
        return { kind: 'vector', samples: map(Math.exp) };
      case 'ln':
        return { kind: 'vector', samples: map(Math.log) };
      case 'round': {
        const to = param ?? 1;
        return {
          kind: 'vector',
          samples: map(v => Math.floor(v / to + 0.5) * to),
        };
      }
      case 'clamp_min':
        return { kind: 'vector', samples: map(v => Math.max(v, param!)) };
      case 'clamp_max':
        return { kind: 'vector', samples: map(v => Math.min(v, param!)) };
      case 'sort':
        return {
          kind: 'vector',
          samples: [...samples].sort((a, b) => a.value - b.value),
        };
      case 'sort_desc':
        return {
          kind: 'vector',
          samples: [...samples].sort((a, b) => b.value - a.value),
        };
      default:
        throw new PromQLError(
          `function "${name}" is not supported by the simulator`,
        );
    }
  }

  /** The window of one series, computing only its edges for monotonic counters. */
  private window(
    series: SourceSeries,
    at: number,
    range: number,
    needsAll: boolean,
  ): { summary?: WindowSummary; points?: Array<[number, number]> } {
    if (!needsAll && series.monotonic) {
      const times = sampleTimesInRange(series, at, range);
      if (!times) return {};
      this.count(times.count);
      const last: [number, number] = [times.last, series.valueAt(times.last)];
      const first: [number, number] =
        times.count > 1 ? [times.first, series.valueAt(times.first)] : last;
      const previous: [number, number] | undefined =
        times.count > 1
          ? [
              times.last - series.intervalSeconds,
              series.valueAt(times.last - series.intervalSeconds),
            ]
          : undefined;
      return {
        summary: { first, last, count: times.count, resetCorrection: 0 },
        points: previous ? [previous, last] : [last],
      };
    }
    const points = samplesInRange(series, at, range);
    this.count(points.length);
    return { summary: summarize(points), points };
  }

  private rangeFunction(
    name: string,
    arg: MatrixSelectorExpr,
    t: number,
  ): Sample[] {
    const at = t - arg.selector.offsetSeconds;
    const windowStart = at - arg.rangeSeconds;
    const rateLike =
      name === 'rate' ||
      name === 'increase' ||
      name === 'delta' ||
      name === 'irate';
    const result: Sample[] = [];
    for (const series of this.select(arg.selector)) {
      const { summary, points } = this.window(
        series,
        at,
        arg.rangeSeconds,
        !rateLike,
      );
      if (!summary || !points) continue;
      let value: number | undefined;
      switch (name) {
        case 'rate':
          value = extrapolatedRate(summary, windowStart, at, true, true);
          break;
        case 'increase':
          value = extrapolatedRate(summary, windowStart, at, true, false);
          break;
        case 'delta':
          value = extrapolatedRate(summary, windowStart, at, false, false);
          break;
        case 'irate':
          value = instantRate(points);
          break;
        default:
          value = OVER_TIME[name]?.(points.map(([, v]) => v));
      }
      if (value !== undefined) {
        const labels =
          name === 'last_over_time'
            ? series.labels
            : withoutName(series.labels);
        result.push({ labels, value });
      }
    }
    return result;
  }

  private aggregate(
    op: AggregationOp,
    expr: Extract<Expr, { type: 'aggregation' }>,
    t: number,
  ): Sample[] {
    const samples = this.vector(this.eval(expr.expr, t));
    const grouping = expr.grouping;
    let cache = this.groupings.get(expr);
    if (!cache) {
      cache = new WeakMap();
      this.groupings.set(expr, cache);
    }
    const remembered = cache;
    const groupLabels = (labels: Labels): Labels => {
      let result = remembered.get(labels);
      if (!result) {
        if (!grouping) result = {};
        else if (grouping.without)
          result = omit(withoutName(labels), grouping.labels);
        else
          result = pick(
            labels,
            grouping.labels.filter(l => l !== METRIC_NAME),
          );
        remembered.set(labels, result);
      }
      return result;
    };
    const groups = new Map<string, { labels: Labels; members: Sample[] }>();
    for (const sample of samples) {
      const labels = groupLabels(sample.labels);
      const key = signature(labels);
      let group = groups.get(key);
      if (!group) {
        group = { labels, members: [] };
        groups.set(key, group);
      }
      group.members.push(sample);
    }
    const result: Sample[] = [];
    const k = expr.param
      ? Math.floor(this.scalar(this.eval(expr.param, t)))
      : 0;
    for (const { labels, members } of groups.values()) {
      const values = members.map(m => m.value);
      switch (op) {
        case 'sum':
          result.push({ labels, value: values.reduce((a, b) => a + b, 0) });
          break;
        case 'avg':
          result.push({
            labels,
            value: values.reduce((a, b) => a + b, 0) / values.length,
          });
          break;
        case 'min':
          result.push({ labels, value: Math.min(...values) });
          break;
        case 'max':
          result.push({ labels, value: Math.max(...values) });
          break;
        case 'count':
          result.push({ labels, value: values.length });
          break;
        case 'group':
          result.push({ labels, value: 1 });
          break;
        default: {
          const sorted = [...members].sort((a, b) =>
            op === 'topk' ? b.value - a.value : a.value - b.value,
          );
          result.push(...sorted.slice(0, Math.max(0, k)));
        }
      }
    }
    return result;
  }

  private binary(expr: Extract<Expr, { type: 'binary' }>, t: number): Value {
    const lhs = this.eval(expr.lhs, t);
    const rhs = this.eval(expr.rhs, t);
    const comparison = COMPARISON.has(expr.op);
    if (lhs.kind === 'scalar' && rhs.kind === 'scalar') {
      return {
        kind: 'scalar',
        value: arithmetic(expr.op, lhs.value, rhs.value),
      };
    }
    if (lhs.kind === 'scalar' || rhs.kind === 'scalar') {
      const vectorOnLeft = rhs.kind === 'scalar';
      const samples = this.vector(vectorOnLeft ? lhs : rhs);
      const constant = this.scalar(vectorOnLeft ? rhs : lhs);
      const result: Sample[] = [];
      for (const sample of samples) {
        const value = vectorOnLeft
          ? arithmetic(expr.op, sample.value, constant)
          : arithmetic(expr.op, constant, sample.value);
        if (comparison && !expr.returnBool) {
          if (value === 1) result.push(sample);
        } else {
          result.push({ labels: withoutName(sample.labels), value });
        }
      }
      return { kind: 'vector', samples: result };
    }
    return {
      kind: 'vector',
      samples: this.vectorBinary(expr, this.vector(lhs), this.vector(rhs)),
    };
  }

  private vectorBinary(
    expr: Extract<Expr, { type: 'binary' }>,
    lhs: Sample[],
    rhs: Sample[],
  ): Sample[] {
    const matching: VectorMatching = expr.matching ?? { on: false, labels: [] };
    const matchLabels = (labels: Labels) =>
      matching.on
        ? pick(labels, matching.labels)
        : omit(withoutName(labels), matching.labels);
    const key = (labels: Labels) => signature(matchLabels(labels));
    const comparison = COMPARISON.has(expr.op);
    const group = matching.group;
    // The "one" side is indexed; with group_right the sides swap roles.
    const [many, one] = group?.side === 'right' ? [rhs, lhs] : [lhs, rhs];
    const oneByKey = new Map<string, Sample>();
    for (const sample of one) {
      const k = key(sample.labels);
      if (oneByKey.has(k)) {
        throw new PromQLError(
          `found duplicate series for the match group ${formatLabels(
            matchLabels(sample.labels),
          )} on the ${
            group?.side === 'right' ? 'left' : 'right'
          } hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`,
        );
      }
      oneByKey.set(k, sample);
    }
    const seen = new Set<string>();
    const result: Sample[] = [];
    for (const sample of many) {
      const k = key(sample.labels);
      const match = oneByKey.get(k);
      if (!match) continue;
      if (!group) {
        if (seen.has(k)) {
          throw new PromQLError(
            'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
          );
        }
        seen.add(k);
      }
      const [left, right] =
        group?.side === 'right' ? [match, sample] : [sample, match];
      const value = arithmetic(expr.op, left.value, right.value);
      if (comparison && !expr.returnBool) {
        if (value === 1)
          result.push({ labels: left.labels, value: left.value });
        continue;
      }
      let labels: Labels = withoutName(sample.labels);
      if (!group && matching.on) labels = pick(labels, matching.labels);
      if (!group && !matching.on) labels = omit(labels, matching.labels);
      if (group) {
        for (const name of group.include) {
          if (name in match.labels)
            labels = { ...labels, [name]: match.labels[name] };
        }
      }
      result.push({ labels, value });
    }
    return result;
  }
}
