import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { K0rdentFleetService } from './fleet/K0rdentFleet';
import {
  k0rdentEmbeddedClusterFactoryServiceRef,
  k0rdentFleetServiceRef,
} from './service';

function capturingPlugin(pluginId: string, seen: K0rdentFleetService[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { fleet: k0rdentFleetServiceRef },
        async init({ fleet }) {
          seen.push(fleet);
        },
      });
    },
  });
}

describe('k0rdentFleetServiceRef', () => {
  it('shares one fleet between plugins and starts the embedded cluster once', async () => {
    // A stand-in API server that answers every list with an empty list.
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url!.includes('watch=true')) {
        res.flushHeaders();
        return;
      }
      res.end(
        JSON.stringify({ metadata: { resourceVersion: '1' }, items: [] }),
      );
    });
    const sockets = new Set<import('node:net').Socket>();
    server.on('connection', s => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = jest.fn(async () => {});
    const factory = jest.fn(async () => ({ url, token: 'sim', close }));

    const seen: K0rdentFleetService[] = [];
    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            k0rdent: {
              managementClusters: [
                { name: 'local', embedded: { seed: 'empty' } },
              ],
              fleet: { kinds: ['ClusterDeployment', 'Region'] },
            },
          },
        }),
        createServiceFactory({
          service: k0rdentEmbeddedClusterFactoryServiceRef,
          deps: {},
          factory: () => factory,
        }),
        capturingPlugin('one', seen),
        capturingPlugin('two', seen),
      ],
    });

    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith({ name: 'local', seed: 'empty' });
    const fleet = seen[0];
    expect(fleet.clusters()).toEqual([
      { name: 'local', title: 'local', server: url },
    ]);
    await fleet.waitForSync({ timeoutMs: 5000 });
    expect(fleet.health()[0]).toMatchObject({ name: 'local', synced: true });
    expect(() => fleet.get('other')).toThrow(
      "No management cluster named 'other' is configured",
    );

    await backend.stop();
    expect(close).toHaveBeenCalledTimes(1);
    expect(fleet.health()[0].connected).toBe(false);
    sockets.forEach(s => s.destroy());
    await new Promise(r => server.close(r));
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          mockServices.rootConfig.factory({
            data: {
              k0rdent: {
                managementClusters: [
                  { name: 'x', url: 'ftp://nope', token: 't' },
                ],
              },
            },
          }),
          capturingPlugin('one', []),
        ],
      }),
    ).rejects.toThrow(
      "Invalid config at 'k0rdent.managementClusters[0].url': must be an absolute http(s) URL",
    );
  });

  it('explains embedded without a factory', async () => {
    await expect(
      startTestBackend({
        features: [
          mockServices.rootConfig.factory({
            data: {
              k0rdent: { managementClusters: { name: 'x', embedded: {} } },
            },
          }),
          capturingPlugin('one', []),
        ],
      }),
    ).rejects.toThrow('the embedded simulator is not available');
  });

  it('gives an empty fleet without config', async () => {
    const seen: K0rdentFleetService[] = [];
    const backend = await startTestBackend({
      features: [capturingPlugin('one', seen)],
    });
    expect(seen[0].clusters()).toEqual([]);
    await expect(seen[0].waitForSync()).resolves.toBeUndefined();
    await backend.stop();
  });
});
