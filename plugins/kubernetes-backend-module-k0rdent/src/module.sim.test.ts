/*
 * The module in a real Kubernetes backend, next to the catalog with the k0rdent
 * catalog module, reading a simulated management cluster over HTTP: what the
 * Kubernetes plugin's users see through its API.
 *
 * The child clusters themselves are not reached: the Kubernetes backend loads
 * client-node with a dynamic import() there, which Jest cannot run next to this
 * repository's static imports of it. A recording fetcher stands in for it and
 * shows which cluster the backend asks, with which credential.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  kubernetesFetcherExtensionPoint,
  type KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import catalogModuleK0rdent from '@k0rdent-backstage/plugin-catalog-backend-module-k0rdent';
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import type { AddressInfo } from 'node:net';
import {
  eventually,
  k0rdentConfig,
  kubeconfigSecret,
  simulatedChildren,
  tokenKubeconfig,
  type SimulatedChild,
} from './__testUtils__/simulatedFleet';
import { kubernetesModuleK0rdent } from './module';

// Starts two simulators and a backend, then waits for the catalog.
jest.setTimeout(120_000);

const CONFIGURED_TOKEN = 'configured-service-account-token-0123456789';
const CHILD_TOKEN = 'child-cluster-token-9876543210';
const CHILD_SERVER = 'https://child.example:6443';

/** What the Kubernetes backend asked of which cluster, with which credential. */
const fetched: Array<{ cluster: string; credential: KubernetesCredential }> =
  [];
const recordingFetcher = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'recording-fetcher',
  register(reg) {
    reg.registerInit({
      deps: { fetcher: kubernetesFetcherExtensionPoint },
      async init({ fetcher }) {
        fetcher.addFetcher({
          async fetchObjectsForService(params) {
            fetched.push({
              cluster: params.clusterDetails.name,
              credential: params.credential,
            });
            return {
              errors: [],
              responses: [
                {
                  type: 'services',
                  resources: [{ metadata: { name: 'child-service' } }],
                },
              ],
            };
          },
          async fetchPodMetricsByNamespaces() {
            return { errors: [], responses: [] };
          },
        });
      },
    });
  },
});
const nameOf = (child: { namespace: string; name: string }) =>
  `demo_clusterd_${child.namespace}_${child.name}`;

describe('the k0rdent module in the Kubernetes backend', () => {
  let sim: Simulator;
  /** The cluster whose kubeconfig holds a known token. */
  let tokenChild: SimulatedChild;
  let baseUrl: string;
  let stopBackend: () => Promise<void>;

  beforeAll(async () => {
    sim = await startSimulator({ provisioningMillis: 3_600_000 });
    // One Ready cluster authenticates with a token, the others with client certificates.
    tokenChild = simulatedChildren(sim).find(
      c => c.phase === 'Ready' && c.kubeconfig,
    )!;
    sim.store.update(
      kubeconfigSecret(
        tokenChild.namespace,
        tokenChild.name,
        tokenKubeconfig(CHILD_SERVER, CHILD_TOKEN),
      ),
    );

    const backend = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleK0rdent,
        recordingFetcher,
        catalogPlugin,
        catalogModuleK0rdent,
        mockServices.rootConfig.factory({
          data: {
            k0rdent: k0rdentConfig({ demo: sim }),
            catalog: {
              providers: {
                k0rdent: {
                  ownership: { default: 'group:default/platform' },
                },
              },
            },
            kubernetes: {
              serviceLocatorMethod: { type: 'singleTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'configured',
                      title: 'A configured cluster',
                      url: 'https://configured.example:6443',
                      authProvider: 'serviceAccount',
                      serviceAccountToken: CONFIGURED_TOKEN,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}`;
    stopBackend = () => backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await sim?.stop();
  });

  async function clusters(): Promise<{ status: number; text: string }> {
    const response = await fetch(`${baseUrl}/api/kubernetes/clusters`);
    return { status: response.status, text: await response.text() };
  }

  it('lists the configured clusters and every Ready k0rdent cluster on GET /clusters, and nothing secret', async () => {
    const expected = simulatedChildren(sim)
      .filter(c => c.phase === 'Ready' && c.kubeconfig)
      .map(nameOf);
    const { status, text } = await eventually(clusters, r =>
      expected.every(name => r.text.includes(`"${name}"`)),
    );
    expect(status).toBe(200);
    const { items } = JSON.parse(text);
    expect(items[0]).toEqual({
      name: 'configured',
      title: 'A configured cluster',
      authProvider: 'serviceAccount',
    });
    const k0rdentItems = items.slice(1);
    expect(k0rdentItems.map((i: any) => i.name).sort()).toEqual(
      [...expected].sort(),
    );
    for (const item of k0rdentItems) {
      // No `auth` block, no URL, no CA: names, titles and the provider only.
      expect(Object.keys(item).sort()).toEqual([
        'authProvider',
        'name',
        'title',
      ]);
      expect(item.authProvider).toBe('k0rdent');
    }

    const secrets = [CONFIGURED_TOKEN, CHILD_TOKEN, 'PRIVATE KEY', 'BEGIN'];
    for (const c of simulatedChildren(sim)) {
      if (c.kubeconfig?.cert) secrets.push(c.kubeconfig.cert.trim());
      if (c.kubeconfig?.key) secrets.push(c.kubeconfig.key.trim());
      if (c.kubeconfig?.token) secrets.push(c.kubeconfig.token);
    }
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
    }
  });

  it('annotates Ready cluster entities with their Kubernetes cluster, whose tab then asks that cluster only', async () => {
    const readyNames = simulatedChildren(sim)
      .filter(c => c.phase === 'Ready')
      .map(nameOf);
    const entities: any[] = await eventually(
      async () => {
        const response = await fetch(
          `${baseUrl}/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster&limit=1000`,
        );
        return response.ok ? ((await response.json()) as any).items : [];
      },
      items =>
        readyNames.every(name =>
          items.some(
            (e: any) =>
              e.metadata.name === name &&
              e.metadata.annotations['backstage.io/kubernetes-cluster'],
          ),
        ),
      60_000,
    );
    const annotated = entities.filter(
      e => e.metadata.annotations['backstage.io/kubernetes-cluster'],
    );
    // Every Ready cluster and only those, each naming itself.
    expect(annotated.map(e => e.metadata.name).sort()).toEqual(
      [...readyNames].sort(),
    );
    for (const entity of annotated) {
      expect(entity.metadata.annotations).toMatchObject({
        'backstage.io/kubernetes-cluster': entity.metadata.name,
        'backstage.io/kubernetes-id': entity.metadata.name,
      });
    }
    const listed = JSON.parse((await clusters()).text).items.map(
      (i: any) => i.name,
    );
    const suppliedEntities = annotated.filter(e =>
      listed.includes(
        e.metadata.annotations['backstage.io/kubernetes-cluster'],
      ),
    );
    expect(suppliedEntities.length).toBe(listed.length - 1);

    const entity = annotated.find(e => e.metadata.name === nameOf(tokenChild));
    const response = await fetch(
      `${baseUrl}/api/kubernetes/services/${entity.metadata.name}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entity }),
      },
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    const { items } = JSON.parse(text);
    // The single-tenant locator picks the entity's own cluster; no other is asked.
    expect(items.map((i: any) => i.cluster.name)).toEqual([
      entity.metadata.name,
    ]);
    expect(items[0].resources).toEqual([
      {
        type: 'services',
        resources: [{ metadata: { name: 'child-service' } }],
      },
    ]);
    expect(fetched).toEqual([
      {
        cluster: entity.metadata.name,
        credential: { type: 'bearer token', token: CHILD_TOKEN },
      },
    ]);
    expect(text).not.toContain(CHILD_TOKEN);
  });
});
