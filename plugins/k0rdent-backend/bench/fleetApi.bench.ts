/*
 * Benchmark of the fleet read API (prints figures; asserts nothing). Run:
 *   cd plugins/k0rdent-backend && yarn bench
 *   BENCH_CLUSTERS=10000 BENCH_REQUESTS=1200 BENCH_CHURN_PER_SECOND=5 yarn bench
 *
 * Three processes, so that only the backend is measured: the simulated
 * management cluster (its CLI) with BENCH_CLUSTERS generated clusters, a
 * backend with the k0rdent plugin on it, and this one, which sends the
 * requests one at a time and times each over HTTP.
 *
 * 1. Latency per route and overall (p50, p95, max) of a realistic mix: first
 *    page sorted by name, pages filtered by status and provider and by tenant,
 *    searches, a page 50 deep, one cluster's page, templates, one template,
 *    credentials, management clusters.
 * 2. The same while clusters change on the management cluster (every change
 *    makes the overview rebuild), at BENCH_CHURN_PER_SECOND changes per second.
 * 3. The cluster routes as a user whose permission decision is conditional
 *    (owner or tenant member), so that the rules run over the fleet.
 * 4. The KOF routes (a cluster's usage and cost, a tenant's cost summary),
 *    answered through the simulator's Promxy, which evaluates the PromQL over
 *    the whole simulated fleet: the figures include that evaluation.
 * 5. Memory above an empty backend: RSS and heap after a full GC of the
 *    k0rdent backend (synced, and after the load) and of a backend with the
 *    same core services and no k0rdent plugin.
 *
 * Goals (DESIGN.md §7): p95 under 100 ms, memory under 300 MB above the
 * empty backend.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  ClusterPage,
  ClusterSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { ChildMessage, ParentMessage } from './benchChild';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_200);
const CHURN_REQUESTS = Number(
  process.env.BENCH_CHURN_REQUESTS ?? Math.round(REQUESTS / 2),
);
const CHURN_PER_SECOND = Number(process.env.BENCH_CHURN_PER_SECOND ?? 5);
const KOF_REQUESTS = Number(process.env.BENCH_KOF_REQUESTS ?? 200);

const print = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sleep = (millis: number) => new Promise(r => setTimeout(r, millis));
const workDir = mkdtempSync(join(tmpdir(), 'k0rdent-fleet-bench-'));
const children: ChildProcess[] = [];

/** A deterministic random source, so that runs send the same mix. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const random = prng(20261206);
const pick = <T>(list: readonly T[]): T =>
  list[Math.floor(random() * list.length)];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

// ---------------------------------------------------------------- processes

/** Starts the simulator CLI; resolves with the kubeconfig it wrote. */
async function startSimulatorProcess(): Promise<string> {
  const kubeconfig = join(workDir, 'sim.kubeconfig');
  const bin = join(
    dirname(require.resolve('@k0rdent-backstage/k0rdent-sim/package.json')),
    'bin',
    'k0rdent-sim',
  );
  const child = spawn(
    process.execPath,
    [
      bin,
      '--port',
      '0',
      '--seed',
      'empty',
      '--clusters',
      String(CLUSTERS),
      '--kubeconfig',
      kubeconfig,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', chunk => {
      output += chunk;
      if (output.includes('kubeconfig:')) resolve();
    });
    child.once('exit', code =>
      reject(new Error(`The simulator exited with ${code}: ${output}`)),
    );
  });
  return kubeconfig;
}

interface BackendProcess {
  baseUrl: string;
  startupMs: number;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

/** Forks a benchmark child (a TypeScript file in this folder) running a backend. */
async function startBackendProcess(
  file: string,
  args: string[] = [],
): Promise<BackendProcess> {
  const child = fork(join(__dirname, file), args, {
    execArgv: [
      '--expose-gc',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  const next = () =>
    new Promise<ChildMessage>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`${file} exited with ${code}`));
      // The CLI's transform sends its own messages (`watch`) over the channel.
      const onMessage = (message: { type?: string }) => {
        if (!['ready', 'memory', 'failed'].includes(message?.type ?? '')) {
          return;
        }
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message as ChildMessage);
      };
      child.once('exit', onExit);
      child.on('message', onMessage);
    });
  const ask = (message: ParentMessage) => child.send(message);

  const ready = await next();
  if (ready.type !== 'ready') {
    throw new Error(
      `${file} did not start: ${
        ready.type === 'failed' ? ready.message : ready.type
      }`,
    );
  }
  return {
    baseUrl: ready.baseUrl,
    startupMs: ready.startupMs,
    async memory() {
      const answer = next();
      ask({ type: 'memory' });
      const message = await answer;
      if (message.type !== 'memory') throw new Error('unexpected answer');
      return message;
    },
    async stop() {
      const exited = new Promise(resolve => child.once('exit', resolve));
      ask({ type: 'stop' });
      await exited;
    },
  };
}

// ------------------------------------------------------------------- client

/** The user the policy of the benchmark backend gives conditional decisions. */
const CONDITIONAL_USER = 'user:default/bench-owner';

async function timedGet(
  baseUrl: string,
  path: string,
  user?: string,
): Promise<{ millis: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${mockCredentials.user.token(user)}` },
  });
  const body = await response.text();
  return { millis: performance.now() - started, status: response.status, body };
}

async function getJson<T>(
  baseUrl: string,
  path: string,
  user?: string,
): Promise<T> {
  const { status, body } = await timedGet(baseUrl, path, user);
  if (status !== 200) throw new Error(`GET ${path}: ${status} ${body}`);
  return JSON.parse(body) as T;
}

/** The simulator's API, to change clusters while the backend is measured. */
function simulatorClient(kubeconfigPath: string) {
  const kubeconfig = parse(readFileSync(kubeconfigPath, 'utf8'));
  const server = new URL(kubeconfig.clusters[0].cluster.server);
  const ca = Buffer.from(
    kubeconfig.clusters[0].cluster['certificate-authority-data'],
    'base64',
  ).toString();
  const token: string = kubeconfig.users[0].user.token;
  return {
    /** Sets a label on a ClusterDeployment (a merge patch). */
    label(cluster: ClusterSummary, value: string): Promise<void> {
      const body = JSON.stringify({
        metadata: { labels: { 'bench.k0rdent.io/churn': value } },
      });
      return new Promise((resolve, reject) => {
        const req = httpsRequest(
          {
            host: server.hostname,
            port: server.port,
            method: 'PATCH',
            path: `/apis/k0rdent.mirantis.com/v1beta1/namespaces/${cluster.namespace}/clusterdeployments/${cluster.name}`,
            ca,
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/merge-patch+json',
            },
          },
          res => {
            res.resume();
            res.on('end', () =>
              res.statusCode === 200
                ? resolve()
                : reject(new Error(`PATCH answered ${res.statusCode}`)),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
  };
}

/** Every cluster `user` may read, page by page (not measured). */
async function allClusters(
  baseUrl: string,
  total: number,
  user?: string,
): Promise<ClusterSummary[]> {
  const clusters: ClusterSummary[] = [];
  for (let offset = 0; offset < total; offset += 500) {
    const page = await getJson<ClusterPage>(
      baseUrl,
      `/clusters?limit=500&offset=${offset}`,
      user,
    );
    clusters.push(...page.items);
  }
  return clusters;
}

// -------------------------------------------------------------- the mix

interface Route {
  name: string;
  weight: number;
  path(): string;
}

function requestMix(
  clusters: ClusterSummary[],
  facets: ClusterPage['facets'],
): Route[] {
  const tenants = (facets.tenant ?? []).map(f => f.value);
  const providers = (facets.provider ?? []).map(f => f.value);
  const deepOffset = 50 * 49;
  return [
    {
      name: 'clusters: first page by name',
      weight: 3,
      path: () => '/clusters?sort=name&limit=50',
    },
    {
      name: 'clusters: status + provider',
      weight: 2,
      path: () =>
        `/clusters?status=Ready&status=Failed&provider=${pick(
          providers,
        )}&sort=name`,
    },
    {
      name: 'clusters: tenant, by creation',
      weight: 2,
      path: () =>
        `/clusters?tenant=${encodeURIComponent(
          pick(tenants),
        )}&sort=createdAt&order=desc`,
    },
    {
      name: 'clusters: search q',
      weight: 2,
      path: () => `/clusters?q=${pick(clusters).name.slice(0, 9)}`,
    },
    {
      name: 'clusters: page 50 deep',
      weight: 1,
      path: () => `/clusters?offset=${deepOffset}&limit=50&sort=template`,
    },
    {
      name: 'cluster details',
      weight: 2,
      path: () => {
        const c = pick(clusters);
        return `/clusters/${c.managementCluster}/${c.namespace}/${c.name}`;
      },
    },
    { name: 'templates', weight: 1, path: () => '/templates?kind=cluster' },
    {
      name: 'template details',
      weight: 1,
      path: () => '/templates/sim/cluster/kcm-system/aws-standalone-cp-1-0-43',
    },
    { name: 'credentials', weight: 1, path: () => '/credentials' },
    {
      name: 'management clusters',
      weight: 1,
      path: () => '/management-clusters',
    },
  ];
}

/** Usage and cost from KOF, for random clusters and tenants. */
function kofMix(
  clusters: ClusterSummary[],
  facets: ClusterPage['facets'],
): Route[] {
  const tenants = (facets.tenant ?? []).map(f => f.value);
  const clusterPath = () => {
    const c = pick(clusters);
    return `/clusters/${c.managementCluster}/${c.namespace}/${c.name}`;
  };
  return [
    {
      name: 'cluster usage (6h window)',
      weight: 2,
      path: () => `${clusterPath()}/metrics?window=6h`,
    },
    { name: 'cluster cost', weight: 2, path: () => `${clusterPath()}/cost` },
    {
      name: 'cost summary of a tenant',
      weight: 1,
      path: () => `/cost?tenant=${encodeURIComponent(pick(tenants))}`,
    },
  ];
}

/** Sends `count` requests of the mix one after another; returns latencies by route. */
async function run(
  baseUrl: string,
  routes: Route[],
  count: number,
  user?: string,
): Promise<Map<string, number[]>> {
  const deck = routes.flatMap(
    route => Array(route.weight).fill(route) as Route[],
  );
  const latencies = new Map<string, number[]>(routes.map(r => [r.name, []]));
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const route = pick(deck);
    const { millis, status, body } = await timedGet(
      baseUrl,
      route.path(),
      user,
    );
    if (status !== 200) {
      failures += 1;
      if (failures <= 3)
        print(`  ! ${route.name}: ${status} ${body.slice(0, 200)}`);
      continue;
    }
    latencies.get(route.name)!.push(millis);
  }
  if (failures > 0) print(`  ! ${failures} requests failed`);
  return latencies;
}

function report(
  title: string,
  latencies: Map<string, number[]>,
  options: { goal?: boolean } = {},
) {
  print(title);
  const rows: string[][] = [['route', 'n', 'p50', 'p95', 'max']];
  const all: number[] = [];
  for (const [name, values] of latencies) {
    if (values.length === 0) continue;
    all.push(...values);
    rows.push([
      name,
      String(values.length),
      ms(percentile(values, 50)),
      ms(percentile(values, 95)),
      ms(Math.max(...values)),
    ]);
  }
  rows.push([
    'overall',
    String(all.length),
    ms(percentile(all, 50)),
    ms(percentile(all, 95)),
    ms(Math.max(...all)),
  ]);
  const widths = rows[0].map((_, col) =>
    Math.max(...rows.map(r => r[col].length)),
  );
  for (const row of rows) {
    print(
      `  ${row
        .map((cell, col) =>
          col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]),
        )
        .join('  ')}`,
    );
  }
  if (options.goal ?? true) {
    print(
      `  p95 overall ${ms(percentile(all, 95))} (goal < 100 ms): ${
        percentile(all, 95) < 100 ? 'met' : 'NOT met'
      }`,
    );
  }
  print();
}

// --------------------------------------------------------------------- main

async function main() {
  print(`Fleet API benchmark: ${CLUSTERS} clusters, ${REQUESTS} requests`);
  let started = Date.now();
  const kubeconfig = await startSimulatorProcess();
  print(
    `simulator (own process) up after ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s`,
  );

  started = Date.now();
  const backend = await startBackendProcess('k0rdentBackendChild.ts', [
    kubeconfig,
  ]);
  print(
    `backend with the k0rdent plugin (own process) started and synced after ${(
      backend.startupMs / 1000
    ).toFixed(1)} s`,
  );
  const synced = await backend.memory();

  const cold = await timedGet(backend.baseUrl, '/clusters?limit=50');
  const first = JSON.parse(cold.body) as ClusterPage;
  print(
    `first fleet page after sync (builds the overview): ${ms(cold.millis)}; ${
      first.totalItems
    } clusters`,
  );
  const clusters = await allClusters(backend.baseUrl, first.totalItems);
  const routes = requestMix(clusters, first.facets);
  await run(backend.baseUrl, routes, 50); // warm-up, not counted
  print();

  report(
    `1. ${REQUESTS} requests, one at a time, fleet at rest`,
    await run(backend.baseUrl, routes, REQUESTS),
  );

  const sim = simulatorClient(kubeconfig);
  let changes = 0;
  let churning = true;
  const churn = (async () => {
    while (churning) {
      await sim.label(pick(clusters), String(changes++));
      await sleep(1000 / CHURN_PER_SECOND);
    }
  })();
  const churnStarted = Date.now();
  const underChurn = await run(backend.baseUrl, routes, CHURN_REQUESTS);
  churning = false;
  await churn;
  report(
    `2. ${CHURN_REQUESTS} requests while clusters change (${changes} changes in ${(
      (Date.now() - churnStarted) /
      1000
    ).toFixed(1)} s)`,
    underChurn,
  );

  const visible = await getJson<ClusterPage>(
    backend.baseUrl,
    '/clusters?limit=0',
    CONDITIONAL_USER,
  );
  const visibleClusters = await allClusters(
    backend.baseUrl,
    visible.totalItems,
    CONDITIONAL_USER,
  );
  const conditional = await run(
    backend.baseUrl,
    requestMix(visibleClusters, visible.facets).filter(r =>
      r.name.startsWith('cluster'),
    ),
    CHURN_REQUESTS,
    CONDITIONAL_USER,
  );
  report(
    `3. ${CHURN_REQUESTS} cluster requests as a user whose reads are conditional (owner or tenant member: ${visible.totalItems} of ${first.totalItems} clusters visible), fleet at rest`,
    conditional,
  );

  report(
    `4. ${KOF_REQUESTS} KOF requests (through the simulator's Promxy; answers reused for 30 s, most are for another cluster)`,
    await run(backend.baseUrl, kofMix(clusters, first.facets), KOF_REQUESTS),
    { goal: false },
  );

  const loaded = await backend.memory();
  await backend.stop();
  const empty = await startBackendProcess('emptyBackendChild.ts');
  const baseline = await empty.memory();
  await empty.stop();

  print('5. Memory after a full GC (each backend in its own process)');
  print(
    `  empty backend (same core services):  RSS ${mb(baseline.rss)}, heap ${mb(
      baseline.heapUsed,
    )}`,
  );
  print(
    `  k0rdent backend, synced:             RSS ${mb(synced.rss)}, heap ${mb(
      synced.heapUsed,
    )}`,
  );
  print(
    `  k0rdent backend, after the requests: RSS ${mb(loaded.rss)}, heap ${mb(
      loaded.heapUsed,
    )}`,
  );
  const delta = Math.max(synced.rss, loaded.rss) - baseline.rss;
  print(
    `  above the empty backend: RSS +${mb(delta)}, heap +${mb(
      Math.max(synced.heapUsed, loaded.heapUsed) - baseline.heapUsed,
    )} (goal < 300 MB): ${delta < 300 * 1024 * 1024 ? 'met' : 'NOT met'}`,
  );
}

function cleanUp() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGTERM');
  }
  rmSync(workDir, { recursive: true, force: true });
}

main().then(
  () => {
    cleanUp();
    process.exit(0);
  },
  error => {
    process.stderr.write(`benchmark failed: ${error?.stack ?? error}\n`);
    cleanUp();
    process.exit(1);
  },
);
