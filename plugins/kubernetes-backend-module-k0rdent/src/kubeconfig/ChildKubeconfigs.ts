/*
 * The kubeconfigs of the child clusters, read on demand from their Secrets on the
 * management cluster and kept in memory only as long as needed:
 *
 * - the endpoint (server URL and CA; nothing secret) of every listed cluster, so
 *   the cluster list is served from memory; re-read now and then;
 * - the credential (token or client key) only after a read that asked for it, and
 *   only for `credentialTtlMs`; a credential older than that is read again before
 *   use. While the management cluster does not answer, the last credential is kept
 *   and used, so the child clusters stay usable through a management cluster outage.
 *
 * Nothing read from a Secret is ever logged or put into an error message.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubernetesCredential } from '@backstage/plugin-kubernetes-node';
import type { KubeObject } from '@k0rdent-backstage/plugin-k0rdent-node';
import {
  ChildEndpoint,
  ChildKubeconfigError,
  parseChildKubeconfig,
} from './parseChildKubeconfig';

/** The ClusterDeployment a child cluster belongs to. */
export interface ChildClusterLocation {
  managementCluster: string;
  namespace: string;
  /** The ClusterDeployment's name. */
  name: string;
  /** The ClusterDeployment's uid: a recreated cluster is read afresh. */
  uid?: string;
}

/** The Secret CAPI writes with a cluster's kubeconfig: `<cluster>-kubeconfig`. */
export function kubeconfigSecretName(clusterName: string): string {
  return `${clusterName}-kubeconfig`;
}

/** The key of the kubeconfig in that Secret. */
export const KUBECONFIG_SECRET_KEY = 'value';

/** Options of {@link ChildKubeconfigs}. */
export interface ChildKubeconfigsOptions {
  /** Reads a Secret from a management cluster; undefined when it does not exist. */
  readSecret(
    managementCluster: string,
    namespace: string,
    name: string,
  ): Promise<KubeObject | undefined>;
  /** False while the management cluster is known not to answer. */
  isReachable(managementCluster: string): boolean;
  logger: LoggerService;
  /** How long a credential is used before its Secret is read again (default 60 s). */
  credentialTtlMs?: number;
  /** How often a listed cluster's endpoint is read again (default 10 min). */
  endpointRefreshMs?: number;
  /**
   * How long to wait before reading a missing or unusable kubeconfig again
   * (default 30 s), doubling with each failure up to `endpointRefreshMs`.
   */
  retryMs?: number;
  /** Secret reads at once (default 8). */
  concurrency?: number;
  /** Longest wait for one Secret read (default 10 s). */
  readTimeoutMs?: number;
  now?: () => number;
}

interface Failure {
  message: string;
  /** The Secret is missing or its kubeconfig unusable (as opposed to: could not ask). */
  final: boolean;
  at: number;
  /** Failed reads in a row. */
  count?: number;
}

interface Entry {
  uid?: string;
  endpoint?: ChildEndpoint;
  endpointAt?: number;
  credential?: KubernetesCredential;
  credentialAt?: number;
  failure?: Failure;
  /** The message last logged, so a lasting problem is logged once. */
  logged?: string;
  inflight?: Promise<void>;
  inflightKeepsCredential?: boolean;
}

/** What the cluster list may show of a cluster right now. */
export interface ListableState {
  endpoint?: ChildEndpoint;
  /** Set while a first read is under way; resolves when it is done (never rejects). */
  pending?: Promise<void>;
}

/** A credential and the endpoint it belongs to. */
export interface ChildCredential {
  credential: KubernetesCredential;
  endpoint: ChildEndpoint;
}

function keyOf(location: ChildClusterLocation): string {
  return `${location.managementCluster}/${location.namespace}/${location.name}`;
}

/** How messages name a cluster: `'<namespace>/<name>' on management cluster '<mc>'`. */
export function describeLocation(location: ChildClusterLocation): string {
  return `'${location.namespace}/${location.name}' on management cluster '${location.managementCluster}'`;
}

/** A small FIFO limit on concurrent work. */
class Limiter {
  #active = 0;
  readonly #queue: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#active >= this.max) {
      await new Promise<void>(resolve => this.#queue.push(resolve));
    }
    this.#active += 1;
    try {
      return await fn();
    } finally {
      this.#active -= 1;
      this.#queue.shift()?.();
    }
  }
}

/** The child clusters' kubeconfigs; see the file comment. */
export class ChildKubeconfigs {
  readonly #entries = new Map<string, Entry>();
  readonly #options: ChildKubeconfigsOptions;
  readonly #limiter: Limiter;
  readonly #credentialTtlMs: number;
  readonly #endpointRefreshMs: number;
  readonly #retryMs: number;
  readonly #readTimeoutMs: number;
  readonly #now: () => number;
  #sweeper?: NodeJS.Timeout;

  constructor(options: ChildKubeconfigsOptions) {
    this.#options = options;
    this.#credentialTtlMs = options.credentialTtlMs ?? 60_000;
    this.#endpointRefreshMs = options.endpointRefreshMs ?? 600_000;
    this.#retryMs = options.retryMs ?? 30_000;
    this.#readTimeoutMs = options.readTimeoutMs ?? 10_000;
    this.#limiter = new Limiter(options.concurrency ?? 8);
    this.#now = options.now ?? Date.now;
  }

  /** Starts dropping expired credentials from memory. */
  start(): void {
    if (this.#sweeper) return;
    this.#sweeper = setInterval(
      () => this.sweep(),
      Math.max(1000, Math.min(this.#credentialTtlMs, 30_000)),
    );
    this.#sweeper.unref();
  }

  /** Stops the sweeper and forgets everything. */
  stop(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = undefined;
    this.#entries.clear();
  }

  /**
   * Drops credentials older than the TTL, except those of management clusters
   * that do not answer right now (they are what keeps the children usable).
   */
  sweep(): void {
    const now = this.#now();
    const reachable = new Map<string, boolean>();
    for (const [key, entry] of this.#entries) {
      if (!entry.credential) continue;
      if (now - (entry.credentialAt ?? 0) < this.#credentialTtlMs) continue;
      const managementCluster = key.slice(0, key.indexOf('/'));
      if (!reachable.has(managementCluster)) {
        reachable.set(
          managementCluster,
          this.#options.isReachable(managementCluster),
        );
      }
      if (reachable.get(managementCluster)) {
        delete entry.credential;
        delete entry.credentialAt;
      }
    }
  }

  /** The endpoint last read for a cluster, without any I/O. */
  endpoint(location: ChildClusterLocation): ChildEndpoint | undefined {
    return this.#entry(location, false)?.endpoint;
  }

  /** Whether a credential of the cluster is held in memory (tests, diagnostics). */
  holdsCredential(location: ChildClusterLocation): boolean {
    return Boolean(this.#entry(location, false)?.credential);
  }

  /**
   * What the cluster list may show of a cluster. Starts a read when there is no
   * endpoint yet (unless a recent read found nothing usable) and refreshes an
   * old endpoint in the background.
   */
  listable(location: ChildClusterLocation): ListableState {
    const entry = this.#entry(location, true)!;
    const now = this.#now();
    if (entry.endpoint) {
      if (
        !entry.inflight &&
        now - (entry.endpointAt ?? 0) >= this.#endpointRefreshMs
      ) {
        this.#refresh(location, entry, false);
      }
      return { endpoint: entry.endpoint };
    }
    if (entry.inflight) return { pending: entry.inflight };
    if (entry.failure && now - entry.failure.at < this.#retryDelay(entry)) {
      return {};
    }
    return { pending: this.#refresh(location, entry, false) };
  }

  /**
   * The credential of a cluster: the one in memory while younger than the TTL,
   * else read from the Secret. When the read fails because the management
   * cluster does not answer, the last credential (if any) is used. Throws an
   * error that says why otherwise (never with anything from the Secret).
   */
  async credential(location: ChildClusterLocation): Promise<ChildCredential> {
    const entry = this.#entry(location, true)!;
    const fresh = () =>
      entry.credential &&
      entry.endpoint &&
      this.#now() - (entry.credentialAt ?? 0) < this.#credentialTtlMs;
    if (fresh()) {
      return { credential: entry.credential!, endpoint: entry.endpoint! };
    }
    const reachable = this.#options.isReachable(location.managementCluster);
    if (!reachable && entry.credential && entry.endpoint) {
      // Known to be down: do not wait for a read that cannot succeed.
      return { credential: entry.credential, endpoint: entry.endpoint };
    }
    await this.#refresh(location, entry, true);
    if (fresh()) {
      return { credential: entry.credential!, endpoint: entry.endpoint! };
    }
    const failure = entry.failure;
    if (failure && !failure.final && entry.credential && entry.endpoint) {
      return { credential: entry.credential, endpoint: entry.endpoint };
    }
    throw new Error(
      `Cannot use the kubeconfig of k0rdent cluster ${describeLocation(
        location,
      )}: ${failure?.message ?? 'it could not be read'}`,
    );
  }

  /** 30 s, 60 s, 120 s, … up to the endpoint refresh interval. */
  #retryDelay(entry: Entry): number {
    const count = entry.failure?.count ?? 1;
    return Math.min(
      this.#retryMs * 2 ** Math.min(count - 1, 20),
      Math.max(this.#retryMs, this.#endpointRefreshMs),
    );
  }

  /** Forgets a cluster (deleted, or no longer Ready). */
  forget(location: ChildClusterLocation): void {
    this.#entries.delete(keyOf(location));
  }

  #entry(location: ChildClusterLocation, create: boolean): Entry | undefined {
    const key = keyOf(location);
    let entry = this.#entries.get(key);
    if (entry && location.uid && entry.uid && entry.uid !== location.uid) {
      // The cluster was deleted and created again under the same name.
      this.#entries.delete(key);
      entry = undefined;
    }
    if (!entry && create) {
      entry = { uid: location.uid };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  #refresh(
    location: ChildClusterLocation,
    entry: Entry,
    keepCredential: boolean,
  ): Promise<void> {
    if (entry.inflight && (entry.inflightKeepsCredential || !keepCredential)) {
      return entry.inflight;
    }
    const previous = entry.inflight;
    const run = async () => {
      if (previous) await previous;
      await this.#read(location, entry, keepCredential);
    };
    const inflight = run().finally(() => {
      if (entry.inflight === inflight) {
        delete entry.inflight;
        delete entry.inflightKeepsCredential;
      }
    });
    entry.inflight = inflight;
    entry.inflightKeepsCredential = keepCredential;
    return inflight;
  }

  async #read(
    location: ChildClusterLocation,
    entry: Entry,
    keepCredential: boolean,
  ): Promise<void> {
    const secretName = kubeconfigSecretName(location.name);
    const now = () => this.#now();
    try {
      const secret = await this.#limiter.run(() =>
        this.#withTimeout(
          this.#options.readSecret(
            location.managementCluster,
            location.namespace,
            secretName,
          ),
        ),
      );
      if (this.#entries.get(keyOf(location)) !== entry) {
        return; // forgotten meanwhile: keep nothing
      }
      if (!secret) {
        this.#fail(location, entry, {
          message: `its kubeconfig Secret '${location.namespace}/${secretName}' does not exist`,
          final: true,
          at: now(),
          quiet: true,
        });
        return;
      }
      const encoded = (secret as { data?: Record<string, unknown> }).data?.[
        KUBECONFIG_SECRET_KEY
      ];
      if (typeof encoded !== 'string' || encoded === '') {
        this.#fail(location, entry, {
          message: `its kubeconfig Secret '${location.namespace}/${secretName}' has no key '${KUBECONFIG_SECRET_KEY}'`,
          final: true,
          at: now(),
        });
        return;
      }
      const parsed = parseChildKubeconfig(
        Buffer.from(encoded, 'base64').toString('utf8'),
      );
      entry.endpoint = parsed.endpoint;
      entry.endpointAt = now();
      if (keepCredential) {
        entry.credential = parsed.credential;
        entry.credentialAt = now();
      }
      delete entry.failure;
      delete entry.logged;
    } catch (error) {
      if (error instanceof ChildKubeconfigError) {
        this.#fail(location, entry, {
          message: `its kubeconfig Secret '${location.namespace}/${secretName}' cannot be used: ${error.message}`,
          final: true,
          at: now(),
        });
        return;
      }
      this.#fail(location, entry, {
        message: `reading its kubeconfig Secret '${
          location.namespace
        }/${secretName}' failed: ${
          (error as Error)?.message ?? 'unknown error'
        }`,
        final: false,
        at: now(),
      });
    }
  }

  #fail(
    location: ChildClusterLocation,
    entry: Entry,
    failure: Failure & { quiet?: boolean },
  ) {
    entry.failure = { ...failure, count: (entry.failure?.count ?? 0) + 1 };
    if (failure.final) {
      // Authoritative answer: nothing of the old kubeconfig is valid any more.
      delete entry.endpoint;
      delete entry.endpointAt;
      delete entry.credential;
      delete entry.credentialAt;
    }
    if (entry.logged !== failure.message) {
      entry.logged = failure.message;
      const message = `k0rdent cluster ${describeLocation(location)}: ${
        failure.message
      }`;
      // A missing Secret is normal for clusters deployed through a KCM Region
      // (their kubeconfig lives on the regional cluster).
      if (failure.quiet) this.#options.logger.info(message);
      else this.#options.logger.warn(message);
    }
  }

  async #withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(`no answer within ${this.#readTimeoutMs / 1000} s`),
              ),
            this.#readTimeoutMs,
          );
        }),
      ]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
