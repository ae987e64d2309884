import { ConfigReader } from '@backstage/config';
import { readK0rdentKubernetesConfig } from './readK0rdentKubernetesConfig';

describe('readK0rdentKubernetesConfig', () => {
  it('defaults to a 60 s credential TTL and a 10 minute endpoint refresh', () => {
    expect(readK0rdentKubernetesConfig(new ConfigReader({}))).toEqual({
      credentialTtlMs: 60_000,
      endpointRefreshMs: 600_000,
      skipMetricsLookup: false,
    });
  });

  it('reads durations in any Backstage form', () => {
    expect(
      readK0rdentKubernetesConfig(
        new ConfigReader({
          kubernetes: {
            k0rdent: {
              credentialTtl: { seconds: 30 },
              endpointRefresh: '5m',
              skipMetricsLookup: true,
            },
          },
        }),
      ),
    ).toEqual({
      credentialTtlMs: 30_000,
      endpointRefreshMs: 300_000,
      skipMetricsLookup: true,
    });
  });

  it('names the key of an invalid value', () => {
    const read = (k0rdent: object) =>
      readK0rdentKubernetesConfig(
        new ConfigReader({ kubernetes: { k0rdent } }),
      );
    expect(() => read({ credentialTtl: { milliseconds: 10 } })).toThrow(
      "Invalid config at 'kubernetes.k0rdent.credentialTtl': must be at least 1 s",
    );
    expect(() => read({ endpointRefresh: 'soon' })).toThrow(
      "Invalid config at 'kubernetes.k0rdent.endpointRefresh'",
    );
  });
});
