/*
 * What `k0rdent.managementClusters` and `k0rdent.fleet` read into.
 */

/**
 * A kubeconfig file on disk, optionally with a context other than its current one.
 *
 * @public
 */
export interface KubeconfigConnection {
  type: 'kubeconfig';
  path: string;
  context?: string;
}

/**
 * An API server URL and a bearer token (typically a service account token).
 *
 * @remarks
 * `token` is not enumerable: it does not appear in `JSON.stringify`, in
 * `Object.keys` or in a logger's metadata when the connection object is logged.
 *
 * @public
 */
export interface TokenConnection {
  type: 'token';
  url: string;
  /** The bearer token. Not enumerable. */
  readonly token: string;
  /** Base64-encoded PEM bundle of the CA that signed the server certificate. */
  caData?: string;
  /** Skips TLS verification. Also required for a plain `http://` URL that is not loopback. */
  skipTLSVerify?: boolean;
}

/**
 * The pod's own service account (`KubeConfig.loadFromCluster`), for a Backstage
 * running inside the management cluster.
 *
 * @public
 */
export interface ServiceAccountConnection {
  type: 'serviceAccount';
}

/**
 * The embedded simulated management cluster, started in-process by the backend
 * through an {@link EmbeddedClusterFactory}.
 *
 * @public
 */
export interface EmbeddedConnection {
  type: 'embedded';
  /** What the simulator is seeded with: a demo fleet, or nothing. */
  seed: 'demo' | 'empty';
  /** How many ClusterDeployments the demo seed creates (the simulator's default when absent). */
  clusters?: number;
}

/**
 * How to reach one management cluster.
 *
 * @public
 */
export type ManagementClusterConnection =
  | KubeconfigConnection
  | TokenConnection
  | ServiceAccountConnection
  | EmbeddedConnection;

/**
 * One configured management cluster.
 *
 * @public
 */
export interface ManagementClusterConfig {
  /**
   * Stable id of the management cluster, a DNS label (`[a-z0-9-]`, at most 63
   * characters). Entity names and annotations are derived from it: do not
   * rename a cluster once the catalog knows it.
   */
  name: string;
  /** Human-readable name; defaults to `name`. */
  title: string;
  connection: ManagementClusterConnection;
  /** Where the block sits in the config, e.g. `k0rdent.managementClusters[1]`. */
  configPath: string;
}

/**
 * Settings of the fleet cache, shared by all management clusters.
 *
 * @public
 */
export interface FleetSettings {
  /** The kinds to list and watch. */
  kinds: string[];
  /** First retry delay after an error, in milliseconds. */
  backoffInitialMs: number;
  /** Longest retry delay, in milliseconds. */
  backoffMaxMs: number;
  /** How often a kind the server does not serve (404) is tried again, in milliseconds. */
  missingKindRetryMs: number;
  /** Page size of list requests (`limit`). */
  listPageSize: number;
  /**
   * Upper bound of the server-side watch timeout, in seconds; each watch picks a
   * random value between half of it and all of it, so watches do not all
   * reconnect at once.
   */
  watchTimeoutSeconds: number;
}
