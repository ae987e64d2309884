import {
  k0rdentEntityRef,
  type ClusterDeployment,
  type MultiClusterService,
  type ServiceSet,
  type ServiceState,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  parseLabelSelector,
  type FleetCache,
  type K0rdentClusterResource,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  clusterDeployment,
  clusterTemplate,
  condition,
  credential,
  TEST_OWNERSHIP,
} from '../__testUtils__/fleetObjects';
import {
  createMemoryFleet,
  MemoryManagementCluster,
  type MemoryFleet,
} from '../__testUtils__/memoryFleet';
import { ClusterRows } from './clusterRows';
import {
  labelSelectorText,
  multiClusterServiceDetails,
  type MultiClusterServiceSource,
} from './multiClusterServices';

const all = () => true;
const notPayments = (r: K0rdentClusterResource) =>
  r.namespace !== 'team-payments';

function state(
  name: string,
  namespace: string,
  s: ServiceState['state'],
  extra: Partial<ServiceState> = {},
): ServiceState {
  return {
    name,
    namespace,
    template: `${name}-1-0-0`,
    type: 'Helm',
    state: s,
    lastStateTransitionTime: '2026-08-01T00:00:00Z',
    ...extra,
  };
}

const KYVERNO_FAILED = state('kyverno', 'kyverno', 'Failed', {
  failureMessage: 'context deadline exceeded',
});

/** Baseline: kyverno and an app after it, on prod clusters; values hold a secret. */
const MCS: MultiClusterService = {
  apiVersion: 'k0rdent.mirantis.com/v1beta1',
  kind: 'MultiClusterService',
  metadata: { name: 'baseline', creationTimestamp: '2026-08-01T00:00:00Z' },
  spec: {
    clusterSelector: {
      matchLabels: { env: 'prod' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    },
    dependsOn: ['security-base'],
    serviceSpec: {
      services: [
        {
          name: 'kyverno',
          namespace: 'kyverno',
          template: 'kyverno-1-0-0',
          values: 'adminPassword: hunter2\n',
        },
        {
          name: 'app',
          template: 'app-1-0-0',
          dependsOn: [{ name: 'kyverno', namespace: 'kyverno' }],
        },
        { name: 'old', namespace: 'old', template: 'old-1-0-0', disable: true },
      ],
    },
  },
  status: {
    conditions: [condition('Ready', 'False', 'Failed', '1/4')],
    matchingClusters: [
      {
        kind: 'ClusterDeployment',
        namespace: 'kcm-system',
        name: 'prod-a',
        deployed: true,
      },
      {
        kind: 'ClusterDeployment',
        namespace: 'team-ml',
        name: 'prod-b',
        deployed: false,
        reason: 'MultiClusterServiceDependencyNotReady',
        message: 'waiting on security-base (0/1 services deployed)',
      },
      {
        kind: 'ClusterDeployment',
        namespace: 'team-payments',
        name: 'pay-prod',
        deployed: true,
      },
      // Deleted since: not in the cache any more.
      {
        kind: 'ClusterDeployment',
        namespace: 'kcm-system',
        name: 'gone',
        deployed: false,
      },
    ],
  },
};

describe('multiClusterServiceDetails', () => {
  let fleet: MemoryFleet;
  let cache: FleetCache;
  let rows: ClusterRows;

  beforeEach(async () => {
    const mgmt = new MemoryManagementCluster();
    mgmt.put(clusterTemplate('aws-1'));
    mgmt.put(credential('aws-cred'));
    mgmt.put(
      clusterDeployment('prod-a', {
        template: 'aws-1',
        labels: { env: 'prod', tier: 'web' },
        status: {
          services: [
            state('other', 'other', 'Failed', { failureMessage: 'not ours' }),
            state('app', 'default', 'Deployed'),
            state('kyverno', 'kyverno', 'Deployed'),
          ],
        },
      }),
    );
    mgmt.put(
      clusterDeployment('prod-b', {
        namespace: 'team-ml',
        template: 'aws-1',
        labels: { env: 'prod', tier: 'api' },
        status: { services: [KYVERNO_FAILED] },
      }),
    );
    mgmt.put(
      clusterDeployment('pay-prod', {
        namespace: 'team-payments',
        template: 'aws-1',
        labels: { env: 'prod', tier: 'web' },
        status: { services: [KYVERNO_FAILED] },
      }),
    );
    fleet = createMemoryFleet({ mgmt });
    fleet.start();
    await fleet.waitForSync({ timeoutMs: 5000 });
    cache = fleet.get('mgmt');
    rows = new ClusterRows(TEST_OWNERSHIP);
  });

  afterEach(() => fleet.stop());

  function source(
    overrides: Partial<MultiClusterServiceSource> = {},
  ): MultiClusterServiceSource {
    return {
      managementCluster: 'mgmt',
      mcs: MCS,
      clusterRow: (namespace, name) => {
        const cluster = cache.get('ClusterDeployment', namespace, name) as
          | ClusterDeployment
          | undefined;
        return cluster ? rows.rowOf('mgmt', cache, cluster) : undefined;
      },
      serviceSets: [],
      ...overrides,
    };
  }

  it('joins each matching cluster with its summary and the states of this service', () => {
    const details = multiClusterServiceDetails(source(), all);
    expect(details).toMatchObject({
      managementCluster: 'mgmt',
      name: 'baseline',
      entityRef: k0rdentEntityRef({
        managementCluster: 'mgmt',
        kind: 'MultiClusterService',
        name: 'baseline',
      }),
      dependsOn: ['security-base'],
      selfManagement: false,
      conditions: MCS.status!.conditions,
      stale: false,
      createdAt: '2026-08-01T00:00:00Z',
    });
    expect(details.clusters.map(c => `${c.namespace}/${c.name}`)).toEqual([
      'kcm-system/prod-a',
      'team-ml/prod-b',
      'team-payments/pay-prod',
    ]);
    const [a, b] = details.clusters;
    expect(a).toMatchObject({
      entityRef: k0rdentEntityRef({
        managementCluster: 'mgmt',
        kind: 'ClusterDeployment',
        namespace: 'kcm-system',
        name: 'prod-a',
      }),
      status: 'Ready',
      phase: 'Ready',
      deployed: true,
    });
    // This service's releases only, in the order of its spec.
    expect(a.services.map(s => `${s.name}:${s.state}`)).toEqual([
      'kyverno:Deployed',
      'app:Deployed',
    ]);
    expect(b).toMatchObject({
      deployed: false,
      reason: 'MultiClusterServiceDependencyNotReady',
      message: 'waiting on security-base (0/1 services deployed)',
      services: [KYVERNO_FAILED],
    });
    expect(details.counts).toEqual({
      matching: 3,
      deployed: 2,
      failed: 2,
      // Not in the cache: whether the user may read it cannot be told.
      hidden: 1,
    });
  });

  it('leaves clusters the user may not read out, counting them, and tells nothing else about them', () => {
    const details = multiClusterServiceDetails(source(), notPayments);
    expect(details.clusters.map(c => c.name)).toEqual(['prod-a', 'prod-b']);
    expect(details.counts).toEqual({
      matching: 2,
      deployed: 1,
      failed: 1,
      hidden: 2,
    });
    const body = JSON.stringify(details);
    expect(body).not.toContain('team-payments');
    expect(body).not.toContain('pay-prod');
  });

  it('shows the services without their values, and not the disabled ones', () => {
    const details = multiClusterServiceDetails(source(), all);
    expect(details.services).toEqual([
      { name: 'kyverno', namespace: 'kyverno', template: 'kyverno-1-0-0' },
      {
        name: 'app',
        template: 'app-1-0-0',
        dependsOn: [{ name: 'kyverno', namespace: 'kyverno' }],
      },
    ]);
    expect(JSON.stringify(details)).not.toContain('hunter2');
  });

  it("takes the states from the cluster's ServiceSet of this service when there is one", () => {
    const serviceSet: ServiceSet = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ServiceSet',
      metadata: { name: 'prod-b-baseline', namespace: 'team-ml' },
      spec: { cluster: 'prod-b', multiClusterService: 'baseline' },
      status: {
        services: [
          state('app', 'default', 'Provisioning'),
          state('kyverno', 'kyverno', 'Deployed'),
        ],
      },
    };
    const other: ServiceSet = {
      ...serviceSet,
      metadata: { name: 'prod-a-other', namespace: 'kcm-system' },
      spec: { cluster: 'prod-a', multiClusterService: 'other' },
      status: { services: [state('kyverno', 'kyverno', 'Failed')] },
    };
    const details = multiClusterServiceDetails(
      source({ serviceSets: [serviceSet, other] }),
      all,
    );
    const states = (name: string) =>
      details.clusters
        .find(c => c.name === name)!
        .services.map(s => `${s.name}:${s.state}`);
    expect(states('prod-b')).toEqual(['kyverno:Deployed', 'app:Provisioning']);
    expect(states('prod-a')).toEqual(['kyverno:Deployed', 'app:Deployed']);
  });

  it('marks the clusters Stale while the management cluster does not answer', () => {
    const details = multiClusterServiceDetails(
      source({ staleSince: '2026-08-02T00:00:00Z' }),
      all,
    );
    expect(details).toMatchObject({
      stale: true,
      staleSince: '2026-08-02T00:00:00Z',
    });
    expect(details.clusters[0]).toMatchObject({
      status: 'Stale',
      phase: 'Ready',
    });
  });

  it('shows the states on the management cluster with selfManagement', () => {
    const mcs: MultiClusterService = {
      ...MCS,
      spec: {
        serviceSpec: {
          provider: { selfManagement: true },
          services: [
            { name: 'cert-manager', namespace: 'kof', template: 'cm-1' },
          ],
        },
      },
      status: {
        services: [state('cert-manager', 'kof', 'Deployed')],
      },
    };
    const details = multiClusterServiceDetails(source({ mcs }), all);
    expect(details).toMatchObject({
      selfManagement: true,
      selector: '',
      clusterSelector: {},
      clusters: [],
      counts: { matching: 0, deployed: 0, failed: 0, hidden: 0 },
    });
    expect(details.managementClusterServices.map(s => s.state)).toEqual([
      'Deployed',
    ]);
  });
});

describe('labelSelectorText', () => {
  it('writes the string form, which selects the same clusters', () => {
    const text = labelSelectorText(MCS.spec!.clusterSelector);
    expect(text).toBe('env=prod, tier in (web, api), !legacy');
    const parsed = parseLabelSelector(text);
    expect(parsed.matches({ env: 'prod', tier: 'api' })).toBe(true);
    expect(parsed.matches({ env: 'prod', tier: 'db' })).toBe(false);
    expect(parsed.matches({ env: 'prod', tier: 'web', legacy: 'true' })).toBe(
      false,
    );
    expect(
      labelSelectorText({
        matchExpressions: [
          { key: 'team', operator: 'Exists' },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
        ],
      }),
    ).toBe('team, env notin (dev)');
    expect(labelSelectorText({})).toBe('');
  });
});
