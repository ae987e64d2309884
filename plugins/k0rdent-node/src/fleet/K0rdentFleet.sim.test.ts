/*
 * The whole path from config to a synced fleet and back through a write, against
 * the full simulator (controllers, webhooks, demo seed) served over https with
 * its self-signed certificate, started through the embedded cluster factory.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { startSimulator } from '@k0rdent-backstage/k0rdent-sim';
import { waitFor } from '../__testUtils__/FakeKubeApi';
import { EmbeddedClusterFactory } from '../config/ConnectionResolver';
import { KubeObject } from '../types';
import { K0rdentFleet } from './K0rdentFleet';

describe('K0rdentFleet with the embedded simulator', () => {
  it('syncs the demo fleet over TLS and sees a new cluster through to Ready', async () => {
    const stopped = jest.fn();
    const factory: EmbeddedClusterFactory = async ({ seed, clusters }) => {
      const sim = await startSimulator({
        seed,
        clusters,
        provisioningMillis: 300,
      });
      return {
        url: sim.url,
        token: sim.token,
        caData: Buffer.from(sim.caCertificate).toString('base64'),
        close: async () => {
          stopped();
          await sim.stop();
        },
      };
    };
    const fleet = await K0rdentFleet.fromConfig(
      new ConfigReader({
        k0rdent: {
          managementClusters: [
            { name: 'demo', title: 'Demo', embedded: { seed: 'demo' } },
          ],
        },
      }),
      { logger: mockServices.logger.mock(), embeddedClusterFactory: factory },
    );
    try {
      expect(fleet.clusters()[0].server).toMatch(
        /^https:\/\/127\.0\.0\.1:\d+$/,
      );
      fleet.start();
      await fleet.waitForSync({ timeoutMs: 20_000 });
      const cache = fleet.get('demo');
      await waitFor(() => cache.health().connected, 10_000, 'connected');
      const health = cache.health();
      expect(health.synced).toBe(true);
      expect(
        Object.values(health.kinds).filter(k => k.state === 'missing'),
      ).toEqual([]);
      expect(cache.count('ClusterDeployment')).toBeGreaterThan(0);
      expect(cache.count('ClusterTemplate')).toBeGreaterThan(0);
      expect(cache.list('Management').map(m => m.metadata.name)).toEqual([
        'kcm',
      ]);

      // A template and credential pair the webhook accepts: an existing Ready
      // cluster's, from the cache.
      const existing = cache
        .list('ClusterDeployment')
        .find(cd =>
          ((cd.status as any)?.conditions ?? []).some(
            (c: any) => c.type === 'Ready' && c.status === 'True',
          ),
        )!;
      const namespace = existing.metadata.namespace!;
      const { template, credential } = existing.spec as any;
      const templateObject = cache.get('ClusterTemplate', namespace, template);
      expect((templateObject?.status as any)?.valid).toBe(true);

      const seen: string[] = [];
      cache.subscribe(e => {
        if (e.object.metadata.name === 'node-lib-e2e') seen.push(e.type);
      });
      await fleet.client('demo').apply(
        {
          apiVersion: 'k0rdent.mirantis.com/v1beta1',
          kind: 'ClusterDeployment',
          metadata: { name: 'node-lib-e2e', namespace },
          spec: {
            template,
            credential,
            config: (templateObject?.status as any)?.config ?? {},
          },
        },
        { fieldManager: 'k0rdent-node-test' },
      );
      const ready = await waitFor(
        () => {
          const cd = cache.get<KubeObject>(
            'ClusterDeployment',
            namespace,
            'node-lib-e2e',
          );
          const conditions: any[] = (cd?.status as any)?.conditions ?? [];
          return conditions.some(c => c.type === 'Ready' && c.status === 'True')
            ? cd
            : undefined;
        },
        15_000,
        'the new cluster to become Ready',
      );
      expect(ready.metadata.name).toBe('node-lib-e2e');
      expect(seen[0]).toBe('added');
      expect(seen.slice(1).every(t => t === 'modified')).toBe(true);
    } finally {
      await fleet.stop();
    }
    expect(stopped).toHaveBeenCalledTimes(1);
    // Its own waits allow 20 s to sync, 10 s to connect and 15 s for Ready,
    // which a busy CI machine may need.
  }, 60_000);
});
