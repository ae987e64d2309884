/*
 * GET requests to a Service of the management cluster through the API server's
 * service proxy (`/api/v1/namespaces/<ns>/services/<name>:<port>/proxy/<path>`),
 * the way `kubectl get --raw` reaches them: authenticated and TLS-configured by
 * client-node's KubeConfig, so the backend needs no address or credential of
 * the service itself (KOF's Promxy has no authentication of its own).
 *
 * client-node's generated `connectGetNamespacedServiceProxyWithPath` is not
 * used: it percent-encodes the slashes of the proxied path and has no way to
 * pass the proxied request's query string.
 */
import type http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { prepareApiServerGet } from './apiServerRequest';
import { KubernetesApiError } from './KubernetesApiError';

/**
 * A Service reached through the API server's proxy.
 *
 * @public
 */
export interface ServiceProxyTarget {
  namespace: string;
  name: string;
  /** Port name or number; default the Service's only port. */
  port?: string | number;
  /** `https` when the Service serves TLS; default `http`. */
  scheme?: 'http' | 'https';
}

/**
 * The proxied service's answer, whatever its status: the caller knows the
 * service's error format. Errors of the API server itself (no endpoints,
 * forbidden, …) are thrown as {@link KubernetesApiError}s instead.
 *
 * @public
 */
export interface ServiceProxyResponse {
  status: number;
  contentType?: string;
  body: string;
}

/**
 * Options of {@link K0rdentKubernetesClient.getThroughServiceProxy}.
 *
 * @public
 */
export interface ServiceProxyRequestOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
  /** Fails with a Timeout error after this long; default 30 s. */
  timeoutMs?: number;
  /** Fails when the body is larger; default 16 MiB. */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** The API server path of a Service's proxy, with `path` appended as it is. */
export function serviceProxyPath(
  target: ServiceProxyTarget,
  path: string,
): string {
  const scheme = target.scheme === 'https' ? 'https:' : '';
  const port = target.port === undefined ? '' : `:${target.port}`;
  const service = encodeURIComponent(`${scheme}${target.name}${port}`);
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `/api/v1/namespaces/${encodeURIComponent(
    target.namespace,
  )}/services/${service}/proxy${rest}`;
}

/** True when `body` is a Kubernetes `Status` object (the API server's own error). */
function isKubernetesStatus(body: string): boolean {
  try {
    const parsed = JSON.parse(body);
    return parsed?.kind === 'Status' && parsed?.apiVersion === 'v1';
  } catch {
    return false;
  }
}

/** GETs `path?query` of a Service through the API server `kubeConfig` points at. */
export async function getThroughServiceProxy(
  kubeConfig: KubeConfig,
  target: ServiceProxyTarget,
  path: string,
  query: URLSearchParams,
  options: ServiceProxyRequestOptions = {},
): Promise<ServiceProxyResponse> {
  const {
    url,
    options: httpOptions,
    agent,
    lib,
  } = await prepareApiServerGet(
    kubeConfig,
    serviceProxyPath(target, path),
    query,
  );
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  return new Promise<ServiceProxyResponse>((resolve, reject) => {
    let settled = false;
    // Set below; the handlers above them only run after.
    const pending: { request?: http.ClientRequest; timer?: NodeJS.Timeout } =
      {};

    function settle(error: unknown, response?: ServiceProxyResponse) {
      if (settled) return;
      settled = true;
      clearTimeout(pending.timer);
      options.signal?.removeEventListener('abort', onAbort);
      pending.request?.destroy();
      agent?.destroy?.();
      if (response) resolve(response);
      else reject(KubernetesApiError.fromError(error));
    }

    function onAbort() {
      settle(
        new KubernetesApiError({
          code: 0,
          reason: 'Aborted',
          message: 'Aborted: the request was cancelled',
          retryable: false,
        }),
      );
    }

    pending.timer = setTimeout(() => {
      settle(
        new KubernetesApiError({
          code: 0,
          reason: 'Timeout',
          message: `Timeout: no answer from service ${target.namespace}/${target.name} within ${timeoutMs} ms`,
          retryable: true,
        }),
      );
    }, timeoutMs);

    const request = lib.request(url, httpOptions, res => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          settle(
            new KubernetesApiError({
              code: 0,
              reason: 'ProtocolError',
              message: `ProtocolError: the answer of service ${target.namespace}/${target.name} is larger than ${maxBytes} bytes`,
              retryable: false,
            }),
          );
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString('utf8');
        if (status >= 400 && isKubernetesStatus(body)) {
          settle(
            KubernetesApiError.fromResponse(
              status,
              body,
              res.headers as Record<string, string>,
            ),
          );
          return;
        }
        const contentType = res.headers['content-type'];
        settle(undefined, {
          status,
          body,
          ...(contentType ? { contentType } : {}),
        });
      });
      res.on('error', settle);
    });
    pending.request = request;
    request.on('error', settle);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    request.end();
  });
}
