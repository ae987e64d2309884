/*
 * Authentication and authorization, reduced to what the simulator needs: an admin
 * bearer token that may do everything and an optional read-only token that may only
 * read (get, list, watch, and the service proxy). Without any token configured every
 * request is allowed, as on a local development server.
 */
import type { IncomingMessage } from 'node:http';
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { forbidden, qualifiedResource, unauthorized } from '../errors';
import { WRITE_VERBS } from './routes';

export interface AuthOptions {
  /** Bearer token with full access. */
  token?: string;
  /** Bearer token that may only read. */
  readOnlyToken?: string;
  /** User names shown in 403 messages. */
  adminUser?: string;
  readOnlyUser?: string;
}

export interface User {
  name: string;
  readOnly: boolean;
}

const ANONYMOUS: User = { name: 'system:anonymous', readOnly: false };

/** The user behind a request; throws 401 Unauthorized for a missing or unknown token. */
export function authenticate(req: IncomingMessage, options: AuthOptions): User {
  if (options.token === undefined && options.readOnlyToken === undefined)
    return ANONYMOUS;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  const presented = match?.[1].trim();
  if (presented !== undefined) {
    if (options.token !== undefined && presented === options.token) {
      return { name: options.adminUser ?? 'admin', readOnly: false };
    }
    if (
      options.readOnlyToken !== undefined &&
      presented === options.readOnlyToken
    ) {
      return { name: options.readOnlyUser ?? 'viewer', readOnly: true };
    }
  }
  throw unauthorized();
}

/** Throws 403 Forbidden (with the real message) when a read-only user writes. */
export function authorizeResource(
  user: User,
  verb: string,
  kind: KindInfo,
  namespace: string | undefined,
  name: string | undefined,
  subresource: string | undefined,
): void {
  if (!user.readOnly || !WRITE_VERBS.has(verb)) return;
  const resource = subresource ? `${kind.plural}/${subresource}` : kind.plural;
  const subject = name
    ? `${qualifiedResource(kind)} "${name}"`
    : qualifiedResource(kind);
  const scope = namespace
    ? `in the namespace "${namespace}"`
    : 'at the cluster scope';
  throw forbidden(
    `${subject} is forbidden: User "${user.name}" cannot ${verb} resource "${resource}" in API group "${kind.group}" ${scope}`,
    { name, group: kind.group || undefined, kind: kind.plural },
  );
}

/** Throws 403 when a read-only user sends a non-GET request to a non-resource path. */
export function authorizePath(user: User, method: string, path: string): void {
  if (!user.readOnly || method === 'GET' || method === 'HEAD') return;
  throw forbidden(
    `forbidden: User "${
      user.name
    }" cannot ${method.toLowerCase()} path "${path}"`,
  );
}
