/*
 * PATCH on a resource: JSON patch, JSON merge patch, strategic merge patch (core
 * kinds only: the real server answers 415 for custom resources) and server-side
 * apply, which may also create the object. A patch is computed against the stored
 * object and retried when that object changes underneath before it is stored, as
 * the real server does for patches that do not pin a resourceVersion.
 */
import {
  SimApiError,
  badRequest,
  conflict,
  notFound,
  unsupportedMediaType,
} from '../errors';
import { isJsonObject, thaw } from '../store/json';
import { kubeTimestamp } from '../store/memoryStore';
import type { KubeObject } from '../store/types';
import { serverSideApply } from './apply/serverSideApply';
import {
  asObject,
  checkTypeMeta,
  dryRunOf,
  fieldManagerOf,
  fieldValidationOf,
  sendObject,
  type ResourceRequest,
  type ServerContext,
} from './context';
import { mediaType, parseBody, readBody } from './http';
import { applyJsonPatch, parseJsonPatch } from './patch/jsonPatch';
import { applyMergePatch } from './patch/mergePatch';
import { applyStrategicMergePatch } from './patch/strategicMergePatch';
import { isTrue } from './routes';
import {
  admitAndWrite,
  type FieldValidation,
  type WriteResult,
} from './writePipeline';

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
const APPLY_PATCH = 'application/apply-patch+yaml';
const APPLY_PATCH_CBOR = 'application/apply-patch+cbor';

const MAX_ATTEMPTS = 5;

export async function servePatch(
  context: ServerContext,
  request: ResourceRequest,
): Promise<void> {
  const { route, query } = request;
  const type = mediaType(request.req.headers['content-type']);
  const accepted = [JSON_PATCH, MERGE_PATCH, APPLY_PATCH];
  if (!route.kind.group) accepted.push(STRATEGIC_MERGE_PATCH);
  if (!accepted.includes(type) || type === APPLY_PATCH_CBOR) {
    throw unsupportedMediaType(type, accepted);
  }
  const isApply = type === APPLY_PATCH;
  const force = isTrue(query.get('force'));
  if (force && !isApply)
    throw badRequest('force flag can only be set for apply requests');
  if (isApply && !query.get('fieldManager')) {
    throw badRequest(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  }
  const manager = fieldManagerOf(request);
  const dryRun = dryRunOf(query);
  const fieldValidation = fieldValidationOf(query);
  const body = parseBody(
    await readBody(request.req),
    isApply ? 'application/yaml' : type,
  );
  const jsonPatch = type === JSON_PATCH ? parseJsonPatch(body) : undefined;
  const applied = isApply ? checkedApplyConfig(request, body) : undefined;
  if (!isApply && type !== JSON_PATCH && !isJsonObject(body)) {
    throw badRequest('the patch must be a JSON object');
  }

  for (let attempt = 1; ; attempt++) {
    const key = {
      kind: route.kind.kind,
      namespace: route.namespace,
      name: route.name!,
    };
    const current = context.store.peek(key);
    if (!current) {
      if (!applied || route.subresource)
        throw notFound(route.kind, route.name!);
      const created = await createByApply(context, request, applied, {
        manager,
        dryRun,
        fieldValidation,
      });
      sendObject(context, request, 201, created.object, created.warnings);
      return;
    }
    let candidate: KubeObject;
    if (applied) {
      const pinned = applied.metadata.resourceVersion;
      if (pinned && pinned !== current.metadata.resourceVersion)
        throw conflict(route.kind, route.name!);
      candidate = serverSideApply({
        kind: route.kind,
        current,
        applied,
        manager,
        force,
        subresource: route.subresource,
        time: kubeTimestamp(context.now()),
      });
    } else if (jsonPatch) {
      candidate = asObject(applyJsonPatch(thaw(current), jsonPatch));
    } else if (type === MERGE_PATCH) {
      candidate = asObject(applyMergePatch(thaw(current), body));
    } else {
      candidate = asObject(applyStrategicMergePatch(thaw(current), body));
    }
    if (candidate.metadata.name !== route.name) {
      throw badRequest(
        `the name of the object (${candidate.metadata.name}) does not match the name on the URL (${route.name})`,
      );
    }
    try {
      const patched = await admitAndWrite(context.pipeline, {
        kind: route.kind,
        operation: 'UPDATE',
        object: candidate,
        current,
        subresource: route.subresource,
        dryRun,
        fieldValidation,
        updateManager: applied ? undefined : manager,
      });
      sendObject(context, request, 200, patched.object, patched.warnings);
      return;
    } catch (error) {
      if (
        !isStaleBaseConflict(error, context, key, current) ||
        attempt >= MAX_ATTEMPTS
      )
        throw error;
    }
  }
}

/** A resourceVersion conflict caused by a concurrent write (worth recomputing the patch). */
function isStaleBaseConflict(
  error: unknown,
  context: ServerContext,
  key: { kind: string; namespace?: string; name: string },
  base: KubeObject,
): boolean {
  return (
    error instanceof SimApiError &&
    error.code === 409 &&
    error.reason === 'Conflict' &&
    !error.details?.causes &&
    context.store.peek(key)?.metadata.resourceVersion !==
      base.metadata.resourceVersion
  );
}

/** The applied configuration: an object of this resource's kind and name. */
function checkedApplyConfig(
  request: ResourceRequest,
  body: unknown,
): KubeObject {
  if (!isJsonObject(body) || !body.apiVersion || !body.kind) {
    throw badRequest('apply patches must include apiVersion and kind');
  }
  const applied = asObject(body);
  checkTypeMeta(request.route, applied);
  if (!applied.metadata.name) applied.metadata.name = request.route.name!;
  if (applied.metadata.name !== request.route.name) {
    throw badRequest(
      `the name of the object (${applied.metadata.name}) does not match the name on the URL (${request.route.name})`,
    );
  }
  if (
    request.route.kind.namespaced &&
    applied.metadata.namespace &&
    applied.metadata.namespace !== request.route.namespace
  ) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  return applied;
}

async function createByApply(
  context: ServerContext,
  request: ResourceRequest,
  applied: KubeObject,
  options: {
    manager: string;
    dryRun: boolean;
    fieldValidation: FieldValidation;
  },
): Promise<WriteResult> {
  const { route } = request;
  const object = serverSideApply({
    kind: route.kind,
    current: undefined,
    applied,
    manager: options.manager,
    force: true,
    time: kubeTimestamp(context.now()),
  });
  if (route.kind.namespaced) object.metadata.namespace = route.namespace;
  return admitAndWrite(context.pipeline, {
    kind: route.kind,
    operation: 'CREATE',
    object,
    dryRun: options.dryRun,
    fieldValidation: options.fieldValidation,
  });
}
