/*
 * Turns what a user asks for into a stored desired-state request: permission,
 * shape, fleet checks, manifest, then one transaction in the store. Nothing is
 * written unless every check passed; every attempt is an audit event.
 */
import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  k0rdentClusterCreatePermission,
  k0rdentClusterDeletePermission,
  k0rdentClusterUpdatePermission,
  k0rdentMultiClusterServiceApplyPermission,
  type ClusterDeployment,
  type ClusterRef,
  type DesiredStateAction,
  type DesiredStateRequest,
  type DesiredStateTarget,
  type KubeObject,
  type Service,
  type WriteResult,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  normalizeOwnerRef,
  type K0rdentFleetService,
  type K0rdentOwnershipConfig,
  changedManifest,
  clusterDeploymentManifest,
  FIELD_MANAGER,
  identityManifest,
  multiClusterServiceManifest,
  OWN_ANNOTATIONS_FIELD,
  stampManifest,
  toServices,
} from '@k0rdent-backstage/plugin-k0rdent-node';
import type { Request } from 'express';
import {
  ClusterAuthorizer,
  clusterResourceOf,
} from '../permissions/clusterResources';
import { FleetValidator, type TemplateSchemaSource } from './FleetValidator';
import {
  parseApplyMultiClusterService,
  parseCreateCluster,
  parseDeleteCluster,
  parseUpdateServices,
  parseUpgradeCluster,
} from './inputSchemas';
import type { DesiredStateStore, RequestFilter } from './DesiredStateStore';

/** Who asks, and how. */
export interface WriteContext {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  /** The HTTP request, for the audit event. */
  request: Request;
  dryRun: boolean;
}

/** What a validated write turns into. */
interface PreparedWrite {
  action: DesiredStateAction;
  target: DesiredStateTarget;
  forceFields: string[];
  /** The manifest from the previous desired state of the object (if any) and this request's id. */
  compose(previous: KubeObject | undefined, requestId: string): KubeObject;
}

/** Accepts desired-state requests. */
export class RequestService {
  readonly #store: DesiredStateStore;
  readonly #fleet: K0rdentFleetService;
  readonly #ownership: K0rdentOwnershipConfig;
  readonly #auditor: AuditorService;
  readonly #userInfo: UserInfoService;
  readonly #authorizer: ClusterAuthorizer;
  readonly #validator: FleetValidator;
  readonly #onAccepted: () => void;

  constructor(options: {
    store: DesiredStateStore;
    fleet: K0rdentFleetService;
    ownership: K0rdentOwnershipConfig;
    auditor: AuditorService;
    userInfo: UserInfoService;
    authorizer: ClusterAuthorizer;
    schemas: TemplateSchemaSource;
    /** Called after a request was stored, to start the reconciler at once. */
    onAccepted?: () => void;
  }) {
    this.#store = options.store;
    this.#fleet = options.fleet;
    this.#ownership = options.ownership;
    this.#auditor = options.auditor;
    this.#userInfo = options.userInfo;
    this.#authorizer = options.authorizer;
    this.#validator = new FleetValidator({
      fleet: options.fleet,
      schemas: options.schemas,
    });
    this.#onAccepted = options.onAccepted ?? (() => {});
  }

  /** A new ClusterDeployment. */
  async createCluster(body: unknown, ctx: WriteContext): Promise<WriteResult> {
    return this.#write('cluster-create', ctx, async () => {
      await this.#authorizer.authorizeBasic(
        ctx.credentials,
        k0rdentClusterCreatePermission,
      );
      const input = parseCreateCluster(body);
      const existing = await this.#replay(input.idempotencyKey, 'create');
      if (existing) return { existing };
      const cache = this.#validator.cacheFor(input.managementCluster);
      this.#validator.checkNameFree(cache, input.namespace, input.name);
      const template = this.#validator.clusterTemplate(
        cache,
        input.namespace,
        input.template,
      );
      this.#validator.credential(
        cache,
        input.namespace,
        input.credential,
        template,
      );
      const config = await this.#validator.config(
        input.managementCluster,
        template,
        input.config,
      );
      if (input.services?.length) {
        this.#validator.services(cache, [input.namespace], input.services);
      }
      const owner = await this.#ownerFor(input.owner, ctx.credentials);
      const target: DesiredStateTarget = {
        managementCluster: input.managementCluster,
        kind: 'ClusterDeployment',
        namespace: input.namespace,
        name: input.name,
      };
      await this.#checkNoOpenCreate(target);
      const manifest = clusterDeploymentManifest({ ...input, config });
      return {
        input,
        prepared: {
          action: 'create',
          target,
          forceFields: [OWN_ANNOTATIONS_FIELD],
          compose: (_previous, requestId) =>
            stampManifest(manifest, {
              requestId,
              requestedBy: ctx.credentials.principal.userEntityRef,
              owner,
            }),
        },
      };
    });
  }

  /** Moves a cluster to another template on its chain. */
  async upgradeCluster(
    ref: ClusterRef,
    body: unknown,
    ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.#write('cluster-upgrade', ctx, async () => {
      const { cache, cluster } = await this.#authorizedCluster(
        ref,
        ctx,
        k0rdentClusterUpdatePermission,
      );
      const input = parseUpgradeCluster(body);
      const existing = await this.#replay(input.idempotencyKey, 'upgrade');
      if (existing) return { existing };
      this.#validator.upgradeTarget(cache, cluster, input.template);
      return {
        input,
        prepared: {
          action: 'upgrade',
          target: clusterTarget(ref),
          forceFields: [OWN_ANNOTATIONS_FIELD, '.spec.template'],
          compose: (previous, requestId) =>
            stampManifest(
              changedManifest(previous, clusterTarget(ref), spec => ({
                ...spec,
                template: input.template,
              })),
              {
                requestId,
                requestedBy: ctx.credentials.principal.userEntityRef,
              },
            ),
        },
      };
    });
  }

  /** Replaces the services of one cluster, or adds to them. */
  async updateClusterServices(
    ref: ClusterRef,
    body: unknown,
    ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.#write('cluster-services-update', ctx, async () => {
      const { cache, cluster } = await this.#authorizedCluster(
        ref,
        ctx,
        k0rdentClusterUpdatePermission,
      );
      const input = parseUpdateServices(body);
      const existing = await this.#replay(
        input.idempotencyKey,
        'update-services',
      );
      if (existing) return { existing };
      this.#validator.services(cache, [ref.namespace], input.services);
      const services =
        input.mode === 'merge'
          ? mergeServices(
              cluster.spec?.serviceSpec?.services ?? [],
              toServices(input.services),
            )
          : toServices(input.services);
      return {
        input,
        prepared: {
          action: 'update-services',
          target: clusterTarget(ref),
          forceFields: [OWN_ANNOTATIONS_FIELD, '.spec.serviceSpec.services'],
          compose: (previous, requestId) =>
            stampManifest(
              changedManifest(previous, clusterTarget(ref), spec => ({
                ...spec,
                serviceSpec: {
                  ...(spec.serviceSpec as Record<string, unknown> | undefined),
                  services,
                },
              })),
              {
                requestId,
                requestedBy: ctx.credentials.principal.userEntityRef,
              },
            ),
        },
      };
    });
  }

  /** Decommissions a cluster. */
  async deleteCluster(
    ref: ClusterRef,
    body: unknown,
    ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.#write('cluster-delete', ctx, async () => {
      const { cache, cluster } = await this.#authorizedCluster(
        ref,
        ctx,
        k0rdentClusterDeletePermission,
      );
      const input = parseDeleteCluster(body);
      const existing = await this.#replay(input.idempotencyKey, 'delete');
      if (existing) return { existing };
      this.#validator.deletion(cache, cluster, input.confirm);
      return {
        input,
        prepared: {
          action: 'delete',
          target: clusterTarget(ref),
          forceFields: [],
          compose: () => identityManifest(clusterTarget(ref)),
        },
      };
    });
  }

  /** Creates or changes a MultiClusterService. */
  async applyMultiClusterService(
    body: unknown,
    ctx: WriteContext,
  ): Promise<WriteResult> {
    return this.#write('multi-cluster-service-apply', ctx, async () => {
      await this.#authorizer.authorizeBasic(
        ctx.credentials,
        k0rdentMultiClusterServiceApplyPermission,
      );
      const input = parseApplyMultiClusterService(body);
      const existing = await this.#replay(input.idempotencyKey, 'apply');
      if (existing) return { existing };
      const cache = this.#validator.cacheFor(input.managementCluster);
      this.#validator.multiClusterServiceTemplates(cache, input.services);
      this.#validator.multiClusterServiceDependencies(
        cache,
        input.dependsOn ?? [],
      );
      const owner = await this.#ownerFor(input.owner, ctx.credentials);
      const manifest = multiClusterServiceManifest(input);
      return {
        input,
        prepared: {
          action: 'apply',
          target: {
            managementCluster: input.managementCluster,
            kind: 'MultiClusterService',
            name: input.name,
          },
          forceFields: [
            OWN_ANNOTATIONS_FIELD,
            '.spec.clusterSelector',
            '.spec.dependsOn',
            '.spec.serviceSpec.services',
          ],
          compose: (_previous, requestId) =>
            stampManifest(manifest, {
              requestId,
              requestedBy: ctx.credentials.principal.userEntityRef,
              owner,
            }),
        },
      };
    });
  }

  /** One request with its history. */
  async get(id: string): Promise<DesiredStateRequest> {
    return this.#store.get(id);
  }

  /** Requests, newest first. */
  async list(filter: RequestFilter): Promise<DesiredStateRequest[]> {
    return this.#store.list(filter);
  }

  /**
   * The common path of every write: audit event, checks (in `prepare`), then
   * either the dry-run manifest or one stored request.
   */
  async #write(
    eventId: string,
    ctx: WriteContext,
    prepare: () => Promise<
      | {
          existing: DesiredStateRequest;
          input?: undefined;
          prepared?: undefined;
        }
      | {
          existing?: undefined;
          input: { idempotencyKey?: string; taskId?: string };
          prepared: PreparedWrite;
        }
    >,
  ): Promise<WriteResult> {
    const audit = await this.#auditor.createEvent({
      eventId,
      request: ctx.request,
      severityLevel: ctx.dryRun ? 'low' : 'medium',
      meta: { dryRun: ctx.dryRun },
    });
    try {
      const outcome = await prepare();
      if (outcome.existing) {
        await audit.success({
          meta: { requestId: outcome.existing.id, replayed: true },
        });
        return { dryRun: false, request: outcome.existing };
      }
      const { input, prepared } = outcome;
      if (ctx.dryRun) {
        const manifest = prepared.compose(
          (await this.#store.latestFor(prepared.target))?.manifest,
          'dry-run',
        );
        await this.#serverDryRun(prepared, manifest);
        await audit.success({
          meta: { target: describeTarget(prepared.target) },
        });
        return { dryRun: true, manifest };
      }
      const { request, created } = await this.#store.accept(
        prepared.target,
        (previous, requestId) => ({
          action: prepared.action,
          manifest: prepared.compose(previous?.manifest, requestId),
          forceFields: prepared.forceFields,
          requestedBy: ctx.credentials.principal.userEntityRef,
          taskId: input.taskId,
        }),
        input.idempotencyKey,
      );
      if (created) this.#onAccepted();
      await audit.success({
        meta: {
          requestId: request.id,
          target: describeTarget(prepared.target),
        },
      });
      return { dryRun: false, request: await this.#store.get(request.id) };
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }

  /** The request stored under an idempotency key, when it is for the same action. */
  async #replay(
    idempotencyKey: string | undefined,
    action: DesiredStateAction,
  ): Promise<DesiredStateRequest | undefined> {
    if (!idempotencyKey) return undefined;
    const existing = await this.#store.findByIdempotencyKey(idempotencyKey);
    if (!existing) return undefined;
    if (existing.action !== action) {
      throw new ConflictError(
        `idempotencyKey: already used by a ${existing.action} request (${existing.id})`,
      );
    }
    return this.#store.get(existing.id);
  }

  /** A dry run asks the API server too, so admission webhooks have their say. */
  async #serverDryRun(
    prepared: PreparedWrite,
    manifest: KubeObject,
  ): Promise<void> {
    const client = this.#fleet.client(prepared.target.managementCluster);
    if (prepared.action === 'delete') {
      await client.delete(
        prepared.target.kind,
        prepared.target.namespace,
        prepared.target.name,
        { dryRun: true },
      );
      return;
    }
    await client.apply(manifest, {
      fieldManager: FIELD_MANAGER,
      dryRun: true,
      force: true,
    });
  }

  async #checkNoOpenCreate(target: DesiredStateTarget): Promise<void> {
    const open = await this.#store.list({
      managementCluster: target.managementCluster,
      kind: target.kind,
      namespace: target.namespace ?? '',
      name: target.name,
      status: ['pending', 'applying'],
      limit: 1,
    });
    if (open.length > 0) {
      throw new ConflictError(
        `name: a request for ${target.namespace}/${target.name} is already being applied (${open[0].id})`,
      );
    }
  }

  /** The cluster named in the URL, if it exists and the user may act on it. */
  async #authorizedCluster(
    ref: ClusterRef,
    ctx: WriteContext,
    permission:
      | typeof k0rdentClusterUpdatePermission
      | typeof k0rdentClusterDeletePermission,
  ): Promise<{
    cache: ReturnType<FleetValidator['cacheForPath']>;
    cluster: ClusterDeployment;
  }> {
    const cache = this.#validator.cacheForPath(ref.managementCluster);
    const cluster = this.#validator.clusterAt(
      cache,
      ref.managementCluster,
      ref.namespace,
      ref.name,
    );
    await this.#authorizer.authorize(
      ctx.credentials,
      permission,
      clusterResourceOf(this.#ownership, ref.managementCluster, cluster),
    );
    return { cache, cluster };
  }

  /**
   * The owner of a new object: the one asked for, which must be the user or one
   * of the user's groups, else the user's first group, else the user.
   */
  async #ownerFor(
    requested: string | undefined,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string> {
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      credentials,
    );
    const user = credentials.principal.userEntityRef;
    if (requested === undefined) {
      return ownershipEntityRefs.find(ref => ref.startsWith('group:')) ?? user;
    }
    const owner = normalizeOwnerRef(requested);
    if (!owner) {
      throw new InputError(
        `owner: '${requested}' is not a valid group or user reference (e.g. "payments", "group:default/payments")`,
      );
    }
    if (owner !== user && !ownershipEntityRefs.includes(owner)) {
      throw new InputError(
        `owner: you can only give clusters to yourself or a group you belong to (${ownershipEntityRefs.join(
          ', ',
        )})`,
      );
    }
    return owner;
  }
}

/** `current` with each of `added` in place of the service of the same namespace and name, or appended. */
function mergeServices(
  current: readonly Service[],
  added: readonly Service[],
): Service[] {
  const keyOf = (s: Service) => `${s.namespace ?? 'default'}/${s.name}`;
  const replaced = new Map(added.map(s => [keyOf(s), s]));
  const merged = current.map(s => replaced.get(keyOf(s)) ?? s);
  const present = new Set(current.map(keyOf));
  return [...merged, ...added.filter(s => !present.has(keyOf(s)))];
}

/** `ClusterDeployment team-a/prod on demo`, for audit events. */
function describeTarget(target: DesiredStateTarget): string {
  return `${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${
    target.name
  } on ${target.managementCluster}`;
}

function clusterTarget(ref: ClusterRef): DesiredStateTarget {
  return {
    managementCluster: ref.managementCluster,
    kind: 'ClusterDeployment',
    namespace: ref.namespace,
    name: ref.name,
  };
}
