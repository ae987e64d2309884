/*
 * One error type for everything that goes wrong talking to a Kubernetes API server:
 * Kubernetes `Status` responses, transport failures and timeouts. Messages carry the
 * server's Status message and the HTTP status only: never URLs with query strings,
 * headers, request bodies or credentials.
 */
import { CustomErrorBase } from '@backstage/errors';

/**
 * A field-level cause from a Kubernetes `Status` (`details.causes[]`).
 *
 * @public
 */
export interface KubernetesStatusCause {
  /** e.g. `FieldValueInvalid`, `FieldValueRequired`, `FieldManagerConflict` */
  reason?: string;
  message?: string;
  /** e.g. `spec.template` */
  field?: string;
}

/**
 * Options of {@link KubernetesApiError}.
 *
 * @public
 */
export interface KubernetesApiErrorOptions {
  /** HTTP status; 0 when no response was received. */
  code: number;
  /** Kubernetes reason (`NotFound`, `Conflict`, `Invalid`, …) or a transport reason. */
  reason: string;
  message: string;
  causes?: KubernetesStatusCause[];
  retryable?: boolean;
  retryAfterSeconds?: number;
  details?: { name?: string; group?: string; kind?: string };
}

const MAX_MESSAGE = 1000;

/**
 * An error from a Kubernetes API server, or from reaching it.
 *
 * @remarks
 * `retryable` is true for 429, 5xx (except 501), timeouts and connection
 * errors, and false for other 4xx. A 409 is never marked retryable: a
 * `Conflict` on update means the caller read a stale object and has to decide
 * (re-read and re-apply, or give up); `AlreadyExists` is final.
 *
 * Transport reasons are `ConnectionError`, `Timeout`, `Aborted` and
 * `ProtocolError` (code 0).
 *
 * @public
 */
export class KubernetesApiError extends CustomErrorBase {
  name = 'KubernetesApiError' as const;
  /** HTTP status; 0 when no response was received. */
  readonly code: number;
  readonly reason: string;
  readonly causes: KubernetesStatusCause[];
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly details?: { name?: string; group?: string; kind?: string };

  constructor(options: KubernetesApiErrorOptions) {
    super(truncate(options.message));
    this.code = options.code;
    this.reason = options.reason;
    this.causes = options.causes ?? [];
    this.retryable = options.retryable ?? isRetryableStatus(options.code);
    if (options.retryAfterSeconds !== undefined) {
      this.retryAfterSeconds = options.retryAfterSeconds;
    }
    if (options.details) {
      this.details = options.details;
    }
  }

  /** Checks the name and shape; works across package copies. */
  static is(value: unknown): value is KubernetesApiError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Error).name === 'KubernetesApiError' &&
      typeof (value as KubernetesApiError).code === 'number'
    );
  }

  /**
   * Builds the error from an HTTP status and a response body, which may be a
   * Kubernetes `Status` object, its JSON text, or anything else.
   */
  static fromResponse(
    httpStatus: number,
    body: unknown,
    headers?: Record<string, string | string[] | undefined>,
  ): KubernetesApiError {
    const status = parseStatus(body);
    const code =
      typeof status?.code === 'number' && status.code > 0
        ? status.code
        : httpStatus;
    const reason =
      (typeof status?.reason === 'string' && status.reason) ||
      reasonForCode(code);
    const message =
      (typeof status?.message === 'string' && status.message) ||
      `the server responded with HTTP ${code}`;
    const rawCauses = status?.details?.causes;
    const causes: KubernetesStatusCause[] = Array.isArray(rawCauses)
      ? rawCauses.map((c: any) => {
          const cause: KubernetesStatusCause = {};
          if (typeof c?.reason === 'string') cause.reason = c.reason;
          if (typeof c?.message === 'string')
            cause.message = truncate(c.message);
          if (typeof c?.field === 'string') cause.field = c.field;
          return cause;
        })
      : [];
    let retryAfterSeconds: number | undefined;
    const header = headers?.['retry-after'] ?? headers?.['Retry-After'];
    const headerValue = Array.isArray(header) ? header[0] : header;
    if (headerValue !== undefined && /^\d+$/.test(headerValue.trim())) {
      retryAfterSeconds = Number(headerValue.trim());
    } else if (typeof status?.details?.retryAfterSeconds === 'number') {
      retryAfterSeconds = status.details.retryAfterSeconds;
    }
    const details: { name?: string; group?: string; kind?: string } = {};
    for (const k of ['name', 'group', 'kind'] as const) {
      if (typeof status?.details?.[k] === 'string') {
        details[k] = status.details[k];
      }
    }
    return new KubernetesApiError({
      code,
      reason,
      message: `${reason} (HTTP ${code}): ${message}`,
      causes,
      retryAfterSeconds,
      details: Object.keys(details).length ? details : undefined,
    });
  }

  /**
   * Normalises anything thrown while talking to the API server: client-node's
   * `ApiException`, fetch and socket errors, timeouts, or an existing
   * `KubernetesApiError` (returned as is).
   */
  static fromError(error: unknown): KubernetesApiError {
    if (KubernetesApiError.is(error)) {
      return error;
    }
    const e = error as any;
    // client-node ApiException: { code: number, body, headers }
    if (
      e &&
      typeof e === 'object' &&
      typeof e.code === 'number' &&
      e.code >= 100 &&
      'body' in e
    ) {
      return KubernetesApiError.fromResponse(e.code, e.body, e.headers);
    }
    // client-node Watch: Error(statusText) with statusCode
    if (e && typeof e.statusCode === 'number' && e.statusCode >= 100) {
      return KubernetesApiError.fromResponse(e.statusCode, undefined);
    }
    const name: string = typeof e?.name === 'string' ? e.name : '';
    let sysCode: string | undefined;
    if (typeof e?.code === 'string') sysCode = e.code;
    else if (typeof e?.errno === 'string') sysCode = e.errno;
    if (
      name === 'TimeoutError' ||
      sysCode === 'ETIMEDOUT' ||
      sysCode === 'ESOCKETTIMEDOUT' ||
      e?.type === 'request-timeout'
    ) {
      return new KubernetesApiError({
        code: 0,
        reason: 'Timeout',
        message: 'Timeout: the API server did not respond in time',
        retryable: true,
      });
    }
    if (name === 'AbortError' || sysCode === 'ABORT_ERR') {
      return new KubernetesApiError({
        code: 0,
        reason: 'Aborted',
        message: 'Aborted: the request was cancelled',
        retryable: true,
      });
    }
    if (sysCode === 'ECONNRESET' || sysCode === 'EPIPE') {
      return new KubernetesApiError({
        code: 0,
        reason: 'ConnectionError',
        message: `ConnectionError: the connection to the API server was reset (${sysCode})`,
        retryable: true,
      });
    }
    if (sysCode && /^E[A-Z_]+$/.test(sysCode)) {
      return new KubernetesApiError({
        code: 0,
        reason: 'ConnectionError',
        message: `ConnectionError: cannot reach the API server (${sysCode})`,
        retryable: true,
      });
    }
    if (name === 'FetchError' || /socket hang up/i.test(String(e?.message))) {
      return new KubernetesApiError({
        code: 0,
        reason: 'ConnectionError',
        message: 'ConnectionError: cannot reach the API server',
        retryable: true,
      });
    }
    // Unknown errors: keep the class name only; the message might carry anything.
    return new KubernetesApiError({
      code: 0,
      reason: 'ProtocolError',
      message: `ProtocolError: unexpected ${
        name || 'error'
      } talking to the API server`,
      retryable: true,
    });
  }
}

function parseStatus(body: unknown): any | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (
    value &&
    typeof value === 'object' &&
    ((value as any).kind === 'Status' ||
      'reason' in (value as any) ||
      'message' in (value as any))
  ) {
    return value;
  }
  return undefined;
}

/** Whether an HTTP status is worth retrying as is. */
export function isRetryableStatus(code: number): boolean {
  if (code === 0) return true;
  if (code === 429 || code === 408) return true;
  return code >= 500 && code !== 501;
}

function reasonForCode(code: number): string {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 405:
      return 'MethodNotAllowed';
    case 408:
      return 'Timeout';
    case 409:
      return 'Conflict';
    case 410:
      return 'Expired';
    case 415:
      return 'UnsupportedMediaType';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalError';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'Timeout';
    default:
      return code >= 500 ? 'InternalError' : 'Unknown';
  }
}

function truncate(message: string): string {
  return message.length > MAX_MESSAGE
    ? `${message.slice(0, MAX_MESSAGE)}…`
    : message;
}
