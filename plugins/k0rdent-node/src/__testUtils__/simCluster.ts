/*
 * The simulated management cluster for integration tests: the simulator's API
 * server over HTTP on loopback, with its store and fault injector, plus helpers to
 * stop and restart it on the same port and to hide kinds (as if their CRDs were
 * not installed).
 */
import http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ApiServer,
  MemoryObjectStore,
  ValidateFunction,
  startApiServer,
} from '@k0rdent-backstage/k0rdent-sim';
import { kubeConfigForToken } from '../config/ConnectionResolver';
import { KubeObject } from '../types';

export const SIM_TOKEN = 'sim-test-token';
export const SIM_READONLY_TOKEN = 'sim-readonly-token';

export interface SimCluster {
  store: MemoryObjectStore;
  server: ApiServer;
  /** The URL clients use: the API server, or the filtering proxy in front of it. */
  url: string;
  kubeConfig(token?: string): KubeConfig;
  /** Stops the API server (the store stays). */
  stop(): Promise<void>;
  /** Starts the API server again on the same port, with the same store. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface SimClusterOptions {
  /** Kinds answered with 404, as if their CRDs were not installed. */
  hiddenPlurals?: string[];
  bookmarkIntervalMillis?: number;
  /** Schema validation of API writes (422 with causes). */
  validate?: ValidateFunction;
}

export async function startSimCluster(
  options: SimClusterOptions = {},
): Promise<SimCluster> {
  const store = new MemoryObjectStore();
  store.create(ns('kcm-system'));
  const serverOptions = {
    store,
    token: SIM_TOKEN,
    readOnlyToken: SIM_READONLY_TOKEN,
    validate: options.validate,
    bookmarkIntervalMillis: options.bookmarkIntervalMillis ?? 1000,
  };
  let server = await startApiServer(serverOptions);
  const port = server.port;
  let url = server.url;
  let proxy: http.Server | undefined;
  const proxySockets = new Set<Socket>();

  if (options.hiddenPlurals?.length) {
    const hidden = options.hiddenPlurals;
    proxy = http.createServer((req, res) => {
      if (hidden.some(p => req.url!.split('?')[0].endsWith(`/${p}`))) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            reason: 'NotFound',
            code: 404,
            message: 'the server could not find the requested resource',
          }),
        );
        return;
      }
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        upstreamRes => {
          res.writeHead(upstreamRes.statusCode!, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    });
    proxy.on('connection', s => {
      proxySockets.add(s);
      s.on('close', () => proxySockets.delete(s));
    });
    await new Promise<void>(r => proxy!.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  }

  let running = true;
  const sim: SimCluster = {
    store,
    get server() {
      return server;
    },
    url,
    kubeConfig: (token = SIM_TOKEN) =>
      kubeConfigForToken({ name: 'sim', url, token }),
    async stop() {
      if (!running) return;
      running = false;
      await server.close();
    },
    async restart() {
      if (running) return;
      server = await startApiServer({ ...serverOptions, port });
      running = true;
    },
    async close() {
      await sim.stop();
      if (proxy) {
        proxySockets.forEach(s => s.destroy());
        await new Promise(r => proxy!.close(r));
      }
    },
  };
  return sim;
}

export function ns(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function clusterDeployment(
  name: string,
  options: {
    namespace?: string;
    template?: string;
    credential?: string;
    labels?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind: 'ClusterDeployment',
    metadata: {
      name,
      namespace: options.namespace ?? 'kcm-system',
      ...(options.labels ? { labels: options.labels } : {}),
    },
    spec: {
      template: options.template ?? 'aws-standalone-cp-1-0-43',
      credential: options.credential ?? 'aws-cred',
      config: { region: 'eu-west-1' },
    },
  };
}

export function k0rdentObject(
  kind: string,
  name: string,
  namespace?: string,
  spec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'k0rdent.mirantis.com/v1beta1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
}
