/*
 * The scaffolder's way to the k0rdent backend: every call is made as the user
 * who runs the template (a plugin request token on behalf of the initiator),
 * so the backend's permission checks apply to them, not to the scaffolder.
 * Error bodies become @backstage/errors types so a failed step says why.
 */
import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  ApplyMultiClusterServiceInput,
  ClusterDetails,
  CreateClusterInput,
  DeleteClusterInput,
  DesiredStateRequest,
  UpdateClusterServicesInput,
  UpgradeClusterInput,
  WriteResult,
} from '@k0rdent-backstage/plugin-k0rdent-common';

/** The plugin id of the k0rdent backend. */
const TARGET_PLUGIN_ID = 'k0rdent';

/**
 * A ClusterDeployment as the k0rdent backend addresses it.
 *
 * @public
 */
export interface K0rdentClusterRef {
  managementCluster: string;
  namespace: string;
  name: string;
}

/**
 * Per-call options: who asks, and whether to only preview.
 *
 * @public
 */
export interface K0rdentCallOptions {
  /** The initiator's credentials, from `ctx.getInitiatorCredentials()`. */
  credentials: BackstageCredentials;
  /** Ask for the manifest that would be applied; nothing is stored. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

/**
 * What the scaffolder actions need from the k0rdent backend.
 *
 * @public
 */
export interface K0rdentApi {
  createCluster(
    input: CreateClusterInput,
    options: K0rdentCallOptions,
  ): Promise<WriteResult>;
  upgradeCluster(
    ref: K0rdentClusterRef,
    input: UpgradeClusterInput,
    options: K0rdentCallOptions,
  ): Promise<WriteResult>;
  updateClusterServices(
    ref: K0rdentClusterRef,
    input: UpdateClusterServicesInput,
    options: K0rdentCallOptions,
  ): Promise<WriteResult>;
  deleteCluster(
    ref: K0rdentClusterRef,
    input: DeleteClusterInput,
    options: K0rdentCallOptions,
  ): Promise<WriteResult>;
  applyMultiClusterService(
    input: ApplyMultiClusterServiceInput,
    options: K0rdentCallOptions,
  ): Promise<WriteResult>;
  getRequest(
    id: string,
    options: K0rdentCallOptions,
  ): Promise<DesiredStateRequest>;
  /** The cluster, or `undefined` when it does not exist (or is not visible). */
  getCluster(
    ref: K0rdentClusterRef,
    options: K0rdentCallOptions,
  ): Promise<ClusterDetails | undefined>;
}

/**
 * Options of {@link K0rdentApiClient}.
 *
 * @public
 */
export interface K0rdentApiClientOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
}

function clusterPath(ref: K0rdentClusterRef): string {
  return `/clusters/${[ref.managementCluster, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** The message of a Backstage error body, or a line made from the status. */
async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string' && message) {
      return message;
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `${response.status} ${response.statusText}`.trim();
}

/**
 * HTTP client of the k0rdent backend's REST API, calling as the template's
 * initiator.
 *
 * @public
 */
export class K0rdentApiClient implements K0rdentApi {
  readonly #discovery: K0rdentApiClientOptions['discovery'];
  readonly #auth: K0rdentApiClientOptions['auth'];

  constructor(options: K0rdentApiClientOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  createCluster(input: CreateClusterInput, options: K0rdentCallOptions) {
    return this.#call<WriteResult>('POST', '/clusters', options, input);
  }

  upgradeCluster(
    ref: K0rdentClusterRef,
    input: UpgradeClusterInput,
    options: K0rdentCallOptions,
  ) {
    return this.#call<WriteResult>(
      'POST',
      `${clusterPath(ref)}/upgrade`,
      options,
      input,
    );
  }

  updateClusterServices(
    ref: K0rdentClusterRef,
    input: UpdateClusterServicesInput,
    options: K0rdentCallOptions,
  ) {
    return this.#call<WriteResult>(
      'PUT',
      `${clusterPath(ref)}/services`,
      options,
      input,
    );
  }

  deleteCluster(
    ref: K0rdentClusterRef,
    input: DeleteClusterInput,
    options: K0rdentCallOptions,
  ) {
    return this.#call<WriteResult>('DELETE', clusterPath(ref), options, input);
  }

  applyMultiClusterService(
    input: ApplyMultiClusterServiceInput,
    options: K0rdentCallOptions,
  ) {
    return this.#call<WriteResult>(
      'POST',
      '/multi-cluster-services',
      options,
      input,
    );
  }

  getRequest(id: string, options: K0rdentCallOptions) {
    return this.#call<DesiredStateRequest>(
      'GET',
      `/requests/${encodeURIComponent(id)}`,
      options,
    );
  }

  async getCluster(ref: K0rdentClusterRef, options: K0rdentCallOptions) {
    try {
      return await this.#call<ClusterDetails>('GET', clusterPath(ref), options);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  async #call<T>(
    method: string,
    path: string,
    options: K0rdentCallOptions,
    body?: object,
  ): Promise<T> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: TARGET_PLUGIN_ID,
    });
    const baseUrl = await this.#discovery.getBaseUrl(TARGET_PLUGIN_ID);
    const query = options.dryRun ? '?dryRun=true' : '';
    const response = await fetch(`${baseUrl}${path}${query}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: options.signal,
    });
    if (response.ok) {
      // Parsed with this realm's JSON: the scaffolder's templater accepts only
      // objects whose prototype is its own Object.prototype, which
      // Response.json() does not promise (e.g. under jest's VM sandbox).
      return JSON.parse(await response.text()) as T;
    }
    const message = await errorMessage(response);
    switch (response.status) {
      case 400:
        throw new InputError(message);
      case 403:
        throw new NotAllowedError(message);
      case 404:
        throw new NotFoundError(message);
      case 409:
        throw new ConflictError(message);
      default:
        throw new Error(
          `k0rdent backend answered ${method} ${path} with ${response.status}: ${message}`,
        );
    }
  }
}
