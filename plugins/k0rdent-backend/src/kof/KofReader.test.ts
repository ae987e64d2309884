/*
 * KofReader over an in-memory fleet and a recorded Promxy: which matchers its
 * queries carry, how answers become costs, and clusters KOF's data cannot
 * tell apart.
 */
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import {
  clusterDeployment,
  TEST_OWNERSHIP,
} from '../__testUtils__/fleetObjects';
import {
  createMemoryFleet,
  MemoryManagementCluster,
  type MemoryFleet,
} from '../__testUtils__/memoryFleet';
import { FleetReader } from '../fleet/FleetReader';
import { KofReader } from './KofReader';
import type { InstantSample, PromxyClient, RangeSeries } from './PromxyClient';
import { promqlString } from './queries';

const TENANT = 'k0rdent.mirantis.com/kof-tenant-id';
const ROLE = 'k0rdent.mirantis.com/kof-cluster-role';
const NOW = Date.parse('2026-12-06T12:00:10Z');

/** A Promxy that answers from a table of "query contains" rules and records every query. */
function recordingPromxy(
  answer: (managementCluster: string, promql: string) => InstantSample[],
) {
  const queries: string[] = [];
  const promxy = {
    query: jest.fn(async (mc: string, promql: string) => {
      queries.push(promql);
      return answer(mc, promql);
    }),
    queryRange: jest.fn(
      async (
        mc: string,
        promql: string,
        range: { start: number; end: number; step: number },
      ): Promise<RangeSeries[]> => {
        queries.push(promql);
        const samples = answer(mc, promql);
        return samples.map(s => ({
          metric: s.metric,
          points: [
            [range.start, s.value / 2],
            [range.end, s.value],
          ],
        }));
      },
    ),
  };
  return { promxy: promxy as unknown as PromxyClient, queries };
}

describe('KofReader', () => {
  let mgmt: MemoryManagementCluster;
  let edge: MemoryManagementCluster;
  let fleet: MemoryFleet;
  let reader: FleetReader;

  beforeEach(async () => {
    mgmt = new MemoryManagementCluster();
    edge = new MemoryManagementCluster();
    // Two clusters KOF labels alike (name web, tenant payments) …
    mgmt.put(
      clusterDeployment('web', {
        namespace: 'team-a',
        labels: { [TENANT]: 'payments', [ROLE]: 'child' },
      }),
    );
    mgmt.put(
      clusterDeployment('web', {
        namespace: 'team-b',
        labels: { [TENANT]: 'payments', [ROLE]: 'child' },
      }),
    );
    // … one named alike in another tenant, and a regional cluster.
    mgmt.put(
      clusterDeployment('web', {
        namespace: 'team-c',
        labels: { [TENANT]: 'shop', [ROLE]: 'child' },
      }),
    );
    mgmt.put(
      clusterDeployment('relay', {
        namespace: 'kcm-system',
        labels: { [ROLE]: 'regional' },
      }),
    );
    edge.put(clusterDeployment('edge-1'));
    fleet = createMemoryFleet({ mgmt, edge });
    fleet.start();
    await fleet.waitForSync();
    reader = new FleetReader({ fleet, ownership: TEST_OWNERSHIP });
  });

  afterEach(() => fleet.stop());

  const cluster = (namespace: string, name: string) =>
    reader.clusterObject('mgmt', namespace, name, () => true)!;

  it("asks only for the cluster's series, by name and tenant", async () => {
    const { promxy, queries } = recordingPromxy(() => [
      { metric: {}, value: 4 },
    ]);
    const kof = new KofReader({
      fleet,
      promxy,
      currency: 'EUR',
      alignMs: 30_000,
      now: () => NOW,
    });
    const metrics = await kof.clusterMetrics(
      'mgmt',
      cluster('team-c', 'web'),
      '1h',
    );
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect(q).toContain('cluster="web",tenant="shop"');
    }
    // The window ends at the last whole step.
    expect(metrics.end).toBe('2026-12-06T12:00:00.000Z');
    expect(metrics.start).toBe('2026-12-06T11:00:00.000Z');
    expect(metrics.metrics.find(m => m.id === 'cpu')).toMatchObject({
      latest: 4,
      capacity: 4,
      points: [
        [Date.parse('2026-12-06T11:00:00Z') / 1000, 2],
        [Date.parse('2026-12-06T12:00:00Z') / 1000, 4],
      ],
    });

    // A regional cluster's data carries no tenant.
    queries.length = 0;
    await kof.clusterCost('mgmt', cluster('kcm-system', 'relay'));
    for (const q of queries) {
      expect(q).toContain('cluster="relay",tenant=""');
    }
  });

  it("adds up a namespace's CPU and memory shares and prices the month", async () => {
    const { promxy } = recordingPromxy((_mc, q) => {
      if (q.startsWith('sum(node_total_hourly_cost')) {
        return [{ metric: {}, value: 2 }];
      }
      if (q.startsWith('count(')) return [{ metric: {}, value: 3 }];
      if (q.includes('node_cpu_hourly_cost')) {
        return [
          { metric: { namespace: 'a' }, value: 1 },
          { metric: { namespace: 'b' }, value: 0.5 },
        ];
      }
      return [
        { metric: { namespace: 'a' }, value: 0.25 },
        { metric: { namespace: 'c' }, value: 0.1 },
      ];
    });
    const kof = new KofReader({
      fleet,
      promxy,
      currency: 'EUR',
      alignMs: 30_000,
      now: () => NOW,
    });
    expect(await kof.clusterCost('mgmt', cluster('team-c', 'web'))).toEqual({
      managementCluster: 'mgmt',
      namespace: 'team-c',
      name: 'web',
      currency: 'EUR',
      hourly: 2,
      daily: 48,
      monthly: 1460,
      nodes: 3,
      byNamespace: [
        { namespace: 'a', hourly: 1.25 },
        { namespace: 'b', hourly: 0.5 },
        { namespace: 'c', hourly: 0.1 },
      ],
      at: '2026-12-06T12:00:00.000Z',
    });
  });

  it("refuses one cluster's data when KOF would mix in another cluster's", async () => {
    const { promxy } = recordingPromxy(() => []);
    const kof = new KofReader({ fleet, promxy, currency: 'USD', alignMs: 1 });
    await expect(
      kof.clusterCost('mgmt', cluster('team-a', 'web')),
    ).rejects.toThrow(ConflictError);
    await expect(
      kof.clusterMetrics('mgmt', cluster('team-b', 'web'), '6h'),
    ).rejects.toThrow(
      "KOF cannot tell cluster team-b/web apart from another cluster named 'web' of tenant 'payments' on management cluster 'mgmt'",
    );
    expect(promxy.query).not.toHaveBeenCalled();
  });

  it('sums clusters by their KOF labels, leaving out look-alikes and saying which KOF is down', async () => {
    const { promxy } = recordingPromxy((mc): InstantSample[] => {
      if (mc === 'edge') {
        throw new ServiceUnavailableError(
          "KOF's Promxy on management cluster 'edge' is not reachable",
        );
      }
      return [
        { metric: { cluster: 'web', tenant: 'payments' }, value: 5 },
        { metric: { cluster: 'web', tenant: 'shop' }, value: 1 },
        { metric: { cluster: 'relay' }, value: 3 },
        { metric: { cluster: 'mothership' }, value: 7 },
      ];
    });
    const kof = new KofReader({ fleet, promxy, currency: 'USD', alignMs: 1 });
    // The user sees one of the two look-alikes only: still not attributed.
    const visible = reader
      .findClusters({}, () => true)
      .filter(c => !(c.namespace === 'team-b'));
    const summary = await kof.costSummary(visible, 10);
    expect(summary.items.map(i => `${i.namespace}/${i.name}`)).toEqual([
      'kcm-system/relay',
      'team-c/web',
    ]);
    expect(summary.totalHourly).toBe(4);
    expect(summary.totalMonthly).toBe(4 * 730);
    expect(summary.ambiguous).toEqual([
      { managementCluster: 'mgmt', namespace: 'team-a', name: 'web' },
    ]);
    expect(summary.unavailable).toEqual([
      {
        managementCluster: 'edge',
        message: "KOF's Promxy on management cluster 'edge' is not reachable",
      },
    ]);

    const first = await kof.costSummary(visible, 1);
    expect(first.items.map(i => i.name)).toEqual(['relay']);
    expect(first.totalItems).toBe(2);
  });

  it('writes label values as PromQL string literals', () => {
    expect(promqlString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });
});
