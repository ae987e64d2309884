/*
 * Promxy's Prometheus HTTP API over the simulated fleet: /api/v1/query, query_range,
 * series, labels and label/<name>/values, with Prometheus' JSON shapes and errors.
 * Pure: the caller passes the request parameters (query string or form body), the
 * store and the current time.
 */
import type { ObjectStore } from '../../store/types';
import { fleetSeriesSource, METRIC_NAMES } from './fleetSeries';
import type { Expr } from './promql/ast';
import { parseDurationParam, parseTimeParam } from './promql/durations';
import { PromQLError } from './promql/errors';
import { Evaluator } from './promql/evaluator';
import { parsePromQL, typeName, typeOfExpr } from './promql/parser';
import {
  signature,
  type Labels,
  type Series,
  type Value,
} from './promql/values';

export type PromxyParams =
  | URLSearchParams
  | Record<string, string | readonly string[] | undefined>;

export interface PromxyRequest {
  /** Request path; anything before `/api/v1/` (service proxy, KOF ACL `/metrics`) is ignored. */
  path: string;
  /** GET query string or POST form parameters; `match[]` may repeat. */
  params: PromxyParams;
}

export type PrometheusBody =
  | { status: 'success'; data: unknown }
  | {
      status: 'error';
      errorType: 'bad_data' | 'not_found' | 'execution';
      error: string;
    };

export interface PromxyResponse {
  status: number;
  body: PrometheusBody;
}

/** Prometheus refuses range queries with more points per series than this. */
export const MAX_POINTS_PER_SERIES = 11_000;

class BadRequest extends Error {}

function values(params: PromxyParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function first(params: PromxyParams, name: string): string | undefined {
  return values(params, name)[0];
}

function timeParam(
  params: PromxyParams,
  name: string,
  fallback: number | undefined,
): number {
  const raw = first(params, name);
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    throw new BadRequest(
      `invalid parameter "${name}": cannot parse "" to a valid timestamp`,
    );
  }
  const parsed = parseTimeParam(raw);
  if (parsed === undefined)
    throw new BadRequest(
      `invalid parameter "${name}": cannot parse "${raw}" to a valid timestamp`,
    );
  return parsed;
}

function parseQuery(params: PromxyParams, name = 'query'): Expr {
  try {
    return parsePromQL(first(params, name) ?? '');
  } catch (error) {
    if (error instanceof PromQLError)
      throw new BadRequest(`invalid parameter "${name}": ${error.message}`);
    throw error;
  }
}

/** Prometheus formats sample values with Go's shortest 'f' representation. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.split(/e/i);
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const point = mantissa.replace(/^-/, '').indexOf('.');
  const integerDigits = (point < 0 ? digits.length : point) + exponent;
  let result: string;
  if (integerDigits <= 0) result = `0.${'0'.repeat(-integerDigits)}${digits}`;
  else if (integerDigits >= digits.length)
    result = digits + '0'.repeat(integerDigits - digits.length);
  else
    result = `${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`;
  return negative ? `-${result}` : result;
}

const timestamp = (t: number) => Math.round(t * 1000) / 1000;
const byLabels = (a: { metric: Labels }, b: { metric: Labels }) =>
  signature(a.metric).localeCompare(signature(b.metric));

function sortsItself(expr: Expr): boolean {
  return (
    expr.type === 'call' && (expr.name === 'sort' || expr.name === 'sort_desc')
  );
}

function instantResult(value: Value, t: number, expr: Expr) {
  switch (value.kind) {
    case 'scalar':
      return {
        resultType: 'scalar',
        result: [timestamp(t), formatValue(value.value)],
      };
    case 'string':
      return { resultType: 'string', result: [timestamp(t), value.value] };
    case 'vector': {
      const result = value.samples.map(s => ({
        metric: s.labels,
        value: [timestamp(t), formatValue(s.value)],
      }));
      return {
        resultType: 'vector',
        result: sortsItself(expr) ? result : result.sort(byLabels),
      };
    }
    default:
      return { resultType: 'matrix', result: matrixResult(value.series) };
  }
}

function matrixResult(series: Series[]) {
  return series
    .map(s => ({
      metric: s.labels,
      values: s.points.map(([t, v]) => [timestamp(t), formatValue(v)]),
    }))
    .sort(byLabels);
}

function query(params: PromxyParams, store: ObjectStore, now: number) {
  const expr = parseQuery(params);
  const t = timeParam(params, 'time', now);
  return instantResult(
    new Evaluator(fleetSeriesSource(store)).instant(expr, t),
    t,
    expr,
  );
}

function queryRange(params: PromxyParams, store: ObjectStore) {
  const start = timeParam(params, 'start', undefined);
  const end = timeParam(params, 'end', undefined);
  if (end < start)
    throw new BadRequest('end timestamp must not be before start time');
  const stepText = first(params, 'step') ?? '';
  const step = parseDurationParam(stepText);
  if (step === undefined)
    throw new BadRequest(
      `invalid parameter "step": cannot parse "${stepText}" to a valid duration`,
    );
  if (step <= 0)
    throw new BadRequest(
      'zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  if ((end - start) / step > MAX_POINTS_PER_SERIES) {
    throw new BadRequest(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  }
  const expr = parseQuery(params);
  const type = typeOfExpr(expr);
  if (type !== 'scalar' && type !== 'vector') {
    throw new BadRequest(
      `invalid expression type "${typeName(
        type,
      )}" for range query, must be Scalar or instant Vector`,
    );
  }
  return {
    resultType: 'matrix',
    result: matrixResult(
      new Evaluator(fleetSeriesSource(store)).range(expr, start, end, step),
    ),
  };
}

/** Label sets of the series `match[]` selects that have samples in [start, end]. */
function matchedSeries(
  params: PromxyParams,
  store: ObjectStore,
  required: boolean,
): Labels[] | undefined {
  const selectors = values(params, 'match[]');
  if (selectors.length === 0) {
    if (required) throw new BadRequest('no match[] parameter provided');
    return undefined;
  }
  const end = timeParam(params, 'end', Infinity);
  // Synthetic series run until now, so only their start matters; `start` is still validated.
  timeParam(params, 'start', -Infinity);
  const source = fleetSeriesSource(store);
  const seen = new Map<string, Labels>();
  for (const text of selectors) {
    const expr = parseQuery({ 'match[]': text }, 'match[]');
    if (expr.type !== 'vectorSelector') {
      throw new BadRequest(
        `invalid parameter "match[]": 1:1: parse error: expected type instant vector selector, got ${typeName(
          typeOfExpr(expr),
        )}`,
      );
    }
    const matchers = expr.name
      ? [
          { name: '__name__', op: '=' as const, value: expr.name },
          ...expr.matchers,
        ]
      : expr.matchers;
    for (const series of source.select(matchers)) {
      if (series.startSeconds > end) continue;
      seen.set(signature(series.labels), series.labels);
    }
  }
  return [...seen.values()];
}

function labelNames(params: PromxyParams, store: ObjectStore): string[] {
  const series = matchedSeries(params, store, false);
  if (!series) return fleetSeriesSource(store).familyLabelNames();
  return [...new Set(series.flatMap(labels => Object.keys(labels)))].sort();
}

function labelValues(
  name: string,
  params: PromxyParams,
  store: ObjectStore,
): string[] {
  const matched = matchedSeries(params, store, false);
  if (!matched && name === '__name__') return METRIC_NAMES;
  const series =
    matched ??
    fleetSeriesSource(store)
      .select([{ name: '__name__', op: '=~', value: '.+' }])
      .map(s => s.labels);
  const result = new Set<string>();
  for (const labels of series) {
    if (labels[name] !== undefined) result.add(labels[name]);
  }
  return [...result].sort();
}

function route(
  path: string,
  params: PromxyParams,
  store: ObjectStore,
  now: number,
): unknown {
  const at = path.lastIndexOf('/api/v1/');
  const endpoint =
    at < 0 ? path : path.slice(at + '/api/v1/'.length).replace(/\/+$/, '');
  switch (endpoint) {
    case 'query':
      return query(params, store, now);
    case 'query_range':
      return queryRange(params, store);
    case 'series':
      return matchedSeries(params, store, true);
    case 'labels':
      return labelNames(params, store);
    case 'rules':
      return { groups: [] };
    case 'alerts':
      return { alerts: [] };
    default: {
      const labelValuesPath = /^label\/([^/]+)\/values$/.exec(endpoint);
      if (labelValuesPath)
        return labelValues(
          decodeURIComponent(labelValuesPath[1]),
          params,
          store,
        );
      return undefined;
    }
  }
}

export function handlePromxyRequest(
  request: PromxyRequest,
  store: ObjectStore,
  now: Date | number,
): PromxyResponse {
  const nowSeconds = (typeof now === 'number' ? now : now.getTime()) / 1000;
  try {
    const data = route(request.path, request.params, store, nowSeconds);
    if (data === undefined) {
      return {
        status: 404,
        body: {
          status: 'error',
          errorType: 'not_found',
          error: `unknown API endpoint ${request.path}`,
        },
      };
    }
    return { status: 200, body: { status: 'success', data } };
  } catch (error) {
    if (error instanceof BadRequest) {
      return {
        status: 400,
        body: { status: 'error', errorType: 'bad_data', error: error.message },
      };
    }
    if (error instanceof PromQLError) {
      return {
        status: 422,
        body: { status: 'error', errorType: 'execution', error: error.message },
      };
    }
    throw error;
  }
}
