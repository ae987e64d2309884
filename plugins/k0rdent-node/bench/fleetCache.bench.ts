/*
 * Fleet cache benchmark against the simulated management cluster, in-process.
 *
 *   cd plugins/k0rdent-node
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/fleetCache.bench.ts
 *
 * Environment: BENCH_CLUSTERS (default 10000), BENCH_UPDATES (default 10000).
 *
 * Prints: time to the initial sync of the ClusterDeployments through the cache,
 * watch event throughput and latency for status updates written to the store as
 * fast as it takes them, a relist after 410 with nothing changed, and memory.
 * The simulator runs in the same process, so the CPU is shared between server
 * and client: the figures are a lower bound for the cache alone.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import {
  MemoryObjectStore,
  startApiServer,
} from '@k0rdent-backstage/k0rdent-sim';
import { findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import { kubeConfigForToken } from '../src/config/ConnectionResolver';
import { ClientNodeTransport } from '../src/kubernetes/transport';
import { FleetCache, stripManagedFields } from '../src/fleet/FleetCache';
import { DEFAULT_FLEET_INDEXES } from '../src/fleet/indexes';
import { ObjectIndex } from '../src/fleet/ObjectIndex';
import { KubeObject } from '../src/types';

v8.setFlagsFromString('--expose-gc');
const gc: () => void = vm.runInNewContext('gc');

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10_000);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10_000);
const NAMESPACES = 20;
const TOKEN = 'bench-token';

const verbose = Boolean(process.env.BENCH_DEBUG);
const silentLogger: any = {
  info() {},
  warn(message: string) {
    if (verbose) process.stderr.write(`warn: ${message}\n`);
  },
  error(message: string) {
    process.stderr.write(`error: ${message}\n`);
  },
  debug(message: string) {
    if (verbose) process.stderr.write(`debug: ${message}\n`);
  },
  child() {
    return silentLogger;
  },
};

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function memory() {
  gc();
  gc();
  return process.memoryUsage();
}

function clusterDeployment(i: number): KubeObject {
  const namespace = `team-${i % NAMESPACES}`;
  const now = '2026-08-21T10:00:00Z';
  const condition = (type: string, reason = 'Succeeded', message = '') => ({
    type,
    status: 'True',
    reason,
    message,
    lastTransitionTime: now,
    observedGeneration: 1,
  });
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name: `cluster-${String(i).padStart(5, '0')}`,
      namespace,
      labels: {
        'k0rdent.mirantis.com/kof-tenant-id': `tenant-${i % 50}`,
        'k0rdent.mirantis.com/kof-cluster-role': 'child',
        env: i % 3 === 0 ? 'prod' : 'dev',
      },
      annotations: {
        'backstage.io/owner': `group:default/team-${i % NAMESPACES}`,
      },
    },
    spec: {
      template:
        i % 2 ? 'aws-standalone-cp-1-0-43' : 'azure-standalone-cp-1-0-41',
      credential: i % 2 ? 'aws-cred' : 'azure-cred',
      config: {
        region: 'eu-west-1',
        controlPlaneNumber: 3,
        workersNumber: 2 + (i % 5),
        controlPlane: { instanceType: 't3.large' },
        worker: { instanceType: 't3.xlarge' },
        k0s: { version: 'v1.36.3+k0s.2' },
      },
      serviceSpec: {
        services: [
          {
            name: 'cert-manager',
            namespace: 'cert-manager',
            template: 'cert-manager-1-21-1',
          },
          {
            name: 'ingress-nginx',
            namespace: 'ingress-nginx',
            template: 'ingress-nginx-4-15-1',
          },
        ],
      },
    },
    status: {
      observedGeneration: 1,
      region: '',
      availableUpgrades: ['aws-standalone-cp-1-0-44'],
      conditions: [
        condition('CredentialReady'),
        condition('TemplateReady'),
        condition('HelmChartReady'),
        condition(
          'HelmReleaseReady',
          'InstallSucceeded',
          'Helm install succeeded for release',
        ),
        condition('CAPIClusterSummary'),
        condition('ServicesInReadyState', 'Succeeded', '2/2'),
        condition('Ready', 'Succeeded', 'Object is ready'),
      ],
      services: [
        {
          name: 'cert-manager',
          namespace: 'cert-manager',
          template: 'cert-manager-1-21-1',
          version: '1.21.1',
          type: 'Helm',
          state: 'Deployed',
          lastStateTransitionTime: now,
        },
        {
          name: 'ingress-nginx',
          namespace: 'ingress-nginx',
          template: 'ingress-nginx-4-15-1',
          version: '4.15.1',
          type: 'Helm',
          state: 'Deployed',
          lastStateTransitionTime: now,
        },
      ],
    },
  };
}

async function main() {
  console.log(
    `Fleet cache benchmark: ${CLUSTERS} ClusterDeployments, ${UPDATES} status updates (Node ${process.version})`,
  );

  // ---- the simulator, seeded through its store ----
  const store = new MemoryObjectStore({
    historySize: UPDATES + CLUSTERS + 1000,
  });
  for (let n = 0; n < NAMESPACES; n++) {
    store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `team-${n}` },
    });
  }
  const seedStart = performance.now();
  for (let i = 0; i < CLUSTERS; i++) store.create(clusterDeployment(i));
  const sampleSize = Buffer.byteLength(
    JSON.stringify(
      store.get({
        kind: 'ClusterDeployment',
        namespace: 'team-1',
        name: 'cluster-00001',
      }),
    ),
  );
  console.log(
    `  seeded the simulator in ${(performance.now() - seedStart).toFixed(
      0,
    )} ms (one object ≈ ${(sampleSize / 1024).toFixed(
      1,
    )} KiB of JSON with managedFields)`,
  );
  const server = await startApiServer({ store, token: TOKEN });
  const kubeConfig = kubeConfigForToken({
    name: 'bench',
    url: server.url,
    token: TOKEN,
  });

  // Warm the simulator up with one full list, so that what it caches for
  // serving lists is not counted as the fleet cache's memory below.
  const warmup = new ClientNodeTransport(kubeConfig);
  let cont: string | undefined;
  do {
    cont = (
      await warmup.list(findKind('ClusterDeployment')!, {
        limit: 500,
        continue: cont,
      })
    ).continue;
  } while (cont);

  // ---- initial sync ----
  const before = memory();
  const cache = FleetCache.create({
    name: 'bench',
    kubeConfig,
    logger: silentLogger,
  });
  let received = 0;
  let onEvent: (object: KubeObject) => void = () => {};
  cache.subscribe(event => {
    received++;
    onEvent(event.object);
  });
  const syncStart = performance.now();
  cache.start();
  await cache.waitForSync({ timeoutMs: 120_000 });
  const syncMs = performance.now() - syncStart;
  const synced = cache.count('ClusterDeployment');
  const kinds = cache.kinds().length;
  console.log('');
  console.log(`Initial sync`);
  console.log(
    `  ${synced} ClusterDeployments (+ ${
      kinds - 1
    } other, empty kinds) listed in pages of 500 and indexed: ${syncMs.toFixed(
      0,
    )} ms (${((synced / syncMs) * 1000).toFixed(
      0,
    )} objects/s), ${received} added events`,
  );

  const afterSync = memory();
  const heapDelta = afterSync.heapUsed - before.heapUsed;
  const rssDelta = afterSync.rss - before.rss;

  // Wait until every watch is open.
  for (;;) {
    const states = Object.values(cache.health().kinds).map(k => k.state);
    if (states.every(s => s === 'watching')) break;
    await new Promise(r => setTimeout(r, 10));
  }

  // ---- watch throughput ----
  const writtenAt = new Float64Array(UPDATES);
  const latencies: number[] = [];
  let seen = 0;
  let lastEventAt = 0;
  let resolveAll!: () => void;
  const allSeen = new Promise<void>(r => {
    resolveAll = r;
  });
  onEvent = object => {
    const seq = (object.status as any)?.benchSeq;
    if (typeof seq === 'number') {
      latencies.push(performance.now() - writtenAt[seq]);
      seen++;
      lastEventAt = performance.now();
      if (seen === UPDATES) resolveAll();
    }
  };
  const writeStart = performance.now();
  const BATCH = 500;
  for (let i = 0; i < UPDATES; i += BATCH) {
    for (let j = i; j < Math.min(UPDATES, i + BATCH); j++) {
      const k = j % CLUSTERS;
      writtenAt[j] = performance.now();
      store.updateStatus(
        {
          kind: 'ClusterDeployment',
          namespace: `team-${k % NAMESPACES}`,
          name: `cluster-${String(k).padStart(5, '0')}`,
        },
        status => ({ ...status, benchSeq: j }),
      );
    }
    // Let the server write and the cache read between batches.
    await new Promise(r => setImmediate(r));
  }
  const writeMs = performance.now() - writeStart;
  let giveUp: NodeJS.Timeout | undefined;
  await Promise.race([
    allSeen,
    new Promise(r => {
      giveUp = setTimeout(r, 120_000);
    }),
  ]);
  clearTimeout(giveUp);
  const throughputMs = lastEventAt - writeStart;
  latencies.sort((a, b) => a - b);
  console.log('');
  console.log('Watch event throughput');
  console.log(
    `  ${UPDATES} status updates written in ${writeMs.toFixed(0)} ms (${(
      (UPDATES / writeMs) *
      1000
    ).toFixed(0)} writes/s, store + server serialization)`,
  );
  console.log(
    `  ${seen}/${UPDATES} modified events applied in the cache after ${throughputMs.toFixed(
      0,
    )} ms: ${((seen / throughputMs) * 1000).toFixed(0)} events/s`,
  );
  console.log(
    `  write-to-cache latency at saturation: p50 ${percentile(
      latencies,
      50,
    ).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(
      1,
    )} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[
      latencies.length - 1
    ]?.toFixed(1)} ms`,
  );

  // ---- latency at a steady rate below saturation ----
  const RATE = 500; // updates per second
  const PACED = Math.min(1000, CLUSTERS);
  const pacedAt = new Float64Array(PACED);
  const pacedLatencies: number[] = [];
  let pacedSeen = 0;
  let resolvePaced!: () => void;
  const allPaced = new Promise<void>(r => {
    resolvePaced = r;
  });
  onEvent = object => {
    const seq = (object.status as any)?.pacedSeq;
    if (typeof seq === 'number') {
      pacedLatencies.push(performance.now() - pacedAt[seq]);
      if (++pacedSeen === PACED) resolvePaced();
    }
  };
  const pacedStart = performance.now();
  for (let j = 0; j < PACED; j++) {
    const due = pacedStart + (j * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(r => setTimeout(r, wait));
    pacedAt[j] = performance.now();
    store.updateStatus(
      {
        kind: 'ClusterDeployment',
        namespace: `team-${j % NAMESPACES}`,
        name: `cluster-${String(j).padStart(5, '0')}`,
      },
      status => ({ ...status, pacedSeq: j }),
    );
  }
  let pacedGiveUp: NodeJS.Timeout | undefined;
  await Promise.race([
    allPaced,
    new Promise(r => {
      pacedGiveUp = setTimeout(r, 60_000);
    }),
  ]);
  clearTimeout(pacedGiveUp);
  pacedLatencies.sort((a, b) => a - b);
  console.log(
    `  at a steady ${RATE} updates/s (${pacedSeen}/${PACED} events): write-to-cache latency p50 ${percentile(
      pacedLatencies,
      50,
    ).toFixed(1)} ms, p95 ${percentile(pacedLatencies, 95).toFixed(
      1,
    )} ms, p99 ${percentile(pacedLatencies, 99).toFixed(1)} ms`,
  );

  // ---- relist after 410 with nothing changed ----
  onEvent = () => {};
  const eventsBefore = received;
  const listedBefore = cache
    .health()
    .kinds.ClusterDeployment.lastListAt!.getTime();
  const relistStart = performance.now();
  server.faults.dropWatches('reset');
  // A write the cache does not watch, so every watched resourceVersion is older
  // than the compaction point (a watch from the newest one would still be valid).
  store.create({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'bench-bump' },
  });
  server.faults.compact();
  for (;;) {
    const k = cache.health().kinds.ClusterDeployment;
    if ((k.lastListAt?.getTime() ?? 0) > listedBefore && k.state === 'watching')
      break;
    await new Promise(r => setTimeout(r, 5));
  }
  console.log('');
  console.log(
    'Relist after 410 Gone (watches cut, history compacted, nothing changed)',
  );
  console.log(
    `  ${cache.count(
      'ClusterDeployment',
    )} ClusterDeployments relisted and diffed in ${(
      performance.now() - relistStart
    ).toFixed(0)} ms, ${received - eventsBefore} change events emitted`,
  );

  // ---- the cache's own share: decode + store + index + emit, no I/O ----
  const lines = store
    .list('ClusterDeployment')
    .slice(0, Math.min(CLUSTERS, 10_000))
    .map(o =>
      JSON.stringify({
        type: 'MODIFIED',
        object: {
          ...o,
          metadata: { ...o.metadata, resourceVersion: `x${o.metadata.name}` },
        },
      }),
    );
  const index = new ObjectIndex([...DEFAULT_FLEET_INDEXES]);
  index.replace('ClusterDeployment', store.list('ClusterDeployment'));
  let emitted = 0;
  const cpuStart = performance.now();
  for (const line of lines) {
    const event = JSON.parse(line);
    const change = index.upsert(
      'ClusterDeployment',
      stripManagedFields(event.object),
    );
    if (change) emitted++;
  }
  const cpuMs = performance.now() - cpuStart;
  console.log('');
  console.log(
    'Cache-side cost per watch event (JSON decode, store, 5 indexes; no I/O, no simulator)',
  );
  console.log(
    `  ${emitted} events in ${cpuMs.toFixed(0)} ms: ${(
      (cpuMs / emitted) *
      1000
    ).toFixed(1)} µs/event, ${((emitted / cpuMs) * 1000).toFixed(
      0,
    )} events/s on one core`,
  );

  // ---- memory ----
  const per10k = (bytes: number) => mb((bytes / Math.max(1, synced)) * 10_000);
  console.log('');
  console.log(
    'Memory of the cache (GC forced before each reading; simulator warmed up before)',
  );
  console.log(
    `  after the initial sync: heapUsed +${mb(heapDelta)} (${per10k(
      heapDelta,
    )} per 10k ClusterDeployments, ${(
      heapDelta /
      Math.max(1, synced) /
      1024
    ).toFixed(2)} KiB per object), RSS +${mb(rssDelta)}`,
  );
  await cache.stop();

  await server.close();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
