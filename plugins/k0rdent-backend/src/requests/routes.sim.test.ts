/*
 * The write API of a real backend over HTTP against the simulated management
 * cluster: bad input is refused with the field named and nothing stored, a dry
 * run stores nothing, an accepted request is applied and followed to Ready,
 * asking twice with one key is one request, only owners may change or delete
 * a cluster, and every write is an audit event — on each test database.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { k0rdentTestDatabaseIds } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  RESOURCE_TYPE_K0RDENT_CLUSTER,
  type DesiredStateRequest,
  type JsonObject,
  type TemplateDetails,
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
import { eventually } from '../__testUtils__/eventually';

jest.setTimeout(120_000);

// The store is the part that differs; each database gets its own simulator.
const databases = TestDatabases.create({ ids: k0rdentTestDatabaseIds() });

const JANE = 'user:default/jane'; // member of payments
const OPS = 'user:default/ops'; // member of platform
const MEMBERSHIPS: Record<string, string[]> = {
  [JANE]: [JANE, 'group:default/payments'],
  [OPS]: [OPS, 'group:default/platform'],
};

function userOf(credentials: BackstageCredentials): string {
  return (credentials.principal as { userEntityRef: string }).userEntityRef;
}

/** The app's policy in small: anyone creates, only owners change or delete. */
const permissions = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map((): { result: AuthorizeResult.ALLOW } => ({
      result: AuthorizeResult.ALLOW,
    })),
  authorizeConditional: async (requests, { credentials }) =>
    requests.map(({ permission }): PolicyDecision => {
      if (
        isResourcePermission(permission, RESOURCE_TYPE_K0RDENT_CLUSTER) &&
        permission.attributes.action !== 'read'
      ) {
        return createK0rdentClusterConditionalDecision(
          permission,
          k0rdentClusterConditions.isClusterOwner({
            claims: MEMBERSHIPS[userOf(credentials)] ?? [],
          }),
        );
      }
      return { result: AuthorizeResult.ALLOW };
    }) as any,
});

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const user = userOf(credentials);
    return {
      userEntityRef: user,
      ownershipEntityRefs: MEMBERSHIPS[user] ?? [user],
    };
  },
});

const auditEvents: Array<{ eventId: string; outcome: string }> = [];
const auditor = mockServices.auditor.mock({
  createEvent: async ({ eventId }) => ({
    success: async () => {
      auditEvents.push({ eventId, outcome: 'success' });
    },
    fail: async () => {
      auditEvents.push({ eventId, outcome: 'fail' });
    },
  }),
});

const NS = 'team-payments';
const TEMPLATE = 'aws-standalone-cp-1-0-43';

let sim: Simulator;
let backend: K0rdentTestBackend;
let validConfig: JsonObject;

async function send(
  method: string,
  path: string,
  body: unknown,
  user = JANE,
): Promise<{ status: number; body: any }> {
  const response = await backend.request(path, {
    method,
    user,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function createBody(name: string, extra: Record<string, unknown> = {}) {
  return {
    managementCluster: 'sim',
    namespace: NS,
    name,
    template: TEMPLATE,
    credential: 'aws-payments-cred',
    config: validConfig,
    ...extra,
  };
}

async function requestsFor(name: string): Promise<DesiredStateRequest[]> {
  const { items } = await backend.get<{ items: DesiredStateRequest[] }>(
    `/requests?name=${name}`,
    JANE,
  );
  return items;
}

describe.each(databases.eachSupportedId())(
  'k0rdent write API on %s',
  databaseId => {
    beforeAll(async () => {
      auditEvents.length = 0;
      sim = await startSimulator({ seed: 'demo', provisioningMillis: 300 });
      backend = await startK0rdentBackend({
        simulators: { sim },
        database: await databases.init(databaseId),
        features: [permissions.factory, userInfo.factory, auditor.factory],
        config: { k0rdent: { reconciler: { backoffInitialSeconds: 0.1 } } },
      });
      const template = await backend.get<TemplateDetails>(
        `/templates/sim/cluster/${NS}/${TEMPLATE}`,
      );
      validConfig = {
        ...template.defaults,
        region: 'us-east-1',
        controlPlane: {
          ...(template.defaults?.controlPlane as JsonObject),
          instanceType: 't3.large',
        },
        worker: {
          ...(template.defaults?.worker as JsonObject),
          instanceType: 't3.large',
        },
      };
    });

    afterAll(async () => {
      await backend?.stop();
      await sim?.stop();
    });

    it.each([
      [
        { name: 'Bad_Name' },
        /name: the cluster name must consist of lower case/,
      ],
      [
        { template: 'no-such-template' },
        /template: no ClusterTemplate 'no-such-template' in namespace 'team-payments'.*valid ones there: .*aws-standalone-cp-1-0-43/,
      ],
      [
        { template: 'acme-aws-hardened-0-2-0', namespace: 'kcm-system' },
        /template: ClusterTemplate 'acme-aws-hardened-0-2-0' is not valid/,
      ],
      [{ credential: 'nope' }, /credential: no Credential 'nope'/],
      [
        { config: { ...{ region: '' } } },
        /config\.region: must NOT have fewer than 1 characters/,
      ],
      [
        { labels: { 'bad key!': 'x' } },
        /labels\.bad key!: 'bad key!' is not a valid label key/,
      ],
      [
        { services: [{ name: 'web', template: 'no-such-service' }] },
        /services\[0\]\.template: no ServiceTemplate 'no-such-service'/,
      ],
      [
        { managementCluster: 'elsewhere' },
        /managementCluster: no management cluster named 'elsewhere'/,
      ],
      [
        { owner: 'group:default/data' },
        /owner: you can only give clusters to yourself or a group you belong to/,
      ],
    ])(
      'refuses %j naming the field, and stores nothing',
      async (change, message) => {
        const name = `bad-${Math.random().toString(36).slice(2, 8)}`;
        const { status, body } = await send(
          'POST',
          '/clusters',
          createBody(name, change),
        );
        expect(status).toBe(400);
        expect(body.error.name).toBe('InputError');
        expect(body.error.message).toMatch(message);
        expect(await requestsFor(name)).toEqual([]);
        expect(
          sim.store.get({ kind: 'ClusterDeployment', namespace: NS, name }),
        ).toBeUndefined();
      },
    );

    it('refuses a name that is taken', async () => {
      const { status, body } = await send(
        'POST',
        '/clusters',
        createBody('payments-aws-prod'),
      );
      expect(status).toBe(409);
      expect(body.error.message).toMatch(/already exists/);
    });

    it('returns the manifest of a dry run and stores nothing', async () => {
      const name = 'dry-run-cluster';
      const { status, body } = await send(
        'POST',
        '/clusters?dryRun=true',
        createBody(name, { tenant: 'payments' }),
      );
      expect(status).toBe(200);
      expect(body.dryRun).toBe(true);
      expect(body.manifest).toMatchObject({
        kind: 'ClusterDeployment',
        metadata: {
          name,
          namespace: NS,
          labels: { 'k0rdent.mirantis.com/kof-tenant-id': 'payments' },
          annotations: {
            'backstage.k0rdent.io/owner': 'group:default/payments',
            'backstage.k0rdent.io/requested-by': JANE,
          },
        },
        spec: {
          template: TEMPLATE,
          credential: 'aws-payments-cred',
          config: { region: 'us-east-1' },
        },
      });
      expect(await requestsFor(name)).toEqual([]);
      expect(
        sim.store.get({ kind: 'ClusterDeployment', namespace: NS, name }),
      ).toBeUndefined();
    });

    it('accepts a cluster, applies it and follows it to Ready; asking again with the key is the same request', async () => {
      const name = 'api-created';
      const body = createBody(name, {
        idempotencyKey: 'task-1:create',
        taskId: 'task-1',
      });
      const first = await send('POST', '/clusters', body);
      expect(first.status).toBe(202);
      expect(first.body.request).toMatchObject({
        action: 'create',
        requestedBy: JANE,
        taskId: 'task-1',
        target: { managementCluster: 'sim', namespace: NS, name },
      });
      const again = await send('POST', '/clusters', body);
      expect(again.status).toBe(202);
      expect(again.body.request.id).toBe(first.body.request.id);

      const ready = await eventually('the request to be ready', async () => {
        const r = await backend.get<DesiredStateRequest>(
          `/requests/${first.body.request.id}`,
          JANE,
        );
        return r.status === 'ready' && r;
      });
      expect(ready.history.map(h => h.status)).toEqual([
        'pending',
        'applying',
        'applied',
        'ready',
      ]);
      expect(await requestsFor(name)).toHaveLength(1);
      const cluster = await backend.get(`/clusters/sim/${NS}/${name}`, JANE);
      expect(cluster).toMatchObject({
        status: 'Ready',
        owner: 'group:default/payments',
      });
      expect(auditEvents).toContainEqual({
        eventId: 'cluster-create',
        outcome: 'success',
      });
    });

    it('lets only owners upgrade; refuses targets off the chain', async () => {
      // sandbox-aws is the platform team's (namespace kcm-system → default owner).
      const path = '/clusters/sim/kcm-system/sandbox-aws/upgrade';
      const denied = await send(
        'POST',
        path,
        { template: 'aws-standalone-cp-1-0-43' },
        JANE,
      );
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(
        /may not update cluster kcm-system\/sandbox-aws/,
      );

      const offChain = await send(
        'POST',
        path,
        { template: 'aws-standalone-cp-1-0-99' },
        OPS,
      );
      expect(offChain.status).toBe(400);
      expect(offChain.body.error.message).toMatch(
        /template: 'aws-standalone-cp-1-0-99' is not an available upgrade of cluster sandbox-aws \(available: aws-standalone-cp-1-0-43\)/,
      );

      const upgraded = await send(
        'POST',
        path,
        { template: 'aws-standalone-cp-1-0-43' },
        OPS,
      );
      expect(upgraded.status).toBe(202);
      await eventually('the upgrade to apply', async () => {
        const object = sim.store.get({
          kind: 'ClusterDeployment',
          namespace: 'kcm-system',
          name: 'sandbox-aws',
        });
        return (object?.spec as any)?.template === 'aws-standalone-cp-1-0-43';
      });
      expect(auditEvents).toContainEqual({
        eventId: 'cluster-upgrade',
        outcome: 'fail',
      });
      expect(auditEvents).toContainEqual({
        eventId: 'cluster-upgrade',
        outcome: 'success',
      });
    });

    it('deletes a cluster only when its name is typed again, and only for its owners', async () => {
      const name = 'payments-aws-dev';
      const path = `/clusters/sim/${NS}/${name}`;
      const notOwner = await send('DELETE', path, { confirm: name }, OPS);
      expect(notOwner.status).toBe(403);
      const unconfirmed = await send('DELETE', path, { confirm: 'oops' }, JANE);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body.error.message).toMatch(
        /confirm: type the cluster's name \('payments-aws-dev'\)/,
      );
      expect(await requestsFor(name)).toEqual([]);

      const accepted = await send('DELETE', path, { confirm: name }, JANE);
      expect(accepted.status).toBe(202);
      expect(accepted.body.request.action).toBe('delete');
      await eventually('the deletion to start', async () => {
        const object = sim.store.get({
          kind: 'ClusterDeployment',
          namespace: NS,
          name,
        });
        return !object || Boolean(object.metadata.deletionTimestamp);
      });
    });

    it("adds a service to a cluster's services, keeping the others with their values", async () => {
      const name = 'payments-aws-prod';
      const current = (
        sim.store.get({ kind: 'ClusterDeployment', namespace: NS, name })!
          .spec as any
      ).serviceSpec.services;
      expect(current.length).toBeGreaterThan(0);
      const added = {
        name: 'extra',
        namespace: 'extra',
        template: current[0].template,
        values: { replicas: 2 },
      };
      const { status, body } = await send(
        'PUT',
        `/clusters/sim/${NS}/${name}/services?dryRun=true`,
        { services: [added], mode: 'merge' },
        JANE,
      );
      expect(status).toBe(200);
      expect(body.manifest.spec.serviceSpec.services).toEqual([
        ...current,
        { ...added, values: 'replicas: 2\n' },
      ]);
      expect(await requestsFor(name)).toEqual([]);
    });

    it('refuses to delete a cluster a Region is built on', async () => {
      const { status, body } = await send(
        'DELETE',
        '/clusters/sim/kcm-system/eu-regional-mgmt',
        { confirm: 'eu-regional-mgmt' },
        OPS,
      );
      expect(status).toBe(409);
      expect(body.error.message).toMatch(/while Region .* is built on it/);
    });
  },
);
