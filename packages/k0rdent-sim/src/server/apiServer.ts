/*
 * The simulator's Kubernetes API server: an HTTP server on loopback that
 * @kubernetes/client-node and kubectl accept as a real one. This file starts it and
 * routes each request (authentication, injected faults, then discovery, OpenAPI,
 * resources, service proxy or the fault endpoint); the handlers live next to it.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import {
  createServer as createTlsServer,
  type Server as TlsServer,
} from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import {
  internalError,
  serviceUnavailable,
  timeout,
  tooManyRequests,
  unknownResource,
} from '../errors';
import { FaultInjector, type FaultDecision } from '../faults/faultInjector';
import type { MemoryObjectStore } from '../store/memoryStore';
import type { AdmissionHook } from '../store/types';
import {
  authenticate,
  authorizePath,
  authorizeResource,
  type AuthOptions,
  type User,
} from './auth';
import type { ServerContext } from './context';
import { isDiscoveryRoute, serveDiscovery } from './discoveryRoutes';
import { delay, sendError } from './http';
import {
  OpenApiDocuments,
  schemaOpenApiSource,
  type OpenApiSchemaProvider,
  type OpenApiSource,
} from './openapi';
import { serveResource } from './resources';
import { parseRoute, resourceVerb, type Route } from './routes';
import { serveFaults } from './faultsRoute';
import { ServiceProxyRegistry } from './serviceProxy';
import type { TlsCredentials } from './selfSignedCertificate';
import type { PrinterColumnsProvider } from './table';
import { WatchHub } from './watch';
import type { ValidateFunction } from './writePipeline';

export interface ApiServerOptions {
  store: MemoryObjectStore;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /**
   * Serve HTTPS with this key and certificate (see `selfSignedCertificate`). kubectl
   * sends bearer tokens only over HTTPS.
   */
  tls?: TlsCredentials;
  /** Bearer token with full access; without any token, requests are not authenticated. */
  token?: string;
  /** Bearer token that may only read (writes get 403). */
  readOnlyToken?: string;
  /** Schema validation run on every API write; returns the causes of a 422. */
  validate?: ValidateFunction;
  /** Simulated admission webhooks, run in order after validation. */
  admission?: AdmissionHook[];
  /** Service proxy handlers; a new, empty registry when omitted. */
  proxies?: ServiceProxyRegistry;
  /** Fault injection; a new injector (on this store) when omitted. */
  faults?: FaultInjector;
  /** OpenAPI v3 schema per kind (from the CRDs); by default any fields are accepted. */
  openApiSchema?: OpenApiSchemaProvider;
  /** Complete OpenAPI documents (the schema module's); takes precedence over `openApiSchema`. */
  openApi?: OpenApiSource;
  /** `kubectl get` columns per kind (CRD additionalPrinterColumns); defaults to Name and Age. */
  printerColumns?: PrinterColumnsProvider;
  /** How often watches that allow bookmarks get one (default 60 s, as the real server). */
  bookmarkIntervalMillis?: number;
  /** The clock for managedFields times and ages. */
  now?: () => Date;
  /** Called with one line per finished request (`GET /api/v1/namespaces 200 3ms`). */
  log?: (line: string) => void;
}

export interface ApiServer {
  /** `http://127.0.0.1:<port>` (https with `tls`) */
  url: string;
  port: number;
  faults: FaultInjector;
  proxies: ServiceProxyRegistry;
  /** Open watch streams (useful in tests). */
  openWatches(): number;
  /** Ends open watches and held requests, then stops listening. */
  close(): Promise<void>;
}

/** Starts the API server; resolves once it listens. */
export async function startApiServer(
  options: ApiServerOptions,
): Promise<ApiServer> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const faults = options.faults ?? new FaultInjector({ store });
  const proxies = options.proxies ?? new ServiceProxyRegistry();
  const hub = new WatchHub(store);
  const context: ServerContext = {
    store,
    hub,
    now,
    printerColumns: options.printerColumns,
    bookmarkIntervalMillis: options.bookmarkIntervalMillis ?? 60_000,
    pipeline: {
      store,
      validate: options.validate,
      admission: options.admission ?? [],
      now,
    },
  };
  const auth: AuthOptions = {
    token: options.token,
    readOnlyToken: options.readOnlyToken,
  };
  const openApi = new OpenApiDocuments(
    options.openApi ?? schemaOpenApiSource(options.openApiSchema),
  );
  const held = new Set<Socket>();
  const stopDropping = faults.onDropWatches(mode => hub.closeAll(mode));

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(error => sendError(res, error));
  };
  const server = options.tls
    ? createTlsServer(
        { key: options.tls.key, cert: options.tls.cert },
        listener,
      )
    : createServer(listener);

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = parseRoute(url.pathname);
    if (options.log) logWhenDone(options.log, req, res);
    try {
      if (route.type === 'health') {
        res
          .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('ok');
        return;
      }
      const user =
        route.type === 'version' ? undefined : authenticate(req, auth);
      const verb =
        route.type === 'resource'
          ? resourceVerb(method, route, url.searchParams)
          : method;
      if (route.type !== 'faults') {
        const decision = faults.takeFault({ verb, method, path: url.pathname });
        if (await applyFault(decision, req, res)) return;
      }
      await dispatch(route, user, verb, req, res, url);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error);
    }
  }

  async function dispatch(
    route: Route,
    user: User | undefined,
    verb: string,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (isDiscoveryRoute(route)) {
      serveDiscovery(route, req, res, openApi);
      return;
    }
    switch (route.type) {
      case 'resource':
        if (user) {
          authorizeResource(
            user,
            verb,
            route.kind,
            route.namespace,
            route.name,
            route.subresource,
          );
        }
        await serveResource(context, {
          req,
          res,
          route,
          query: url.searchParams,
          verb,
        });
        return;
      case 'serviceProxy': {
        const handler = proxies.resolve(
          route.namespace,
          route.service,
          route.port,
        );
        if (!handler) {
          throw serviceUnavailable(
            `no endpoints available for service "${route.service}"`,
          );
        }
        await handler(req, res, route.path, url.searchParams);
        return;
      }
      case 'faults':
        if (user) authorizePath(user, req.method ?? 'GET', url.pathname);
        await serveFaults(req, res, faults);
        return;
      default:
        throw unknownResource();
    }
  }

  /** Carries out an injected fault; true when the request has been dealt with. */
  async function applyFault(
    decision: FaultDecision,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    if (decision.delayMillis > 0) await delay(decision.delayMillis);
    const failure = decision.failure;
    if (!failure) return false;
    switch (failure.status) {
      case 429:
        sendError(res, tooManyRequests(failure.retryAfterSeconds));
        return true;
      case 503: {
        const error = serviceUnavailable(
          'the server is currently unable to handle the request',
        );
        res.setHeader('Retry-After', String(failure.retryAfterSeconds));
        sendError(res, error);
        return true;
      }
      case 504:
        sendError(res, timeout());
        return true;
      case 'timeout': {
        // Never answer; drop the connection after a bounded time so tests end.
        const socket = req.socket;
        held.add(socket);
        const timer = setTimeout(() => socket.destroy(), failure.holdMillis);
        socket.once('close', () => {
          clearTimeout(timer);
          held.delete(socket);
        });
        return true;
      }
      default:
        sendError(res, internalError('simulated failure (fault injection)'));
        return true;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `${options.tls ? 'https' : 'http'}://${
      host.includes(':') ? `[${host}]` : host
    }:${port}`,
    port,
    faults,
    proxies,
    openWatches: () => hub.openStreams,
    close: () => closeServer(server, hub, held, stopDropping),
  };
}

async function closeServer(
  server: Server | TlsServer,
  hub: WatchHub,
  held: Set<Socket>,
  stopDropping: () => void,
): Promise<void> {
  stopDropping();
  hub.stop();
  for (const socket of held) socket.destroy();
  const closed = new Promise<void>(resolve => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

function logWhenDone(
  log: (line: string) => void,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const started = performance.now();
  res.once('close', () => {
    const millis = Math.round(performance.now() - started);
    log(`${req.method} ${req.url} ${res.statusCode} ${millis}ms`);
  });
}
