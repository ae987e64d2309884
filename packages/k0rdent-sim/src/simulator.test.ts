import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import https from 'node:https';
import { demoSeed } from './domain';
import { startSimulator, type Simulator } from './simulator';

const GROUP = 'k0rdent.mirantis.com';
const VERSION = 'v1beta1';

describe('startSimulator', () => {
  let simulator: Simulator;
  let custom: CustomObjectsApi;

  beforeAll(async () => {
    simulator = await startSimulator({ provisioningMillis: 600 });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(simulator.kubeconfig());
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('serves the demo fleet over TLS with the kubeconfig it writes', async () => {
    const list = await custom.listClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: 'clusterdeployments',
    });
    const names = (list.items as any[]).map(cd => cd.metadata.name);
    expect(names.length).toBeGreaterThan(20);
    expect(names).toContain('legacy-onprem');
  });

  it('takes a new ClusterDeployment through its conditions to Ready', async () => {
    await custom.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'kcm-system',
      plural: 'clusterdeployments',
      body: {
        apiVersion: `${GROUP}/${VERSION}`,
        kind: 'ClusterDeployment',
        metadata: { name: 'sim-new-cluster', namespace: 'kcm-system' },
        spec: {
          template: 'aws-standalone-cp-1-0-43',
          credential: 'aws-cred',
          config: {
            region: 'us-east-2',
            controlPlane: { instanceType: 't3.large' },
            worker: { instanceType: 't3.large' },
          },
        },
      },
    });
    const readyStatus = async () => {
      const cd: any = await custom.getNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: 'kcm-system',
        plural: 'clusterdeployments',
        name: 'sim-new-cluster',
      });
      return cd.status?.conditions?.find((c: any) => c.type === 'Ready');
    };
    let ready = await readyStatus();
    expect(ready?.status).not.toBe('True');
    for (let i = 0; i < 100 && ready?.status !== 'True'; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      ready = await readyStatus();
    }
    expect(ready).toMatchObject({ status: 'True', reason: 'Succeeded' });
  });

  it('rejects a ClusterDeployment whose template does not exist, as the webhook does', async () => {
    await expect(
      custom.createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: 'kcm-system',
        plural: 'clusterdeployments',
        body: {
          apiVersion: `${GROUP}/${VERSION}`,
          kind: 'ClusterDeployment',
          metadata: { name: 'sim-bad-template', namespace: 'kcm-system' },
          spec: { template: 'no-such-template', credential: 'x', config: {} },
        },
      }),
    ).rejects.toMatchObject({ code: 403 });
  });

  it("serves Promxy's query API through the service proxy", async () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(simulator.kubeconfig());
    const url = `${
      simulator.url
    }/api/v1/namespaces/kof/services/kof-mothership-promxy:8082/proxy/api/v1/query?query=${encodeURIComponent(
      'up{cluster="legacy-onprem"}',
    )}`;
    const response = await fetchWithSimulatorTls(simulator, url);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body.status).toBe('success');
    expect(body.data.result.length).toBeGreaterThan(0);
    expect(body.data.result[0].metric.cluster).toBe('legacy-onprem');
  });
});

describe('startSimulator with a seeded fleet on the wall clock', () => {
  it('keeps the generated clusters Ready and the seeded deletion as seeded', async () => {
    const now = new Date();
    const simulator = await startSimulator({
      clusters: 1000,
      provisioningMillis: 300,
      now,
    });
    const changedScaleClusters: string[] = [];
    simulator.store.subscribe(({ object }) => {
      if (object.metadata.name.startsWith('scale-')) {
        changedScaleClusters.push(`${object.kind} ${object.metadata.name}`);
      }
    });
    const seededDeletion = demoSeed({ now }).find(
      o => o.metadata.name === 'decommission-gcp',
    )!.metadata.deletionTimestamp;
    try {
      expect(
        simulator.store.get({
          kind: 'ClusterDeployment',
          namespace: 'kcm-system',
          name: 'decommission-gcp',
        })?.metadata.deletionTimestamp,
      ).toBe(seededDeletion);
      // Every seeded cluster is reconciled at least once in this time.
      await new Promise(resolve => setTimeout(resolve, 1500));
      expect(changedScaleClusters).toEqual([]);
    } finally {
      await simulator.stop();
    }
  });
});

/** GET with the simulator's token and CA (global fetch cannot take a CA). */
async function fetchWithSimulatorTls(
  simulator: Simulator,
  url: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        url,
        {
          ca: simulator.caCertificate,
          headers: { authorization: `Bearer ${simulator.token}` },
        },
        res => {
          let body = '';
          res.on('data', chunk => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      )
      .on('error', reject);
  });
}
