/*
 * Benchmark (prints figures; asserts nothing). Run:
 *   yarn workspace @k0rdent-backstage/plugin-catalog-backend-module-k0rdent bench
 *   BENCH_CLUSTERS=10000 yarn workspace ... bench
 *
 * 1. Time until N clusters (and their templates, credentials, tenants) are in the
 *    catalog from our provider, against a simulated management cluster.
 * 2. Time the catalog needs for the very same entities from a file location, in a
 *    fresh backend; and the ratio.
 * 3. Latency from a label change on the management cluster to the updated entity
 *    in the catalog API (p50/p95).
 * 4. Memory of the process after ingestion.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { startSimulator } from '@k0rdent-backstage/k0rdent-sim';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import { readK0rdentCatalogConfig } from '../src/config';
import {
  startCatalogOnSimulator,
  TEST_CATALOG_CONFIG,
} from '../src/__testUtils__/catalogBackend';
import { transformSnapshot, type FleetSnapshot } from '../src/transform';
import { ConfigReader } from '@backstage/config';

const N = Number(process.env.BENCH_CLUSTERS ?? 1000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const CLUSTERS = 'kind=resource,spec.type=kubernetes-cluster';
const print = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function count(baseUrl: string, filter: string): Promise<number> {
  const res = await fetch(
    `${baseUrl}/api/catalog/entities/by-query?filter=${filter}&limit=1`,
  );
  return res.ok ? ((await res.json()) as any).totalItems : 0;
}

async function waitForCount(baseUrl: string, filter: string, n: number) {
  while ((await count(baseUrl, filter)) < n) {
    await sleep(250);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

// A benchmark prints figures; it has nothing to assert.
// eslint-disable-next-line jest/expect-expect
it(
  `ingests ${N} clusters`,
  async () => {
    const simulator = await startSimulator({ seed: 'empty', clusters: N });
    const total = simulator.store.list('ClusterDeployment').length;
    print(`clusters on the management cluster: ${total}`);
    const rssBefore = process.memoryUsage().rss;

    // 1. Our provider.
    let started = Date.now();
    const providerBackend = await startCatalogOnSimulator(simulator);
    const providerUrl = providerBackend.baseUrl;
    await waitForCount(providerUrl, CLUSTERS, total);
    const providerSeconds = (Date.now() - started) / 1000;
    const entityCount = await count(providerUrl, 'kind=resource');
    print(
      `provider: ${total} clusters (${entityCount} Resource entities in all) in the catalog after ${providerSeconds.toFixed(
        1,
      )} s`,
    );
    const rssAfter = process.memoryUsage().rss;

    // 3. Change → entity latency.
    const latencies: number[] = [];
    const clusterNames = simulator.store
      .list('ClusterDeployment')
      .slice(0, CHANGES);
    for (const [i, cd] of clusterNames.entries()) {
      const object = simulator.store.get({
        kind: 'ClusterDeployment',
        namespace: cd.metadata.namespace,
        name: cd.metadata.name,
      })!;
      const value = `change-${i}`;
      const changedAt = Date.now();
      simulator.store.update({
        ...object,
        metadata: {
          ...object.metadata,
          resourceVersion: undefined,
          labels: {
            ...object.metadata.labels,
            'k0rdent.mirantis.com/kof-tenant-id': value,
          },
        },
      });
      while (
        (await count(
          providerUrl,
          `${CLUSTERS},metadata.labels.backstage.k0rdent.io/tenant=${value}`,
        )) < 1
      ) {
        await sleep(50);
      }
      latencies.push(Date.now() - changedAt);
      await sleep(200);
    }
    print(
      `change → entity: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(
        latencies,
        95,
      )} ms over ${latencies.length} changes`,
    );
    print(
      `process RSS: ${mb(rssBefore)} before the backend, ${mb(
        rssAfter,
      )} after ingestion (simulator and backend in one process)`,
    );

    // 2. The same entities from a file location.
    const snapshot: FleetSnapshot = {
      managementCluster: { name: 'sim' },
      list: kind => simulator.store.list(kind),
      get: (kind, namespace, name) =>
        simulator.store.get({ kind, namespace, name }),
    };
    const entities = transformSnapshot(
      snapshot,
      readK0rdentCatalogConfig(
        new ConfigReader({ catalog: TEST_CATALOG_CONFIG }),
      ),
    ).map(entity => {
      const annotations = { ...entity.metadata.annotations };
      delete annotations['backstage.io/managed-by-location'];
      delete annotations['backstage.io/managed-by-origin-location'];
      return { ...entity, metadata: { ...entity.metadata, annotations } };
    });
    await providerBackend.stop();
    const dir = mkdtempSync(join(tmpdir(), 'k0rdent-bench-'));
    const file = join(dir, 'entities.yaml');
    writeFileSync(file, entities.map(e => stringify(e)).join('---\n'));

    started = Date.now();
    const fileBackend = await startTestBackend({
      features: [
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Resource', 'System', 'Domain', 'Location'] }],
              locations: [{ type: 'file', target: file }],
            },
          },
        }),
      ],
    });
    const fileUrl = `http://localhost:${
      (fileBackend.server.address() as AddressInfo).port
    }`;
    await waitForCount(fileUrl, CLUSTERS, total);
    const fileSeconds = (Date.now() - started) / 1000;
    print(
      `file location: the same ${
        entities.length
      } entities, ${total} clusters in the catalog after ${fileSeconds.toFixed(
        1,
      )} s`,
    );
    print(
      `ratio provider / file: ${(providerSeconds / fileSeconds).toFixed(
        2,
      )} (goal ≤ 1.25)`,
    );
    await fileBackend.stop();
    await simulator.stop();
  },
  60 * 60 * 1000,
);
