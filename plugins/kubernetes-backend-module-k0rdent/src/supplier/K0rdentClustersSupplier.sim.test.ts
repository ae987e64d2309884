/*
 * The supplier and the auth strategy against simulated management clusters over
 * HTTP: what the Kubernetes plugin is given, compared with what the management
 * cluster holds.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { startSimulator, type Simulator } from '@k0rdent-backstage/k0rdent-sim';
import { clusterPhase } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentFleet } from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  childKubeconfig,
  duringOutage,
  eventually,
  kubeconfigSecret,
  simulatedChildren,
  startSimulatedFleet,
  tokenKubeconfig,
  withLoadableKeys,
  type SimulatedChild,
} from '../__testUtils__/simulatedFleet';
import type { K0rdentKubernetesConfig } from '../config/readK0rdentKubernetesConfig';
import {
  createK0rdentKubernetes,
  type K0rdentKubernetes,
} from '../createK0rdentKubernetes';
import { locationFromAuthMetadata } from './K0rdentClustersSupplier';

// Simulators, fleet sync and the waits below take several seconds on a busy machine.
jest.setTimeout(90_000);

const credentials = mockCredentials.service();
const SETTINGS = {
  credentialTtlMs: 60_000,
  endpointRefreshMs: 600_000,
  skipMetricsLookup: false,
};

const nameOf = (child: { namespace: string; name: string }) =>
  `demo_clusterd_${child.namespace}_${child.name}`;
const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name);

/** A simulator, a fleet over it and the module's parts, for one describe block. */
function useSimulatedModule(options: {
  provisioningMillis: number;
  settings?: Partial<K0rdentKubernetesConfig>;
}) {
  const env = {} as {
    sim: Simulator;
    fleet: K0rdentFleet;
    k0rdent: K0rdentKubernetes;
  };
  beforeAll(async () => {
    env.sim = await startSimulator({
      provisioningMillis: options.provisioningMillis,
    });
    withLoadableKeys(env.sim);
    env.fleet = await startSimulatedFleet({ demo: env.sim });
    env.k0rdent = createK0rdentKubernetes({
      fleet: env.fleet,
      logger: mockServices.logger.mock(),
      settings: { ...SETTINGS, ...options.settings },
    });
  });
  afterAll(async () => {
    env.k0rdent?.stop();
    await env.fleet?.stop();
    await env.sim?.stop();
  });
  return env;
}

describe('the k0rdent cluster supplier on a simulated management cluster', () => {
  const env = useSimulatedModule({ provisioningMillis: 3_600_000 });

  const clusters = () => env.k0rdent.supplier.getClusters({ credentials });
  const find = (list: ClusterDetails[], child: SimulatedChild) =>
    list.find(c => c.name === nameOf(child));
  /** A listed cluster whose credential nothing has asked for yet. */
  const unusedChild = (list: ClusterDetails[]) =>
    simulatedChildren(env.sim).find(
      c =>
        c.phase === 'Ready' &&
        c.kubeconfig &&
        find(list, c) &&
        !env.k0rdent.kubeconfigs.holdsCredential({
          managementCluster: 'demo',
          ...c,
        }),
    )!;

  it('lists every Ready cluster with the URL and CA of its kubeconfig Secret, named as its catalog entity', async () => {
    const expected = simulatedChildren(env.sim)
      .filter(c => c.phase === 'Ready' && c.kubeconfig)
      .map(c => ({
        name: nameOf(c),
        title: `${c.name} (demo/${c.namespace})`,
        url: c.kubeconfig!.server,
        caData: c.kubeconfig!.caData,
        authMetadata: {
          'kubernetes.io/auth-provider': 'k0rdent',
          'backstage.k0rdent.io/management-cluster': 'demo',
          'backstage.k0rdent.io/namespace': c.namespace,
          'backstage.k0rdent.io/name': c.name,
        },
        skipMetricsLookup: false,
      }))
      .sort(byName);
    expect(expected.length).toBeGreaterThan(10);
    expect((await clusters()).sort(byName)).toEqual(expected);
  });

  it('leaves out clusters that are not Ready, and Ready clusters without a kubeconfig Secret', async () => {
    const children = simulatedChildren(env.sim);
    const notReady = children.filter(c => c.phase !== 'Ready' && c.kubeconfig);
    const withoutSecret = children.filter(
      c => c.phase === 'Ready' && !c.kubeconfig,
    );
    // The demo fleet has both: provisioning and deleting clusters whose control
    // plane is up, and a cluster deployed through a Region (kubeconfig elsewhere).
    expect(notReady.length).toBeGreaterThan(0);
    expect(withoutSecret.length).toBeGreaterThan(0);
    const list = await clusters();
    for (const child of [...notReady, ...withoutSecret]) {
      expect(find(list, child)).toBeUndefined();
    }
  });

  it('gives the Kubernetes backend the credential of the kubeconfig: client certificate or token', async () => {
    const list = await clusters();
    const [certChild, tokenChild] = simulatedChildren(env.sim).filter(
      c => c.phase === 'Ready' && c.kubeconfig && find(list, c),
    );

    const cert = await env.k0rdent.authStrategy.getCredential(
      find(list, certChild)!,
      {},
    );
    expect(cert).toEqual({
      type: 'x509 client certificate',
      cert: certChild.kubeconfig!.cert,
      key: certChild.kubeconfig!.key,
    });

    env.sim.store.update(
      kubeconfigSecret(
        tokenChild.namespace,
        tokenChild.name,
        tokenKubeconfig(tokenChild.kubeconfig!.server, 'child-token-1'),
      ),
    );
    expect(
      await env.k0rdent.authStrategy.getCredential(find(list, tokenChild)!, {}),
    ).toEqual({ type: 'bearer token', token: 'child-token-1' });
  });

  it('sends a credential only to the API server of its own kubeconfig', async () => {
    const [cluster] = await clusters();
    await expect(
      env.k0rdent.authStrategy.getCredential(
        { ...cluster, url: 'https://attacker.example:6443' },
        {},
      ),
    ).rejects.toThrow(/only sent there/);
    // Auth metadata pointing at a cluster that does not exist gets nothing either.
    await expect(
      env.k0rdent.authStrategy.getCredential(
        {
          ...cluster,
          authMetadata: {
            ...cluster.authMetadata,
            'backstage.k0rdent.io/name': 'no-such-cluster',
          },
        },
        {},
      ),
    ).rejects.toThrow(/unknown or not Ready/);
  });

  it('refuses a client certificate or key that does not load, naming the field and the cluster', async () => {
    const list = await clusters();
    const child = unusedChild(list);
    const placeholder = (what: string) =>
      Buffer.from(
        `-----BEGIN ${what}-----\nbm90IGEga2V5\n-----END ${what}-----\n`,
      ).toString('base64');
    env.sim.store.update(
      kubeconfigSecret(
        child.namespace,
        child.name,
        childKubeconfig({
          server: child.kubeconfig!.server,
          user: {
            'client-certificate-data': placeholder('CERTIFICATE'),
            'client-key-data': placeholder('PRIVATE KEY'),
          },
        }),
      ),
    );
    await expect(
      env.k0rdent.authStrategy.getCredential(find(list, child)!, {}),
    ).rejects.toThrow(
      `Cannot use the kubeconfig of k0rdent cluster '${child.namespace}/${child.name}' on management cluster 'demo': the kubeconfig user \`client-certificate-data\` is not a PEM certificate`,
    );
  });

  it('drops a cluster whose kubeconfig Secret was deleted, once its credential is asked for', async () => {
    const list = await clusters();
    const child = unusedChild(list);
    env.sim.store.delete({
      kind: 'Secret',
      namespace: child.namespace,
      name: `${child.name}-kubeconfig`,
    });
    await expect(
      env.k0rdent.authStrategy.getCredential(find(list, child)!, {}),
    ).rejects.toThrow(
      `its kubeconfig Secret '${child.namespace}/${child.name}-kubeconfig' does not exist`,
    );
    expect(find(await clusters(), child)).toBeUndefined();
  });

  it('keeps the list and the credentials in use while the management cluster does not answer, then follows it again', async () => {
    const before = (await clusters()).sort(byName);
    const [used, unused] = before.filter(
      c =>
        !env.k0rdent.kubeconfigs.holdsCredential(
          locationFromAuthMetadata(c.authMetadata)!,
        ),
    );
    const credential = await env.k0rdent.authStrategy.getCredential(used, {});

    await duringOutage(env.sim, env.fleet, async () => {
      expect((await clusters()).sort(byName)).toEqual(before);
      expect(await env.k0rdent.authStrategy.getCredential(used, {})).toEqual(
        credential,
      );
      // A credential never read before cannot be had now, and says why.
      await expect(
        env.k0rdent.authStrategy.getCredential(unused, {}),
      ).rejects.toThrow(/Cannot use the kubeconfig .* failed/);
    });

    expect(await env.k0rdent.authStrategy.getCredential(unused, {})).toEqual(
      expect.objectContaining({ type: 'x509 client certificate' }),
    );
    expect((await clusters()).sort(byName)).toEqual(before);
  });
});

describe('credentials in memory', () => {
  const env = useSimulatedModule({
    provisioningMillis: 3_600_000,
    settings: { credentialTtlMs: 1000 },
  });

  it('are used for the TTL, then read again (a rotated token is picked up) and dropped when not in use', async () => {
    const list = await env.k0rdent.supplier.getClusters({ credentials });
    const child = simulatedChildren(env.sim).find(
      c =>
        c.phase === 'Ready' &&
        c.kubeconfig &&
        list.some(l => l.name === nameOf(c)),
    )!;
    const cluster = list.find(c => c.name === nameOf(child))!;
    const location = {
      managementCluster: 'demo',
      namespace: child.namespace,
      name: child.name,
    };
    const rotate = (token: string) =>
      env.sim.store.update(
        kubeconfigSecret(
          child.namespace,
          child.name,
          tokenKubeconfig(child.kubeconfig!.server, token),
        ),
      );

    rotate('first');
    expect(await env.k0rdent.authStrategy.getCredential(cluster, {})).toEqual({
      type: 'bearer token',
      token: 'first',
    });
    rotate('second');
    // Within the TTL the Secret is not read again.
    expect(await env.k0rdent.authStrategy.getCredential(cluster, {})).toEqual({
      type: 'bearer token',
      token: 'first',
    });
    const rotated = await eventually(
      () => env.k0rdent.authStrategy.getCredential(cluster, {}),
      c => c.type === 'bearer token' && c.token === 'second',
      5000,
    );
    expect(rotated).toEqual({ type: 'bearer token', token: 'second' });

    expect(env.k0rdent.kubeconfigs.holdsCredential(location)).toBe(true);
    const dropped = await eventually(
      () => env.k0rdent.kubeconfigs.holdsCredential(location),
      held => !held,
      5000,
    );
    expect(dropped).toBe(false);
    // The cluster stays listed: its endpoint is not secret and is kept.
    expect(
      (await env.k0rdent.supplier.getClusters({ credentials })).map(
        c => c.name,
      ),
    ).toContain(cluster.name);
  });

  it('are kept past the TTL while the management cluster does not answer, and dropped once it does', async () => {
    const [cluster] = await env.k0rdent.supplier.getClusters({ credentials });
    const location = locationFromAuthMetadata(cluster.authMetadata)!;
    const credential = await env.k0rdent.authStrategy.getCredential(
      cluster,
      {},
    );

    await duringOutage(env.sim, env.fleet, async () => {
      // Longer than the TTL and a sweep.
      await new Promise(resolve => setTimeout(resolve, 2500));
      expect(env.k0rdent.kubeconfigs.holdsCredential(location)).toBe(true);
      expect(await env.k0rdent.authStrategy.getCredential(cluster, {})).toEqual(
        credential,
      );
    });
    const dropped = await eventually(
      () => env.k0rdent.kubeconfigs.holdsCredential(location),
      held => !held,
      5000,
    );
    expect(dropped).toBe(false);
  });
});

describe('a new cluster', () => {
  const env = useSimulatedModule({ provisioningMillis: 1500 });

  it('appears once it is Ready, with its kubeconfig', async () => {
    const cache = env.fleet.get('demo');
    // A template and credential pair the webhook accepts, and whose clusters
    // get their kubeconfig on this management cluster: a listed cluster's.
    const existing = simulatedChildren(env.sim).find(
      c => c.phase === 'Ready' && c.kubeconfig,
    )!;
    const model = cache.get(
      'ClusterDeployment',
      existing.namespace,
      existing.name,
    )!;
    const namespace = model.metadata.namespace!;
    const { template, credential, config } = model.spec as any;
    const phases: string[] = [];
    const name = 'payments-aws-new';
    const listed = async () =>
      (await env.k0rdent.supplier.getClusters({ credentials })).find(
        c => c.name === `demo_clusterd_${namespace}_${name}`,
      );
    const stopWatching = cache.subscribe(event => {
      if (event.object.metadata.name === name) {
        phases.push(clusterPhase(event.object as any));
      }
    });

    await env.fleet.client('demo').apply(
      {
        apiVersion: 'k0rdent.mirantis.com/v1beta1',
        kind: 'ClusterDeployment',
        metadata: { name, namespace },
        spec: { template, credential, config },
      },
      { fieldManager: 'kubernetes-module-test' },
    );
    expect(await listed()).toBeUndefined();

    const cluster = await eventually(listed, c => c !== undefined, 30_000);
    stopWatching();
    const child = simulatedChildren(env.sim).find(c => c.name === name)!;
    expect(child.phase).toBe('Ready');
    expect(phases).toContain('Provisioning');
    expect(cluster).toMatchObject({
      url: child.kubeconfig!.server,
      caData: child.kubeconfig!.caData,
    });
  });
});
