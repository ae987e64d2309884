import type {
  ClusterDeployment,
  ClusterStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { FleetCache } from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  clusterDeployment,
  clusterTemplate,
  condition,
  TEST_OWNERSHIP,
} from '../__testUtils__/fleetObjects';
import {
  ClusterOverview,
  type ClusterQuery,
  type ClusterReadFilter,
} from './clusterQuery';
import { ClusterRows, type ClusterRow } from './clusterRows';

/** A cache that only knows templates: enough to derive rows. */
const templates = new Map(
  [
    clusterTemplate('aws-1', { providers: ['infrastructure-aws'] }),
    clusterTemplate('gcp-1', { providers: ['infrastructure-gcp'] }),
    clusterTemplate('none-1', { providers: [] }),
  ].map(t => [t.metadata.name, t]),
);
const cache = {
  get: (kind: string, namespace: string, name: string) =>
    kind === 'ClusterTemplate' && namespace === 'kcm-system'
      ? templates.get(name)
      : undefined,
} as unknown as FleetCache;

const FAILED = [condition('Ready', 'False', 'Failed', 'broken')];

const rowSource = new ClusterRows(TEST_OWNERSHIP);
function row(
  managementCluster: string,
  name: string,
  options: Parameters<typeof clusterDeployment>[1] = {},
): ClusterRow {
  return rowSource.rowOf(
    managementCluster,
    cache,
    clusterDeployment(name, options) as ClusterDeployment,
  );
}

const ROWS = [
  row('mgmt', 'pay-prod', {
    namespace: 'team-payments',
    template: 'aws-1',
    labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'payments' },
  }),
  row('mgmt', 'pay-dev', {
    namespace: 'team-payments',
    template: 'gcp-1',
    conditions: FAILED,
    labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'payments' },
  }),
  row('mgmt', 'ml-train', { namespace: 'team-ml', template: 'aws-1' }),
  row('mgmt', 'ml-10', { namespace: 'team-ml', template: 'none-1' }),
  row('mgmt', 'ml-9', { namespace: 'team-ml', template: 'gcp-1' }),
  row('edge', 'pay-prod', {
    namespace: 'team-payments',
    template: 'aws-1',
    conditions: FAILED,
  }),
];

const phaseOf = (r: ClusterRow): ClusterStatus => r.summary.phase;
const all: ClusterReadFilter = () => true;

function page(
  query: ClusterQuery,
  canRead: ClusterReadFilter = all,
  statusOf = phaseOf,
) {
  return new ClusterOverview(ROWS, statusOf, rowSource.facetValues).query(
    query,
    canRead,
  );
}

const names = (query: ClusterQuery, canRead: ClusterReadFilter = all) =>
  page(query, canRead).items.map(i => `${i.managementCluster}/${i.name}`);

describe('ClusterOverview', () => {
  it('filters on any of the values of each facet, and on all facets', () => {
    expect(names({ filters: { provider: ['gcp', 'azure'] } })).toEqual([
      'mgmt/ml-9',
      'mgmt/pay-dev',
    ]);
    expect(
      names({ filters: { provider: ['aws'], status: ['Failed'] } }),
    ).toEqual(['edge/pay-prod']);
    expect(names({ filters: { tenant: ['payments'], provider: [] } })).toEqual([
      'mgmt/pay-dev',
      'mgmt/pay-prod',
    ]);
  });

  it('never matches a filter on a value a cluster does not have', () => {
    expect(names({ filters: { kofRole: ['child'] } })).toEqual([]);
  });

  it('searches names and namespaces, ignoring case', () => {
    expect(names({ q: 'ML-1' })).toEqual(['mgmt/ml-10']);
    expect(names({ q: 'Payments' })).toEqual([
      'mgmt/pay-dev',
      'edge/pay-prod',
      'mgmt/pay-prod',
    ]);
  });

  it('leaves out what the user may not read, in totals and facets too', () => {
    const result = page({}, r => r.namespace !== 'team-ml');
    expect(result.totalItems).toBe(3);
    expect(result.items.map(i => i.namespace)).not.toContain('team-ml');
    expect(result.facets.namespace).toEqual([
      { value: 'team-payments', count: 3 },
    ]);
  });

  it('sorts naturally, missing values last, ties by management cluster, namespace and name', () => {
    expect(names({ q: 'ml-' })).toEqual([
      'mgmt/ml-9',
      'mgmt/ml-10',
      'mgmt/ml-train',
    ]);
    expect(names({ sort: 'provider' })).toEqual([
      'edge/pay-prod',
      'mgmt/ml-train',
      'mgmt/pay-prod',
      'mgmt/ml-9',
      'mgmt/pay-dev',
      'mgmt/ml-10',
    ]);
    expect(names({ sort: 'provider', order: 'desc' })).toEqual([
      'mgmt/ml-9',
      'mgmt/pay-dev',
      'edge/pay-prod',
      'mgmt/ml-train',
      'mgmt/pay-prod',
      'mgmt/ml-10',
    ]);
  });

  it('sorts by the status it is given', () => {
    const stale = (r: ClusterRow): ClusterStatus =>
      r.summary.managementCluster === 'edge' ? 'Stale' : r.summary.phase;
    expect(
      page({ sort: 'status' }, all, stale).items.map(
        i => `${i.managementCluster}/${i.name} ${i.status}/${i.phase}`,
      ),
    ).toEqual([
      'mgmt/pay-dev Failed/Failed',
      'mgmt/ml-10 Ready/Ready',
      'mgmt/ml-9 Ready/Ready',
      'mgmt/ml-train Ready/Ready',
      'mgmt/pay-prod Ready/Ready',
      'edge/pay-prod Stale/Failed',
    ]);
  });

  it('pages through the matching clusters with their total', () => {
    const first = page({ limit: 2 });
    const second = page({ limit: 2, offset: 2 });
    const last = page({ limit: 2, offset: 4 });
    expect(first).toMatchObject({ totalItems: 6, offset: 0, limit: 2 });
    expect([...first.items, ...second.items, ...last.items]).toEqual(
      page({}).items,
    );
    expect(page({ offset: 10 }).items).toEqual([]);
    expect(page({ limit: 10_000 }).limit).toBe(500);
    expect(page({}).limit).toBe(50);
  });

  it('counts each facet over the clusters matching the other filters', () => {
    const result = page({
      filters: { provider: ['aws'], tenant: ['payments'] },
    });
    expect(result.totalItems).toBe(1);
    // Every provider among the payments clusters, to widen the choice …
    expect(result.facets.provider).toEqual([
      { value: 'aws', count: 1 },
      { value: 'gcp', count: 1 },
    ]);
    // … every tenant among the aws clusters …
    expect(result.facets.tenant).toEqual([
      { value: 'PLATFORM', count: 2 },
      { value: 'payments', count: 1 },
    ]);
    // … and the other facets over the matching clusters only.
    expect(result.facets.managementCluster).toEqual([
      { value: 'mgmt', count: 1 },
    ]);
    expect(result.facets.status).toEqual([{ value: 'Ready', count: 1 }]);
  });

  it('counts facets over all readable clusters without filters, most frequent first', () => {
    const { facets } = page({});
    expect(facets.status).toEqual([
      { value: 'Ready', count: 4 },
      { value: 'Failed', count: 2 },
    ]);
    expect(facets.provider).toEqual([
      { value: 'aws', count: 3 },
      { value: 'gcp', count: 2 },
    ]);
    expect(facets.kofRole).toEqual([]);
  });

  it('asks the permission filter once per cluster at most', () => {
    const asked: string[] = [];
    page({ filters: { provider: ['aws'], status: ['Failed'] } }, r => {
      asked.push(`${r.managementCluster}/${r.name}`);
      return true;
    });
    expect(new Set(asked).size).toBe(asked.length);
    // Clusters failing both filters are not asked about.
    expect(asked).not.toContain('mgmt/ml-9');
  });
});
