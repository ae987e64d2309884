/*
 * Small HTTP helpers shared by the handlers: writing JSON and `Status` bodies and
 * reading request bodies (JSON or YAML) with the API server's size limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import {
  SimApiError,
  badRequest,
  internalError,
  requestEntityTooLarge,
} from '../errors';

/** The real API server's request body limit (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Writes a JSON body given as text (so cached serializations can be reused). */
export function sendJsonText(
  res: ServerResponse,
  code: number,
  body: string,
  contentType = 'application/json',
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache, private',
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
): void {
  sendJsonText(res, code, JSON.stringify(body));
}

/** Writes the `Status` for an error; anything that is not a `SimApiError` is a 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof SimApiError
      ? error
      : internalError(error instanceof Error ? error.message : String(error));
  if (apiError.code === 429 || apiError.code === 503) {
    const retryAfter = apiError.details?.retryAfterSeconds;
    if (retryAfter !== undefined && !res.headersSent) {
      res.setHeader('Retry-After', String(retryAfter));
    }
  }
  sendJson(res, apiError.code, apiError.toStatus());
}

/** The request body as text; 413 beyond the limit. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw requestEntityTooLarge(MAX_BODY_BYTES);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** Parses a JSON (or, for YAML media types, YAML) body; 400 when malformed. */
export function parseBody(
  text: string,
  contentType: string | undefined,
): unknown {
  if (!text.trim()) throw badRequest('the request body is empty');
  const type = mediaType(contentType);
  try {
    if (type.includes('yaml')) return parseYaml(text);
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `the body of the request could not be decoded: ${
        (error as Error).message
      }`,
    );
  }
}

export function delay(millis: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, millis));
}
