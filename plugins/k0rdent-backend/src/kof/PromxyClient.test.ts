/*
 * PromxyClient over a stubbed service proxy: Prometheus answers become numbers,
 * Promxy's and the API server's errors become errors a page can show, and
 * answers are reused while fresh.
 */
import { ServiceUnavailableError } from '@backstage/errors';
import {
  KubernetesApiError,
  type K0rdentFleetService,
  type ServiceProxyResponse,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import { PromxyClient } from './PromxyClient';
import { DEFAULT_KOF_SETTINGS } from './readKofSettings';

function clientAnswering(
  answer: () => Promise<ServiceProxyResponse>,
  now = () => 0,
) {
  const getThroughServiceProxy = jest.fn(answer);
  const fleet = {
    client: () => ({ getThroughServiceProxy }),
  } as unknown as K0rdentFleetService;
  const promxy = new PromxyClient({
    fleet,
    settings: DEFAULT_KOF_SETTINGS,
    now,
  });
  return { promxy, getThroughServiceProxy };
}

const json = (status: number, body: unknown) => async () => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

describe('PromxyClient', () => {
  it('reads vectors and matrices, leaving out NaN and infinite samples', async () => {
    const { promxy, getThroughServiceProxy } = clientAnswering(
      json(200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { cluster: 'a' },
              values: [
                [100, '1.5'],
                [160, 'NaN'],
                [220, '+Inf'],
                [280, '2'],
              ],
            },
          ],
        },
      }),
    );
    expect(
      await promxy.queryRange('mgmt', 'up', { start: 100, end: 280, step: 60 }),
    ).toEqual([
      {
        metric: { cluster: 'a' },
        points: [
          [100, 1.5],
          [280, 2],
        ],
      },
    ]);
    const [target, path, params] = getThroughServiceProxy.mock.calls[0] as any;
    expect(target).toEqual(DEFAULT_KOF_SETTINGS.promxy);
    expect(path).toBe('/api/v1/query_range');
    expect(Object.fromEntries(params)).toEqual({
      query: 'up',
      start: '100',
      end: '280',
      step: '60',
    });
  });

  it('asks once for the same query while the answer is fresh', async () => {
    let now = 0;
    const { promxy, getThroughServiceProxy } = clientAnswering(
      json(200, {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: {}, value: [1, '3'] }],
        },
      }),
      () => now,
    );
    await Promise.all([
      promxy.query('mgmt', 'up', 1),
      promxy.query('mgmt', 'up', 1),
    ]);
    expect(await promxy.query('mgmt', 'up', 1)).toEqual([
      { metric: {}, value: 3 },
    ]);
    expect(getThroughServiceProxy).toHaveBeenCalledTimes(1);
    now = DEFAULT_KOF_SETTINGS.cacheTtlMs + 1;
    await promxy.query('mgmt', 'up', 1);
    expect(getThroughServiceProxy).toHaveBeenCalledTimes(2);
  });

  it('says KOF is unavailable when Promxy fails or the API server cannot reach it', async () => {
    const failing = clientAnswering(
      json(503, {
        status: 'error',
        errorType: 'unavailable',
        error: 'all upstreams failed',
      }),
    );
    await expect(failing.promxy.query('mgmt', 'up', 1)).rejects.toThrow(
      new ServiceUnavailableError(
        "KOF's Promxy on management cluster 'mgmt' failed (unavailable: all upstreams failed)",
      ),
    );

    const unreachable = clientAnswering(async () => {
      throw new KubernetesApiError({
        code: 503,
        reason: 'ServiceUnavailable',
        message: 'no endpoints available for service "kof-mothership-promxy"',
      });
    });
    await expect(unreachable.promxy.query('mgmt', 'up', 1)).rejects.toThrow(
      ServiceUnavailableError,
    );

    const notJson = clientAnswering(async () => ({
      status: 502,
      body: '<html>Bad Gateway</html>',
    }));
    await expect(notJson.promxy.query('mgmt', 'up', 1)).rejects.toThrow(
      "KOF's Promxy on management cluster 'mgmt' failed (HTTP 502)",
    );
  });

  it('treats a refused query as its own bug, not as KOF being down', async () => {
    const { promxy } = clientAnswering(
      json(400, {
        status: 'error',
        errorType: 'bad_data',
        error: 'parse error',
      }),
    );
    const error = await promxy.query('mgmt', 'up{', 1).catch(e => e);
    expect(error).not.toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      "KOF's Promxy on management cluster 'mgmt' refused a query (bad_data: parse error)",
    );
  });
});
