/*
 * List and watch for the fleet cache.
 *
 * Lists go through client-node's CustomObjectsApi (KubernetesObjectApi for core
 * kinds). Watches are a small streaming GET on node:http(s), authenticated and
 * TLS-configured by client-node's KubeConfig (applyToHTTPSOptions, so tokens,
 * exec plugins, client certificates and proxies work as with client-node).
 * client-node's own `Watch` is not used because it cannot be aborted before the
 * response headers arrive (its connect timeout is overwritten), it drops the
 * `Status` body of a failed watch request, it ignores undecodable lines, and it
 * has no idle timeout on plain http connections.
 */
import type http from 'node:http';
import {
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import {
  KindInfo,
  apiVersionOf,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { KubeObject } from '../types';
import { prepareApiServerGet } from './apiServerRequest';
import { KubernetesApiError } from './KubernetesApiError';
import { resourcePath } from './paths';
import { requestOptions, withTimeout } from './requestOptions';

/**
 * One page of a list.
 *
 * @public
 */
export interface FleetTransportListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
}

/**
 * One line of a watch stream.
 *
 * @public
 */
export interface FleetTransportWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

/**
 * An open watch.
 *
 * @public
 */
export interface FleetTransportWatch {
  /** Resolves when the server ends the stream; rejects with a KubernetesApiError on failure. */
  done: Promise<void>;
  /** Closes the stream; `done` then resolves. */
  abort(): void;
}

/**
 * Options of {@link FleetTransport.list}.
 *
 * @public
 */
export interface FleetTransportListOptions {
  limit?: number;
  continue?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Options of {@link FleetTransport.watch}.
 *
 * @public
 */
export interface FleetTransportWatchOptions {
  resourceVersion: string;
  timeoutSeconds: number;
  onEvent(event: FleetTransportWatchEvent): void;
  /** Time allowed until the response headers arrive. */
  connectTimeoutMs?: number;
  /** Time allowed without any data on an open stream. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * What the fleet cache needs from a Kubernetes API server. The default is
 * {@link ClientNodeTransport}; tests can pass an in-memory one.
 *
 * @public
 */
export interface FleetTransport {
  list(
    kind: KindInfo,
    options: FleetTransportListOptions,
  ): Promise<FleetTransportListPage>;
  /** Opens a watch; resolves once the server accepted it (HTTP 200). */
  watch(
    kind: KindInfo,
    options: FleetTransportWatchOptions,
  ): Promise<FleetTransportWatch>;
}

const DEFAULT_LIST_TIMEOUT_MS = 60_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODY = 64 * 1024;

/**
 * The production {@link FleetTransport}: lists with client-node's
 * CustomObjectsApi, watches with a streaming GET authenticated by the KubeConfig.
 *
 * @public
 */
export class ClientNodeTransport implements FleetTransport {
  readonly #kc: KubeConfig;
  readonly #customObjects: CustomObjectsApi;
  #objects?: KubernetesObjectApi;

  constructor(kubeConfig: KubeConfig) {
    this.#kc = kubeConfig;
    this.#customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  async list(
    kind: KindInfo,
    options: FleetTransportListOptions,
  ): Promise<FleetTransportListPage> {
    const outcome = await withTimeout(
      options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS,
      options.signal,
      signal => {
        if (kind.group) {
          return this.#customObjects.listClusterCustomObject(
            {
              group: kind.group,
              version: kind.version,
              plural: kind.plural,
              limit: options.limit,
              _continue: options.continue,
            },
            requestOptions({ signal }),
          );
        }
        this.#objects ??= KubernetesObjectApi.makeApiClient(this.#kc);
        return this.#objects.list(
          apiVersionOf(kind),
          kind.kind,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          options.limit,
          options.continue,
        );
      },
    );
    if (outcome.timedOut) {
      throw new KubernetesApiError({
        code: 0,
        reason: 'Timeout',
        message: 'Timeout: the list request did not complete in time',
        retryable: true,
      });
    }
    if (outcome.error !== undefined) {
      throw KubernetesApiError.fromError(outcome.error);
    }
    const result: any = outcome.result;
    if (!result || typeof result !== 'object' || !Array.isArray(result.items)) {
      throw new KubernetesApiError({
        code: 0,
        reason: 'ProtocolError',
        message: 'ProtocolError: the list response has no items',
      });
    }
    const apiVersion = apiVersionOf(kind);
    const items = result.items as KubeObject[];
    for (const item of items) {
      // List items may omit apiVersion/kind (the list carries them).
      if (!item.apiVersion) item.apiVersion = apiVersion;
      if (!item.kind) item.kind = kind.kind;
    }
    return {
      items,
      resourceVersion: String(result.metadata?.resourceVersion ?? ''),
      continue: result.metadata?.continue || undefined,
    };
  }

  async watch(
    kind: KindInfo,
    options: FleetTransportWatchOptions,
  ): Promise<FleetTransportWatch> {
    const query = new URLSearchParams({
      watch: 'true',
      allowWatchBookmarks: 'true',
    });
    if (options.resourceVersion) {
      query.set('resourceVersion', options.resourceVersion);
    }
    query.set('timeoutSeconds', String(options.timeoutSeconds));
    const {
      url,
      options: httpOptions,
      agent,
      lib,
    } = await prepareApiServerGet(this.#kc, resourcePath(kind), query);
    const connectTimeoutMs =
      options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const idleTimeoutMs =
      options.idleTimeoutMs ?? (options.timeoutSeconds + 30) * 1000;

    return new Promise<FleetTransportWatch>((resolveOpen, rejectOpen) => {
      let opened = false;
      let finished = false;
      let aborted = false;
      let resolveDone: () => void = () => {};
      let rejectDone: (e: unknown) => void = () => {};
      const done = new Promise<void>((res, rej) => {
        resolveDone = res;
        rejectDone = rej;
      });
      // Callers attach handlers late; avoid unhandled rejections in between.
      done.catch(() => {});

      let timer: NodeJS.Timeout | undefined;
      const request: { current?: http.ClientRequest } = {};

      function finish(error?: unknown) {
        if (finished) return;
        finished = true;
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        request.current?.destroy();
        agent?.destroy?.();
        // KubernetesApiErrors (also those thrown by onEvent) pass through as they are.
        const err =
          error && !aborted ? KubernetesApiError.fromError(error) : undefined;
        if (!opened) {
          opened = true;
          if (err) {
            rejectOpen(err);
          } else {
            // Aborted before the server answered: an empty, finished watch.
            resolveOpen({ done, abort: () => {} });
            resolveDone();
          }
          return;
        }
        if (err) {
          rejectDone(err);
        } else {
          resolveDone();
        }
      }

      function onAbort() {
        aborted = true;
        finish();
      }

      const arm = (ms: number, why: string) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          finish(
            new KubernetesApiError({
              code: 0,
              reason: 'Timeout',
              message: `Timeout: ${why}`,
              retryable: true,
            }),
          );
        }, ms);
        timer.unref?.();
      };

      const req = lib.request(url, httpOptions, res => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size < MAX_ERROR_BODY) {
              chunks.push(chunk);
              size += chunk.length;
            }
          });
          res.on('end', () => {
            finish(
              KubernetesApiError.fromResponse(
                status,
                Buffer.concat(chunks).toString('utf8'),
                res.headers as Record<string, string>,
              ),
            );
          });
          res.on('error', finish);
          return;
        }
        opened = true;
        arm(idleTimeoutMs, 'the watch stream went silent');
        resolveOpen({ done, abort: onAbort });
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          if (finished) return;
          arm(idleTimeoutMs, 'the watch stream went silent');
          buffer += chunk;
          let nl = buffer.indexOf('\n');
          while (nl >= 0) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (line) {
              let event: FleetTransportWatchEvent;
              try {
                event = JSON.parse(line);
              } catch {
                finish(
                  new KubernetesApiError({
                    code: 0,
                    reason: 'ProtocolError',
                    message: 'ProtocolError: undecodable watch event',
                    retryable: true,
                  }),
                );
                return;
              }
              try {
                options.onEvent(event);
              } catch (e) {
                finish(e);
                return;
              }
              if (finished) return;
            }
            nl = buffer.indexOf('\n');
          }
        });
        res.on('end', () => finish());
        res.on('aborted', () =>
          finish(
            new KubernetesApiError({
              code: 0,
              reason: 'ConnectionError',
              message:
                'ConnectionError: the API server closed the watch connection',
              retryable: true,
            }),
          ),
        );
        res.on('error', finish);
      });
      request.current = req;
      req.on('error', finish);
      if (options.signal) {
        if (options.signal.aborted) {
          onAbort();
          return;
        }
        options.signal.addEventListener('abort', onAbort, { once: true });
      }
      arm(connectTimeoutMs, 'the API server did not answer the watch request');
      req.end();
    });
  }
}
