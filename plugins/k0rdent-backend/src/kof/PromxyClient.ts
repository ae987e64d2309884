/*
 * PromQL to KOF's Promxy on a management cluster, through the API server's
 * service proxy with the backend's own credentials. Promxy has no
 * authentication and returns every tenant's data: callers build their queries
 * with the cluster and tenant matchers of what the user may see (see
 * queries.ts), and never pass a user's PromQL through.
 */
import { ServiceUnavailableError } from '@backstage/errors';
import {
  KubernetesApiError,
  type K0rdentFleetService,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { ExpiringCache } from '../fleet/ExpiringCache';
import type { KofSettings } from './readKofSettings';

/** One series of an instant query. */
export interface InstantSample {
  metric: Record<string, string>;
  value: number;
}

/** One series of a range query. */
export interface RangeSeries {
  metric: Record<string, string>;
  points: Array<[number, number]>;
}

interface PrometheusAnswer {
  status: 'success' | 'error';
  data?: { resultType: string; result: any[] };
  errorType?: string;
  error?: string;
}

/** Prometheus writes NaN and ±Inf as strings; those points are left out. */
function sampleValue(raw: unknown): number | undefined {
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** Runs PromQL against Promxy on each management cluster, caching answers briefly. */
export class PromxyClient {
  readonly #fleet: K0rdentFleetService;
  readonly #settings: KofSettings;
  readonly #answers: ExpiringCache<PrometheusAnswer['data']>;

  constructor(options: {
    fleet: K0rdentFleetService;
    settings: KofSettings;
    now?: () => number;
  }) {
    this.#fleet = options.fleet;
    this.#settings = options.settings;
    this.#answers = new ExpiringCache({
      ttlMs: options.settings.cacheTtlMs,
      maxEntries: 2_000,
      now: options.now,
    });
  }

  /** An instant vector at `time` (unix seconds). */
  async query(
    managementCluster: string,
    promql: string,
    time: number,
  ): Promise<InstantSample[]> {
    const data = await this.#get(
      managementCluster,
      '/api/v1/query',
      new URLSearchParams({ query: promql, time: String(time) }),
    );
    const samples: InstantSample[] = [];
    for (const series of data?.result ?? []) {
      const value = sampleValue(series?.value?.[1]);
      if (value !== undefined) {
        samples.push({ metric: series.metric ?? {}, value });
      }
    }
    return samples;
  }

  /** A range query from `start` to `end` (unix seconds) every `step` seconds. */
  async queryRange(
    managementCluster: string,
    promql: string,
    range: { start: number; end: number; step: number },
  ): Promise<RangeSeries[]> {
    const data = await this.#get(
      managementCluster,
      '/api/v1/query_range',
      new URLSearchParams({
        query: promql,
        start: String(range.start),
        end: String(range.end),
        step: String(range.step),
      }),
    );
    return (data?.result ?? []).map((series: any) => ({
      metric: series.metric ?? {},
      points: (series.values ?? []).flatMap(([t, raw]: [number, unknown]) => {
        const value = sampleValue(raw);
        return value === undefined ? [] : [[Number(t), value]];
      }),
    }));
  }

  #get(
    managementCluster: string,
    path: string,
    params: URLSearchParams,
  ): Promise<PrometheusAnswer['data']> {
    const key = `${managementCluster} ${path}?${params}`;
    return this.#answers.get(key, () =>
      this.#fetch(managementCluster, path, params),
    );
  }

  async #fetch(
    managementCluster: string,
    path: string,
    params: URLSearchParams,
  ): Promise<PrometheusAnswer['data']> {
    const where = `KOF's Promxy on management cluster '${managementCluster}'`;
    let response;
    try {
      response = await this.#fleet
        .client(managementCluster)
        .getThroughServiceProxy(this.#settings.promxy, path, params, {
          timeoutMs: this.#settings.timeoutMs,
        });
    } catch (error) {
      if (KubernetesApiError.is(error)) {
        throw new ServiceUnavailableError(
          `${where} is not reachable: ${error.message}`,
        );
      }
      throw error;
    }
    let answer: PrometheusAnswer | undefined;
    try {
      answer = JSON.parse(response.body);
    } catch {
      answer = undefined;
    }
    if (response.status === 200 && answer?.status === 'success') {
      return answer.data;
    }
    const reason = answer?.error
      ? `${answer.errorType ?? 'error'}: ${answer.error}`
      : `HTTP ${response.status}`;
    if (answer?.errorType === 'bad_data') {
      // Our own query was refused: a bug here, not a problem of KOF's.
      throw new Error(`${where} refused a query (${reason})`);
    }
    throw new ServiceUnavailableError(`${where} failed (${reason})`);
  }
}
