/*
 * The portal's "Create a Kubernetes cluster" template, dry-run by the real
 * scaffolder with the k0rdent actions, which call the real k0rdent backend as
 * the user over HTTP, against the simulated management cluster: the path a
 * template takes through three plugins, checked without a browser.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import k0rdentPlugin from '@k0rdent-backstage/plugin-k0rdent-backend';
import { managementClustersConfig } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import scaffolderModuleK0rdent from '@k0rdent-backstage/plugin-scaffolder-backend-module-k0rdent';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { parse as parseYaml } from 'yaml';

jest.setTimeout(120_000);

const USER = 'user:default/guest';
const template = parseYaml(
  readFileSync(
    resolvePath(__dirname, '../../../examples/templates/create-cluster.yaml'),
    'utf8',
  ),
);

let sim: Simulator;
let baseUrl: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', provisioningMillis: 300 });
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleK0rdent,
      k0rdentPlugin,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({
        data: {
          k0rdent: {
            managementClusters: managementClustersConfig({ demo: sim }),
          },
          catalog: {
            providers: {
              k0rdent: { ownership: { default: 'group:default/platform' } },
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  baseUrl = `http://localhost:${port}/api`;
  stop = () => backend.stop();
  // The fleet starts with the first plugin that needs it; wait for its sync.
  for (let synced = false; !synced; ) {
    const response = await fetch(`${baseUrl}/k0rdent/management-clusters`, {
      headers: { Authorization: `Bearer ${mockCredentials.user.token(USER)}` },
    });
    const { items } = await response.json();
    synced = items.every((item: { synced: boolean }) => item.synced);
    if (!synced) await new Promise(r => setTimeout(r, 100));
  }
});

afterAll(async () => {
  await stop?.();
  await sim?.stop();
});

async function dryRun(values: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/scaffolder/v2/dry-run`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${mockCredentials.user.token(USER)}`,
    },
    body: JSON.stringify({ template, values, directoryContents: [] }),
  });
  const body = await response.json();
  const log = ((body.log ?? []) as Array<{ body: { message: string } }>)
    .map(entry => entry.body.message)
    .join('\n');
  return { status: response.status, body, log };
}

async function storedRequests(name: string) {
  const response = await fetch(`${baseUrl}/k0rdent/requests?name=${name}`, {
    headers: { Authorization: `Bearer ${mockCredentials.user.token(USER)}` },
  });
  return (await response.json()).items;
}

const values = {
  managementCluster: 'demo',
  namespace: 'team-payments',
  name: 'from-a-template',
  template: 'aws-standalone-cp-1-0-43',
  credential: 'aws-payments-cred',
  config: {
    region: 'us-east-1',
    controlPlane: { instanceType: 't3.large' },
    worker: { instanceType: 't3.large' },
  },
};

describe('the create-cluster template through the scaffolder', () => {
  it('renders the manifest the k0rdent backend would apply, as the user, and stores nothing', async () => {
    const { status, log } = await dryRun(values);
    expect(status).toBe(200);
    expect(log).toContain(
      'Asking k0rdent to create cluster demo/team-payments/from-a-template',
    );
    expect(log).toMatch(/^kind: ClusterDeployment$/m);
    expect(log).toMatch(
      /backstage\.k0rdent\.io\/requested-by: user:default\/guest/,
    );
    expect(await storedRequests('from-a-template')).toEqual([]);
    expect(
      sim.store.get({
        kind: 'ClusterDeployment',
        namespace: 'team-payments',
        name: 'from-a-template',
      }),
    ).toBeUndefined();
  });

  it("reports the backend's refusal of a bad config, naming the field", async () => {
    const { status, body } = await dryRun({
      ...values,
      config: { ...values.config, region: '' },
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /config\.region: must NOT have fewer than 1 characters/,
      ),
    });
  });
});
