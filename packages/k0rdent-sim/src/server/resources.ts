/*
 * The verbs on resource URLs: get, list, watch, create, update (PUT), delete and
 * deletecollection. Patch (including server-side apply) lives in ./patch.ts.
 */
import {
  badRequest,
  invalid,
  methodNotAllowed,
  notFound,
  unsupportedMediaType,
} from '../errors';
import { isJsonObject } from '../store/json';
import type { PropagationPolicy } from '../store/memoryStore';
import type { KubeObject } from '../store/types';
import {
  asObject,
  checkNamespace,
  checkTypeMeta,
  dryRunOf,
  fieldManagerOf,
  fieldValidationOf,
  sendList,
  sendObject,
  type ResourceRequest,
  type ServerContext,
} from './context';
import { mediaType, parseBody, readBody, sendJson } from './http';
import { listPage } from './listing';
import { servePatch } from './patch';
import { columnsFor, includeObjectOf, wantsTable } from './table';
import { serveWatch } from './watch';
import { admitAndDelete, admitAndWrite } from './writePipeline';

const BODY_TYPES = ['application/json', 'application/yaml'];

export async function serveResource(
  context: ServerContext,
  request: ResourceRequest,
): Promise<void> {
  switch (request.verb) {
    case 'get':
      return serveGet(context, request);
    case 'list':
      return sendList(
        context,
        request,
        listPage(
          context.store,
          request.route.kind,
          request.route.namespace,
          request.query,
        ),
      );
    case 'watch':
      return serveWatch(
        request.req,
        request.res,
        request.route,
        request.query,
        {
          store: context.store,
          hub: context.hub,
          bookmarkIntervalMillis: context.bookmarkIntervalMillis,
          now: context.now,
          table: wantsTable(request.req.headers.accept)
            ? {
                columns: columnsFor(request.route.kind, context.printerColumns),
                includeObject: includeObjectOf(request.query),
              }
            : undefined,
        },
      );
    case 'create':
      return serveCreate(context, request);
    case 'update':
      return serveUpdate(context, request);
    case 'patch':
      return servePatch(context, request);
    case 'delete':
      return serveDelete(context, request);
    case 'deletecollection':
      return serveDeleteCollection(context, request);
    default:
      throw methodNotAllowed();
  }
}

function currentOrNotFound(
  context: ServerContext,
  request: ResourceRequest,
): KubeObject {
  const { kind, namespace, name } = request.route;
  const current = context.store.peek({
    kind: kind.kind,
    namespace,
    name: name!,
  });
  if (!current) throw notFound(kind, name!);
  return current;
}

function serveGet(context: ServerContext, request: ResourceRequest): void {
  sendObject(context, request, 200, currentOrNotFound(context, request));
}

async function readObjectBody(request: ResourceRequest): Promise<KubeObject> {
  const type = mediaType(request.req.headers['content-type']);
  if (type && !BODY_TYPES.includes(type) && !type.endsWith('+json')) {
    throw unsupportedMediaType(type, BODY_TYPES);
  }
  return asObject(parseBody(await readBody(request.req), type));
}

async function serveCreate(
  context: ServerContext,
  request: ResourceRequest,
): Promise<void> {
  const { route } = request;
  if (route.kind.namespaced && route.namespace === undefined)
    throw methodNotAllowed();
  const object = await readObjectBody(request);
  checkTypeMeta(route, object);
  checkNamespace(route, object);
  if (object.metadata.resourceVersion) {
    throw badRequest(
      'resourceVersion should not be set on objects to be created',
    );
  }
  const created = await admitAndWrite(context.pipeline, {
    kind: route.kind,
    operation: 'CREATE',
    object,
    dryRun: dryRunOf(request.query),
    fieldValidation: fieldValidationOf(request.query),
    updateManager: fieldManagerOf(request),
  });
  sendObject(context, request, 201, created.object, created.warnings);
}

async function serveUpdate(
  context: ServerContext,
  request: ResourceRequest,
): Promise<void> {
  const { route } = request;
  const object = await readObjectBody(request);
  checkTypeMeta(route, object);
  checkNamespace(route, object);
  if (!object.metadata.name) object.metadata.name = route.name!;
  if (object.metadata.name !== route.name) {
    throw badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${route.name})`,
    );
  }
  const current = currentOrNotFound(context, request);
  // Custom resources do not allow unconditional updates; core kinds here do.
  if (route.kind.group && !object.metadata.resourceVersion) {
    throw invalid(route.kind, route.name!, [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: 0x0: must be specified for an update',
        field: 'metadata.resourceVersion',
      },
    ]);
  }
  const updated = await admitAndWrite(context.pipeline, {
    kind: route.kind,
    operation: 'UPDATE',
    object,
    current,
    subresource: route.subresource,
    dryRun: dryRunOf(request.query),
    fieldValidation: fieldValidationOf(request.query),
    updateManager: fieldManagerOf(request),
  });
  sendObject(context, request, 200, updated.object, updated.warnings);
}

interface DeleteOptions {
  dryRun: boolean;
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** DeleteOptions from the body (if any) and the query. */
async function deleteOptionsOf(
  request: ResourceRequest,
): Promise<DeleteOptions> {
  const text = await readBody(request.req);
  const body = text.trim()
    ? parseBody(text, request.req.headers['content-type'])
    : {};
  if (!isJsonObject(body))
    throw badRequest('DeleteOptions must be a JSON object');
  const dryRunBody = Array.isArray(body.dryRun) && body.dryRun.includes('All');
  const policy = (body.propagationPolicy ??
    request.query.get('propagationPolicy')) as string | null | undefined;
  if (policy && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${policy}"`);
  }
  const orphan =
    body.orphanDependents === true ||
    request.query.get('orphanDependents') === 'true';
  const preconditions = isJsonObject(body.preconditions)
    ? {
        uid:
          typeof body.preconditions.uid === 'string'
            ? body.preconditions.uid
            : undefined,
        resourceVersion:
          typeof body.preconditions.resourceVersion === 'string'
            ? body.preconditions.resourceVersion
            : undefined,
      }
    : undefined;
  return {
    dryRun: dryRunBody || dryRunOf(request.query),
    propagationPolicy:
      (policy as PropagationPolicy | undefined) ??
      (orphan ? 'Orphan' : undefined),
    preconditions,
  };
}

async function serveDelete(
  context: ServerContext,
  request: ResourceRequest,
): Promise<void> {
  const { route } = request;
  if (route.subresource) throw methodNotAllowed();
  const current = currentOrNotFound(context, request);
  const options = await deleteOptionsOf(request);
  const result = await admitAndDelete(
    context.pipeline,
    route.kind,
    { kind: route.kind.kind, namespace: route.namespace, name: route.name! },
    current,
    options,
  );
  // Core kinds answer a finished delete with a Status; custom resources (and
  // anything still waiting for finalizers) with the object.
  if (result.removed && !route.kind.group && route.kind.kind !== 'Namespace') {
    sendJson(request.res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name: route.name,
        kind: route.kind.plural,
        uid: current.metadata.uid,
      },
    });
    return;
  }
  sendObject(context, request, 200, result.object);
}

async function serveDeleteCollection(
  context: ServerContext,
  request: ResourceRequest,
): Promise<void> {
  const { route } = request;
  if (route.kind.namespaced && route.namespace === undefined)
    throw methodNotAllowed();
  const options = await deleteOptionsOf(request);
  const query = new URLSearchParams(request.query);
  query.delete('limit');
  query.delete('continue');
  const page = listPage(context.store, route.kind, route.namespace, query);
  const deleted: KubeObject[] = [];
  for (const object of page.items) {
    const key = {
      kind: route.kind.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
    };
    const current = context.store.peek(key);
    if (!current) continue;
    const result = await admitAndDelete(
      context.pipeline,
      route.kind,
      key,
      current,
      options,
    );
    deleted.push(result.object);
  }
  sendList(context, request, {
    items: deleted,
    resourceVersion: String(context.store.currentResourceVersion),
  });
}
