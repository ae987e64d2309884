/*
 * The API server's service proxy
 * (`/api/v1/namespaces/<ns>/services/<name>[:<port>]/proxy/<path>`), backed by
 * in-process handlers instead of pods, so that simulated services (such as KOF's
 * Promxy Prometheus API) can answer through the API server as on a real cluster.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers one proxied request. `path` is what follows `/proxy` (at least '/'),
 * `query` the request's query parameters.
 */
export type ServiceProxyHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
) => void | Promise<void>;

export class ServiceProxyRegistry {
  private readonly handlers = new Map<string, ServiceProxyHandler>();

  /**
   * Serves a service's proxy path; with `port`, only requests naming that port
   * (`name:port`), otherwise any. Returns a function that unregisters it.
   */
  register(
    namespace: string,
    service: string,
    handler: ServiceProxyHandler,
    port?: string | number,
  ): () => void {
    const key = keyOf(namespace, service, port);
    this.handlers.set(key, handler);
    return () => {
      if (this.handlers.get(key) === handler) this.handlers.delete(key);
    };
  }

  /** The handler for a request, preferring a port-specific one. */
  resolve(
    namespace: string,
    service: string,
    port?: string,
  ): ServiceProxyHandler | undefined {
    return (
      (port !== undefined
        ? this.handlers.get(keyOf(namespace, service, port))
        : undefined) ?? this.handlers.get(keyOf(namespace, service))
    );
  }
}

function keyOf(
  namespace: string,
  service: string,
  port?: string | number,
): string {
  return port === undefined
    ? `${namespace}/${service}`
    : `${namespace}/${service}:${port}`;
}
