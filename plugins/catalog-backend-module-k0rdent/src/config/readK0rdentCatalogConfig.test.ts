import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_K0RDENT_CATALOG_SCHEDULE,
  INGESTIBLE_KINDS,
  readK0rdentCatalogConfig,
} from './readK0rdentCatalogConfig';

function read(k0rdent: unknown) {
  return readK0rdentCatalogConfig(
    new ConfigReader({ catalog: { providers: { k0rdent } } } as any),
  );
}

const minimal = { ownership: { default: 'platform' } };

describe('readK0rdentCatalogConfig', () => {
  it('applies every default to a minimal block', () => {
    const config = read(minimal);
    expect(config).toEqual({
      schedule: DEFAULT_K0RDENT_CATALOG_SCHEDULE,
      kinds: new Set(INGESTIBLE_KINDS),
      ownership: {
        annotation: 'backstage.k0rdent.io/owner',
        tenants: new Map(),
        namespaces: new Map(),
        default: 'group:default/platform',
      },
      systemNamespace: 'kcm-system',
      lifecycle: 'production',
    });
    expect(DEFAULT_K0RDENT_CATALOG_SCHEDULE.frequency).toEqual({ minutes: 30 });
  });

  it('reads a complete block and normalizes owner refs', () => {
    const config = read({
      schedule: {
        frequency: { hours: 1 },
        timeout: 'PT5M',
        initialDelay: { seconds: 30 },
      },
      kinds: ['ClusterDeployment', 'KofTenant', 'ClusterDeployment'],
      ownership: {
        annotation: 'example.com/team',
        tenants: { 'team-a': 'team-a', PLATFORM: 'group:ops/platform' },
        namespaces: { 'team-b': 'user:default/jane', '1st-ns': 'Group:first' },
        default: 'group:default/platform',
      },
      systemNamespace: 'k0rdent',
      lifecycle: ' experimental ',
    });
    expect(config.schedule.frequency).toEqual({ hours: 1 });
    expect(config.schedule.initialDelay).toEqual({ seconds: 30 });
    expect([...config.kinds]).toEqual(['ClusterDeployment', 'KofTenant']);
    expect(config.ownership.annotation).toBe('example.com/team');
    expect([...config.ownership.tenants]).toEqual([
      ['team-a', 'group:default/team-a'],
      ['PLATFORM', 'group:ops/platform'],
    ]);
    expect([...config.ownership.namespaces]).toEqual([
      ['team-b', 'user:default/jane'],
      ['1st-ns', 'group:default/first'],
    ]);
    expect(config.systemNamespace).toBe('k0rdent');
    expect(config.lifecycle).toBe('experimental');
  });

  it('keeps tenant and namespace names that are not config keys', () => {
    const config = read({
      ownership: { default: 'x', tenants: { 'team.a': 'a', constructor: 'b' } },
    });
    expect(config.ownership.tenants.get('team.a')).toBe('group:default/a');
    expect(config.ownership.tenants.get('constructor')).toBe('group:default/b');
    expect(config.ownership.tenants.get('toString')).toBeUndefined();
  });

  it.each([
    [undefined, "'catalog.providers.k0rdent': is required"],
    ['yes', "'catalog.providers.k0rdent': must be an object"],
    [{}, "'catalog.providers.k0rdent.ownership': is required"],
    [
      { ownership: {} },
      "'catalog.providers.k0rdent.ownership.default': is required",
    ],
    [
      { ownership: 'me' },
      "'catalog.providers.k0rdent.ownership': must be an object",
    ],
    [
      { ...minimal, owner: 'x' },
      "'catalog.providers.k0rdent.owner': unknown key",
    ],
    [
      { ownership: { default: 'x', namespace: {} } },
      "'catalog.providers.k0rdent.ownership.namespace': unknown key",
    ],
    [
      { ownership: { default: 'not a ref' } },
      "'catalog.providers.k0rdent.ownership.default': 'not a ref' is not a valid group or user reference",
    ],
    [
      { ownership: { default: 'component:default/x' } },
      "'catalog.providers.k0rdent.ownership.default': 'component:default/x' is not a valid",
    ],
    [
      { ownership: { default: 'x', tenants: { 'team-a': 'a b' } } },
      "'catalog.providers.k0rdent.ownership.tenants.team-a': 'a b' is not a valid",
    ],
    [
      { ownership: { default: 'x', namespaces: ['team-a'] } },
      "'catalog.providers.k0rdent.ownership.namespaces': must be a map",
    ],
    [
      { ownership: { default: 'x', annotation: 'bad key/with/slashes' } },
      "'catalog.providers.k0rdent.ownership.annotation': 'bad key/with/slashes' is not a valid annotation key",
    ],
    [
      { ...minimal, kinds: 'ClusterDeployment' },
      "'catalog.providers.k0rdent.kinds': must be a list of kinds",
    ],
    [
      { ...minimal, kinds: [] },
      "'catalog.providers.k0rdent.kinds': must list at least one kind",
    ],
    [
      { ...minimal, kinds: ['ClusterDeployment', 'Secret'] },
      "'catalog.providers.k0rdent.kinds[1]': 'Secret' is not a kind this module ingests",
    ],
    [
      { ...minimal, systemNamespace: 'KCM_System' },
      "'catalog.providers.k0rdent.systemNamespace': 'KCM_System' is not a valid Kubernetes namespace name",
    ],
    [
      { ...minimal, lifecycle: '  ' },
      "'catalog.providers.k0rdent.lifecycle': must be a non-empty string",
    ],
    [
      { ...minimal, lifecycle: 3 },
      "'catalog.providers.k0rdent.lifecycle': must be a non-empty string",
    ],
    [
      { ...minimal, schedule: 'hourly' },
      "'catalog.providers.k0rdent.schedule': must be an object with frequency and timeout",
    ],
    [
      { ...minimal, schedule: { frequency: { minutes: 5 } } },
      "Invalid config at 'catalog.providers.k0rdent.schedule': ",
    ],
    [
      {
        ...minimal,
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 1 },
          scope: 'cluster',
        },
      },
      'Invalid config at \'catalog.providers.k0rdent.schedule\': Only "global" or "local"',
    ],
  ])('rejects %j naming the key', (block, message) => {
    expect(() => read(block)).toThrow(message);
  });

  it('starts every error with "Invalid config at"', () => {
    expect(() => read({ ownership: { default: '' } })).toThrow(
      /^Invalid config at 'catalog\.providers\.k0rdent\.ownership\.default'/,
    );
  });
});
