/*
 * Test helpers: a k0rdent fleet reading simulated management clusters over HTTP,
 * and what the simulator holds, to compare the supplier's answers with.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  selfSignedCertificate,
  type Simulator,
  type TlsCredentials,
} from '@k0rdent-backstage/k0rdent-sim';
import {
  clusterPhase,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { K0rdentFleet } from '@k0rdent-backstage/plugin-k0rdent-node';
import { managementClustersConfig } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import { parse, stringify } from 'yaml';

/** Fast reconnects, so outage tests do not wait for the default back-off. */
export const FAST_FLEET_SETTINGS = {
  backoff: { initialDelay: '100ms', maxDelay: '500ms' },
};

/** `k0rdent.*` config for management clusters served by simulators, by name. */
export function k0rdentConfig(simulators: Record<string, Simulator>) {
  return {
    managementClusters: managementClustersConfig(simulators),
    fleet: FAST_FLEET_SETTINGS,
  };
}

/** A started, synced fleet over the simulators. */
export async function startSimulatedFleet(
  simulators: Record<string, Simulator>,
): Promise<K0rdentFleet> {
  const fleet = await K0rdentFleet.fromConfig(
    new ConfigReader({ k0rdent: k0rdentConfig(simulators) }),
    { logger: mockServices.logger.mock() },
  );
  fleet.start();
  await fleet.waitForSync({ timeoutMs: 30_000 });
  return fleet;
}

/** Polls `read` every 100 ms until `done` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/**
 * Runs `during` while the simulator answers nothing but 503 (from the moment the
 * fleet has noticed), then lets it answer again and waits until the fleet has
 * reconnected.
 */
export async function duringOutage(
  sim: Simulator,
  fleet: K0rdentFleet,
  during: () => Promise<void>,
): Promise<void> {
  const connected = () => fleet.health().every(h => h.connected);
  sim.faults.failNext(1_000_000, { status: 503 });
  sim.faults.dropWatches();
  try {
    if (await eventually(connected, c => !c)) {
      throw new Error('the fleet did not notice the outage');
    }
    await during();
  } finally {
    sim.faults.reset();
  }
  if (!(await eventually(connected, c => c))) {
    throw new Error('the fleet did not reconnect');
  }
}

/** A ClusterDeployment of the simulator and the kubeconfig its Secret holds. */
export interface SimulatedChild {
  namespace: string;
  name: string;
  phase: string;
  /** The parsed kubeconfig of `<name>-kubeconfig`, when that Secret exists. */
  kubeconfig?: {
    server: string;
    caData: string;
    cert?: string;
    key?: string;
    token?: string;
  };
}

/** Every ClusterDeployment of the simulator with its phase and kubeconfig. */
export function simulatedChildren(sim: Simulator): SimulatedChild[] {
  return sim.store.list('ClusterDeployment').map(object => {
    const cd = object as unknown as ClusterDeployment;
    const { namespace = '', name } = cd.metadata;
    const secret = sim.store.get({
      kind: 'Secret',
      namespace,
      name: `${name}-kubeconfig`,
    });
    const child: SimulatedChild = { namespace, name, phase: clusterPhase(cd) };
    const value = (secret as any)?.data?.value as string | undefined;
    if (value) {
      const doc = parse(Buffer.from(value, 'base64').toString('utf8'));
      const user = doc.users[0].user;
      const decode = (data?: string) =>
        data ? { value: Buffer.from(data, 'base64').toString() } : undefined;
      const cert = decode(user['client-certificate-data']);
      const key = decode(user['client-key-data']);
      child.kubeconfig = {
        server: doc.clusters[0].cluster.server,
        caData: doc.clusters[0].cluster['certificate-authority-data'],
        ...(cert ? { cert: cert.value } : {}),
        ...(key ? { key: key.value } : {}),
        ...(user.token ? { token: user.token } : {}),
      };
    }
    return child;
  });
}

/** A kubeconfig Secret (as CAPI writes it) with the given kubeconfig text. */
export function kubeconfigSecret(
  namespace: string,
  clusterName: string,
  kubeconfig: string,
) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `${clusterName}-kubeconfig`, namespace },
    type: 'cluster.x-k8s.io/secret',
    data: { value: Buffer.from(kubeconfig).toString('base64') },
  };
}

/** A kubeconfig for a child cluster at `server` with the given user. */
export function childKubeconfig(options: {
  server: string;
  /** base64 PEM of the CA. */
  caData?: string;
  user: Record<string, string>;
}): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'child',
        cluster: {
          server: options.server,
          'certificate-authority-data':
            options.caData ?? Buffer.from('CA').toString('base64'),
        },
      },
    ],
    contexts: [{ name: 'ctx', context: { cluster: 'child', user: 'admin' } }],
    'current-context': 'ctx',
    users: [{ name: 'admin', user: options.user }],
  });
}

/** A token kubeconfig for a child cluster at `server`. */
export function tokenKubeconfig(server: string, token: string): string {
  return childKubeconfig({ server, user: { token } });
}

/**
 * Gives every cluster's kubeconfig Secret a client certificate and key that
 * load (the simulator writes placeholders that do not), keeping its server and
 * CA, as CAPI would write it. Returns that certificate and key.
 */
export function withLoadableKeys(sim: Simulator): TlsCredentials {
  const tls = selfSignedCertificate({ commonName: 'child-admin' });
  for (const child of simulatedChildren(sim)) {
    if (!child.kubeconfig) continue;
    const kubeconfig = childKubeconfig({
      server: child.kubeconfig.server,
      caData: child.kubeconfig.caData,
      user: {
        'client-certificate-data': Buffer.from(tls.cert).toString('base64'),
        'client-key-data': Buffer.from(tls.key).toString('base64'),
      },
    });
    sim.store.update(kubeconfigSecret(child.namespace, child.name, kubeconfig));
  }
  return tls;
}
