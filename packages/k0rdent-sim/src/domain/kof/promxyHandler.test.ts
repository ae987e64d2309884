import { demoSeed } from '../seeds/demoSeed';
import { DEFAULT_SEED_NOW } from '../seeds/seedTime';
import { FakeStore } from '../testing/fakeStore';
import {
  formatValue,
  handlePromxyRequest,
  type PromxyParams,
} from './promxyHandler';

const NOW_S = DEFAULT_SEED_NOW / 1000;

describe('handlePromxyRequest', () => {
  const store = new FakeStore(() => DEFAULT_SEED_NOW);
  store.load(demoSeed());

  const call = (path: string, params: PromxyParams) =>
    handlePromxyRequest({ path, params }, store, DEFAULT_SEED_NOW);
  const data = (path: string, params: PromxyParams) => {
    const response = call(path, params);
    expect(response.status).toBe(200);
    return (response.body as { data: any }).data;
  };
  const query = (q: string) => data('/api/v1/query', { query: q });
  const scalarOf = (q: string) => {
    const result = query(q).result;
    expect(result).toHaveLength(1);
    return Number(result[0].value[1]);
  };

  it('answers availability per cluster: up is 1 for Ready clusters, 0 while deleting, absent otherwise', () => {
    const ready = query('up{cluster="payments-aws-prod"}');
    expect(ready.resultType).toBe('vector');
    expect(ready.result.length).toBe(9);
    expect(ready.result[0]).toEqual({
      metric: {
        __name__: 'up',
        cluster: 'payments-aws-prod',
        tenant: 'payments',
        job: 'kubelet',
        instance: 'payments-aws-prod-cp-0',
        node: 'payments-aws-prod-cp-0',
      },
      value: [NOW_S, '1'],
    });
    expect(
      new Set(
        query('up{cluster="decommission-gcp"}').result.map(
          (r: any) => r.value[1],
        ),
      ),
    ).toEqual(new Set(['0']));
    expect(query('up{cluster="edge-vsphere-02"}').result).toEqual([]);
    expect(query('up{cluster="os-staging"}').result).toEqual([]);
  });

  it('answers the queries of the API fact sheet', () => {
    const cpu = scalarOf(
      'sum(rate(container_cpu_usage_seconds_total{cluster="payments-aws-prod"}[5m]))',
    );
    const allocated = scalarOf(
      'sum(container_cpu_allocation{cluster="payments-aws-prod"})',
    );
    expect(cpu).toBeGreaterThan(0.2 * allocated);
    expect(cpu).toBeLessThan(0.8 * allocated);
    expect(
      scalarOf(
        'sum(container_memory_working_set_bytes{cluster="payments-aws-prod"})',
      ),
    ).toBeGreaterThan(1e9);

    const perCluster = query(
      'sum by (cluster) (rate(container_cpu_usage_seconds_total{tenant="payments"}[5m]))',
    );
    expect(perCluster.result.map((r: any) => r.metric.cluster)).toEqual([
      'payments-aws-dev',
      'payments-aws-prod',
      'payments-azure-dr',
      'payments-azure-prod',
    ]);

    const hourly = scalarOf(
      'sum(node_total_hourly_cost{cluster="payments-aws-prod"})',
    );
    // 3 m5.xlarge control planes and 6 c5.2xlarge workers.
    expect(hourly).toBeCloseTo(3 * 0.192 + 6 * 0.34);
    expect(
      scalarOf('sum(node_total_hourly_cost{cluster="payments-aws-prod"}) * 24'),
    ).toBeCloseTo(hourly * 24);
    expect(
      scalarOf(
        'sum(avg by (instance)(node_total_hourly_cost{cluster="payments-aws-prod"})) * 24 * 30',
      ),
    ).toBeCloseTo(hourly * 24 * 30);

    const byNamespace = query(
      'sum by (namespace) (container_cpu_allocation{cluster="payments-aws-prod"} * on(instance) group_left() node_cpu_hourly_cost{cluster="payments-aws-prod"})',
    );
    expect(byNamespace.result.map((r: any) => r.metric.namespace)).toEqual(
      expect.arrayContaining(['kof', 'kube-system', 'payments-apps']),
    );
  });

  it('filters by tenant: only child clusters carry it, PLATFORM without a tenant label', () => {
    const tenants = query('count by (tenant) (up)').result.map(
      (r: any) => r.metric.tenant ?? '(none)',
    );
    expect(tenants.sort()).toEqual([
      '(none)',
      'PLATFORM',
      'analytics',
      'ml',
      'payments',
    ]);
    const untagged = query('count by (cluster) (up{tenant=""})').result.map(
      (r: any) => r.metric.cluster,
    );
    expect(untagged.sort()).toEqual(['kof-regional-usw2', 'mothership']);
    const costs = query(
      'sum by (tenant) (node_total_hourly_cost{tenant=~"payments|ml"})',
    ).result;
    expect(costs.map((r: any) => r.metric.tenant)).toEqual(['ml', 'payments']);
  });

  it('serves range queries with a daily CPU cycle, deterministically', () => {
    const params = {
      query:
        'sum(rate(container_cpu_usage_seconds_total{cluster="data-gke-prod"}[5m]))',
      start: String(NOW_S - 86_400),
      end: new Date(DEFAULT_SEED_NOW).toISOString(),
      step: '1h',
    };
    const range = data('/api/v1/query_range', params);
    expect(range.resultType).toBe('matrix');
    const points = range.result[0].values.map(([, v]: [number, string]) =>
      Number(v),
    );
    expect(points).toHaveLength(25);
    expect(Math.max(...points) / Math.min(...points)).toBeGreaterThan(1.5);
    expect(data('/api/v1/query_range', params)).toEqual(range);
    // POST forms arrive as URLSearchParams.
    expect(data('/api/v1/query_range', new URLSearchParams(params))).toEqual(
      range,
    );
  });

  it('serves series, labels and label values', () => {
    const series = data(
      '/api/v1/series',
      new URLSearchParams([
        ['match[]', 'up{cluster="os-lab"}'],
        ['match[]', 'up{cluster="os-lab"}'],
      ]),
    );
    expect(series.length).toBe(4);
    expect(series[0]).toMatchObject({
      __name__: 'up',
      cluster: 'os-lab',
      tenant: 'PLATFORM',
    });
    expect(data('/api/v1/labels', {})).toEqual(
      expect.arrayContaining([
        '__name__',
        'cluster',
        'tenant',
        'namespace',
        'instance',
        'node',
      ]),
    );
    expect(data('/api/v1/labels', { 'match[]': 'up' })).toEqual([
      '__name__',
      'cluster',
      'instance',
      'job',
      'node',
      'tenant',
    ]);
    expect(data('/api/v1/label/tenant/values', {})).toEqual([
      'PLATFORM',
      'analytics',
      'ml',
      'payments',
    ]);
    expect(data('/api/v1/label/__name__/values', {})).toEqual(
      expect.arrayContaining([
        'node_total_hourly_cost',
        'container_cpu_usage_seconds_total',
      ]),
    );
    expect(
      data('/api/v1/label/cluster/values', { 'match[]': 'up{tenant="ml"}' }),
    ).toEqual(['ml-azure-exp', 'ml-gke-train', 'ml-gpu-aws']);
  });

  it('accepts prefixed paths (service proxy, KOF ACL)', () => {
    const response = call(
      '/api/v1/namespaces/kof/services/kof-mothership-promxy:8082/proxy/api/v1/query',
      { query: 'vector(1)' },
    );
    expect(response.body).toEqual({
      status: 'success',
      data: {
        resultType: 'vector',
        result: [{ metric: {}, value: [NOW_S, '1'] }],
      },
    });
    expect(call('/metrics/api/v1/query', { query: '1 + 1' }).body).toEqual({
      status: 'success',
      data: { resultType: 'scalar', result: [NOW_S, '2'] },
    });
  });

  it('rejects bad requests as Prometheus does', () => {
    const bad = (path: string, params: PromxyParams) => {
      const response = call(path, params);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        status: 'error',
        errorType: 'bad_data',
      });
      return (response.body as { error: string }).error;
    };
    expect(bad('/api/v1/query', { query: 'sum(rate(foo[5m])' })).toBe(
      'invalid parameter "query": 1:18: parse error: unexpected end of input, expected ")"',
    );
    expect(bad('/api/v1/query', { query: 'up', time: 'yesterday' })).toBe(
      'invalid parameter "time": cannot parse "yesterday" to a valid timestamp',
    );
    expect(
      bad('/api/v1/query_range', {
        query: 'up',
        start: '100',
        end: '50',
        step: '10',
      }),
    ).toBe('end timestamp must not be before start time');
    expect(
      bad('/api/v1/query_range', {
        query: 'up',
        start: '0',
        end: '100',
        step: '0',
      }),
    ).toMatch(/zero or negative query resolution/);
    expect(
      bad('/api/v1/query_range', {
        query: 'up',
        start: '0',
        end: '110001',
        step: '10',
      }),
    ).toBe(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
    expect(
      bad('/api/v1/query_range', {
        query: 'up[5m]',
        start: '0',
        end: '100',
        step: '10',
      }),
    ).toBe(
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector',
    );
    expect(bad('/api/v1/series', {})).toBe('no match[] parameter provided');
    expect(call('/api/v1/nope', {}).status).toBe(404);
  });

  it('formats values as Prometheus does', () => {
    expect(formatValue(1e21)).toBe('1000000000000000000000');
    expect(formatValue(1.5e-7)).toBe('0.00000015');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('-Inf');
    expect(formatValue(0.25)).toBe('0.25');
  });
});
