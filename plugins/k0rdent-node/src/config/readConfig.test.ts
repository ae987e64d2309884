import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_FLEET_KINDS,
  DEFAULT_FLEET_SETTINGS,
  readFleetSettings,
  readManagementClusterConfigs,
} from './readConfig';

function read(managementClusters: unknown) {
  return readManagementClusterConfigs(
    new ConfigReader({ k0rdent: { managementClusters } } as any),
  );
}

describe('readManagementClusterConfigs', () => {
  it('returns an empty list when nothing is configured', () => {
    expect(readManagementClusterConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('reads a single block', () => {
    expect(
      read({ name: 'local', embedded: { seed: 'empty', clusters: 3 } }),
    ).toEqual([
      {
        name: 'local',
        title: 'local',
        configPath: 'k0rdent.managementClusters',
        connection: { type: 'embedded', seed: 'empty', clusters: 3 },
      },
    ]);
  });

  it('reads a list with every connection type', () => {
    const clusters = read([
      { name: 'a', title: 'A', kubeconfig: { path: '/k', context: 'c' } },
      {
        name: 'b',
        url: 'https://k8s.example.com:6443/',
        token: 'tok',
        caData: 'QUJD',
      },
      { name: 'c', serviceAccount: true },
      { name: 'd', embedded: {} },
    ]);
    expect(clusters.map(c => [c.name, c.title, c.configPath])).toEqual([
      ['a', 'A', 'k0rdent.managementClusters[0]'],
      ['b', 'b', 'k0rdent.managementClusters[1]'],
      ['c', 'c', 'k0rdent.managementClusters[2]'],
      ['d', 'd', 'k0rdent.managementClusters[3]'],
    ]);
    expect(clusters[0].connection).toEqual({
      type: 'kubeconfig',
      path: '/k',
      context: 'c',
    });
    expect(clusters[1].connection).toMatchObject({
      type: 'token',
      url: 'https://k8s.example.com:6443',
      caData: 'QUJD',
    });
    expect((clusters[1].connection as any).token).toBe('tok');
    expect(clusters[2].connection).toEqual({ type: 'serviceAccount' });
    expect(clusters[3].connection).toEqual({ type: 'embedded', seed: 'demo' });
  });

  it('never exposes the token when the config is serialised', () => {
    const [cluster] = read([
      { name: 'b', url: 'https://k8s.example.com', token: 's3cr3t-token' },
    ]);
    expect(JSON.stringify(cluster)).not.toContain('s3cr3t-token');
    expect(Object.keys(cluster.connection)).not.toContain('token');
    expect((cluster.connection as any).token).toBe('s3cr3t-token');
  });

  it('reads a map of named blocks', () => {
    const clusters = read({
      prod: { url: 'https://p.example.com', token: 't' },
      dev: { title: 'Dev', embedded: { seed: 'demo' } },
    });
    expect(clusters.map(c => [c.name, c.title, c.configPath])).toEqual([
      ['prod', 'prod', 'k0rdent.managementClusters.prod'],
      ['dev', 'Dev', 'k0rdent.managementClusters.dev'],
    ]);
  });

  it.each([
    [
      [
        { name: 'a', embedded: {} },
        { name: 'b', url: 'nope', token: 't' },
      ],
      "Invalid config at 'k0rdent.managementClusters[1].url': must be an absolute http(s) URL",
    ],
    [
      [
        { name: 'a', embedded: {} },
        { name: 'b', url: 'https://x' },
      ],
      "Invalid config at 'k0rdent.managementClusters[1].token': is required together with url",
    ],
    [
      [{ name: 'a' }],
      "Invalid config at 'k0rdent.managementClusters[0]': exactly one of kubeconfig, url, serviceAccount, embedded must be set",
    ],
    [
      [{ name: 'a', serviceAccount: true, embedded: {} }],
      '(found serviceAccount, embedded)',
    ],
    [
      [{ embedded: {} }],
      "Invalid config at 'k0rdent.managementClusters[0].name': is required",
    ],
    [
      [{ name: 'Prod_1', embedded: {} }],
      "Invalid config at 'k0rdent.managementClusters[0].name': 'Prod_1' must be a DNS label",
    ],
    [
      [
        { name: 'a', embedded: {} },
        { name: 'a', serviceAccount: true },
      ],
      "Invalid config at 'k0rdent.managementClusters[1].name': management cluster name 'a' is already used at 'k0rdent.managementClusters[0]'",
    ],
    [
      [{ name: 'a', embedded: { seed: 'big' } }],
      "Invalid config at 'k0rdent.managementClusters[0].embedded.seed': must be 'demo' or 'empty'",
    ],
    [
      [{ name: 'a', embedded: { clusters: -1 } }],
      "Invalid config at 'k0rdent.managementClusters[0].embedded.clusters': must be a non-negative integer",
    ],
    [
      [{ name: 'a', kubeconfig: { context: 'x' } }],
      "Invalid config at 'k0rdent.managementClusters[0].kubeconfig.path': is required",
    ],
    [
      [{ name: 'a', kubeconfig: '/path' }],
      "Invalid config at 'k0rdent.managementClusters[0].kubeconfig': must be an object",
    ],
    [
      [{ name: 'a', serviceAccount: false }],
      "Invalid config at 'k0rdent.managementClusters[0].serviceAccount': must be true when set",
    ],
    [
      [{ name: 'a', serviceAccount: true, token: 'x' }],
      "Invalid config at 'k0rdent.managementClusters[0].token': is only allowed together with url",
    ],
    [
      [{ name: 'a', url: 'http://k8s.example.com', token: 'x' }],
      "Invalid config at 'k0rdent.managementClusters[0].url': plain http is only accepted for loopback addresses unless skipTLSVerify is true",
    ],
    [
      [{ name: 'a', url: 'https://u:p@k8s.example.com', token: 'x' }],
      "Invalid config at 'k0rdent.managementClusters[0].url': must not carry credentials",
    ],
    [
      [{ name: 'a', url: 'https://k8s.example.com', token: 'x', caData: '%%' }],
      "Invalid config at 'k0rdent.managementClusters[0].caData': must be base64-encoded PEM data",
    ],
    [
      [{ name: 'a', embedded: {}, colour: 'red' }],
      "Invalid config at 'k0rdent.managementClusters[0].colour': unknown key",
    ],
    [
      { prod: { name: 'other', embedded: {} } },
      "Invalid config at 'k0rdent.managementClusters.prod.name': must equal the map key 'prod'",
    ],
    [
      { prod: 'x' },
      "Invalid config at 'k0rdent.managementClusters.prod': must be a management cluster block",
    ],
    [
      'prod',
      "Invalid config at 'k0rdent.managementClusters': must be a management cluster block, a list of blocks or a map of named blocks",
    ],
  ])('rejects %j', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });

  it('does not echo a token of the wrong type', () => {
    expect(() =>
      read([{ name: 'a', url: 'https://x.example.com', token: '   ' }]),
    ).toThrow(
      "Invalid config at 'k0rdent.managementClusters[0].token': must be a non-empty string",
    );
  });

  it('accepts plain http on loopback, and elsewhere with skipTLSVerify', () => {
    expect(
      read([
        { name: 'a', url: 'http://127.0.0.1:8080', token: 'x' },
        {
          name: 'b',
          url: 'http://k8s.internal:8080',
          token: 'x',
          skipTLSVerify: true,
        },
      ]).map(c => c.connection.type),
    ).toEqual(['token', 'token']);
  });
});

describe('readFleetSettings', () => {
  it('uses the defaults', () => {
    const settings = readFleetSettings(new ConfigReader({}));
    expect(settings).toEqual(DEFAULT_FLEET_SETTINGS);
    expect(settings.kinds).toEqual(DEFAULT_FLEET_KINDS);
    expect(settings.kinds).toHaveLength(16);
  });

  it('reads kinds and durations', () => {
    expect(
      readFleetSettings(
        new ConfigReader({
          k0rdent: {
            fleet: {
              kinds: ['ClusterDeployment', 'Credential', 'ClusterDeployment'],
              backoff: { initialDelay: '200ms', maxDelay: { seconds: 10 } },
              missingKindRetryInterval: '1m',
              listPageSize: 100,
              watchTimeout: { minutes: 5 },
            },
          },
        }),
      ),
    ).toEqual({
      kinds: ['ClusterDeployment', 'Credential'],
      backoffInitialMs: 200,
      backoffMaxMs: 10_000,
      missingKindRetryMs: 60_000,
      listPageSize: 100,
      watchTimeoutSeconds: 300,
    });
  });

  it.each([
    [
      { kinds: ['ClusterDeployment', 'Nope'] },
      "Invalid config at 'k0rdent.fleet.kinds[1]': unknown kind 'Nope'",
    ],
    [{ kinds: [] }, "Invalid config at 'k0rdent.fleet.kinds'"],
    [
      { backoff: { initialDelay: '10s', maxDelay: '1s' } },
      "Invalid config at 'k0rdent.fleet.backoff.maxDelay': must not be shorter than initialDelay",
    ],
    [
      { backoff: { initialDelay: 'soon' } },
      "Invalid config at 'k0rdent.fleet.backoff.initialDelay': must be a duration",
    ],
    [{ listPageSize: 0 }, "Invalid config at 'k0rdent.fleet.listPageSize'"],
    [{ watchTimeout: '1s' }, "Invalid config at 'k0rdent.fleet.watchTimeout'"],
    [{ other: 1 }, "Invalid config at 'k0rdent.fleet.other': unknown key"],
  ])('rejects %j', (fleet, message) => {
    expect(() =>
      readFleetSettings(new ConfigReader({ k0rdent: { fleet } } as any)),
    ).toThrow(message);
  });
});
