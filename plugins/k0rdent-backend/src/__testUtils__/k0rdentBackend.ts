/*
 * Test and benchmark helper: a backend running the k0rdent plugin against
 * simulated management clusters over HTTPS, as it would run against real ones,
 * and an HTTP client for its API that signs requests as a given user.
 */
import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { JsonObject, JsonValue } from '@backstage/config';
import type { Simulator } from '@k0rdent-backstage/k0rdent-sim';
import { managementClustersConfig } from '@k0rdent-backstage/plugin-k0rdent-node/testUtils';
import type { Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import { k0rdentPlugin } from '../plugin';

/** Ownership the tests use (tenant `payments` → group payments). */
export const TEST_BACKEND_OWNERSHIP = {
  tenants: { payments: 'group:default/payments' },
  namespaces: { 'team-ml': 'group:default/ml' },
  default: 'group:default/platform',
};

/** Options of {@link startK0rdentBackend}. */
export interface K0rdentBackendOptions {
  /** The management clusters by name, each a running simulator. */
  simulators: Record<
    string,
    Pick<Simulator, 'url' | 'token' | 'caCertificate'>
  >;
  /**
   * More features: a permission policy or `mockServices.permissions.mock(…).factory`,
   * other plugins or modules, service factory overrides.
   */
  features?: BackendFeature[];
  /** Merged over the generated config (objects key by key, anything else replaced). */
  config?: JsonObject;
  /** The database every plugin gets (e.g. from `TestDatabases`); default SQLite in memory. */
  database?: Knex;
  /** The feature under test; default the k0rdent plugin. */
  plugin?: BackendFeature;
  /** Resolve only once every management cluster is synced (default true). */
  waitForSync?: boolean;
}

/** A running backend with the k0rdent plugin. */
export interface K0rdentTestBackend {
  /** `http://localhost:<port>/api/k0rdent` */
  baseUrl: string;
  /**
   * Calls the plugin's API at `path` (e.g. `/clusters?status=Ready`) as `user`
   * (an entity ref; default `user:default/mock`).
   */
  request(
    path: string,
    init?: RequestInit & { user?: string },
  ): Promise<Response>;
  /** GETs `path` and returns the JSON body; throws with the body unless the status is 200. */
  get<T = any>(path: string, user?: string): Promise<T>;
  /** Resolves once every management cluster reports synced. */
  waitForSync(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `override` over `base`: objects merged key by key, anything else replaced. */
export function mergeConfig(
  base: JsonObject,
  override: JsonObject,
): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] =
      isObject(current) && isObject(value)
        ? mergeConfig(current, value)
        : value;
  }
  return merged;
}

/** The config of a backend on these simulators. */
export function k0rdentTestConfig(
  simulators: K0rdentBackendOptions['simulators'],
): JsonObject {
  return {
    k0rdent: { managementClusters: managementClustersConfig(simulators) },
    catalog: { providers: { k0rdent: { ownership: TEST_BACKEND_OWNERSHIP } } },
  };
}

/** Starts a backend with the k0rdent plugin on the given simulators. */
export async function startK0rdentBackend(
  options: K0rdentBackendOptions,
): Promise<K0rdentTestBackend> {
  const config = mergeConfig(
    k0rdentTestConfig(options.simulators),
    options.config ?? {},
  );
  const backend = await startTestBackend({
    features: [
      options.plugin ?? k0rdentPlugin,
      mockServices.rootConfig.factory({ data: config }),
      ...(options.database
        ? [mockServices.database.factory({ knex: options.database })]
        : []),
      ...(options.features ?? []),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/k0rdent`;

  const request: K0rdentTestBackend['request'] = (path, init = {}) => {
    const { user, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('Authorization', `Bearer ${mockCredentials.user.token(user)}`);
    return fetch(`${baseUrl}${path}`, { ...rest, headers });
  };

  const get: K0rdentTestBackend['get'] = async (path, user) => {
    const response = await request(path, { user });
    const body = await response.text();
    if (response.status !== 200) {
      throw new Error(`GET ${path} answered ${response.status}: ${body}`);
    }
    return JSON.parse(body);
  };

  const waitForSync: K0rdentTestBackend['waitForSync'] = async (
    timeoutMs = 60_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { items } = await get<{ items: Array<{ synced: boolean }> }>(
        '/management-clusters',
      );
      if (items.every(item => item.synced)) return;
      if (Date.now() > deadline) {
        throw new Error(`The fleet did not sync within ${timeoutMs} ms`);
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  };

  if (options.waitForSync ?? true) await waitForSync();
  return { baseUrl, request, get, waitForSync, stop: () => backend.stop() };
}
