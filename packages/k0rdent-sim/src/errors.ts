/*
 * Errors thrown by the simulator's store, webhooks and HTTP layer. Each carries what a
 * Kubernetes `Status` body needs, with the messages the real API server writes, so
 * that clients (kubectl, @kubernetes/client-node, the Backstage plugins) see the same
 * failures they would see against a real cluster.
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';

/** One reason inside `Status.details.causes`. */
export interface StatusCause {
  /** The machine-readable cause, e.g. 'FieldValueRequired' or 'FieldManagerConflict'. */
  reason?: string;
  message?: string;
  /** Where the problem is, e.g. 'spec.template' or '.spec.x' for apply conflicts. */
  field?: string;
}

/** `Status.details`: which object the failure is about. */
export interface StatusDetails {
  name?: string;
  group?: string;
  /** The resource (plural) for most errors, the Kind for Invalid, as the real server does. */
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The Kubernetes `Status` object written as the body of every failed request. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An API failure: HTTP code, Kubernetes reason, message and details. */
export class SimApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details?: StatusDetails;

  constructor(
    code: number,
    reason: string,
    message: string,
    details?: StatusDetails,
  ) {
    super(message);
    this.name = 'SimApiError';
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  /** The `Status` body for this error. */
  toStatus(): KubeStatus {
    const status: KubeStatus = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** Whether a value is a `SimApiError` (also across module copies in tests). */
export function isSimApiError(error: unknown): error is SimApiError {
  return error instanceof SimApiError;
}

/** `clusterdeployments.k0rdent.mirantis.com` or `configmaps`: how messages name a resource. */
export function qualifiedResource(kind: KindInfo): string {
  return kind.group ? `${kind.plural}.${kind.group}` : kind.plural;
}

/** `ClusterDeployment.k0rdent.mirantis.com` or `ConfigMap`: how Invalid messages name a kind. */
export function qualifiedKind(kind: KindInfo): string {
  return kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
}

function resourceDetails(kind: KindInfo, name: string): StatusDetails {
  return { name, group: kind.group || undefined, kind: kind.plural };
}

export function notFound(kind: KindInfo, name: string): SimApiError {
  return new SimApiError(
    404,
    'NotFound',
    `${qualifiedResource(kind)} "${name}" not found`,
    resourceDetails(kind, name),
  );
}

export function namespaceNotFound(namespace: string): SimApiError {
  return new SimApiError(
    404,
    'NotFound',
    `namespaces "${namespace}" not found`,
    {
      name: namespace,
      kind: 'namespaces',
    },
  );
}

/** A path that names no resource, as the real server answers it. */
export function unknownResource(): SimApiError {
  return new SimApiError(
    404,
    'NotFound',
    'the server could not find the requested resource',
    {},
  );
}

export function alreadyExists(kind: KindInfo, name: string): SimApiError {
  return new SimApiError(
    409,
    'AlreadyExists',
    `${qualifiedResource(kind)} "${name}" already exists`,
    resourceDetails(kind, name),
  );
}

/** Optimistic concurrency failure: the resourceVersion sent is not the stored one. */
export function conflict(kind: KindInfo, name: string): SimApiError {
  return conflictWithMessage(
    kind,
    name,
    'the object has been modified; please apply your changes to the latest version and try again',
  );
}

export function conflictWithMessage(
  kind: KindInfo,
  name: string,
  detail: string,
): SimApiError {
  return new SimApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(
      kind,
    )} "${name}": ${detail}`,
    resourceDetails(kind, name),
  );
}

/** 422 Invalid: `<Kind>.<group> "<name>" is invalid: <field>: <message>, ...`. */
export function invalid(
  kind: KindInfo,
  name: string,
  causes: StatusCause[],
): SimApiError {
  // Repeated causes are listed once, several are bracketed, as apierrors.NewInvalid does.
  const parts = [
    ...new Set(
      causes.map(cause =>
        cause.field ? `${cause.field}: ${cause.message}` : `${cause.message}`,
      ),
    ),
  ];
  const listed = parts.length > 1 ? `[${parts.join(', ')}]` : parts[0] ?? '';
  return new SimApiError(
    422,
    'Invalid',
    `${qualifiedKind(kind)} "${name}" is invalid: ${listed}`,
    {
      name,
      group: kind.group || undefined,
      kind: kind.kind,
      causes,
    },
  );
}

export function badRequest(message: string): SimApiError {
  return new SimApiError(400, 'BadRequest', message);
}

export function unauthorized(): SimApiError {
  return new SimApiError(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(
  message: string,
  details?: StatusDetails,
): SimApiError {
  return new SimApiError(403, 'Forbidden', message, details ?? {});
}

export function methodNotAllowed(): SimApiError {
  return new SimApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function unsupportedMediaType(
  contentType: string,
  accepted: readonly string[],
): SimApiError {
  return new SimApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
      ', ',
    )}`,
    { causes: [{ reason: 'UnsupportedMediaType', message: contentType }] },
  );
}

/** 410: a watch or continue token points before the retained history. */
export function expired(message: string): SimApiError {
  return new SimApiError(410, 'Expired', message);
}

export function tooOldResourceVersion(
  requested: number,
  oldest: number,
): SimApiError {
  return expired(`too old resource version: ${requested} (${oldest})`);
}

export function tooManyRequests(retryAfterSeconds: number): SimApiError {
  return new SimApiError(
    429,
    'TooManyRequests',
    'Too many requests, please try again later.',
    { retryAfterSeconds },
  );
}

export function internalError(message: string): SimApiError {
  return new SimApiError(
    500,
    'InternalError',
    `Internal error occurred: ${message}`,
    { causes: [{ message }] },
  );
}

export function serviceUnavailable(message: string): SimApiError {
  return new SimApiError(503, 'ServiceUnavailable', message);
}

export function timeout(): SimApiError {
  return new SimApiError(
    504,
    'Timeout',
    'Timeout: request did not complete within the allotted timeout',
    {},
  );
}

export function requestEntityTooLarge(limit: number): SimApiError {
  return new SimApiError(
    413,
    'RequestEntityTooLarge',
    `Request entity too large: limit is ${limit}`,
  );
}
