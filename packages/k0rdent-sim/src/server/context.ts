/*
 * What the request handlers share: the server-wide context and one resource request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf } from '@k0rdent-backstage/plugin-k0rdent-common';
import { badRequest } from '../errors';
import { frozenJson, isJsonObject } from '../store/json';
import type { MemoryObjectStore } from '../store/memoryStore';
import type { KubeObject } from '../store/types';
import { sendJsonText } from './http';
import type { ListPage } from './listing';
import type { ResourceRoute } from './routes';
import {
  columnsFor,
  includeObjectOf,
  toTable,
  wantsTable,
  type PrinterColumnsProvider,
} from './table';
import type { WatchHub } from './watch';
import type { FieldValidation, WritePipeline } from './writePipeline';

export interface ServerContext {
  store: MemoryObjectStore;
  pipeline: WritePipeline;
  hub: WatchHub;
  printerColumns?: PrinterColumnsProvider;
  bookmarkIntervalMillis: number;
  now: () => Date;
}

export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  route: ResourceRoute;
  query: URLSearchParams;
  verb: string;
}

/** Writes one stored object (as a Table row when asked). */
export function sendObject(
  context: ServerContext,
  request: ResourceRequest,
  code: number,
  object: KubeObject,
  warnings: readonly string[] = [],
): void {
  if (warnings.length) {
    request.res.setHeader(
      'Warning',
      warnings.map(text => `299 - ${JSON.stringify(text)}`),
    );
  }
  if (wantsTable(request.req.headers.accept)) {
    const table = toTable([object], {
      columns: columnsFor(request.route.kind, context.printerColumns),
      includeObject: includeObjectOf(request.query),
      withColumnDefinitions: true,
      listMetadata: { resourceVersion: object.metadata.resourceVersion },
      now: context.now(),
    });
    sendJsonText(request.res, code, JSON.stringify(table));
    return;
  }
  sendJsonText(request.res, code, frozenJson(object));
}

/** Writes a list, joining the cached serializations of its items. */
export function sendList(
  context: ServerContext,
  request: ResourceRequest,
  page: ListPage,
): void {
  const kind = request.route.kind;
  const metadata: Record<string, unknown> = {
    resourceVersion: page.resourceVersion,
  };
  if (page.continue) metadata.continue = page.continue;
  if (page.remainingItemCount !== undefined)
    metadata.remainingItemCount = page.remainingItemCount;
  if (wantsTable(request.req.headers.accept)) {
    const table = toTable(page.items, {
      columns: columnsFor(kind, context.printerColumns),
      includeObject: includeObjectOf(request.query),
      withColumnDefinitions: true,
      listMetadata: metadata,
      now: context.now(),
    });
    sendJsonText(request.res, 200, JSON.stringify(table));
    return;
  }
  const head = `{"kind":"${kind.kind}List","apiVersion":"${apiVersionOf(
    kind,
  )}","metadata":${JSON.stringify(metadata)},"items":[`;
  const body = `${head}${page.items.map(item => frozenJson(item)).join(',')}]}`;
  sendJsonText(request.res, 200, body);
}

/** `?dryRun=All` → true; absent → false; anything else is a 400. */
export function dryRunOf(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  if (values.length === 0) return false;
  if (values.every(value => value === 'All')) return true;
  throw badRequest(
    `unsupported dry run value: ${values.join(',')}; only All is supported`,
  );
}

/** `?fieldValidation=`: Strict, Warn (the default) or Ignore. */
export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const value = query.get('fieldValidation');
  if (value === null || value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore')
    return value;
  throw badRequest(
    `fieldValidation: Unsupported value: "${value}": supported values: "Ignore", "Strict", "Warn"`,
  );
}

/** The field manager: `?fieldManager=`, else the User-Agent's product name, as the real server. */
export function fieldManagerOf(request: ResourceRequest): string {
  const explicit = request.query.get('fieldManager');
  if (explicit !== null) {
    if (explicit.length > 128) {
      throw badRequest(`fieldManager: Too long: may not be longer than 128`);
    }
    return explicit;
  }
  const agent = request.req.headers['user-agent'] ?? '';
  return agent.split('/')[0].slice(0, 128) || 'unknown';
}

/** A request body that must be one Kubernetes object. */
export function asObject(body: unknown): KubeObject {
  if (!isJsonObject(body))
    throw badRequest('the request body must be a JSON object');
  if (body.metadata !== undefined && !isJsonObject(body.metadata)) {
    throw badRequest('metadata must be an object');
  }
  const object = body as KubeObject;
  if (!object.metadata) object.metadata = { name: '' };
  return object;
}

/** Checks (and fills in) apiVersion and kind against the URL's resource. */
export function checkTypeMeta(route: ResourceRoute, object: KubeObject): void {
  const expectedVersion = apiVersionOf(route.kind);
  if (!object.apiVersion) object.apiVersion = expectedVersion;
  if (!object.kind) object.kind = route.kind.kind;
  if (object.apiVersion !== expectedVersion) {
    throw badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expectedVersion})`,
    );
  }
  if (object.kind !== route.kind.kind) {
    throw badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${route.kind.kind})`,
    );
  }
}

/** Checks (and fills in) the namespace against the URL's. */
export function checkNamespace(route: ResourceRoute, object: KubeObject): void {
  if (!route.kind.namespaced) return;
  if (
    object.metadata.namespace &&
    object.metadata.namespace !== route.namespace
  ) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  object.metadata.namespace = route.namespace;
}
