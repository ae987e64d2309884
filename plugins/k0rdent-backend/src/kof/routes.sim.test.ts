/*
 * The KOF routes of a real backend over HTTP against the simulated management
 * cluster, whose Promxy (behind the API server's service proxy) evaluates
 * PromQL over the simulated fleet's metrics: charts and cost of one cluster,
 * cost summaries filtered by permission, and what happens when KOF is down.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  HOURS_PER_MONTH,
  k0rdentClusterCostReadPermission,
  k0rdentClusterReadPermission,
  RESOURCE_TYPE_K0RDENT_CLUSTER,
  type ClusterCost,
  type ClusterMetrics,
  type CostSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import {
  startK0rdentBackend,
  type K0rdentTestBackend,
} from '../__testUtils__/k0rdentBackend';
import {
  createK0rdentClusterConditionalDecision,
  k0rdentClusterConditions,
} from '../permissions/conditionExports';

jest.setTimeout(60_000);

const JANE = 'user:default/jane'; // member of payments
const OPS = 'user:default/ops'; // member of platform
const STRANGER = 'user:default/stranger'; // may read no cluster
const MEMBERSHIPS: Record<string, string[]> = {
  [JANE]: [JANE, 'group:default/payments'],
  [OPS]: [OPS, 'group:default/platform'],
  [STRANGER]: [STRANGER],
};

function userOf(credentials: BackstageCredentials): string {
  return (credentials.principal as { userEntityRef: string }).userEntityRef;
}

/** The app's rules in small: cost for owners and tenant members; strangers read nothing. */
const permissions = mockServices.permissions.mock({
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(({ permission }): PolicyDecision => {
      const claims = MEMBERSHIPS[userOf(credentials)] ?? [];
      if (!isResourcePermission(permission, RESOURCE_TYPE_K0RDENT_CLUSTER)) {
        return { result: AuthorizeResult.ALLOW };
      }
      if (permission.name === k0rdentClusterCostReadPermission.name) {
        return createK0rdentClusterConditionalDecision(permission, {
          anyOf: [
            k0rdentClusterConditions.isClusterOwner({ claims }),
            k0rdentClusterConditions.isTenantMember({ claims }),
          ],
        });
      }
      if (
        permission.name === k0rdentClusterReadPermission.name &&
        userOf(credentials) === STRANGER
      ) {
        return { result: AuthorizeResult.DENY };
      }
      return { result: AuthorizeResult.ALLOW };
    }) as any,
});

const PROD = '/clusters/sim/team-payments/payments-aws-prod';

let sim: Simulator;
let backend: K0rdentTestBackend;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', provisioningMillis: 300 });
  backend = await startK0rdentBackend({
    simulators: { sim },
    features: [permissions.factory],
    // Every call asks Promxy, so that the outage test sees the outage.
    config: { k0rdent: { kof: { cacheSeconds: 0 } } },
  });
});

afterAll(async () => {
  await backend?.stop();
  await sim?.stop();
});

async function call(
  path: string,
  user = JANE,
): Promise<{ status: number; body: any }> {
  const response = await backend.request(path, { user });
  return { status: response.status, body: await response.json() };
}

describe('KOF routes', () => {
  it("charts a cluster's CPU, memory and nodes over a window, with capacity", async () => {
    const metrics = await backend.get<ClusterMetrics>(
      `${PROD}/metrics?window=1h`,
      JANE,
    );
    expect(metrics).toMatchObject({
      managementCluster: 'sim',
      namespace: 'team-payments',
      name: 'payments-aws-prod',
      window: '1h',
      stepSeconds: 60,
    });
    const byId = Object.fromEntries(metrics.metrics.map(m => [m.id, m]));
    expect(Object.keys(byId)).toEqual(['cpu', 'memory', 'nodes']);
    // One point a minute over the hour, oldest first.
    expect(byId.cpu.points.length).toBeGreaterThanOrEqual(60);
    const times = byId.cpu.points.map(([t]) => t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(byId.cpu.latest).toBeGreaterThan(0);
    expect(byId.cpu.capacity).toBeGreaterThan(byId.cpu.latest!);
    expect(byId.memory.latest).toBeGreaterThan(1e9);
    expect(byId.memory.capacity).toBeGreaterThan(byId.memory.latest!);
    // 3 control-plane nodes and 6 workers.
    expect(byId.nodes.latest).toBe(9);
  });

  it('refuses an unknown window naming the parameter', async () => {
    const { status, body } = await call(`${PROD}/metrics?window=2h`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(
      /Invalid query parameter 'window': '2h' is not one of 1h, 6h, 24h, 7d/,
    );
  });

  it("prices a cluster from OpenCost's node prices, in total and by namespace", async () => {
    const cost = await backend.get<ClusterCost>(`${PROD}/cost`, JANE);
    // 3 m5.xlarge control planes and 6 c5.2xlarge workers.
    const hourly = 3 * 0.192 + 6 * 0.34;
    expect(cost.currency).toBe('USD');
    expect(cost.nodes).toBe(9);
    expect(cost.hourly).toBeCloseTo(hourly, 5);
    expect(cost.daily).toBeCloseTo(hourly * 24, 4);
    expect(cost.monthly).toBeCloseTo(hourly * HOURS_PER_MONTH, 1);
    const namespaces = cost.byNamespace.map(n => n.namespace);
    expect(namespaces).toEqual(
      expect.arrayContaining(['kof', 'kube-system', 'payments-apps']),
    );
    const shares = cost.byNamespace.map(n => n.hourly);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    // What the pods have allocated costs no more than the nodes.
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
      cost.hourly! + 1e-6,
    );
  });

  it('shows cost only to owners and tenant members, and hides unreadable clusters', async () => {
    const forOps = await call(`${PROD}/cost`, OPS);
    expect(forOps.status).toBe(403);
    expect(forOps.body.error.message).toMatch(
      /may not .* cluster team-payments\/payments-aws-prod .*k0rdent\.cluster\.cost\.read/,
    );
    // Usage is for everyone who may read the cluster.
    expect((await call(`${PROD}/metrics`, OPS)).status).toBe(200);

    for (const path of [`${PROD}/metrics`, `${PROD}/cost`]) {
      const hidden = await call(path, STRANGER);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.message).toBe(
        "No cluster team-payments/payments-aws-prod on management cluster 'sim'",
      );
    }
  });

  it("sums a tenant's clusters, most expensive first, for its members only", async () => {
    const summary = await backend.get<CostSummary>(
      '/cost?tenant=payments',
      JANE,
    );
    expect(summary.unavailable).toEqual([]);
    expect(summary.items.map(i => i.name).sort()).toEqual([
      'payments-aws-dev',
      'payments-aws-prod',
      'payments-azure-dr',
      'payments-azure-prod',
    ]);
    const hourly = summary.items.map(i => i.hourly);
    expect([...hourly].sort((a, b) => b - a)).toEqual(hourly);
    expect(summary.totalHourly).toBeCloseTo(
      hourly.reduce((a, b) => a + b, 0),
      5,
    );
    expect(summary.totalItems).toBe(4);
    const prod = summary.items.find(i => i.name === 'payments-aws-prod')!;
    expect(prod).toMatchObject({
      managementCluster: 'sim',
      namespace: 'team-payments',
      tenant: 'payments',
      owner: 'group:default/payments',
      entityRef:
        'resource:default/sim_clusterd_team-payments_payments-aws-prod',
    });
    expect(prod.hourly).toBeCloseTo(3 * 0.192 + 6 * 0.34, 5);

    const limited = await backend.get<CostSummary>(
      '/cost?tenant=payments&limit=1',
      JANE,
    );
    expect(limited.items).toHaveLength(1);
    expect(limited.items[0].name).toBe(summary.items[0].name);
    expect(limited.totalHourly).toBe(summary.totalHourly);

    const forOps = await backend.get<CostSummary>('/cost?tenant=payments', OPS);
    expect(forOps.items).toEqual([]);
    expect(forOps.totalHourly).toBe(0);
  });

  it('refuses unknown cost filters naming them', async () => {
    const { status, body } = await call('/cost?team=payments');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(
      /Invalid query parameter 'team': unknown parameter/,
    );
  });

  // Last: it takes the simulated Promxy away.
  it("says which management cluster's KOF does not answer", async () => {
    // KOF's Promxy has no endpoints any more (its pods are gone).
    sim.server.proxies.register(
      'kof',
      'kof-mothership-promxy',
      (_req, res) => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            reason: 'ServiceUnavailable',
            code: 503,
            message:
              'no endpoints available for service "kof-mothership-promxy"',
          }),
        );
      },
      8082,
    );
    const { status, body } = await call(`${PROD}/metrics`);
    expect(status).toBe(503);
    expect(body.error.message).toMatch(
      /KOF's Promxy on management cluster 'sim' is not reachable: .*no endpoints available/,
    );
    // A summary still answers, and says what is missing.
    const summary = await backend.get<CostSummary>('/cost', OPS);
    expect(summary.items).toEqual([]);
    expect(summary.unavailable).toEqual([
      {
        managementCluster: 'sim',
        message: expect.stringMatching(/not reachable/),
      },
    ]);
  });
});
