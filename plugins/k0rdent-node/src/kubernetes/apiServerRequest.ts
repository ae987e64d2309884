/*
 * A raw GET to the API server a KubeConfig points at, for what client-node's
 * generated APIs cannot do (streaming watches, the service proxy): the URL and
 * node:http(s) options, authenticated and TLS-configured by client-node
 * (tokens, exec plugins, client certificates, proxies).
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubernetesApiError } from './KubernetesApiError';

/** What {@link prepareApiServerGet} returns. */
export interface ApiServerGet {
  url: URL;
  options: https.RequestOptions;
  /** The agent client-node made for this request; destroy it when done. */
  agent?: http.Agent;
  /** `http` or `https`, by the URL. */
  lib: typeof http | typeof https;
}

/** Prepares `GET <server><path>?<query>` as the current context's user. */
export async function prepareApiServerGet(
  kubeConfig: KubeConfig,
  path: string,
  query: URLSearchParams,
): Promise<ApiServerGet> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw new KubernetesApiError({
      code: 0,
      reason: 'ConfigError',
      message: 'ConfigError: the kubeconfig has no current cluster',
      retryable: false,
    });
  }
  const url = new URL(`${cluster.server.replace(/\/+$/, '')}${path}`);
  url.search = query.toString();
  const options: https.RequestOptions = {
    method: 'GET',
    headers: { Accept: 'application/json' },
  };
  try {
    await kubeConfig.applyToHTTPSOptions(options);
  } catch (e) {
    throw KubernetesApiError.fromError(e);
  }
  return {
    url,
    options,
    agent: options.agent as http.Agent | undefined,
    lib: url.protocol === 'https:' ? https : http,
  };
}
