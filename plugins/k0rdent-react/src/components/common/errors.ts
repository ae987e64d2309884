/*
 * What the k0rdent backend's errors mean for the pages. The client
 * throws ResponseErrors carrying the backend's message; tests and other
 * clients may throw the named errors of @backstage/errors directly.
 */
import { ResponseError } from '@backstage/errors';

const STATUS_BY_NAME: Record<string, number> = {
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

/** The HTTP status an error stands for, when known. */
export function statusOf(error: Error): number | undefined {
  if (ResponseError.is(error)) return error.statusCode;
  return STATUS_BY_NAME[error.name];
}

/** The backend's own message, without the client's "Request failed with …". */
export function messageOf(error: Error): string {
  if (ResponseError.is(error)) return error.cause.message || error.message;
  return error.message;
}

/**
 * What to tell a user about a failed KOF request (metrics, cost): KOF not
 * reachable, or clusters KOF cannot tell apart; undefined for other errors.
 */
export function kofErrorMessage(
  error: Error,
  managementCluster: string,
): string | undefined {
  switch (statusOf(error)) {
    case 503:
      return `KOF is not reachable on management cluster ${managementCluster}: ${messageOf(
        error,
      )}`;
    case 409:
      return messageOf(error);
    default:
      return undefined;
  }
}
