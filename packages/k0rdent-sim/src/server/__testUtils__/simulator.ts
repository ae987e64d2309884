/*
 * Test helpers: a store and API server on a random loopback port, clients for it,
 * small fixtures (a namespace and ClusterDeployments) and raw HTTP access for
 * asserting on Status bodies and headers.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import {
  MemoryObjectStore,
  type MemoryObjectStoreOptions,
} from '../../store/memoryStore';
import type { KubeObject } from '../../store/types';
import {
  startApiServer,
  type ApiServer,
  type ApiServerOptions,
} from '../apiServer';

export const TOKEN = 'admin-test-token';
export const READ_ONLY_TOKEN = 'viewer-test-token';
export const GROUP = 'k0rdent.mirantis.com';
export const VERSION = 'v1beta1';
export const CD_API_VERSION = `${GROUP}/${VERSION}`;
export const NAMESPACE = 'kcm-system';

export interface TestSimulator {
  store: MemoryObjectStore;
  server: ApiServer;
  url: string;
  kubeConfig: KubeConfig;
  readOnlyKubeConfig: KubeConfig;
  core: CoreV1Api;
  custom: CustomObjectsApi;
  objects: KubernetesObjectApi;
  close(): Promise<void>;
}

export function kubeConfigFor(url: string, token: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    { name: 'sim', server: url, skipTLSVerify: true },
    { name: 'user', token },
  );
  return kubeConfig;
}

/** Starts a store and server with the kcm-system namespace. */
export async function startTestSimulator(
  options: Partial<ApiServerOptions> = {},
  storeOptions: MemoryObjectStoreOptions = {},
): Promise<TestSimulator> {
  const store = options.store ?? new MemoryObjectStore(storeOptions);
  store.create(namespace(NAMESPACE));
  const server = await startApiServer({
    token: TOKEN,
    readOnlyToken: READ_ONLY_TOKEN,
    ...options,
    store,
  });
  const kubeConfig = kubeConfigFor(server.url, TOKEN);
  return {
    store,
    server,
    url: server.url,
    kubeConfig,
    readOnlyKubeConfig: kubeConfigFor(server.url, READ_ONLY_TOKEN),
    core: kubeConfig.makeApiClient(CoreV1Api),
    custom: kubeConfig.makeApiClient(CustomObjectsApi),
    objects: KubernetesObjectApi.makeApiClient(kubeConfig),
    close: () => server.close(),
  };
}

export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function clusterDeployment(
  name: string,
  options: {
    namespace?: string;
    labels?: Record<string, string>;
    spec?: Record<string, unknown>;
    finalizers?: string[];
  } = {},
): KubeObject {
  return {
    apiVersion: CD_API_VERSION,
    kind: 'ClusterDeployment',
    metadata: {
      name,
      namespace: options.namespace ?? NAMESPACE,
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.finalizers ? { finalizers: options.finalizers } : {}),
    },
    spec: options.spec ?? {
      template: 'aws-standalone-cp-1-0-0',
      credential: 'aws-cred',
    },
  };
}

/** Path arguments of CustomObjectsApi calls for ClusterDeployments. */
export const CD = {
  group: GROUP,
  version: VERSION,
  plural: 'clusterdeployments',
};

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A plain HTTP request with the admin token unless another (or none) is given. */
export async function rawRequest(
  url: string,
  path: string,
  init: {
    method?: string;
    token?: string | null;
    body?: unknown;
    contentType?: string;
    accept?: string;
  } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? TOKEN : init.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.accept) headers.Accept = init.accept;
  let body: string | undefined;
  if (init.body !== undefined) {
    body =
      typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] = init.contentType ?? 'application/json';
  }
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Polls until the check passes (or throws its last error after the timeout). */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMillis = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The `Status` body of a client-node ApiException (it keeps error bodies as text). */
export function statusOf(error: { body?: unknown }): any {
  return typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
}
