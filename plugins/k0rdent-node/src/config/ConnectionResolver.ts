/*
 * Turns a configured management cluster into a client-node KubeConfig.
 * The embedded simulator is reached through an injected factory, so this package
 * never imports the simulator at runtime.
 */
import fs from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import {
  EmbeddedConnection,
  KubeconfigConnection,
  ManagementClusterConfig,
  TokenConnection,
} from './types';

/**
 * What an {@link EmbeddedClusterFactory} is asked to start.
 *
 * @public
 */
export interface EmbeddedClusterRequest {
  /** The management cluster's name from config. */
  name: string;
  seed: EmbeddedConnection['seed'];
  clusters?: number;
}

/**
 * Where a started embedded cluster listens, and how to stop it.
 *
 * @public
 */
export interface EmbeddedClusterEndpoint {
  /** Base URL of its Kubernetes API, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Bearer token it accepts. */
  token: string;
  /** Base64-encoded CA bundle when it serves https. */
  caData?: string;
  /** Stops it; called when the fleet stops. */
  close?(): Promise<void>;
}

/**
 * Starts (or returns an already started) embedded simulated management cluster.
 * The backend provides it; this package never imports the simulator itself.
 *
 * @public
 */
export type EmbeddedClusterFactory = (
  request: EmbeddedClusterRequest,
) => Promise<EmbeddedClusterEndpoint>;

/**
 * A management cluster connection, ready to use.
 *
 * @public
 */
export interface ResolvedConnection {
  name: string;
  kubeConfig: KubeConfig;
  /** The API server URL (never carries credentials); for logs and health. */
  server: string;
  /** Releases what the connection holds (stops an embedded simulator). */
  close(): Promise<void>;
}

/**
 * Options of {@link ConnectionResolver}.
 *
 * @public
 */
export interface ConnectionResolverOptions {
  /** Starts the embedded simulator; required only for `embedded` connections. */
  embeddedClusterFactory?: EmbeddedClusterFactory;
  /** Root of the service-account files (tests); defaults to the filesystem root. */
  inClusterPathPrefix?: string;
  /** Environment to read `KUBERNETES_SERVICE_HOST`/`_PORT` from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

const SA_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount';

function fail(key: string, problem: string): never {
  throw new Error(`Invalid config at '${key}': ${problem}`);
}

function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'http:' &&
      ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(u.hostname)
    );
  } catch {
    return false;
  }
}

/**
 * Builds a KubeConfig for an API server URL and a bearer token.
 *
 * @remarks
 * client-node refuses plain http unless `skipTLSVerify` is set, so it is set
 * for `http://` URLs (the reader only lets those through for loopback, or when
 * the config asked for it).
 *
 * @public
 */
export function kubeConfigForToken(options: {
  name: string;
  url: string;
  token: string;
  caData?: string;
  skipTLSVerify?: boolean;
}): KubeConfig {
  const kc = new KubeConfig();
  const isHttp = options.url.startsWith('http://');
  kc.loadFromOptions({
    clusters: [
      {
        name: options.name,
        server: options.url,
        caData: options.caData,
        skipTLSVerify: isHttp ? true : options.skipTLSVerify ?? false,
      },
    ],
    users: [{ name: options.name, token: options.token }],
    contexts: [
      { name: options.name, cluster: options.name, user: options.name },
    ],
    currentContext: options.name,
  });
  return kc;
}

/**
 * Resolves configured management clusters into {@link ResolvedConnection}s.
 *
 * @public
 */
export class ConnectionResolver {
  readonly #options: ConnectionResolverOptions;

  static create(options: ConnectionResolverOptions = {}): ConnectionResolver {
    return new ConnectionResolver(options);
  }

  private constructor(options: ConnectionResolverOptions) {
    this.#options = options;
  }

  /**
   * Resolves one management cluster. Throws an error naming the config key when
   * the connection cannot be built (missing file, unknown context, no factory for
   * an embedded cluster); such errors never quote file contents or tokens.
   */
  async resolve(cluster: ManagementClusterConfig): Promise<ResolvedConnection> {
    const { connection, configPath, name } = cluster;
    switch (connection.type) {
      case 'kubeconfig':
        return this.#fromKubeconfig(name, connection, configPath);
      case 'token':
        return this.#fromToken(name, connection);
      case 'serviceAccount':
        return this.#fromServiceAccount(name, configPath);
      case 'embedded':
        return this.#fromEmbedded(name, connection, configPath);
      default:
        return fail(configPath, 'unsupported connection type');
    }
  }

  #fromKubeconfig(
    name: string,
    connection: KubeconfigConnection,
    configPath: string,
  ): ResolvedConnection {
    const key = `${configPath}.kubeconfig`;
    try {
      fs.accessSync(connection.path, fs.constants.R_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'read error';
      fail(
        `${key}.path`,
        `cannot read kubeconfig file '${connection.path}' (${code})`,
      );
    }
    const kc = new KubeConfig();
    try {
      // Also makes certificate paths relative to the file's directory absolute.
      kc.loadFromFile(connection.path);
    } catch {
      // The parser's message can quote the file; the file can hold credentials.
      fail(
        `${key}.path`,
        `'${connection.path}' is not a valid kubeconfig file`,
      );
    }
    if (connection.context) {
      if (!kc.getContextObject(connection.context)) {
        fail(
          `${key}.context`,
          `context '${connection.context}' is not defined in '${connection.path}'`,
        );
      }
      kc.setCurrentContext(connection.context);
    } else if (!kc.getCurrentContext()) {
      fail(
        `${key}.context`,
        `'${connection.path}' has no current-context; name one with context`,
      );
    }
    const server = kc.getCurrentCluster()?.server;
    if (!server) {
      fail(
        connection.context ? `${key}.context` : `${key}.path`,
        `the context '${kc.getCurrentContext()}' names no cluster with a server`,
      );
    }
    return {
      name,
      kubeConfig: kc,
      server: stripCredentials(server),
      close: async () => {},
    };
  }

  #fromToken(name: string, connection: TokenConnection): ResolvedConnection {
    return {
      name,
      kubeConfig: kubeConfigForToken({
        name,
        url: connection.url,
        token: connection.token,
        caData: connection.caData,
        skipTLSVerify: connection.skipTLSVerify,
      }),
      server: stripCredentials(connection.url),
      close: async () => {},
    };
  }

  #fromServiceAccount(name: string, configPath: string): ResolvedConnection {
    const env = this.#options.env ?? process.env;
    const prefix = this.#options.inClusterPathPrefix ?? '';
    if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) {
      fail(
        `${configPath}.serviceAccount`,
        'KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set; serviceAccount only works inside a Kubernetes pod',
      );
    }
    if (!fs.existsSync(`${prefix}${SA_ROOT}/token`)) {
      fail(
        `${configPath}.serviceAccount`,
        `no service account token at ${SA_ROOT}/token (is automountServiceAccountToken off?)`,
      );
    }
    const kc = new KubeConfig();
    const saved = {
      host: process.env.KUBERNETES_SERVICE_HOST,
      port: process.env.KUBERNETES_SERVICE_PORT,
    };
    // loadFromCluster reads process.env; point it at the given environment.
    process.env.KUBERNETES_SERVICE_HOST = env.KUBERNETES_SERVICE_HOST;
    process.env.KUBERNETES_SERVICE_PORT = env.KUBERNETES_SERVICE_PORT;
    try {
      kc.loadFromCluster(prefix);
    } finally {
      restoreEnv('KUBERNETES_SERVICE_HOST', saved.host);
      restoreEnv('KUBERNETES_SERVICE_PORT', saved.port);
    }
    return {
      name,
      kubeConfig: kc,
      server: kc.getCurrentCluster()!.server,
      close: async () => {},
    };
  }

  async #fromEmbedded(
    name: string,
    connection: EmbeddedConnection,
    configPath: string,
  ): Promise<ResolvedConnection> {
    const factory = this.#options.embeddedClusterFactory;
    if (!factory) {
      fail(
        `${configPath}.embedded`,
        'the embedded simulator is not available in this backend; provide an embedded cluster factory (k0rdentEmbeddedClusterFactoryServiceRef) or connect to a real management cluster',
      );
    }
    const request: EmbeddedClusterRequest = { name, seed: connection.seed };
    if (connection.clusters !== undefined) {
      request.clusters = connection.clusters;
    }
    const endpoint = await factory(request);
    if (!isLoopbackHttp(endpoint.url) && !endpoint.url.startsWith('https://')) {
      throw new Error(
        `The embedded cluster for '${configPath}' returned an unusable URL; expected loopback http or https`,
      );
    }
    let closed = false;
    return {
      name,
      kubeConfig: kubeConfigForToken({
        name,
        url: endpoint.url.replace(/\/+$/, ''),
        token: endpoint.token,
        caData: endpoint.caData,
      }),
      server: stripCredentials(endpoint.url),
      close: async () => {
        if (!closed) {
          closed = true;
          await endpoint.close?.();
        }
      },
    };
  }
}

function restoreEnv(key: string, value: string | undefined) {
  if (value === undefined) {
    delete process.env[key];
  } else {
    process.env[key] = value;
  }
}

/** Drops user info, query and fragment from a URL so it is safe to show. */
export function stripCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return '<invalid url>';
  }
}
