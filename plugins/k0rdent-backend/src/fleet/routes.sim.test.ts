/*
 * The fleet read API of a real backend over HTTP, against two simulated
 * management clusters with the demo fleet: what a user of the fleet page, a
 * cluster page, the template catalogue and the credential picker sees.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type DefinitivePolicyDecision,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  clusterPhase,
  infrastructureProviderOf,
  type ClusterDeployment,
  type ClusterDetails,
  type ClusterPage,
  type ClusterTemplate,
  type CredentialSummary,
  type ManagementClusterHealth,
  type MultiClusterService,
  type MultiClusterServiceDetails,
  type TemplateDetails,
  type TemplateSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import { eventually } from '../__testUtils__/eventually';
import {
  startK0rdentBackend,
  type K0rdentTestBackend,
} from '../__testUtils__/k0rdentBackend';

jest.setTimeout(120_000);

/** A user the policy lets read only clusters outside team-payments. */
const OUTSIDER = 'user:default/outsider';

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

const permissions = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(
      (): DefinitivePolicyDecision => ({ result: AuthorizeResult.ALLOW }),
    ),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(
      (): PolicyDecision =>
        userOf(credentials) === OUTSIDER
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'k0rdent',
              resourceType: 'k0rdent-cluster',
              conditions: {
                not: {
                  rule: 'IS_IN_NAMESPACE',
                  resourceType: 'k0rdent-cluster',
                  params: { namespaces: ['team-payments'] },
                },
              },
            }
          : { result: AuthorizeResult.ALLOW },
    ),
});

let sim: Simulator;
let edge: Simulator;
let backend: K0rdentTestBackend;

/** The demo fleet's clusters as the simulator holds them: the truth the API must show. */
function simClusters(): ClusterDeployment[] {
  return sim.store.list('ClusterDeployment') as unknown as ClusterDeployment[];
}

beforeAll(async () => {
  [sim, edge] = await Promise.all([
    startSimulator({ seed: 'demo' }),
    startSimulator({ seed: 'empty', clusters: 3 }),
  ]);
  backend = await startK0rdentBackend({
    simulators: { sim, edge },
    features: [permissions.factory],
  });
});

afterAll(async () => {
  await backend?.stop();
  await Promise.all([sim?.stop(), edge?.stop().catch(() => {})]);
});

describe('GET /clusters', () => {
  it('pages through the whole fleet with its total', async () => {
    const total = simClusters().length + 3;
    const first = await backend.get<ClusterPage>('/clusters?limit=10');
    expect(first).toMatchObject({ totalItems: total, offset: 0, limit: 10 });
    expect(first.items).toHaveLength(10);

    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 10) {
      const page = await backend.get<ClusterPage>(
        `/clusters?limit=10&offset=${offset}`,
      );
      expect(page.totalItems).toBe(total);
      seen.push(...page.items.map(i => `${i.managementCluster}/${i.name}`));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const defaultPage = await backend.get<ClusterPage>('/clusters');
    expect(defaultPage.items).toHaveLength(Math.min(50, total));
  });

  it('filters by facets, several values of one facet meaning any of them', async () => {
    const wanted = simClusters().filter(cd =>
      ['Failed', 'Provisioning'].includes(clusterPhase(cd)),
    );
    expect(wanted.length).toBeGreaterThan(0);
    const page = await backend.get<ClusterPage>(
      '/clusters?managementCluster=sim&status=Failed&status=Provisioning&limit=500',
    );
    expect(page.items.map(i => i.name).sort()).toEqual(
      wanted.map(cd => cd.metadata.name).sort(),
    );

    const templates = new Map(
      (sim.store.list('ClusterTemplate') as unknown as ClusterTemplate[]).map(
        t => [`${t.metadata.namespace}/${t.metadata.name}`, t],
      ),
    );
    const onAws = simClusters().filter(
      cd =>
        cd.metadata.labels?.['k0rdent.mirantis.com/kof-tenant-id'] ===
          'payments' &&
        infrastructureProviderOf(
          templates.get(`${cd.metadata.namespace}/${cd.spec?.template}`) ??
            templates.get(`kcm-system/${cd.spec?.template}`),
        ) === 'aws',
    );
    expect(onAws.length).toBeGreaterThan(0);
    const aws = await backend.get<ClusterPage>(
      '/clusters?managementCluster=sim&provider=aws&tenant=payments&limit=500',
    );
    expect(aws.items.map(i => i.name).sort()).toEqual(
      onAws.map(cd => cd.metadata.name).sort(),
    );
    expect(aws.facets.provider).toEqual(
      expect.arrayContaining([{ value: 'aws', count: onAws.length }]),
    );
  });

  it('searches names and namespaces', async () => {
    const page = await backend.get<ClusterPage>('/clusters?q=PAYMENTS-AWS');
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(`${item.name} ${item.namespace}`).toContain('payments-aws');
    }
  });

  it('sorts by the field asked for', async () => {
    const page = await backend.get<ClusterPage>(
      '/clusters?managementCluster=sim&sort=name&order=desc&limit=500',
    );
    const names = page.items.map(i => i.name);
    expect(names).toEqual(
      [...names].sort((a, b) => b.localeCompare(a, 'en', { numeric: true })),
    );
    const byCreation = await backend.get<ClusterPage>(
      '/clusters?sort=createdAt&limit=500',
    );
    const times = byCreation.items.map(i => i.createdAt!);
    expect(times).toEqual([...times].sort());
  });

  it('refuses a query it does not understand, naming the parameter', async () => {
    for (const [query, parameter] of [
      ['status=Happy', 'status'],
      ['sort=colour', 'sort'],
      ['limit=1000', 'limit'],
      ['provder=aws', 'provder'],
    ]) {
      const response = await backend.request(`/clusters?${query}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ name: 'InputError' });
      expect(body.error.message).toContain(`'${parameter}'`);
    }
  });
});

describe('permissions', () => {
  it('leaves clusters the user may not read out of lists and answers 404 for them', async () => {
    const everyone = await backend.get<ClusterPage>('/clusters?limit=500');
    const outsider = await backend.get<ClusterPage>(
      '/clusters?limit=500',
      OUTSIDER,
    );
    const payments = everyone.items.filter(
      i => i.namespace === 'team-payments',
    );
    expect(payments.length).toBeGreaterThan(0);
    expect(outsider.totalItems).toBe(everyone.totalItems - payments.length);
    expect(outsider.items.map(i => i.namespace)).not.toContain('team-payments');
    expect(outsider.facets.namespace?.map(f => f.value)).not.toContain(
      'team-payments',
    );

    const path = `/clusters/sim/team-payments/${payments[0].name}`;
    expect((await backend.request(path)).status).toBe(200);
    const denied = await backend.request(path, { user: OUTSIDER });
    expect(denied.status).toBe(404);
    const missing = await backend.request(
      '/clusters/sim/team-payments/no-such-cluster',
      { user: OUTSIDER },
    );
    expect(missing.status).toBe(404);
    // Denied and missing look alike.
    expect((await denied.json()).error.name).toBe(
      (await missing.json()).error.name,
    );
  });
});

describe('GET /clusters/:managementCluster/:namespace/:name', () => {
  it('shows conditions, services, upgrades, regions and recent events', async () => {
    const withServices = simClusters().find(
      cd =>
        (cd.status?.services?.length ?? 0) > 0 &&
        (cd.spec?.serviceSpec?.services?.length ?? 0) > 0,
    )!;
    const { name, namespace, uid } = withServices.metadata;
    sim.store.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.1`, namespace },
      involvedObject: {
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        namespace,
        name,
        uid,
      },
      type: 'Warning',
      reason: 'HelmReleaseUpgradeFailed',
      message: 'upgrade retries exhausted',
      count: 2,
      lastTimestamp: new Date().toISOString(),
    });
    const details = await backend.get<ClusterDetails>(
      `/clusters/sim/${namespace}/${name}`,
    );
    expect(details.conditions.map(c => c.type)).toContain('Ready');
    expect(details.serviceStates).toEqual(withServices.status!.services);
    expect(details.serviceSpec.map(s => s.name)).toEqual(
      withServices.spec!.serviceSpec!.services!.map(s => s.name),
    );
    expect(details.events).toEqual([
      expect.objectContaining({
        type: 'Warning',
        reason: 'HelmReleaseUpgradeFailed',
        message: 'upgrade retries exhausted',
      }),
    ]);
    expect(details.stale).toBe(false);

    const regional = await backend.get<ClusterDetails>(
      '/clusters/sim/kcm-system/eu-regional-mgmt',
    );
    expect(regional.regions).toEqual(['eu-region']);

    const upgradable = simClusters().find(
      cd => (cd.status?.availableUpgrades?.length ?? 0) > 0,
    )!;
    const withUpgrades = await backend.get<ClusterDetails>(
      `/clusters/sim/${upgradable.metadata.namespace}/${upgradable.metadata.name}`,
    );
    expect(withUpgrades.upgrades.map(u => u.name)).toEqual(
      upgradable.status!.availableUpgrades,
    );
    expect(withUpgrades.upgrades[0].valid).toBe(true);
  });

  it('answers 404 naming an unknown management cluster', async () => {
    const response = await backend.request('/clusters/nowhere/kcm-system/a');
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('nowhere');
  });
});

describe('templates', () => {
  it('lists the catalogue with upgrade paths from the chains', async () => {
    const { items } = await backend.get<{ items: TemplateSummary[] }>(
      '/templates?managementCluster=sim&namespace=kcm-system&kind=cluster',
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every(t => t.kind === 'cluster')).toBe(true);
    expect(
      items.find(t => t.name === 'aws-standalone-cp-1-0-40')?.upgrades,
    ).toContain('aws-standalone-cp-1-0-43');
    const services = await backend.get<{ items: TemplateSummary[] }>(
      '/templates?kind=service&valid=true',
    );
    expect(services.items.length).toBeGreaterThan(0);
    expect(services.items.every(t => t.kind === 'service' && t.valid)).toBe(
      true,
    );
  });

  it('gives a template its defaults and values schema', async () => {
    const stored = sim.store
      .list('ClusterTemplate')
      .find(
        t =>
          t.metadata.namespace === 'kcm-system' &&
          t.metadata.name === 'aws-standalone-cp-1-0-43',
      ) as unknown as ClusterTemplate;
    const details = await backend.get<TemplateDetails>(
      '/templates/sim/cluster/kcm-system/aws-standalone-cp-1-0-43',
    );
    expect(details.hasValuesSchema).toBe(true);
    expect(details.defaults).toEqual(stored.status!.config);
    expect(details.valuesSchema).toMatchObject({
      type: 'object',
      properties: expect.objectContaining({ region: expect.anything() }),
    });
    expect(details.provider).toBe('aws');
  });

  it('answers 400 for an unknown template kind and 404 for a missing template', async () => {
    const badKind = await backend.request(
      '/templates/sim/provider/kcm-system/aws-standalone-cp-1-0-43',
    );
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error.message).toContain('kind');
    expect(
      (await backend.request('/templates/sim/cluster/kcm-system/nope')).status,
    ).toBe(404);
  });
});

describe('GET /credentials', () => {
  it('lists credentials with their provider and nothing of their identity', async () => {
    const { items } = await backend.get<{ items: CredentialSummary[] }>(
      '/credentials?managementCluster=sim',
    );
    const stored = sim.store.list('Credential');
    expect(items).toHaveLength(stored.length);
    expect(items.find(c => c.name === 'aws-cred')).toMatchObject({
      namespace: 'kcm-system',
      ready: true,
      provider: 'aws',
      identityKind: 'AWSClusterStaticIdentity',
    });
    const allowed = [
      'managementCluster',
      'namespace',
      'name',
      'ready',
      'description',
      'region',
      'provider',
      'identityKind',
    ];
    for (const item of items) {
      expect(Object.keys(item).filter(k => !allowed.includes(k))).toEqual([]);
    }
    const body = JSON.stringify(items);
    for (const credential of stored) {
      const identity = (credential.spec as any).identityRef.name;
      expect(body).not.toContain(`"${identity}"`);
    }
    for (const secret of sim.store.list('Secret')) {
      expect(body).not.toContain(secret.metadata.name);
    }
  });

  it('filters on readiness', async () => {
    const { items } = await backend.get<{ items: CredentialSummary[] }>(
      '/credentials?ready=false',
    );
    expect(items.every(c => !c.ready)).toBe(true);
  });
});

describe('GET /multi-cluster-services/:managementCluster/:name', () => {
  const releaseKey = (s: { name: string; namespace?: string }) =>
    `${s.namespace || 'default'}/${s.name}`;

  /**
   * The rollout of a demo MultiClusterService from the simulator's own
   * objects: its matching clusters in `namespaces` (all when not given), each
   * with the entries of the cluster's status.services that are releases of
   * the MultiClusterService.
   */
  function simRollout(name: string, hide: string[] = []) {
    const mcs = sim.store.get({
      kind: 'MultiClusterService',
      name,
    }) as unknown as MultiClusterService;
    const keys = new Set(
      (mcs.spec?.serviceSpec?.services ?? []).map(releaseKey),
    );
    return (mcs.status?.matchingClusters ?? [])
      .filter(m => !hide.includes(m.namespace!))
      .map(m => {
        const cd = sim.store.get({
          kind: 'ClusterDeployment',
          namespace: m.namespace,
          name: m.name!,
        }) as unknown as ClusterDeployment;
        return {
          cluster: `${m.namespace}/${m.name}`,
          deployed: m.deployed === true,
          states: (cd.status?.services ?? [])
            .filter(s => keys.has(releaseKey(s)))
            .map(s => `${s.name}:${s.state}`)
            .sort(),
        };
      });
  }

  function rolloutOf(details: MultiClusterServiceDetails) {
    return details.clusters.map(c => ({
      cluster: `${c.namespace}/${c.name}`,
      deployed: c.deployed,
      states: c.services.map(s => `${s.name}:${s.state}`).sort(),
    }));
  }

  /** The backend's answer once it has caught up with the simulator. */
  async function converged(name: string, user?: string, hide?: string[]) {
    return eventually(
      `the rollout of ${name} to match the simulator`,
      async () => {
        const details = await backend.get<MultiClusterServiceDetails>(
          `/multi-cluster-services/sim/${name}`,
          user,
        );
        const expected = simRollout(name, hide);
        return JSON.stringify(rolloutOf(details)) === JSON.stringify(expected)
          ? { details, expected }
          : undefined;
      },
    );
  }

  it('shows a demo MultiClusterService with a row per matching cluster and its service states there', async () => {
    const { details, expected } = await converged('security-base');
    expect(expected.length).toBeGreaterThan(5);
    expect(rolloutOf(details)).toEqual(expected);
    expect(details.clusters.some(c => c.services.length > 0)).toBe(true);
    expect(details).toMatchObject({
      managementCluster: 'sim',
      name: 'security-base',
      selector: 'env in (prod, staging)',
      services: [
        expect.objectContaining({ name: 'kyverno', namespace: 'kyverno' }),
      ],
      counts: {
        matching: expected.length,
        deployed: expected.filter(c => c.deployed).length,
        failed: 0,
        hidden: 0,
      },
      stale: false,
    });
    expect(details.conditions.map(c => c.type)).toContain('Ready');
    const row = details.clusters[0];
    const summary = await backend.get<ClusterDetails>(
      `/clusters/sim/${row.namespace}/${row.name}`,
    );
    expect(row).toMatchObject({
      entityRef: summary.entityRef,
      status: summary.status,
    });

    const ingress = await backend.get<MultiClusterServiceDetails>(
      '/multi-cluster-services/sim/prod-ingress',
    );
    expect(ingress.dependsOn).toEqual(['security-base']);
    // Its values (a Go template annotating the ingress service) stay out.
    expect(JSON.stringify(ingress)).not.toContain('example.com/cluster');
  });

  it('leaves out the clusters a user may not read and only counts them', async () => {
    const everyone = await converged('security-base');
    const { details } = await converged('security-base', OUTSIDER, [
      'team-payments',
    ]);
    const payments = everyone.details.clusters.filter(
      c => c.namespace === 'team-payments',
    );
    expect(payments.length).toBeGreaterThan(0);
    expect(details.clusters.map(c => c.namespace)).not.toContain(
      'team-payments',
    );
    expect(details.counts).toMatchObject({
      matching: everyone.details.counts.matching - payments.length,
      hidden: payments.length,
    });

    // Every cluster of payments-external-dns is in team-payments.
    const dns = await backend.get<MultiClusterServiceDetails>(
      '/multi-cluster-services/sim/payments-external-dns',
      OUTSIDER,
    );
    const matching = simRollout('payments-external-dns');
    expect(matching.length).toBeGreaterThan(0);
    expect(dns.clusters).toEqual([]);
    expect(dns.counts).toEqual({
      matching: 0,
      deployed: 0,
      failed: 0,
      hidden: matching.length,
    });
    const body = JSON.stringify(dns);
    for (const { cluster } of matching) {
      expect(body).not.toContain(cluster.split('/')[1]);
    }
  });

  it('answers 404 for an unknown MultiClusterService or management cluster', async () => {
    const missing = await backend.request('/multi-cluster-services/sim/nope');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("'nope'"),
    });
    const nowhere = await backend.request(
      '/multi-cluster-services/nowhere/security-base',
    );
    expect(nowhere.status).toBe(404);
    expect((await nowhere.json()).error.message).toContain('nowhere');
  });
});

describe('a management cluster that stops answering', () => {
  it('shows its clusters as Stale with their last known phase', async () => {
    // The phases just before the outage (the generated clusters are Ready,
    // but the simulator's controllers may still be settling on a busy machine).
    const before = await backend.get<ClusterPage>(
      '/clusters?managementCluster=edge',
    );
    expect(before.totalItems).toBe(3);
    expect(before.items.map(i => i.status)).not.toContain('Stale');
    const phaseBefore = new Map(before.items.map(i => [i.name, i.phase]));

    await edge.stop();
    let health: ManagementClusterHealth | undefined;
    for (let i = 0; i < 200 && !health?.staleSince; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      const { items } = await backend.get<{
        items: ManagementClusterHealth[];
      }>('/management-clusters');
      health = items.find(item => item.name === 'edge');
    }
    expect(health).toMatchObject({
      connected: false,
      staleSince: expect.any(String),
      clusters: 3,
    });

    const stale = await backend.get<ClusterPage>('/clusters?status=Stale');
    expect(stale.items).toHaveLength(3);
    for (const item of stale.items) {
      expect(item).toMatchObject({
        managementCluster: 'edge',
        status: 'Stale',
        phase: phaseBefore.get(item.name),
      });
    }
    const details = await backend.get<ClusterDetails>(
      `/clusters/edge/${stale.items[0].namespace}/${stale.items[0].name}`,
    );
    expect(details).toMatchObject({ stale: true, status: 'Stale', events: [] });
    // The other management cluster is untouched.
    const ready = await backend.get<ClusterPage>(
      '/clusters?managementCluster=sim&status=Stale',
    );
    expect(ready.totalItems).toBe(0);
  });
});
