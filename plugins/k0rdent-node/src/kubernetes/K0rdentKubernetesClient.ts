/*
 * Writes (and point reads) against one management cluster, for the reconciler
 * and for pages that show one object (its events) or KOF's data:
 * server-side apply under a field manager, get, status read, delete and GETs
 * through the service proxy, with every failure mapped to KubernetesApiError.
 */
import { InputError } from '@backstage/errors';
import {
  CoreV1Api,
  CoreV1Event,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import {
  apiVersionOf,
  KindInfo,
  ObjectEvent,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { KubeObject } from '../types';
import { KubernetesApiError } from './KubernetesApiError';
import { requireKind } from './paths';
import { requestOptions, withTimeout } from './requestOptions';
import {
  getThroughServiceProxy,
  type ServiceProxyRequestOptions,
  type ServiceProxyResponse,
  type ServiceProxyTarget,
} from './serviceProxy';

/**
 * Options of {@link K0rdentKubernetesClient.apply}.
 *
 * @public
 */
export interface ApplyOptions {
  /** The field manager that owns the applied fields (required, at most 128 characters). */
  fieldManager: string;
  /** Take over fields owned by other managers instead of failing with a 409 conflict. */
  force?: boolean;
  /** Validate and admit, but do not persist. */
  dryRun?: boolean;
}

/**
 * Options of {@link K0rdentKubernetesClient.delete}.
 *
 * @public
 */
export interface DeleteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  dryRun?: boolean;
}

/**
 * Options of {@link K0rdentKubernetesClient.create}.
 *
 * @public
 */
export interface K0rdentKubernetesClientOptions {
  /** Per-request timeout in milliseconds; default 30 s. */
  requestTimeoutMs?: number;
}

/** Server-populated metadata that must not be sent with an apply. */
const SERVER_FIELDS = [
  'managedFields',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/**
 * A small Kubernetes client for one management cluster: server-side apply, get,
 * status read and delete of the kinds in the k0rdent kind registry.
 *
 * @remarks
 * Errors are {@link KubernetesApiError}s whose messages carry the server's
 * `Status` message and the HTTP status, never credentials.
 *
 * @public
 */
export class K0rdentKubernetesClient {
  readonly #kc: KubeConfig;
  readonly #customObjects: CustomObjectsApi;
  readonly #timeoutMs: number;
  #objects?: KubernetesObjectApi;
  #coreV1?: CoreV1Api;

  static fromKubeConfig(
    kubeConfig: KubeConfig,
    options: K0rdentKubernetesClientOptions = {},
  ): K0rdentKubernetesClient {
    return new K0rdentKubernetesClient(kubeConfig, options);
  }

  private constructor(
    kubeConfig: KubeConfig,
    options: K0rdentKubernetesClientOptions,
  ) {
    this.#kc = kubeConfig;
    this.#customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.#timeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  #core(): KubernetesObjectApi {
    this.#objects ??= KubernetesObjectApi.makeApiClient(this.#kc);
    return this.#objects;
  }

  async #call<T>(
    run: (options: any) => Promise<T>,
    headers?: Record<string, string>,
  ): Promise<T> {
    const outcome = await withTimeout(this.#timeoutMs, undefined, signal =>
      run(requestOptions({ signal, headers })),
    );
    if (outcome.timedOut) {
      throw new KubernetesApiError({
        code: 0,
        reason: 'Timeout',
        message: `Timeout: no answer within ${this.#timeoutMs} ms`,
        retryable: true,
      });
    }
    if (outcome.error !== undefined) {
      throw KubernetesApiError.fromError(outcome.error);
    }
    return outcome.result as T;
  }

  #target(kind: string, namespace: string | undefined, field = 'namespace') {
    const info = requireKind(kind);
    if (info.namespaced && !namespace) {
      throw new InputError(
        `${field} is required for the namespaced kind ${info.kind}`,
      );
    }
    return { info, namespace: info.namespaced ? namespace : undefined };
  }

  /**
   * Server-side apply: sends the object as the desired state of the fields
   * `fieldManager` owns. `status` and server-populated metadata are not sent
   * (status is never written). Returns the object as stored.
   *
   * A field owned by another manager fails with 409 `Conflict` (causes name the
   * fields) unless `force` is set.
   */
  async apply<T extends KubeObject = KubeObject>(
    object: T,
    options: ApplyOptions,
  ): Promise<T> {
    if (!options?.fieldManager || options.fieldManager.length > 128) {
      throw new InputError(
        'fieldManager is required and must be at most 128 characters',
      );
    }
    if (!object || typeof object !== 'object') {
      throw new InputError('object is required');
    }
    if (typeof object.kind !== 'string' || !object.kind) {
      throw new InputError('kind is required');
    }
    const info = requireKind(object.kind);
    if (object.apiVersion !== apiVersionOf(info)) {
      throw new InputError(
        `apiVersion must be '${apiVersionOf(info)}' for ${info.kind}, got '${
          object.apiVersion
        }'`,
      );
    }
    const name = object.metadata?.name;
    if (typeof name !== 'string' || !name) {
      throw new InputError('metadata.name is required');
    }
    const { namespace } = this.#target(
      info.kind,
      object.metadata.namespace,
      'metadata.namespace',
    );
    const metadata: Record<string, unknown> = { ...object.metadata };
    for (const k of SERVER_FIELDS) delete metadata[k];
    if (!info.namespaced) delete metadata.namespace;
    const { status: _status, ...rest } = object as KubeObject;
    const body = { ...rest, metadata };
    const dryRun = options.dryRun ? 'All' : undefined;

    if (!info.group) {
      return this.#call(
        () =>
          this.#core().patch(
            body as any,
            undefined,
            dryRun,
            options.fieldManager,
            options.force ?? false,
            PatchStrategy.ServerSideApply,
          ) as Promise<T>,
      );
    }
    return this.#call(
      opts =>
        namespace
          ? this.#customObjects.patchNamespacedCustomObject(
              {
                group: info.group,
                version: info.version,
                plural: info.plural,
                namespace,
                name,
                body,
                fieldManager: options.fieldManager,
                force: options.force ?? false,
                dryRun,
              },
              opts,
            )
          : this.#customObjects.patchClusterCustomObject(
              {
                group: info.group,
                version: info.version,
                plural: info.plural,
                name,
                body,
                fieldManager: options.fieldManager,
                force: options.force ?? false,
                dryRun,
              },
              opts,
            ),
      { 'Content-Type': PatchStrategy.ServerSideApply },
    );
  }

  /** Reads one object; undefined when it does not exist. */
  async get<T extends KubeObject = KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    return this.#read<T>(kind, namespace, name, false);
  }

  /**
   * Reads an object's `status` (through the status subresource where the kind
   * has one); undefined when the object does not exist or has no status.
   */
  async getStatus<T = Record<string, unknown>>(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    const object = await this.#read<KubeObject>(kind, namespace, name, true);
    return object?.status as T | undefined;
  }

  async #read<T>(
    kind: string,
    namespace: string | undefined,
    name: string,
    status: boolean,
  ): Promise<T | undefined> {
    const { info, namespace: ns } = this.#target(kind, namespace);
    try {
      return await this.#call(opts =>
        this.#readRaw(info, ns, name, status, opts),
      );
    } catch (e) {
      if (KubernetesApiError.is(e) && e.code === 404) return undefined;
      throw e;
    }
  }

  #readRaw(
    info: KindInfo,
    namespace: string | undefined,
    name: string,
    status: boolean,
    opts: any,
  ): Promise<any> {
    if (!info.group) {
      return this.#core().read({
        apiVersion: apiVersionOf(info),
        kind: info.kind,
        metadata: { name, namespace },
      });
    }
    const base = {
      group: info.group,
      version: info.version,
      plural: info.plural,
      name,
    };
    if (namespace) {
      return status && info.hasStatus
        ? this.#customObjects.getNamespacedCustomObjectStatus(
            { ...base, namespace },
            opts,
          )
        : this.#customObjects.getNamespacedCustomObject(
            { ...base, namespace },
            opts,
          );
    }
    return status && info.hasStatus
      ? this.#customObjects.getClusterCustomObjectStatus(base, opts)
      : this.#customObjects.getClusterCustomObject(base, opts);
  }

  /**
   * The events about one object, newest first: a point read with an
   * `involvedObject` field selector, for pages that show one object. With a
   * `uid`, only events of that incarnation of the object (a recreated object
   * has another uid).
   */
  async listEvents(
    involvedObject: {
      kind: string;
      namespace: string;
      name: string;
      uid?: string;
    },
    options: { limit?: number } = {},
  ): Promise<ObjectEvent[]> {
    const selector = [
      `involvedObject.kind=${involvedObject.kind}`,
      `involvedObject.name=${involvedObject.name}`,
      ...(involvedObject.uid
        ? [`involvedObject.uid=${involvedObject.uid}`]
        : []),
    ].join(',');
    this.#coreV1 ??= this.#kc.makeApiClient(CoreV1Api);
    const list = await this.#call(opts =>
      this.#coreV1!.listNamespacedEvent(
        { namespace: involvedObject.namespace, fieldSelector: selector },
        opts,
      ),
    );
    const events = list.items.map(toObjectEvent);
    events.sort((a, b) =>
      (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
    );
    return options.limit === undefined
      ? events
      : events.slice(0, options.limit);
  }

  /**
   * GETs `path?query` of a Service of the management cluster through the API
   * server's service proxy (e.g. KOF's Promxy). The service's own answer comes
   * back whatever its status; the API server's errors (no endpoints, not
   * allowed to proxy) are thrown as KubernetesApiErrors.
   */
  async getThroughServiceProxy(
    target: ServiceProxyTarget,
    path: string,
    query: URLSearchParams,
    options: ServiceProxyRequestOptions = {},
  ): Promise<ServiceProxyResponse> {
    return getThroughServiceProxy(this.#kc, target, path, query, {
      timeoutMs: this.#timeoutMs,
      ...options,
    });
  }

  /**
   * Deletes an object. Returns false when it did not exist. Deletion is
   * asynchronous with finalizers: the object may stay (with a
   * deletionTimestamp) for a while.
   */
  async delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): Promise<boolean> {
    const { info, namespace: ns } = this.#target(kind, namespace);
    const dryRun = options.dryRun ? 'All' : undefined;
    try {
      await this.#call(opts => {
        if (!info.group) {
          return this.#core().delete(
            {
              apiVersion: apiVersionOf(info),
              kind: info.kind,
              metadata: { name, namespace: ns },
            },
            undefined,
            dryRun,
            undefined,
            undefined,
            options.propagationPolicy,
          );
        }
        const base = {
          group: info.group,
          version: info.version,
          plural: info.plural,
          name,
          propagationPolicy: options.propagationPolicy,
          dryRun,
        };
        return ns
          ? this.#customObjects.deleteNamespacedCustomObject(
              { ...base, namespace: ns },
              opts,
            )
          : this.#customObjects.deleteClusterCustomObject(base, opts);
      });
      return true;
    } catch (e) {
      if (KubernetesApiError.is(e) && e.code === 404) return false;
      throw e;
    }
  }
}

function isoTime(value: Date | string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const time = value instanceof Date ? value : new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The fields of an Event a page shows; when it last happened, whichever API wrote it. */
function toObjectEvent(event: CoreV1Event): ObjectEvent {
  const result: ObjectEvent = { type: event.type ?? 'Normal' };
  if (event.reason) result.reason = event.reason;
  if (event.message) result.message = event.message;
  const count = event.series?.count ?? event.count;
  if (count !== undefined) result.count = count;
  const last =
    isoTime(event.series?.lastObservedTime) ??
    isoTime(event.lastTimestamp) ??
    isoTime(event.eventTime as Date | string | undefined) ??
    isoTime(event.firstTimestamp) ??
    isoTime(event.metadata?.creationTimestamp);
  if (last) result.lastTimestamp = last;
  return result;
}
